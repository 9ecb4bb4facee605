"""Where transcript errors are: a character alignment against the reference, each error classed.

A CER figure says how many characters are wrong, not why. This aligns a hypothesis
with its reference on the CER comparison form (so punctuation and script never count)
and labels each edit by kind (homophone substitution, other substitution, deletion,
insertion; a number written in digits is read out by the comparison form, so it is
no error) and by place (within ``cut_margin_s`` of a decoding
window's edge, or inside a window), so a fix can target the largest class.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pypinyin import Style, pinyin

from transcription.text_normalization import normalize_for_cer

KINDS = ("homophone", "substitution", "deletion", "insertion")


@dataclass(frozen=True)
class EditOp:
    """One edit: ``ref_index`` is the reference position it sits at (insertions: the next one)."""

    op: str  # "sub", "del" or "ins"
    ref_index: int
    ref_char: str
    hyp_char: str


@dataclass(frozen=True)
class ClassifiedError:
    """An edit with its kind, its time on the recording, and whether it lies at a window cut."""

    kind: str
    at_cut: bool
    time_s: float
    ref_char: str
    hyp_char: str


def align(reference: str, hypothesis: str) -> list[EditOp]:
    """Levenshtein edits turning ``reference`` into ``hypothesis`` (one minimal alignment)."""
    rows, cols = len(reference) + 1, len(hypothesis) + 1
    cost = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        cost[i][0] = i
    for j in range(cols):
        cost[0][j] = j
    for i in range(1, rows):
        for j in range(1, cols):
            cost[i][j] = min(
                cost[i - 1][j] + 1,
                cost[i][j - 1] + 1,
                cost[i - 1][j - 1] + (reference[i - 1] != hypothesis[j - 1]),
            )
    return _backtrace(cost, reference, hypothesis)


def _backtrace(cost: list[list[int]], reference: str, hypothesis: str) -> list[EditOp]:
    ops: list[EditOp] = []
    i, j = len(reference), len(hypothesis)
    while i > 0 or j > 0:
        same = i > 0 and j > 0 and reference[i - 1] == hypothesis[j - 1]
        if i > 0 and j > 0 and cost[i][j] == cost[i - 1][j - 1] + (not same):
            if not same:
                ops.append(EditOp("sub", i - 1, reference[i - 1], hypothesis[j - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and cost[i][j] == cost[i - 1][j] + 1:
            ops.append(EditOp("del", i - 1, reference[i - 1], ""))
            i -= 1
        else:
            ops.append(EditOp("ins", i, "", hypothesis[j - 1]))
            j -= 1
    return ops[::-1]


def readings(char: str) -> set[str]:
    """Every toneless pinyin reading of one character (heteronyms included)."""
    return set(pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")[0] or [])


def edit_kind(op: EditOp) -> str:
    """homophone / substitution / deletion / insertion (一 against 业 is a homophone)."""
    if op.op == "del":
        return "deletion"
    if op.op == "ins":
        return "insertion"
    return "homophone" if readings(op.ref_char) & readings(op.hyp_char) else "substitution"


def near_cut(time_s: float, cuts: Sequence[float], margin_s: float) -> bool:
    """True when ``time_s`` is within ``margin_s`` of any window edge in ``cuts``."""
    return any(abs(time_s - cut) <= margin_s for cut in cuts)


def classify(
    reference: str,
    hypothesis: str,
    char_times: Sequence[float],
    cuts: Sequence[float],
    cut_margin_s: float = 1.0,
) -> list[ClassifiedError]:
    """Every error of ``hypothesis``; ``char_times[k]`` is when normalised reference char k is said."""
    ref, hyp = normalize_for_cer(reference), normalize_for_cer(hypothesis)
    if len(char_times) != len(ref):
        raise ValueError(f"需要 {len(ref)} 个参考字时间，实际 {len(char_times)} 个")
    errors = []
    for op in align(ref, hyp):
        time_s = char_times[min(op.ref_index, len(ref) - 1)] if ref else 0.0
        errors.append(
            ClassifiedError(
                edit_kind(op),
                near_cut(time_s, cuts, cut_margin_s),
                time_s,
                op.ref_char,
                op.hyp_char,
            )
        )
    return errors


def spread_times(reference: str, start_s: float, end_s: float) -> list[float]:
    """Reference characters spread evenly over ``[start_s, end_s)`` (no forced alignment)."""
    chars = normalize_for_cer(reference)
    step = (end_s - start_s) / max(len(chars), 1)
    return [start_s + (k + 0.5) * step for k in range(len(chars))]


def inner_cuts(windows: Iterable[tuple[float, float]], duration_s: float) -> list[float]:
    """Window edges that cut the recording (the file's own start and end are not cuts)."""
    edges = {edge for window in windows for edge in window}
    return sorted(e for e in edges if 0.05 < e < duration_s - 0.05)


def tally(errors: Iterable[ClassifiedError]) -> dict[str, dict[str, int]]:
    """{"at_cut"|"inside": {kind: count}} with every kind present."""
    counts = Counter((("at_cut" if e.at_cut else "inside"), e.kind) for e in errors)
    return {place: {k: counts[(place, k)] for k in KINDS} for place in ("at_cut", "inside")}

"""Character error rate, the standard accuracy measure for Mandarin ASR.

Both sides go through :func:`normalize_for_cer` first, so punctuation, spacing and
script never count as errors: only the characters a listener would hear differently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from transcription.text_normalization import normalize_for_cer


@dataclass(frozen=True)
class CerScore:
    """Edit operations against a reference of ``reference_chars`` characters."""

    errors: int
    reference_chars: int

    @property
    def cer(self) -> float:
        """errors / reference length (0.0 for an empty reference and empty hypothesis)."""
        if self.reference_chars == 0:
            return 0.0 if self.errors == 0 else 1.0
        return self.errors / self.reference_chars


def edit_distance(reference: str, hypothesis: str) -> int:
    """Levenshtein distance (substitutions + deletions + insertions), O(len·len) time."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref_ch in enumerate(reference, start=1):
        current = [i]
        for j, hyp_ch in enumerate(hypothesis, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref_ch != hyp_ch))
            )
        previous = current
    return previous[-1]


def score_cer(reference: str, hypothesis: str, spoken: bool = True) -> CerScore:
    """Normalise both texts the same way and count character errors."""
    ref = normalize_for_cer(reference, spoken)
    hyp = normalize_for_cer(hypothesis, spoken)
    return CerScore(errors=edit_distance(ref, hyp), reference_chars=len(ref))


def pooled_cer(scores: Iterable[CerScore]) -> CerScore:
    """Corpus CER: total errors over total reference characters (not a mean of ratios)."""
    scores = list(scores)
    return CerScore(
        errors=sum(s.errors for s in scores),
        reference_chars=sum(s.reference_chars for s in scores),
    )

"""Recall and precision of the redactor on a labelled set, per kind of personal data.

Recall: a labelled span counts as hidden when every letter, digit and Chinese
character it must hide is ``*``. Precision: a reported span is right when the
characters it hid overlap a labelled span. Organisation names and credit codes
must come out with no character hidden.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from assistant.publicity.redaction import MASK_CHAR, RedactedText, Redactor
from eval.pii_samples import LabelledSample, LabelledSpan


@dataclass
class KindScore:
    labelled: int = 0
    hidden: int = 0
    reported: int = 0
    reported_right: int = 0

    @property
    def recall(self) -> float:
        return self.hidden / self.labelled if self.labelled else 1.0

    @property
    def precision(self) -> float:
        return self.reported_right / self.reported if self.reported else 1.0

    def as_json(self) -> dict[str, float | int]:
        return {
            "labelled": self.labelled,
            "hidden": self.hidden,
            "recall": round(self.recall, 4),
            "reported": self.reported,
            "reported_right": self.reported_right,
            "precision": round(self.precision, 4),
        }


@dataclass
class BenchReport:
    kinds: dict[str, KindScore] = field(default_factory=dict)
    public_labelled: Counter[str] = field(default_factory=Counter)
    public_masked: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "kinds": {k: v.as_json() for k, v in sorted(self.kinds.items())},
            "public": {
                k: {"labelled": n, "masked": self.public_masked[k]}
                for k, n in sorted(self.public_labelled.items())
            },
            "misses": self.misses[:20],
        }


def _must_hide(text: str, span: LabelledSpan) -> range:
    return range(span.start + span.keep, span.end)


def _is_hidden(original: str, redacted: str, span: LabelledSpan) -> bool:
    return all(
        redacted[i] == MASK_CHAR for i in _must_hide(original, span) if original[i].isalnum()
    )


def _score_sample(sample: LabelledSample, result: RedactedText, report: BenchReport) -> None:
    for span in sample.pii:
        score = report.kinds.setdefault(span.kind, KindScore())
        score.labelled += 1
        if _is_hidden(sample.text, result.text, span):
            score.hidden += 1
        else:
            report.misses.append(f"{span.kind}: {sample.text} → {result.text}")
    for found in result.spans:
        score = report.kinds.setdefault(found.kind.value, KindScore())
        score.reported += 1
        if any(found.masked_start < s.end and s.start + s.keep < found.end for s in sample.pii):
            score.reported_right += 1
    for span in sample.public:
        report.public_labelled[span.kind] += 1
        if MASK_CHAR in result.text[span.start : span.end]:
            report.public_masked[span.kind] += 1
            report.misses.append(f"{span.kind} masked: {sample.text} → {result.text}")


def run_bench(redactor: Redactor, samples: dict[str, list[LabelledSample]]) -> BenchReport:
    """Redact every sample and score it against its labels."""
    report = BenchReport()
    for group in samples.values():
        for sample in group:
            _score_sample(sample, redactor.redact(sample.text), report)
    return report

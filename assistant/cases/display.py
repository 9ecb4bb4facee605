"""What the assistant shows of a case: personal data of parties hidden.

Known party names (当事人, CAIL criminals, plaintiffs) are masked first — they are
known exactly, whatever a detector finds. Then the shared publicity redactor
(``assistant.publicity.redaction.Redactor``: names by LAC, ID/phone/address patterns,
organisations kept public) runs when one is given; without it, the pattern
detectors of ``assistant.publicity.pii_patterns`` still hide numbers and addresses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from assistant.cases.model import Case
from assistant.publicity.pii_patterns import pattern_spans
from assistant.publicity.pii_span import to_halfwidth

MASK = "*"
_ORGANISATION = re.compile(
    r"(公司|厂|店|中心|合作社|集团|银行|医院|学校|事务所|商行|超市|局|政府|委员会)"
)


class RedactedLike(Protocol):
    text: str


class TextRedactor(Protocol):
    """The shared redactor's shape: ``redact(text) -> object with .text``."""

    def redact(self, text: str) -> RedactedLike: ...


def person_parties(parties: Iterable[str]) -> list[str]:
    """Parties that are natural persons (organisation names stay public, 双公示)."""
    return [p for p in parties if p and not _ORGANISATION.search(p) and len(p) <= 6]


def mask_name(name: str) -> str:
    """Surname kept, the rest hidden: 张三 → 张*, 李×1 → 李**."""
    return name[:1] + MASK * (len(name) - 1)


def mask_parties(text: str, parties: Iterable[str]) -> str:
    """Every occurrence of a known person party, longest names first."""
    for name in sorted(person_parties(parties), key=len, reverse=True):
        text = text.replace(name, mask_name(name))
    return text


def mask_patterns(text: str) -> str:
    """ID numbers, phones, accounts, plates, e-mails and addresses by pattern (offset-safe)."""
    hidden = {i for s in pattern_spans(to_halfwidth(text)) for i in range(s.masked_start, s.end)}
    return "".join(MASK if i in hidden and not c.isspace() else c for i, c in enumerate(text))


class CaseDisplay:
    """Redacts case text for display; ``redactor`` is the shared publicity redactor, if loaded."""

    def __init__(self, redactor: TextRedactor | None = None) -> None:
        self.redactor = redactor

    def text(self, text: str, parties: Iterable[str]) -> str:
        masked = mask_parties(text, parties)
        if self.redactor is not None:
            return self.redactor.redact(masked).text
        return mask_patterns(masked)

    def case(self, case: Case) -> Case:
        """A copy fit to show: text fields redacted, raw parties replaced by their masks."""
        parties = case.parties
        return case.model_copy(
            update={
                "title": mask_parties(case.title, parties),
                "parties": [mask_name(p) if p in person_parties(parties) else p for p in parties],
                "facts": self.text(case.facts, parties),
                "decision": self.text(case.decision, parties),
                "evidence": [self.text(e, parties) for e in case.evidence],
                "sections": {k: self.text(v, parties) for k, v in case.sections.items()},
            }
        )

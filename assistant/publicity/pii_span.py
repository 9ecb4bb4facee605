"""The one shape every detector reports: a character span with what to keep visible."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PiiKind(StrEnum):
    """Kinds of personal data hidden before publication (公示办法第十四条)."""

    NAME = "name"
    ID_NUMBER = "id_number"
    PHONE = "phone"
    ADDRESS = "address"
    BANK_ACCOUNT = "bank_account"
    PLATE = "plate"
    EMAIL = "email"


@dataclass(frozen=True)
class PiiSpan:
    """``text[start:end]`` is personal data; the first ``keep`` characters stay readable.

    ``keep`` holds what identifies nobody on its own: a surname (张*), the
    province and city letter of a plate (粤A*****), the administrative prefix of an
    address (广州市天河区******).
    """

    start: int
    end: int
    kind: PiiKind
    source: str
    keep: int = 0

    @property
    def masked_start(self) -> int:
        return self.start + self.keep

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def to_halfwidth(text: str) -> str:
    """Full-width ASCII (１３８、ＡＢ) as half-width, one character for one, so offsets hold."""
    return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)

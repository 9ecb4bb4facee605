"""Which law a question names: full, short or alias names, with or without 《》.

A question that says 根据妇女权益保障法 or 《证券法》 is about that law; retrieving
within it removes every look-alike article of other laws. Names come from the index
itself (each unit's short name and full title) plus the enforcement aliases of
``corpus.law_names``, so a law the corpus lacks is never "detected".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from corpus.law_names import COMMON_ALIASES, short_name
from corpus.text_normalizer import normalize_text

# A bare name shorter than this (刑法, 宪法) counts only after a cue such as 根据.
_MIN_BARE_CHARS = 3
_CUE = re.compile(r"(?:根据|依据|依照|按照|违反|适用|《)$")
# 公司法定代表人, 保险法律关系: a name ending in 法 glued to one of these is another word.
_GLUED_AFTER_FA = frozenset("定人律规院官治制庭务学理")
_NAME_END = re.compile(r"(?:法|法典|条例|规定|办法|细则|决定|规则|准则|编)$")
_BRACKETED = re.compile(r"《([^《》]{2,60})》")


@dataclass(frozen=True)
class LawMention:
    """One law named in a question, where, and how (``bracketed`` = inside 《》)."""

    law: str
    start: int
    end: int
    bracketed: bool


class LawDetector:
    """Longest-match search of every known name of every indexed law."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = {name: law for name, law in names.items() if len(name) >= 2}
        ordered = sorted(self.names, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(n) for n in ordered)) if ordered else None

    @classmethod
    def from_laws(cls, laws: Iterable[tuple[str, str]]) -> LawDetector:
        """From ``(short name, full title)`` pairs; aliases kept only for indexed laws."""
        names: dict[str, str] = {}
        known: set[str] = set()
        for law, title in laws:
            known.add(law)
            for name in (law, short_name(title), normalize_text(title)):
                if _NAME_END.search(name):
                    names.setdefault(name, law)
        for alias, law in COMMON_ALIASES.items():
            if law in known:
                names.setdefault(alias, law)
        return cls(names)

    def mentions(self, question: str) -> list[LawMention]:
        """Every non-overlapping mention, leftmost-longest first."""
        text = normalize_text(question)
        found: list[LawMention] = []
        for match in _BRACKETED.finditer(text):
            law = self.names.get(short_name(match.group(1)))
            if law is not None:
                found.append(LawMention(law, match.start(), match.end(), True))
        taken = [(m.start, m.end) for m in found]
        if self._pattern is not None:
            for match in self._pattern.finditer(text):
                overlaps = any(s < match.end() and match.start() < e for s, e in taken)
                if not overlaps and _stands_alone(text, match.start(), match.end()):
                    found.append(LawMention(self.names[match.group()], *match.span(), False))
        return sorted(found, key=lambda m: m.start)

    def laws(self, question: str) -> tuple[str, ...]:
        """The distinct laws a question names, in order of first mention."""
        return tuple(dict.fromkeys(m.law for m in self.mentions(question)))


def _stands_alone(text: str, start: int, end: int) -> bool:
    """A bare match is a law name, not part of a longer word (公司法定) or a stray 2-char hit."""
    name = text[start:end]
    glued = end < len(text) and text[end] in _GLUED_AFTER_FA
    if name.endswith("法") and glued and text[end : end + 2] != "规定":
        return False
    return len(name) >= _MIN_BARE_CHARS or bool(_CUE.search(text[max(0, start - 2) : start]))

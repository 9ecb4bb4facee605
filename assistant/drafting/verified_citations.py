"""Every article a draft prints resolves in the corpus; anything else becomes a marker.

Three layers make the guarantee: the case file's citations are resolved on the act
date (《行政处罚法》第三十七条); templates cite fixed provisions through ``cite()``,
resolved on the document date; and the finished text is audited line by line, so
a citation typed straight into an agency template cannot slip through unverified.
The discretion standards' own rules are the one exception: they are shipped,
hash-checked standards, not statutes, and are allowed by title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.drafting.missing import MARKER_PREFIX, MissingLog
from corpus.citation_parser import CitationRef
from corpus.citation_resolver import CitationError, CitationResolver, ResolvedCitation
from corpus.text_normalizer import normalize_text

_MARKERS = re.compile(re.escape(MARKER_PREFIX) + r"[^】]*】")
"""Markers already name what to verify; the audit does not look inside them."""


@dataclass(frozen=True)
class UsedCitation:
    """A provision a draft printed, with the version it was verified against."""

    citation: str
    law: str
    version: date
    unit_id: str
    role: str

    def as_json(self) -> dict[str, str]:
        return {
            "citation": self.citation,
            "law": self.law,
            "version": self.version.isoformat(),
            "unit_id": self.unit_id,
            "role": self.role,
        }


def unresolved_label(written: str, reason: str) -> str:
    """The 【待补充】 label of a citation that did not resolve."""
    return f"核实依据 {written}（{reason}）"


_TITLE = re.compile(r"《([^《》]+)》")


def _named_before(line: str, ref: CitationRef) -> str | None:
    """The law last named before an article written without one: “根据《X法》…（第七条）”."""
    if ref.law:
        return None
    titles = _TITLE.findall(line[: ref.start])
    return titles[-1] if titles else None


class CitationLedger:
    """Resolves the citations of one draft and remembers those it printed."""

    def __init__(
        self,
        resolver: CitationResolver,
        log: MissingLog,
        dates: tuple[date, ...],
        allowed_titles: frozenset[str],
    ) -> None:
        self.resolver = resolver
        self.log = log
        self.dates = dates
        self.allowed_titles = allowed_titles
        self.notes: list[str] = []
        self._used: dict[str, UsedCitation] = {}
        self._printed: dict[str, UsedCitation] = {}

    @property
    def printed(self) -> list[UsedCitation]:
        """The verified provisions the audited text actually prints, in reading order."""
        return list(self._printed.values())

    def _record(self, found: ResolvedCitation, role: str) -> ResolvedCitation:
        self._used.setdefault(
            found.citation,
            UsedCitation(found.citation, found.law, found.version, found.unit_id, role),
        )
        self.notes += [w for w in found.warnings if w not in self.notes]
        return found

    def resolve(self, written: str, on: date, role: str) -> list[ResolvedCitation | str]:
        """Each citation in ``written``: resolved, or its marker (logged as missing)."""
        results: list[ResolvedCitation | str] = []
        for found in self.resolver.resolve_text(written, on):
            if isinstance(found, CitationError):
                results.append(self.log.note(unresolved_label(written, found.message)))
            else:
                results.append(self._record(found, role))
        return results

    def cite(self, written: str, on: date, role: str = "文书") -> str:
        """The canonical citation(s) of ``written`` for a template, or markers."""
        parts = self.resolve(written, on, role)
        return "、".join(p.citation if isinstance(p, ResolvedCitation) else p for p in parts)

    def first_stating(
        self, candidates: tuple[str, ...], phrase: str, on: date, role: str
    ) -> ResolvedCitation | str:
        """The first candidate that resolves on ``on`` and whose text says ``phrase``.

        Article numbers move between versions (行政复议法 2017 第九条 → 2023 第二十条);
        checking the text keeps a renumbered article from being cited for the wrong rule.
        """
        for written in candidates:
            for found in self.resolver.resolve_text(written, on):
                if isinstance(found, ResolvedCitation) and phrase in found.text:
                    return self._record(found, role)
        return self.log.note(
            unresolved_label(candidates[0], f"语料中该日有效的版本未载明“{phrase}”")
        )

    def audit(self, text: str) -> str:
        """The text with every citation that does not resolve replaced by a marker."""
        return "\n".join(self._audit_line(line) for line in text.split("\n"))

    def _audit_line(self, line: str) -> str:
        normalized = normalize_text(_MARKERS.sub(lambda m: "■" * len(m.group()), line))
        refs = self.resolver.parse(normalized)
        bad = [(r, why) for r in refs if (why := self._problem(r, _named_before(normalized, r)))]
        if not bad:
            return line
        limit = len(line)
        for ref, why in sorted(bad, key=lambda b: -b[0].start):
            start = ref.start if len(normalized) == len(line) else line.rfind(ref.raw, 0, limit)
            if start < 0 or line[start : start + len(ref.raw)] != ref.raw:
                return self.log.note(unresolved_label("（本段含未能核验的条文引用）", why))
            label = unresolved_label(f"{ref.law or ''}{ref.raw}", why)
            line = line[:start] + self.log.note(label) + line[start + len(ref.raw) :]
            limit = start
        return line

    def _problem(self, ref: CitationRef, named: str | None) -> str | None:
        """Why ``ref`` may not be printed, or None when it resolves (or is a standard's rule)."""
        if (ref.law or named or "").strip("《》") in self.allowed_titles:
            return None
        reason = ""
        for on in self.dates:
            try:
                found = self._record(self.resolver.resolve(ref, on, default_law=named), "文书")
                self._printed.setdefault(found.citation, self._used[found.citation])
                return None
            except CitationError as exc:
                reason = reason or exc.message
        return reason or "无法核验"

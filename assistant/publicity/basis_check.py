"""Check each 法律依据 of an entry against the statute base on the decision date.

A public entry must not cite an article that does not exist or was not in force;
the corpus resolver either returns the canonical citation or says why not.
"""

from __future__ import annotations

from datetime import date

from corpus.citation_resolver import CitationError, CitationResolver


class CorpusBasisChecker:
    """Resolves 依据 strings with the corpus; unknown ones come back with a reason."""

    def __init__(self, resolver: CitationResolver) -> None:
        self.resolver = resolver

    def check(self, basis: str, on: date) -> tuple[str | None, str | None]:
        results = self.resolver.resolve_text(basis, on)
        errors = [r for r in results if isinstance(r, CitationError)]
        if errors:
            return None, "；".join(e.message for e in errors)
        return "、".join(r.citation for r in results if not isinstance(r, CitationError)), None

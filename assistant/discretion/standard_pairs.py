"""A discretion-standard entry as a (violated, penalty) pair: the agency's own statement of it.

广东's table names both 违反条款 and 处罚依据; 江门's names the 处罚依据 only, so its
violated article is the one that 罚则 item cites (违反本法第X条), found in the statute.
Both sides are resolved by the citation engine on the date of the act.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assistant.discretion.catalogue import StandardsCatalogue
from assistant.discretion.model import LegalRef, Violation
from assistant.discretion.text_match import similarity
from corpus.citation_parser import CitationRef
from corpus.citation_resolver import CitationError, CitationResolver, ResolvedCitation

STANDARD_MIN_SIMILARITY = 0.5
SOURCE_NAMES = {"jiangmen": "江门市生态环境局裁量标准", "guangdong": "广东省生态环境罚款裁量表"}


@dataclass(frozen=True)
class StandardPair:
    violation: Violation
    similarity: float
    violated: ResolvedCitation | None
    penalty: ResolvedCitation

    def note(self, agrees: bool) -> dict:
        return {
            "id": self.violation.id,
            "source": SOURCE_NAMES.get(self.violation.source, self.violation.source),
            "title": self.violation.title,
            "similarity": round(self.similarity, 2),
            "agrees": agrees,
        }


def _resolve(ref: LegalRef, on: date, resolver: CitationResolver) -> ResolvedCitation | None:
    if ref.law is None:
        return None
    cited = CitationRef(
        law=ref.law, article=ref.article, suffix=ref.suffix, paragraph=ref.paragraph, item=ref.item
    )
    try:
        return resolver.resolve(cited, on)
    except CitationError:
        # the standard cites a 款/项 the version in force lacks: fall back to the article
        try:
            return resolver.resolve(CitationRef(law=ref.law, article=ref.article), on)
        except CitationError:
            return None


def matching_standards(
    catalogue: StandardsCatalogue, situation: str, limit: int = 3
) -> list[tuple[Violation, float]]:
    """Entries whose violation title the situation restates (bigram containment both ways)."""
    found = []
    for hit in catalogue.search_text(situation, limit=20):
        score = max(hit.score, similarity(hit.violation.title, situation))
        if score >= STANDARD_MIN_SIMILARITY:
            found.append((hit.violation, score))
    return sorted(found, key=lambda f: -f[1])[:limit]


def standard_pair(
    violation: Violation, score: float, on: date, resolver: CitationResolver
) -> StandardPair | None:
    """Resolve the entry's first 处罚依据 and 违反条款; None when the penalty does not resolve."""
    penalty_refs = [r for b in violation.legal_basis for r in b.refs]
    violated_refs = [r for b in violation.violated_provisions for r in b.refs]
    penalty = _resolve(penalty_refs[0], on, resolver) if penalty_refs else None
    if penalty is None:
        return None
    violated = _resolve(violated_refs[0], on, resolver) if violated_refs else None
    return StandardPair(violation, score, violated, penalty)

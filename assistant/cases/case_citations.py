"""The provisions a case cites, checked against the statute corpus.

A case's citations are only as good as the corpus: each written citation is resolved
with the citation engine on the case's date (or today when the case has none), so a
cited article either points at stored text (unit id) or carries the reason it does not.
"""

from __future__ import annotations

import datetime as dt

from assistant.cases.cail_loader import CRIMINAL_LAW
from assistant.cases.model import Case, CaseKind, CitedArticle
from corpus.citation_parser import CitationRef, normalized_law_name
from corpus.citation_resolver import CitationError, CitationResolver, ResolvedCitation
from corpus.law_names import short_name

# sections that hold the legal basis, per kind (facts: "违反了《…》第X条")
CITING_SECTIONS: dict[CaseKind, tuple[str, ...]] = {
    CaseKind.DECISION: ("违法事实", "处罚依据", "处罚决定"),
    CaseKind.JUDGMENT: (),  # every section: court cases cite inside their reasoning
    CaseKind.CRIMINAL: (),
}


def citing_text(case: Case) -> str:
    """The text a case's citations are read from."""
    wanted = CITING_SECTIONS[case.kind]
    if not wanted:
        return "\n".join([case.facts, case.decision, *case.sections.values()])
    return "\n".join(case.sections.get(name, "") for name in wanted)


def with_resolved_citations(case: Case, resolver: CitationResolver) -> Case:
    """The case with ``cited`` filled (found in its text when empty) and resolved."""
    on = case.date or dt.date.today()
    default_law = CRIMINAL_LAW if case.kind is CaseKind.CRIMINAL else None
    if case.cited:
        cited = [_resolve_written(c.written, resolver, on, default_law) for c in case.cited]
    else:
        cited = [_cited(ref, resolver, on) for ref in resolver.parse(citing_text(case))]
    return case.model_copy(update={"cited": _distinct(cited)})


def _resolve_written(
    written: str, resolver: CitationResolver, on: dt.date, default_law: str | None
) -> CitedArticle:
    refs = resolver.parse(written)
    if not refs:
        return CitedArticle(written=written, error=f"未识别到法条引用：“{written}”")
    return _cited(refs[0], resolver, on, default_law, written)


def _cited(
    ref: CitationRef,
    resolver: CitationResolver,
    on: dt.date,
    default_law: str | None = None,
    written: str | None = None,
) -> CitedArticle:
    shown = written or (ref.raw if not ref.law or ref.law in ref.raw else f"《{ref.law}》{ref.raw}")
    try:
        resolved: ResolvedCitation = resolver.resolve(ref, on, default_law)
    except CitationError as exc:
        law = known_law(ref.law, resolver)
        return CitedArticle(written=shown, law=law, article=ref.article, error=exc.message)
    return CitedArticle(
        written=shown,
        law=resolved.law,
        article=resolved.article,
        unit_id=resolved.unit_id,
        citation=resolved.citation,
    )


def known_law(written: str | None, resolver: CitationResolver) -> str | None:
    """Short name of a cited law, also when it is not in the corpus (for matching cases)."""
    if not written:
        return None
    try:
        return resolver.law_name(written)
    except CitationError:
        return short_name(normalized_law_name(written))


def _distinct(cited: list[CitedArticle]) -> list[CitedArticle]:
    """One entry per resolved unit (or per written text when unresolved), first kept."""
    seen: set[str] = set()
    kept: list[CitedArticle] = []
    for item in cited:
        key = item.unit_id or item.written
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept

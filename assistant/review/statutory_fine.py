"""The penalty provisions a file cites, their statutory fine, and the matching standard row.

Shared by the facts, law and discretion checkers so that each reads the same
verified provisions: the cited 处罚依据 resolved on the act date, the fine its own
text sets, and the discretion-standard violation whose 法律依据 is that article.
"""

from __future__ import annotations

from assistant.case_file import CaseFile
from assistant.discretion.model import PenaltyRange, Violation
from assistant.discretion.penalty_amounts import statutory_penalty
from assistant.discretion.text_match import similarity
from assistant.review.context import ReviewContext
from corpus.citation_resolver import ResolvedCitation


def penalty_provisions(case: CaseFile, ctx: ReviewContext) -> list[ResolvedCitation]:
    """Every 处罚依据 of the file that resolves on the act date."""
    found: list[ResolvedCitation] = []
    for written in case.citations.penalty_basis:
        found += [r for r in ctx.resolve(written, case.act_date) if isinstance(r, ResolvedCitation)]
    return found


def statutory_fine(
    case: CaseFile, ctx: ReviewContext
) -> tuple[PenaltyRange, ResolvedCitation] | None:
    """The one fine the cited penalty article sets (its unit first, else the whole article)."""
    for citation in penalty_provisions(case, ctx):
        fine = statutory_penalty(citation.text) or statutory_penalty(citation.article_text)
        if fine is not None and fine.has_numbers:
            return fine, citation
    return None


def matching_standard(case: CaseFile, ctx: ReviewContext) -> Violation | None:
    """The standard row named in the file, else the row citing the penalty article that
    reads most like the described violation."""
    if ctx.standards is None:
        return None
    if case.violation.standard_id:
        return ctx.standards.get(case.violation.standard_id)
    candidates: list[Violation] = []
    for citation in penalty_provisions(case, ctx):
        candidates += ctx.standards.search_article(
            citation.law, citation.article, citation.paragraph
        )
    if not candidates:
        return None
    text = case.violation.description
    best = max(candidates, key=lambda v: similarity(v.title, text))
    return best if similarity(best.title, text) >= 0.5 else None

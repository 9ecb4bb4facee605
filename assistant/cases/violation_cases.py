"""Similar cases about the same violation: decisions sharing the violated article come first.

A civil contract judgment that shares a few words with a pollution case is no help to
the officer; court civil cases are shown only when nothing closer exists, and say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant.cases.model import CaseKind
from assistant.cases.similar_cases import SimilarCase
from corpus.citation_resolver import ResolvedCitation
from corpus.numerals import article_label

ADMINISTRATIVE_COURT_DOMAINS = ("行政",)
CIVIL_NOTE = "法院民事案例：无更接近的行政处罚案例，仅供参考"
ADMINISTRATIVE_COURT_NOTE = "法院行政案例：非同一违法行为，无更接近的案例时仅供参考"
# a distant case (no shared article, not a penalty decision) must share this many salient terms
DISTANT_MIN_TERMS = 3
NONE_CLOSE_NOTE = "案例库中暂无同一违法行为的处罚案例"
CRIMINAL_NOTE = "刑事案例：无更接近的行政处罚案例，仅供判断是否涉嫌犯罪、需移送时参考"


def short_label(citation: ResolvedCitation) -> str:
    """《水污染防治法》第二十一条: the form similar cases name shared articles in."""
    return f"《{citation.law}》{article_label(citation.article, citation.suffix)}"


def _is_administrative_court(case: SimilarCase) -> bool:
    domain = case.domain or ""
    return case.kind == CaseKind.JUDGMENT.value and any(
        d in domain for d in ADMINISTRATIVE_COURT_DOMAINS
    )


def _tier(case: SimilarCase, violated: set[str], penalty: set[str]) -> int:
    shared = set(case.shared_articles)
    if shared & violated:
        return 0
    if shared & penalty:
        return 1
    if case.kind == CaseKind.DECISION.value and case.shared_terms:
        return 2
    return 3


def _with_relation(case: SimilarCase, tier: int, violated: set[str]) -> SimilarCase:
    reasons = list(case.reasons)
    if tier == 0:
        shared = "、".join(a for a in case.shared_articles if a in violated)
        reasons.insert(0, f"同一违法行为：均适用{shared}")
    elif tier == 1:
        reasons.insert(0, "适用同一罚则")
    elif tier == 2:
        reasons.insert(0, "同类行政处罚案件（事实相近，未引同一条文）")
    elif case.kind == CaseKind.CRIMINAL.value:
        reasons.insert(0, CRIMINAL_NOTE)
    elif _is_administrative_court(case):
        reasons.insert(0, ADMINISTRATIVE_COURT_NOTE)
    else:
        reasons.insert(0, CIVIL_NOTE)
    return replace(case, reasons=reasons)


def cases_about_violation(
    found: Sequence[SimilarCase],
    violated: Sequence[ResolvedCitation],
    penalties: Sequence[ResolvedCitation],
    k: int = 5,
) -> list[SimilarCase]:
    """Re-rank retrieved cases: same violated article, same 罚则, same-kind facts, others last.

    Cases with no shared article that are not penalty decisions are kept only when no
    case of the first three tiers exists, and only when they share several salient terms.
    """
    violated_labels = {short_label(c) for c in violated}
    penalty_labels = {short_label(c) for c in penalties}
    tiered = sorted(
        ((_tier(c, violated_labels, penalty_labels), i, c) for i, c in enumerate(found)),
        key=lambda t: (t[0], t[1]),
    )
    closer = [t for t in tiered if t[0] < 3]
    shown = closer or [t for t in tiered if len(t[2].shared_terms) >= DISTANT_MIN_TERMS]
    return [
        replace(_with_relation(case, tier, violated_labels), rank=rank)
        for rank, (tier, _, case) in enumerate(shown[:k], start=1)
    ]

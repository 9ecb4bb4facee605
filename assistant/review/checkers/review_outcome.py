"""程序是否合法 — a decision the legal review did not pass.

《广东省重大行政执法决定法制审核办法》第三条第一款: 未经法制审核或者审核不通过的，不得作出决定;
a review that returns the case with advice (第十九条第（二）项) is answered and submitted
again (第二十条); and the review comes once 调查取证 is complete (第十三条). So a decision whose last review before it did not pass — and no later
review passed — was made against the review's finding.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile, Event
from assistant.review.case_text import clauses
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity

REVIEW_RULE = "《广东省重大行政执法决定法制审核办法》第三条第一款"
SEQUENCE_RULE = "《广东省重大行政执法决定法制审核办法》第十三条"
_PASSED = re.compile(r"(?<![不未予])(?:同意|通过)")
_FAILED = re.compile(
    r"不同意|不通过|未通过|不予通过|不予批准|审核不过|予以退回"
    r"|退回(?=承办|办案|补|重新|修改|调查|案件|执法|部门|科室|大队|中队|处理|$)"
)
"""退回 is the review sending the case back, not a party returning money (退回全部损失)."""


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    decision = case.first("决定")
    if decision is None:
        return []
    reviews = [e for e in case.events_of("法制审核") if e.date <= decision.date]
    if not reviews:
        return []
    last = reviews[-1]
    if not _failed(last):
        return _investigated_after(case, ctx, last, decision)
    return [
        Flag(
            point=ReviewPoint.PROCEDURE,
            severity=Severity.MUST_FIX,
            reason="法制审核未通过（退回承办部门），未按审核建议处理并再次审核通过即作出决定",
            rule=ctx.rule(REVIEW_RULE),
            evidence=f"法制审核（{last.date}）：{last.result or ''}{last.note}；决定 {decision.date}",
        )
    ]


def _failed(review: Event) -> bool:
    """The review's own result, else its note, says it did not pass."""
    said = review.result or review.note
    parts = clauses(said)
    return any(_FAILED.search(c) for c in parts) and not any(_PASSED.search(c) for c in parts)


def _investigated_after(
    case: CaseFile, ctx: ReviewContext, review: Event, decision: Event
) -> list[Flag]:
    """第十三条: the review comes after 调查取证完毕; evidence gathered after it was not
    before the reviewer (checked: the review may have been repeated off the file)."""
    later = [e for e in case.events_of("调查取证") if review.date < e.date <= decision.date]
    if not later:
        return []
    return [
        Flag(
            point=ReviewPoint.PROCEDURE,
            severity=Severity.CHECK,
            reason="法制审核后又进行调查取证，新取得的证据未经法制审核即作出决定，请核实是否重新提交审核",
            rule=ctx.rule(SEQUENCE_RULE),
            evidence=f"法制审核 {review.date}；调查取证 {'、'.join(str(e.date) for e in later)}；"
            f"决定 {decision.date}",
        )
    ]

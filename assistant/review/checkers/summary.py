"""程序是否合法 — 简易程序: a penalty decided on the spot beyond what 第五十一条 allows
(警告, or a fine up to 200 yuan for a person / 3000 yuan for an organisation) needed
the general procedure (investigation, notice, hearing rights, 决定书 of 第五十九条).
A 治安 case is held to 治安管理处罚法第一百条 instead (特别法优先: 警告 or up to 200 yuan)."""

from __future__ import annotations

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.public_order import ON_THE_SPOT, ON_THE_SPOT_MAX_FINE, special_rule
from assistant.review.summary_procedure import beyond_summary, is_summary


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not is_summary(case):
        return []
    special = special_rule(case, ctx, ON_THE_SPOT)
    beyond = beyond_summary(case, ON_THE_SPOT_MAX_FINE if special else None)
    if not beyond:
        return []
    return [
        Flag(
            point=ReviewPoint.PROCEDURE,
            severity=Severity.MUST_FIX,
            reason=f"适用简易程序当场作出处罚，但{'、'.join(beyond)}超出当场处罚的范围，"
            "应当适用普通程序",
            rule=special or ctx.penalty_law("第五十一条"),
            evidence=f"penalty.types：{'、'.join(case.penalty.types) or '无'}；"
            f"penalty.amount={case.penalty.amount}",
        )
    ]

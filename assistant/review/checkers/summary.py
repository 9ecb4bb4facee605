"""程序是否合法 — 简易程序: a penalty decided on the spot beyond what 第五十一条 allows
(警告, or a fine up to 200 yuan for a person / 3000 yuan for an organisation) needed
the general procedure (investigation, notice, hearing rights, 决定书 of 第五十九条).
A 治安 case is held to 治安管理处罚法第一百条 instead (特别法优先: 警告 or up to 200 yuan).
A police file on 卖淫、嫖娼、赌博、毒品 may not be decided on the spot at all
(公安机关办理行政案件程序规定第三十七条第二款), however small the fine."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.police_procedure import NO_ON_THE_SPOT, police_rule
from assistant.review.public_order import ON_THE_SPOT, ON_THE_SPOT_MAX_FINE, special_rule
from assistant.review.summary_procedure import beyond_summary, is_summary

# the matters 第三十七条第二款 names, as a file words the act
_EXCLUDED_MATTER = re.compile(r"卖淫|嫖娼|赌博|参赌|聚赌|赌资|毒品|吸毒")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not is_summary(case):
        return []
    excluded = _excluded_matter(case, ctx)
    if excluded:
        return excluded
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


def _excluded_matter(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A police file on a matter the 程序规定 keeps out of the on-the-spot procedure."""
    rule = police_rule(case, ctx, NO_ON_THE_SPOT)
    if rule is None:
        return []
    for text in (case.violation.description, case.facts.description):
        found = _EXCLUDED_MATTER.search(text)
        if found:
            return [
                Flag(
                    point=ReviewPoint.PROCEDURE,
                    severity=Severity.MUST_FIX,
                    reason=f"涉及{found.group()}的案件不适用当场处罚，却适用简易程序当场作出处罚，"
                    "应当适用普通程序",
                    rule=rule,
                    evidence=text[:80],
                )
            ]
    return []

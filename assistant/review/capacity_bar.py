"""A penalty barred for want of capacity gives way to nothing but the bar's own flag.

A party under fourteen (《行政处罚法》第三十条; 治安管理处罚法第十二条) or one who could
not recognise or control their conduct (第三十一条; 治安管理处罚法第十三条) is not
punished: the file is corrected by deciding 不予行政处罚 (第五十七条第一款). What exists
only to impose a penalty then has nothing left to correct: its amount, tier and
exemption (裁量), the notice of the proposed penalty and the hearing on it (第四十四条、
第四十五条、第六十三条、第六十四条) and the on-the-spot scope (第五十一条); the matters a
决定书 states about the penalty (第五十九条) the documents checker leaves out itself, since
the remedies and the deciding agency are stated in a 不予处罚 decision too. Who acted, with what power, on what facts
and evidence, within what time, and whether a crime is to be transferred stay under
review, since a 不予处罚 decision rests on them too.
"""

from __future__ import annotations

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint
from assistant.review.party_capacity import party_age, stated_mental_state
from assistant.review.penalty_kinds import imposes_penalty
from assistant.review.public_order import HEARING, NOTICE, special_rule

NO_CAPACITY_AGE = 14
# 行政处罚法 articles that exist only to impose a penalty
PENALTY_STEPS = ("第四十四条", "第四十五条", "第五十一条", "第六十三条", "第六十四条")


def barred(case: CaseFile) -> bool:
    """Every party lacks capacity on the act date, so no penalty may be imposed at all."""
    if not case.parties or not imposes_penalty(case):
        return False
    return all(
        (age := party_age(case, party)) is not None
        and age < NO_CAPACITY_AGE
        or stated_mental_state(case, party) == "不能辨认或者不能控制"
        for party in case.parties
    )


def _penalty_step_rules(case: CaseFile, ctx: ReviewContext) -> tuple[str, ...]:
    general = [ctx.penalty_law(article) for article in PENALTY_STEPS]
    special = [special_rule(case, ctx, rule) for rule in (NOTICE, HEARING)]
    return tuple(general + [rule for rule in special if rule])


def without_subsumed(case: CaseFile, ctx: ReviewContext, flags: list[Flag]) -> list[Flag]:
    """The flags left once a capacity bar subsumes those about the penalty itself."""
    if not barred(case):
        return flags
    steps = _penalty_step_rules(case, ctx)
    return [
        flag
        for flag in flags
        if flag.point is not ReviewPoint.DISCRETION and not ctx.rule(flag.rule).startswith(steps)
    ]

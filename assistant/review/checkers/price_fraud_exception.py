"""适用依据是否正确 — a price lower than marked is not 价格欺诈.

《明码标价和禁止价格欺诈规定》第二十一条第（二）项: where the price actually paid gives the
buyer a greater discount (实际成交价格能够使消费者…获得更大价格优惠), the act is not the
价格欺诈 of 第十九条, whatever the tag said. A file punishing 价格欺诈 (第十九条, 价格法第十四条
第（四）项) while stating that every sale settled below the marked price applies the wrong
law. Only a file saying so of the sales (均低于, 每一笔…低于) is flagged: some sales above
the tag leave the fraud standing.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import narrative, rule_in_force

PRICE_RULES = "《明码标价和禁止价格欺诈规定》"
EXCEPTION = "第二十一条第（二）项"
_FRAUD = re.compile(r"价格欺诈")
_SETTLED_BELOW = re.compile(
    r"(?:结算|成交|收银|实收|实付)(?:价格?|金额)?(?:均|全部|都)?低于[^，。；]{0,8}(?:标示|标价|价签|明码|标签)"
    r"|结算价[^，。；]{0,4}均低于|每一笔[^，。；]{0,16}低于[^，。；]{0,8}(?:标示|标价|价签)"
)
# 部分…高于标价, 个别…高于: some sales above the tag
_SOME_ABOVE = re.compile(
    r"(?:结算|成交|收银|实收)[^，。；]{0,10}高于[^，。；]{0,8}(?:标示|标价|价签)"
)

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    cited = " ".join([*case.citations.violated, *case.citations.penalty_basis])
    told = "。".join([narrative(case), *case.facts.circumstances])
    if not (_FRAUD.search(told) or "第十九条" in cited and "明码标价" in cited):
        return []
    below = _SETTLED_BELOW.search(told)
    if below is None or _SOME_ABOVE.search(told):
        return []
    rule = rule_in_force(ctx, PRICE_RULES + EXCEPTION, case.act_date, "更大价格优惠")
    if rule is None:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            "案卷载明实际结算价格均低于标示价格，消费者获得更大价格优惠，依规定不属于价格欺诈行为，"
            "按价格欺诈定性处罚适用法律错误",
            rule,
            f"“{told[max(0, below.start() - 12) : below.end() + 8]}”；"
            f"penalty_basis：{'、'.join(case.citations.penalty_basis)}",
        )
    ]

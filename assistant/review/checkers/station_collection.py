"""法定职权 — what a 公安派出所 may 收缴 in its own name.

《公安机关办理行政案件程序规定》第一百九十五条第一款: 收缴 is decided by a 县级以上公安机关;
a 派出所 may 收缴 only 违禁品, 管制器具, drug-use tools, and 非法财物 worth 500 yuan or less
whose value the party does not dispute. A station collecting more (赌资 of 3650 yuan) decided
beyond its power. The limit is read from the rule in force on the act date."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.public_order import is_police_station

_RULE = "《公安机关办理行政案件程序规定》第一百九十五条第一款"
STATION_COLLECTION_MAX = 500
_COLLECT = "收缴"
# the value disputed: 对赌资数额有异议 / 申辩其中2850元是货款
_DISPUTED = re.compile(
    r"(?:数额|价值|金额)[^。；，]{0,6}(?:有|提出)异议|(?:申辩|辩称|称)[^。；]{0,20}是[^。；]{0,8}货款"
)

_flag = PointFlags(ReviewPoint.AUTHORITY)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not is_police_station(case) or not any(_COLLECT in t for t in case.penalty.types):
        return []
    value = case.penalty.confiscation_yuan
    disputed = next((m.group(0) for p in passages(case) if (m := _DISPUTED.search(p.text))), None)
    if (value is None or value <= STATION_COLLECTION_MAX) and disputed is None:
        return []
    found = next((r for r in ctx.resolved(_RULE, case.act_date) if "五百元以下" in r.text), None)
    if found is None:
        return []
    why = (
        f"收缴财物价值{value:.10g}元，超过五百元"
        if value is not None and value > STATION_COLLECTION_MAX
        else f"当事人对财物价值有异议（“{disputed}”）"
    )
    return [
        _flag(
            Severity.MUST_FIX,
            f"收缴由县级以上公安机关决定，公安派出所只能收缴违禁品、管制器具、吸毒用具以及价值"
            f"五百元以下且当事人无异议的非法财物；{why}，{case.agency.name}以自己名义决定收缴，超越法定权限",
            found.citation,
            f"agency.name={case.agency.name}；penalty.confiscation_yuan={value}",
        )
    ]

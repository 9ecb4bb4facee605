"""程序是否合法 — searching a home in a 治安 case (《治安管理处罚法》第八十七条第一款).

An inspection needs two 人民警察, their work certificates and a 检查证明文件 issued by a
公安机关 at county level or above; where an immediate inspection is truly needed the work
certificate alone will do — except for a citizen's home (公民住所), which always needs the
检查证明文件. Only a file saying a home was inspected without one (未出示检查证, 没有开具
检查证明文件) is flagged: a file silent on it may hold it among papers it does not list.
Used only when the article in force on the act date says it.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import clauses, passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.public_order import SpecialRule, special_rule

HOME_SEARCH = SpecialRule("第八十七条第一款", ("检查证明文件", "住所"))

_HOME = re.compile(r"住所|住宅|住处|居所|家中|出租屋|出租房|宿舍|居室|卧室")
_INSPECTED = re.compile(r"检查|搜查")
_NO_WARRANT = re.compile(
    r"(?:未|没有|无|未经|不)(?:持有?|出示|开具|办理|携带|取得)?[^，。；]{0,6}检查(?:证|证明文件)"
    r"|检查(?:证|证明文件)[^，。；]{0,4}(?:未|没有)"
)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    rule = special_rule(case, ctx, HOME_SEARCH)
    if rule is None:
        return []
    for passage in passages(case):
        parts = clauses(passage.text)
        home = any(_HOME.search(c) and _INSPECTED.search(c) for c in parts)
        if home and any(_NO_WARRANT.search(c) for c in parts):
            return [
                _flag(
                    Severity.MUST_FIX,
                    "检查公民住所未出示县级以上人民政府公安机关开具的检查证明文件",
                    rule,
                    f"{passage.where}：{passage.text}",
                )
            ]
    return []


_flag = PointFlags(ReviewPoint.PROCEDURE)

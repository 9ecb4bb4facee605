"""程序是否合法 — how long a foreigner is held in 拘留审查.

《出境入境管理法》第六十条第三款: 拘留审查 lasts at most thirty days; a complex case may run to
sixty with the approval of the police one level up (or the 出入境边防检查机关); for a foreigner
whose nationality or identity is unknown the term counts from the day it is established.
Only a file that dates both the start (the 拘留审查 decision or step) and the release
(解除拘留审查) is measured; a file saying the identity was unknown is left alone, since its
term may start later than the detention.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import mentions, passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import rule_in_force

EXIT_ENTRY_LAW = "《中华人民共和国出境入境管理法》"
TERM_RULE = "第六十条第三款"
TERM_DAYS, EXTENDED_DAYS = 30, 60

_DETAINED = re.compile(r"拘留审查")
_NOT_A_START = re.compile(r"解除|延长|延期|未|不(?:予|应当)?拘留审查|无需")
_RELEASED = re.compile(r"解除[^，。；]{0,4}拘留审查")
_EXTENDED = re.compile(r"延长|延期")
_NONE = re.compile(r"未|没有|无(?!误)|不予")
_UNKNOWN_IDENTITY = re.compile(r"(?:国籍|身份)[^，。；]{0,4}不明")
_SETTLED = re.compile(r"查明|查清|已明|清楚|不存在|并非")

_flag = PointFlags(ReviewPoint.PROCEDURE)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    found = [p for p in passages(case) if _DETAINED.search(p.text)]
    starts = sorted(
        (p for p in found if p.day is not None and not _NOT_A_START.search(p.text)),
        key=lambda p: p.day,
    )
    if not starts:
        return []
    start = starts[0]
    ends = sorted(
        (p for p in found if p.day and p.day >= start.day and _RELEASED.search(p.text)),
        key=lambda p: p.day,
    )
    if not ends or any(mentions(p, _UNKNOWN_IDENTITY, _SETTLED) for p in passages(case)):
        return []
    days = (ends[0].day - start.day).days
    extended = any(mentions(p, _EXTENDED, _NONE) for p in found)
    limit = EXTENDED_DAYS if extended else TERM_DAYS
    rule = rule_in_force(ctx, EXIT_ENTRY_LAW + TERM_RULE, case.act_date, "三十日")
    if days <= limit or rule is None:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"拘留审查自{start.day}至{ends[0].day}解除，共{days}日，超过"
            + (
                "经批准延长后的六十日"
                if extended
                else "三十日，案卷无上一级公安机关批准延长至六十日的手续"
            ),
            rule,
            f"{start.where}；{ends[0].where}",
        )
    ]

"""程序是否合法 — a tax inspection shows both the 税务检查证 and the 税务检查通知书.

税收征收管理法第五十九条: 税务机关派出的人员进行税务检查时，应当出示税务检查证和税务检查通知书
(without them the party may refuse the inspection). A step recording the 检查证 shown, in a
file that names no 检查通知书 anywhere (no step, document, evidence or narrative), inspected
without it;
a file silent on what was shown says nothing either way.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity

INSPECTION_RULE = "《中华人民共和国税收征收管理法》第五十九条"
_CERTIFICATE = re.compile(r"税务检查证|检查证")
_NOTICE = re.compile(r"检查通知书")

_flag = PointFlags(ReviewPoint.PROCEDURE)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if "税务" not in (case.agency.acts_in_name_of or case.agency.name):
        return []
    shown = next((e for e in case.events if _CERTIFICATE.search(e.note or "")), None)
    if shown is None or any(_NOTICE.search(p.text) for p in passages(case)):
        return []
    rule = ctx.resolved(INSPECTION_RULE, shown.date)
    if not rule:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            "税务检查只出示税务检查证，案卷无税务检查通知书，检查程序不合法",
            rule[0].citation,
            f"{shown.type}（{shown.date}）：{shown.note}",
        )
    ]

"""程序是否合法 — a tax inspection shows both the 税务检查证 and the 税务检查通知书.

税收征收管理法第五十九条: 税务机关派出的人员进行税务检查时，应当出示税务检查证和税务检查通知书
(without them the party may refuse the inspection). A step recording the 检查证 shown, in a
file that names no 检查通知书 anywhere (no document, evidence or step), inspected without it;
a file silent on what was shown says nothing either way.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from corpus.citation_resolver import ResolvedCitation

INSPECTION_RULE = "《中华人民共和国税收征收管理法》第五十九条"
_CERTIFICATE = re.compile(r"税务检查证|检查证")
_NOTICE = re.compile(r"检查通知书")

_flag = PointFlags(ReviewPoint.PROCEDURE)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if "税务" not in (case.agency.acts_in_name_of or case.agency.name):
        return []
    shown = next((e for e in case.events if _CERTIFICATE.search(e.note or "")), None)
    if shown is None or any(_NOTICE.search(text) for text in _written(case)):
        return []
    rule = next(
        (
            r.citation
            for r in ctx.resolve(INSPECTION_RULE, shown.date)
            if isinstance(r, ResolvedCitation)
        ),
        None,
    )
    if rule is None:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            "税务检查只出示税务检查证，案卷无税务检查通知书，检查程序不合法",
            rule,
            f"{shown.type}（{shown.date}）：{shown.note}",
        )
    ]


def _written(case: CaseFile) -> list[str]:
    return [
        *(d.type for d in case.documents),
        *(line for d in case.documents for line in d.contents),
        *(e.name for e in case.evidence),
        *(e.note or "" for e in case.evidence),
        *(e.note or "" for e in case.events),
    ]

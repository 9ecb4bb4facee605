"""程序是否合法 — 治安 detention: the family must be told in time (《治安管理处罚法》
第九十七条第一款: 决定给予行政拘留处罚的，应当及时通知被处罚人的家属).

Only a file that itself records the family was not told is flagged: silence may be a
notice the file does not list, which the reviewer sees in the documents anyway.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.public_order import FAMILY_NOTICE, special_rule

_NOT_TOLD = re.compile(
    r"(?:未|没有|未能|未予|不)(?:及时)?(?:通知|告知)(?:其|被处罚人的?|当事人的?)?家属|家属[^。；，]{0,6}(?:未|没有)(?:被)?(?:通知|告知)"
    # the file says it holds no record of a notice (案卷无通知家属的记录, 未见通知家属的回执)
    r"|(?:无|未见|没有|缺少|缺)(?:任何)?(?:通知|告知)(?:其|被处罚人的?|当事人的?)?家属的?(?:记录|材料|回执|凭证|文书)"
)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not any("拘留" in t for t in case.penalty.types):
        return []
    written = [("facts.description", case.facts.description)]
    written += [("facts.circumstances", c) for c in case.facts.circumstances]
    written += [(f"events（{e.date} {e.type}）note", e.note) for e in case.events]
    found = next(
        ((where, m.group(0)) for where, text in written if (m := _NOT_TOLD.search(text))), None
    )
    if found is None:
        return []
    rule = special_rule(case, ctx, FAMILY_NOTICE)
    if rule is None:
        return []
    return [
        Flag(
            point=ReviewPoint.PROCEDURE,
            severity=Severity.MUST_FIX,
            reason="决定给予行政拘留处罚，应当及时通知被处罚人的家属，案卷载明未通知",
            rule=rule,
            evidence=f"{found[0]}：“{found[1]}”",
        )
    ]

"""是否超越法定权限 — a measure the 罚则 gives to the 乡、镇 government alone.

《城乡规划法》第六十五条: building in a 乡、村庄规划区 without a 乡村建设规划许可证 is stopped, ordered
corrected and pulled down 由乡、镇人民政府; 村庄和集镇规划建设管理条例第四十条, 农业法第九十五条 write
the same. A county department (even a 综合执法 one, whose concentrated powers are departments')
deciding it in its own name takes the township's power. A 罚则 naming the township beside a
department (由乡镇人民政府、街道办事处或者县级…主管部门) is not reserved and is left alone."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions, range_rule

_TOWNSHIP_ONLY = re.compile(
    r"由(?:乡、镇|乡（镇）|乡级|乡镇)人民政府(?![、，]|或者|和|及)[^。；]{0,4}(?:责令|处|没收|给予)"
)
_TOWNSHIP_AGENCY = re.compile(r"[乡镇](?:人民)?政府|街道|[乡镇]$")

_flag = PointFlags(ReviewPoint.AUTHORITY)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    acting = case.agency.acts_in_name_of or case.agency.name
    if _TOWNSHIP_AGENCY.search(acting) or not case.penalty.types:
        return []
    for cited in penalty_provisions(case, ctx):
        text = cited.text if cited.paragraph else cited.article_text
        found = _TOWNSHIP_ONLY.search(text)
        if found:
            rule = range_rule(cited, in_paragraph=True)
            return [
                _flag(
                    Severity.MUST_FIX,
                    f"{rule}规定“{found.group(0)}”，该处理权属于乡、镇人民政府，"
                    f"{acting}以自己名义作出，超越法定权限",
                    rule,
                    f"agency.name={case.agency.name}；penalty.types：{'、'.join(case.penalty.types)}",
                    also_cites=[ctx.penalty_law("第十七条")],
                )
            ]
    return []

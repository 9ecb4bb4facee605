"""执法主体职权 — who may force down a building the planning law condemns.

《城乡规划法》第六十八条: once the 城乡规划主管部门 has ordered demolition and the party does not
comply, the 县级以上地方人民政府 of the place may 责成 departments to seal the site or demolish.
The department that ordered the demolition does not enforce it on its own authority: a file
citing 第六十八条 whose agency decides or carries out the 强制拆除 with no 责成 by the
government on file acts beyond its power. Only the article in force that holds 责成 is read.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import mentions, passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import cited_article

PLANNING_LAW = "城乡规划法"
ARTICLE = 68
_DEMOLISHED = re.compile(r"强制拆除")
_ORDERED_BY_GOVERNMENT = re.compile(r"责成")
_NONE = re.compile(r"未|没有|无(?!误)|尚未|不经")

_flag = PointFlags(ReviewPoint.AUTHORITY)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    cited = cited_article(case, ctx, PLANNING_LAW, ARTICLE, ("责成",))
    if cited is None:
        return []
    found = passages(case)
    demolition = " ".join(case.penalty.types) + "".join(p.text for p in found)
    if not _DEMOLISHED.search(demolition):
        return []
    if any(mentions(p, _ORDERED_BY_GOVERNMENT, _NONE) for p in found):
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"逾期不拆除的，由建设工程所在地县级以上地方人民政府责成有关部门强制拆除；案卷无人民政府的责成决定，"
            f"{case.agency.acts_in_name_of or case.agency.name}自行决定强制拆除，超越职权",
            ctx.rule(f"《{cited.title}》第六十八条"),
            f"penalty.types：{'、'.join(case.penalty.types)}；citations.penalty_basis：{cited.citation}",
        )
    ]

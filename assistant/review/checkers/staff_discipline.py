"""是否超越法定权限 — a 处分 of the party's staff written into a penalty decision.

A 罚则 that reaches the responsible staff of a public body hands their 处分 to others
(统计法第四十四条第一款: 由任免机关、单位或者监察机关依法给予处分); the enforcing department may
only propose it (第四十六条 and the like). A decision that itself gives 警告处分、记过… to a named
person takes a power no 行政处罚 law gives the department. The rule cited is the 罚则 that names
who disciplines, read from the law in force, so nothing is cited that the law does not say."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import paragraph_citation, penalty_provisions

# 处分（对分管副院长…）, 记过处分, 政务处分 — not 处罚, and not 处分违法所得 or the like
_DISCIPLINE = re.compile(r"(?:警告|记过|记大过|降级|撤职|开除|政务|行政)?处分(?!违法|财产|财物)")
_DISCIPLINER = re.compile(r"由[^，。；]{0,20}(?:任免机关|监察机关)[^，。；]{0,12}处分")

_flag = PointFlags(ReviewPoint.AUTHORITY)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    given = [kind for kind in case.penalty.types if _DISCIPLINE.search(kind)]
    if not given or re.search(r"监察|纪律检查|纪委", case.agency.name):
        return []
    rule = _disciplining_rule(case, ctx)
    if rule is None:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"{rule}规定公职人员的处分由任免机关或者监察机关依法给予，{case.agency.name}"
            f"在处罚决定中作出“{'、'.join(given)}”，超越法定权限（只能提出处分建议）",
            rule,
            f"penalty.types：{'、'.join(case.penalty.types)}",
            also_cites=[ctx.penalty_law("第十七条")],
        )
    ]


def _disciplining_rule(case: CaseFile, ctx: ReviewContext) -> str | None:
    """The 款 of a cited 罚则 that names who disciplines the staff."""
    for cited in penalty_provisions(case, ctx):
        record = ctx.record(cited)
        if record is None:
            continue
        for paragraph in record.paragraphs:
            if _DISCIPLINER.search(paragraph.text):
                return paragraph_citation(record, paragraph.number)
    return None

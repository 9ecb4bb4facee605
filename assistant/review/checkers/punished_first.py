"""法律适用: a fine under a 罚则 that fines only where earlier penalties went unheeded.

道路交通安全法第九十二条第四款: 运输单位的车辆有本条第一款、第二款规定的情形，经处罚不改的，对
直接负责的主管人员处…罚款. The condition is read from the cited 款 in the corpus; a file that
fines under it while stating that this is the first time (首次, 无…处罚的记录, prior_offences 0)
applies a 款 whose condition it denies. A file silent on earlier penalties is left alone."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import narrative, paragraph_text, penalty_provisions

# 经处罚不改的 / 经处罚后仍不改正的
_CONDITION = re.compile(r"经(?:行政)?处罚(?:后)?(?:仍|拒)?不改(?:正)?的")
# 首次被查处 / 无因超载…受到处罚的记录 / 从未被处罚
_FIRST = re.compile(
    r"首次(?:被)?(?:查处|查获|违法|处罚)|从未[^，。；]{0,10}处罚|无[^，。；]{0,16}(?:处罚|查处)的?记录"
)

# 曾因超载被处罚 / 此前已被查处三次 / 该公司车辆此前超载处罚次数: 3
_EARLIER = re.compile(r"(?:曾|已|先后|多次)[^，。；]{0,16}(?:被|受到?)[^，。；]{0,8}(?:处罚|查处)")
_PENALTY_COUNT = re.compile(r"处罚次数|受处罚次数|被处罚次数")

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not case.penalty.amount or not _denies_earlier_penalty(case):
        return []
    for cited in penalty_provisions(case, ctx):
        condition = _CONDITION.search(paragraph_text(cited, ctx, case))
        if condition is None:
            continue
        return [
            _flag(
                Severity.MUST_FIX,
                f"{cited.citation}以“{condition.group(0)}”为适用条件，案卷却载明此前未受处罚"
                "（首次查处），不具备该款的适用条件，适用罚则错误",
                cited.citation,
                f"first_offence={case.facts.first_offence}；prior_offences="
                f"{case.facts.prior_offences}",
            )
        ]
    return []


def _denies_earlier_penalty(case: CaseFile) -> bool:
    """The file says there was no earlier penalty, by its fields or in words."""
    if case.facts.prior_offences:
        return False
    told = "。".join([narrative(case), *case.facts.circumstances])
    counted = [v for k, v in case.facts.quantities.items() if _PENALTY_COUNT.search(k)]
    if _EARLIER.search(told) or any(v > 0 for v in counted):
        return False  # the unit's vehicles were punished before, whatever this party's record
    if counted:
        return True
    return (
        case.facts.prior_offences == 0
        or case.facts.first_offence is True
        or bool(_FIRST.search(told))
    )

"""适用依据是否正确 — the measure 土地管理法第七十七条 gives follows the land-use plan.

《土地管理法》第七十七条第一款: for land occupied without approval, buildings on farmland
turned to building land against the 土地利用总体规划 are demolished and the land restored
(限期拆除…恢复土地原状); buildings that conform to the plan are confiscated (没收). A
decision that confiscates what the file says breaches the plan, or orders demolition of
what the file says conforms to it, applies the wrong branch of the 罚则. Only a file that
states the plan finding (符合 / 不符合土地利用总体规划) is read.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import cited_article, narrative

LAND_LAW = "土地管理法"
ARTICLE = 77
_AGAINST = re.compile(r"(?:不符合|违反)(?:土地利用)?总体规划")
_CONFORMS = re.compile(r"(?<![不未])符合(?:土地利用)?总体规划")
_BRANCHES = ("限期拆除", "没收")
_DEMOLISH = re.compile(r"拆除|恢复(?:土地)?原状")
_CONFISCATE_BUILDINGS = re.compile(r"没收[^，。；]{0,16}(?:建筑物|设施|房屋|厂房|构筑物)")

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    cited = cited_article(case, ctx, LAND_LAW, ARTICLE, _BRANCHES)
    if cited is None:
        return []
    told = "。".join([narrative(case), *case.facts.circumstances])
    against, conforms = _AGAINST.search(told), _CONFORMS.search(told)
    if bool(against) == bool(conforms):
        return []  # silent, or both said (of different parcels): nothing to read
    measures = "；".join([*case.penalty.types, *_decided(case)])
    confiscated = any(t.startswith("没收") and "违法所得" not in t for t in case.penalty.types)
    confiscated = confiscated or bool(_CONFISCATE_BUILDINGS.search(measures))
    demolished = bool(_DEMOLISH.search(measures))
    rule = f"《{cited.title}》第七十七条第一款"
    if against and confiscated and not demolished:
        reason = "案卷认定占地不符合土地利用总体规划，依法应限期拆除新建建筑物和其他设施、恢复土地原状，决定却没收建筑物"
    elif conforms and demolished and not confiscated:
        reason = "案卷认定占地符合土地利用总体规划，依法应没收新建建筑物和其他设施，决定却责令拆除"
    else:
        return []
    found = against or conforms
    return [
        _flag(
            Severity.MUST_FIX,
            reason,
            rule,
            f"“{told[max(0, found.start() - 16) : found.end()]}”；penalty.types："
            + "、".join(case.penalty.types),
        )
    ]


def _decided(case: CaseFile) -> list[str]:
    """What the decision's contents order (责令限期拆除…, 没收…建筑物)."""
    return [line for d in case.documents if "处罚决定书" in d.type for line in d.contents]

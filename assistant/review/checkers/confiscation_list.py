"""文书是否规范 — a police decision that disposes of property attaches the list of it.

公安机关办理行政案件程序规定第一百七十五条第二款: 对涉案财物作出处理的，行政处罚决定书应当附没收、
收缴、追缴物品清单. The seizure list (扣押清单) records what was held during the case, not what
the decision took: a decision that 收缴/没收/追缴 with no such list in the file, nor one named in
its own contents, leaves the property it took unnamed. 没收违法所得 and 追缴违法所得 are sums
the decision itself states, not property to list.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.police_procedure import PoliceRule, is_traffic_police, police_rule

PROPERTY_LIST = PoliceRule("第一百七十五条第二款", ("没收、收缴、追缴物品清单",))
# 没收违法所得 is a sum the decision names itself, no property to list
_TAKEN = re.compile(r"没收(?!违法所得|非法所得)|收缴|追缴(?!违法所得|非法所得)")
_LIST = re.compile(r"(?:没收|收缴|追缴)[^，。；]{0,8}清单")

_flag = PointFlags(ReviewPoint.DOCUMENTS)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    decision = case.paper("处罚决定书")
    if decision is None:
        return []
    # 收缴 is a measure, not a penalty kind: the decision may give it only in its contents or
    # the 决定 step (决定行政拘留五日，收缴弹簧刀一把)
    decided = list(case.penalty.types)
    if not is_traffic_police(case):
        # a traffic case's 收缴 (驾驶证, a vehicle to scrap) follows its own rules
        decided += decision.contents + [e.note for e in case.events if e.type == "决定" and e.note]
    taken = [t for t in decided if _TAKEN.search(t)]
    if not taken:
        return []
    listed = any(_LIST.search(d.type) for d in case.documents) or any(
        _LIST.search(line) for line in decision.contents
    )
    rule = None if listed else police_rule(case, ctx, PROPERTY_LIST)
    if rule is None:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"决定{'、'.join(taken)}涉案财物，但行政处罚决定书未附没收、收缴、追缴物品清单，"
            "处理的财物无从核对",
            rule,
            f"penalty.types：{'、'.join(case.penalty.types)}；documents："
            + "、".join(d.type for d in case.documents),
        )
    ]

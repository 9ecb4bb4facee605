"""认定事实: a 罚则 item whose act includes its effect (消防法第六十条第一款第（五）项: 占用、堵塞、封闭
消防车通道，妨碍消防车通行) applied where the officers' own record says the effect did not occur
(现场检查笔录: 经现场测量可满足消防车通行). The penalty rests on a fact the file's evidence
contradicts (《行政处罚法》第四十条). Only the agency's records count: the party's 申辩 saying
so is a claim to be checked, not a finding."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.checkers.fact_flags import fact_flag
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint
from assistant.review.statutory_fine import penalty_provisions

# 妨碍消防车通行 / 影响消防车通行: the effect the item's act must have
_EFFECT = re.compile(r"(?:妨碍|影响|阻碍)([^，。；、]{0,6}?)通行")
# 可满足消防车通行 / 不影响消防车通行 / 未妨碍通行: a record denying it
_DENIED = r"(?:(?:可|能|能够)?满足|不(?:影响|妨碍|阻碍)|未(?:影响|妨碍|阻碍)|无碍){object}通行"
# records the agency makes itself (not the party's statement or its 申辩)
_OWN_RECORD = re.compile(r"现场笔录|勘验笔录|检查笔录|检查记录|测量|勘查|勘验")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    for cited in penalty_provisions(case, ctx):
        effect = _EFFECT.search(cited.text)
        if effect is None:
            continue
        denied = re.compile(_DENIED.format(object=f"(?:{re.escape(effect.group(1))})?"))
        for item in case.evidence:
            if not _OWN_RECORD.search(f"{item.type}{item.name}"):
                continue
            found = denied.search(item.note or "")
            if found is not None:
                return [
                    fact_flag(
                        ReviewPoint.FACTS,
                        f"{cited.citation}的违法行为须“{effect.group(0)}”，但案卷{item.name}记载"
                        f"“{found.group(0)}”，处罚所依据的事实与证据矛盾",
                        ctx,
                        f"evidence：{item.name}：{found.group(0)}；{cited.citation}：{cited.text[:40]}",
                    )
                ]
    return []

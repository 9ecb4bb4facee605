"""文书是否规范 — the 行政复议 route a decision tells the party, under the law of its date.

Since 2024-01-01 (行政复议法 2023 第二十四条第一款第（一）项) a decision of a local government's
工作部门 is reviewed by that government alone; the old choice of the department one level up is
gone, except for the vertically led organs (第二十七条: 海关、金融、外汇管理…、税务、国家安全) and
the 司法行政部门 (第二十八条). A decision made on or after that day that still offers the upper
department tells the party a route the law no longer has (行政处罚法第五十九条第一款第（五）项).
The rule is read from the 行政复议法 in force on the decision day, so earlier decisions are not
held to it."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import rule_in_force

_REVIEW_LAW = "《中华人民共和国行政复议法》第二十四条第一款第（一）项"
_ANCHOR = "对本级人民政府工作部门作出的行政行为不服的"
# 向广东省人民政府或者工业和信息化部申请行政复议 / 向上一级主管部门申请行政复议
_UPPER_DEPARTMENT = re.compile(
    r"(?:或者?|也可以)向?([^，。；、或]{2,30}?(?:部|厅|局|委员会|主管部门))申请行政复议"
    r"|向上一级(?:主管部门|行政机关)申请行政复议"
)
# vertically led organs and the others 第二十七条、第二十八条 keep on the old route; 气象、
# 烟草、调查队、邮政、通信、海事 are led from above too
_VERTICAL = re.compile(
    r"海关|税务|国家安全|外汇|金融|人民银行|司法局|司法厅|气象|烟草|调查队|邮政管理|通信管理|海事|"
    r"消防救援|出入境|铁路|民用航空|地区管理局|统计局"
)
_DEPARTMENT = re.compile(r"(?:局|厅|委员会|办公室|分局)$")

_flag = PointFlags(ReviewPoint.DOCUMENTS)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    decided = case.first("决定")
    acting = case.agency.acts_in_name_of or case.agency.name
    if decided is None or _VERTICAL.search(acting) or not _DEPARTMENT.search(acting):
        return []
    rule = rule_in_force(ctx, _REVIEW_LAW, decided.date, _ANCHOR)
    if rule is None:
        return []
    texts = [
        (f"documents（{d.type}）", line)
        for d in case.documents
        if "决定书" in d.type
        for line in d.contents
    ] + [("facts.description", case.facts.description)]
    for where, line in texts:
        found = _UPPER_DEPARTMENT.search(line)
        if found and "人民政府" not in (found.group(1) or ""):
            return [
                _flag(
                    Severity.MUST_FIX,
                    f"决定于{decided.date}作出，修订后的行政复议法已施行，对{acting}的行政行为"
                    f"不服只能向本级人民政府申请行政复议，决定书仍告知“{found.group(0)}”，"
                    "复议途径告知错误",
                    "《中华人民共和国行政处罚法》第五十九条第一款第（五）项",
                    f"{where}：{found.group(0)}",
                    also_cites=[rule],
                )
            ]
    return []

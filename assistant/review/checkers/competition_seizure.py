"""程序是否合法 — who approves a 查封、扣押 in an unfair-competition investigation.

《中华人民共和国反不正当竞争法》第十三条第二款: 查封、扣押 (第一款第四项) and 查询银行账户 (第五项)
need a written report to, and the approval of, the head of the supervising department of a
government at the level of a 设区的市 or above. A county-level department (台山市、某区市场监督
管理局) seizing on its own head's approval alone lacks it. The requirement is read from the
text in force, so a version without it flags nothing."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import rule_in_force
from assistant.review.territory import county_level

COMPETITION_LAW = "《中华人民共和国反不正当竞争法》"
APPROVAL_RULE = "第十三条第二款"

_SEIZED = re.compile(r"(?<!解除)(?<!解除查封、)(?:查封|扣押)")
_NOT_SEIZED = re.compile(r"解除|未(?:采取|实施)?[^，。；]{0,4}(?:查封|扣押)|无需")
# 报江门市市场监督管理局主要负责人批准 / 经上级…批准: an approval above the department
_HIGHER = re.compile(
    r"(?P<organ>上级|设区的市|地级市|[\u4e00-\u9fff]{2,8}市(?:市场监督管理|市场监管)局)"
    r"[^，。；]{0,16}(?:批准|同意)"
)

_flag = PointFlags(ReviewPoint.PROCEDURE)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    cited = " ".join([*case.citations.violated, *case.citations.penalty_basis])
    if "反不正当竞争法" not in cited or not county_level(case.agency.name):
        return []
    found = passages(case)
    seized = next(
        (p for p in found if _SEIZED.search(p.text) and not _NOT_SEIZED.search(p.text)), None
    )
    if seized is None or any(_higher_approval(p.text, case.agency.name) for p in found):
        return []
    rule = rule_in_force(ctx, COMPETITION_LAW + APPROVAL_RULE, case.act_date, "设区的市级以上")
    if rule is None:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"县级监督检查部门{case.agency.name}采取查封、扣押措施，未向设区的市级以上人民政府"
            "监督检查部门主要负责人书面报告并经批准",
            rule,
            f"{seized.where}：{seized.text[:80]}",
        )
    ]


# 未报江门市市场监督管理局主要负责人批准: the approval the file says was not sought
_DENIED = re.compile(r"(?:未|没有|无|不)(?:报|经|向|请)")


def _higher_approval(text: str, own: str) -> bool:
    """An approval by an organ above the agency (its own name is no higher organ)."""
    return any(
        m["organ"] not in own and not _DENIED.search(re.split(r"[，,；;。]", text[: m.end()])[-1])
        for m in _HIGHER.finditer(text)
    )

"""是否移送: 环境保护法第六十三条 — evading supervision while discharging (暗管、篡改监测数据、
不正常运行防治污染设施…) and refusing an order to stop building or discharging are, short of
a crime, for the police to punish with detention of the persons in charge. The environment
agency fines and must also transfer the case (由…环境保护主管部门…将案件移送公安机关)."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import affirmed, mentions, passages
from assistant.review.checkers.authority import department_kinds
from assistant.review.context import ReviewContext
from assistant.review.criminal_thresholds import reached
from assistant.review.flag import Flag, ReviewPoint, Severity

LAW = "《中华人民共和国环境保护法》第六十三条"
# The items of 第六十三条 as files describe the conduct; (一)(二) need the refused order.
_ITEMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "（一）",
        re.compile(r"(?:未批先建|环境影响评价|环评)[^。]{0,40}责令停止建设[^。]{0,30}拒不执行"),
    ),
    ("（二）", re.compile(r"排污许可证[^。]{0,40}责令停止排污[^。]{0,30}拒不执行")),
    (
        "（三）",
        re.compile(
            r"暗管|渗井|渗坑|灌注|(?:篡改|伪造)[^，。；]{0,8}监测数据"
            r"|不正常运行[^，。；]{0,12}(?:防治|治理|处理|净化)[^，。；]{0,6}设施"
            r"|旁路[^，。；]{0,8}(?:直排|排放|偷排)|偷排"
        ),
    ),
)
# 已移送公安机关 / 移送XX公安分局 — 未移送 is the defect, not its absence.
_SENT = re.compile(r"移送[^，。；]{0,10}公安|公安[^，。；]{0,6}(?:移交|接收)")
_NOT = re.compile(r"未|没有|不予|无需|不")


# 经核无暗管排放 / 未发现篡改监测数据: the file rules the conduct out.
_DENIED = re.compile(r"无|未|没有|不存在|并非|非(?!法)|不属于|排除")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    acting = case.agency.acts_in_name_of or case.agency.name
    if "生态环境" not in department_kinds(acting) or case.events_of("移送"):
        return []
    told = "。".join(
        [case.violation.description, case.facts.description, *case.facts.circumstances]
    )
    for item, pattern in _ITEMS:
        found = affirmed(told, pattern, _DENIED)
        if found is None:
            continue
        if any(mentions(p, _SENT, _NOT) for p in passages(case)):
            return []
        if reached(case):
            return []  # a suspected crime goes to the police as a crime (transfer.check)
        rule = ctx.rule(f"{LAW}第{item}项")
        return [
            Flag(
                point=ReviewPoint.TRANSFER,
                severity=Severity.MUST_FIX,
                reason=f"认定的行为（“{found.group(0)}”）属{rule}所列情形，尚不构成犯罪的，"
                "除依法处罚外应将案件移送公安机关对直接负责的主管人员和其他直接责任人员处以拘留，案卷未见移送",
                rule=rule,
                evidence=f"facts：“{found.group(0)}”",
            )
        ]
    return []

"""程序: a penalty for an accident waits for the government's 批复 of the investigation report
(《生产安全事故报告和调查处理条例》第三十二条第二款: 有关机关应当按照人民政府的批复…进行行政处罚).

Only what the file itself says is held against it: the 批复 not yet made (批复尚未作出), or
made after the decision. A file silent on the 批复 is not flagged."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity

RULE = "《生产安全事故报告和调查处理条例》第三十二条第二款"
_REPORT = re.compile(r"事故调查报告")
_NOT_YET = re.compile(
    r"批复(?:尚未|还未|未)(?:作出|下达|印发)?|尚未(?:作出|收到)?[^，。；]{0,8}批复|未经[^，。；]{0,10}批复"
)
_REPLY = re.compile(r"批复")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    decision = case.first("决定")
    texts = passages(case)
    if decision is None or not any(_REPORT.search(p.text) for p in texts):
        return []
    said = next(((p.where, m.group(0)) for p in texts if (m := _NOT_YET.search(p.text))), None)
    replies = [p for p in texts if _REPLY.search(p.text) and not _NOT_YET.search(p.text)]
    late = [p for p in replies if p.day is not None and p.day > decision.date]
    if said is None and not (late and len(late) == len(replies)):
        return []
    why = f"“{said[1]}”" if said else f"批复日期{late[0].day}晚于决定{decision.date}"
    return [
        Flag(
            point=ReviewPoint.PROCEDURE,
            severity=Severity.MUST_FIX,
            reason=f"事故调查报告须经人民政府批复后才能据以处罚，案卷{why}，处罚决定作出在批复之前",
            rule=ctx.rule(RULE),
            evidence=f"{said[0] if said else late[0].where}；决定 {decision.date}",
        )
    ]

"""证据是否确凿: a breath-alcohol result the driver disputed on the spot, with no blood test.

《道路交通安全违法行为处理程序规定》第三十五条第一款第（一）项: a driver who disputes the breath
test's result on the spot must have the alcohol in his body tested (抽血检验). A drink-driving
decision resting on the disputed breath result alone lacks the evidence the rule requires.
The duty is read from the rule in force on the act date."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity

_RULE = "《道路交通安全违法行为处理程序规定》第三十五条第一款第（一）项"
_BREATH = re.compile(r"呼气")
_DISPUTED = re.compile(
    r"(?:当场|现场)[^。；]{0,12}(?:提出|表示)?异议|异议[^。；]{0,10}(?:当场|现场)提出"
)
_NOT_DISPUTED = re.compile(r"(?:无|未提出|没有|未表示)异议")
_BLOOD = re.compile(r"血液|血样|抽血|血检|血中")

_flag = PointFlags(ReviewPoint.EVIDENCE)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    told = [case.violation.description, case.facts.description, *case.facts.circumstances]
    told += [e.note or "" for e in case.events]
    disputed = next((m.group(0) for t in told for m in _disputes(t)), None)
    if disputed is None or not any(_BREATH.search(t) for t in told):
        return []
    if any(_BLOOD.search(f"{e.name}{e.note or ''}") for e in case.evidence):
        return []
    found = next((r for r in ctx.resolved(_RULE, case.act_date) if "异议" in r.text), None)
    if found is None:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"当事人对呼气酒精测试结果当场提出异议（“{disputed}”），依照{found.citation}应当检验其体内"
            "酒精含量，案卷没有血液酒精含量检验结果，认定饮酒驾驶的证据不足",
            found.citation,
            f"evidence：{'、'.join(e.name for e in case.evidence) or '无'}",
        )
    ]


def _disputes(text: str) -> list[re.Match[str]]:
    """Disputes of the result the text writes, none inside a denial (无异议)."""
    return [
        m
        for m in _DISPUTED.finditer(text)
        if not _NOT_DISPUTED.search(text[max(0, m.start() - 4) : m.end()])
    ]

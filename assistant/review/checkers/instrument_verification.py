"""证据是否合法: a measuring instrument whose verification (检定) had lapsed when it measured.

A speed radar, a weighbridge or an analyser that must be verified may collect evidence only
while its verification holds (道路交通安全违法行为处理程序规定第十五条第二款: 经认定、检定合格后，
方可用于收集、固定违法行为证据; 计量法第九条第一款: 未按照规定申请检定或者检定不合格的，不得使用).
The file's own certificate, valid until a day before the measurement, with no later one,
leaves the reading without lawful footing. Where the overdue instrument is the party's and
its use the act punished (计量法), that is the case itself, not its evidence."""

from __future__ import annotations

import re
from datetime import date

from assistant.case_file import CaseFile, EvidenceItem
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.police_procedure import is_police_agency

_CERTIFICATE = re.compile(r"检定证书|检定合格证|校准证书|检定结果通知书")
_VALID_UNTIL = re.compile(r"有效期至\s*(\d{4})[-年.](\d{1,2})[-月.](\d{1,2})")

_flag = PointFlags(ReviewPoint.EVIDENCE)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if _verification_is_the_act(case):
        return []
    certificates = [(e, until) for e in case.evidence if (until := _valid_until(e)) is not None]
    if not certificates or any(until >= case.violation.date for _, until in certificates):
        return []
    item, until = max(certificates, key=lambda pair: pair[1])
    rule = (
        "《道路交通安全违法行为处理程序规定》第十五条第二款"
        if is_police_agency(case)
        else "《中华人民共和国计量法》第九条第一款"
    )
    return [
        _flag(
            Severity.MUST_FIX,
            f"测量所用器具的检定证书有效期至{until}，违法行为当日（{case.violation.date}）已过期，"
            "案卷无有效的检定证明，该测量结果不能作为认定事实的根据",
            ctx.rule(rule),
            f"evidence（{item.name}）：{item.note}",
        )
    ]


def _verification_is_the_act(case: CaseFile) -> bool:
    """The party's own instrument overdue for verification is the violation punished (计量法
    cases: 使用超过检定周期的加油机), not the agency's measuring."""
    cited = "".join([*case.citations.violated, *case.citations.penalty_basis])
    return "计量" in cited or "检定" in case.violation.description


def _valid_until(item: EvidenceItem) -> date | None:
    if not _CERTIFICATE.search(item.name):
        return None
    found = _VALID_UNTIL.search(f"{item.name}{item.note or ''}")
    if found is None:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None

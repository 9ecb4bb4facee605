"""程序是否合法: a re-test (复检/复验) the party asked for in time and was refused.

农产品质量安全法第五十一条第一款, 食品安全法第八十八条, 产品质量法第十五条…: a party who disputes
a sampling result may ask for a re-test; refusing a request the file does not call late, and
deciding on the first result alone, takes that right away. A request the file calls late is
judged by the law's own count where it gives one in working days (五个工作日内, holidays
and 调休 as the official calendar has them). The duty is found in the law of the
cited 罚则 or of the breached article (its version applied), in the 款 that lets the party ask."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.discretion.penalty_amounts import chinese_number
from assistant.publicity.deadlines import add_working_days
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import (
    paragraph_citation,
    penalty_provisions,
    violated_provisions,
)

_RETEST = r"(?:复检|复验)"
_ASKED = re.compile(rf"(?:申请|提出|要求)[^。；，]{{0,6}}{_RETEST}|{_RETEST}申请")
_REFUSED = re.compile(
    rf"{_RETEST}[^。；]{{0,20}}(?:不予受理|不予{_RETEST}|不予安排|未予安排|未获安排|驳回|不予准许|不同意)"
    rf"|(?:不予|未予|拒绝)(?:受理|安排)?{_RETEST}"
)
# a request the file itself calls late or otherwise not due is lawfully refused
_NOT_DUE = re.compile(
    rf"{_RETEST}[^。；]{{0,30}}(?:逾期|超过[^。；]{{0,8}}期限|超出[^。；]{{0,8}}期限|不得{_RETEST})"
    rf"|逾期[^。；]{{0,10}}(?:申请|提出){_RETEST}"
)
_RESULT = re.compile(rf"{_RETEST}(?:报告|结果|结论|检测|检验)")
# 申请复检 / 提出复检申请 (食品安全法第八十八条第一款)
_DUTY = re.compile(rf"申请{_RETEST}|提出{_RETEST}申请")

_flag = PointFlags(ReviewPoint.PROCEDURE)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    told = _told(case)
    refused = next((m.group(0) for t in told if (m := _REFUSED.search(t))), None)
    if refused is None or not any(_ASKED.search(t) for t in told):
        return []
    if any(_RESULT.search(e.name) for e in case.evidence):
        return []
    found = _retest_rule(case, ctx)
    if found is None:
        return []
    rule, text = found
    reason = "当事人依法申请复检（复验），行政机关未予复检即以初检结果认定事实并作出处罚"
    if any(_NOT_DUE.search(t) for t in told):
        timely = _in_time(case, text)
        if timely is None:
            return []  # called late, and the file gives no days to judge it by
        reason = f"{timely}，行政机关以逾期为由不予复检即以初检结果作出处罚"
    return [
        _flag(
            Severity.MUST_FIX,
            f"{reason}，剥夺了当事人的法定权利（{rule}）",
            rule,
            f"案卷载明：“{refused}”；证据中无复检（复验）结果",
        )
    ]


# 自收到检测结果之日起五个工作日内 (农产品质量安全法第五十一条第一款)
_WORKING_DAYS = re.compile(r"([一二三四五六七八九十]+)个工作日内")
_RESULT_SERVED = re.compile(r"检测结果|检验结果|检测报告|检验报告")
_SERVED = re.compile(r"送达|收到|告知|签收")


def _in_time(case: CaseFile, text: str) -> str | None:
    """Why a request the file calls late was in time: the law counts working days
    (五个工作日内) and the request fell within them from the day the result was served."""
    days = _WORKING_DAYS.search(text)
    served = next(
        (
            e.date
            for e in case.events
            if _RESULT_SERVED.search(e.note or "") and _SERVED.search(e.note or "")
        ),
        None,
    )
    papers = [(d.type, d.date) for d in case.documents] + [(e.name, e.date) for e in case.evidence]
    asked = min((day for name, day in papers if day and _ASKED_PAPER.search(name)), default=None)
    if days is None or served is None or asked is None or asked < served:
        return None
    due = add_working_days(served, int(chinese_number(days.group(1))))
    if asked > due:
        return None
    return (
        f"检测结果{served}送达，法定复检申请期限为{days.group(0)}（至{due}），"
        f"当事人{asked}提出复检申请，未逾期"
    )


# the party's request itself (复检申请书), not the agency's answer to it (复检申请不予受理告知书)
_ASKED_PAPER = re.compile(rf"{_RETEST}申请(?:书|表)?$|{_RETEST}申请书(?!.*(?:不予|答复|告知))")


def _told(case: CaseFile) -> list[str]:
    texts = [case.facts.description, *case.facts.circumstances]
    texts += [e.note for e in case.events]
    texts += [e.name for e in case.evidence] + [d.type for d in case.documents]
    return [t for t in texts if t]


def _retest_rule(case: CaseFile, ctx: ReviewContext) -> tuple[str, str] | None:
    """The 款 of the applied special law that lets the party ask for a re-test, and its text."""
    cited = penalty_provisions(case, ctx) + violated_provisions(case, ctx)
    for law, version in dict.fromkeys((c.law, c.version) for c in cited):
        for record in ctx.articles_in(law, version):
            paragraph = next((p for p in record.paragraphs if _DUTY.search(p.text)), None)
            if paragraph is not None:
                return paragraph_citation(record, paragraph.number), paragraph.text
    return None

"""程序是否合法 — a special law's own period for the investigation.

劳动保障监察条例第十七条: the investigation is completed within 60 working days of 立案; the
head of the department may approve 30 more for a complex case. 行政处罚法第六十条's ninety
days for the decision still apply beside it (procedure.py). A 调查取证 step after the period
(and after any approved extension) was taken out of time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assistant.case_file import CaseFile
from assistant.publicity.deadlines import add_working_days
from assistant.review.approval import says_unapproved
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from corpus.citation_resolver import ResolvedCitation


@dataclass(frozen=True)
class InvestigationPeriod:
    """A law's period for the investigation, in working days from 立案."""

    law: str  # the law's short title as files cite it
    rule: str
    working_days: int
    extension_days: int


PERIODS = (InvestigationPeriod("劳动保障监察条例", "《劳动保障监察条例》第十七条", 60, 30),)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    opened = case.first("立案")
    if opened is None:
        return []
    return [
        flag
        for period in PERIODS
        if _governs(case, ctx, period)
        for flag in _late_steps(case, ctx, period, opened.date)
    ]


def _governs(case: CaseFile, ctx: ReviewContext, period: InvestigationPeriod) -> bool:
    """The file's case is one the law's procedure governs and the rule is in force."""
    cited = [*case.citations.violated, *case.citations.penalty_basis, *case.agency.powers.laws]
    if not any(period.law in c for c in cited):
        return False
    return any(isinstance(r, ResolvedCitation) for r in ctx.resolve(period.rule, case.act_date))


def _late_steps(
    case: CaseFile, ctx: ReviewContext, period: InvestigationPeriod, opened: date
) -> list[Flag]:
    due = add_working_days(opened, period.working_days)
    extended = [e for e in case.events_of("延期") if e.date <= due and not says_unapproved(e.note)]
    if extended:
        due = add_working_days(opened, period.working_days + period.extension_days)
    decision = case.first("决定")
    late = [
        e
        for e in case.events_of("调查取证")
        if e.date > due and (decision is None or e.date <= decision.date)
    ]
    if not late:
        return []
    allowed = period.working_days + (period.extension_days if extended else 0)
    why = "（含经批准延长的期限）" if extended else "，案卷无负责人批准延长的记载"
    return [
        Flag(
            point=ReviewPoint.PROCEDURE,
            severity=Severity.MUST_FIX,
            reason=f"调查应当自立案之日起{allowed}个工作日内完成（至{due}）{why}，"
            f"{late[-1].date}仍在调查取证",
            rule=ctx.rule(period.rule),
            evidence=f"立案 {opened}；调查取证 {'、'.join(str(e.date) for e in late)}",
        )
    ]

"""The supervision view: every case the office holds, counted, with its warnings.

Sources, all existing stores, nothing invented: filed case files (``CaseRegister``),
the whole-process record store (events and hash-chain verification of every case in
it), and the roster (certificates). A case only the record store knows is counted
with agency and result “未载明”.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from assistant.administration.roster import RosterStore
from assistant.case_record.event_log import CaseRecordStore
from assistant.case_record.verification import verify_events
from assistant.review.context import ReviewContext
from assistant.settings import AssistantSettings
from assistant.supervision.case_register import CaseRegister, RegisterProblem
from assistant.supervision.timeline import CaseTimeline, build_timelines
from assistant.supervision.warnings import (
    SupervisionWarning,
    WarningBuilder,
    WarningKind,
    check_today,
    sort_warnings,
)

UNKNOWN = "未载明"
DIMENSIONS = ("执法主体", "案件类型", "立案月份", "处理结果", "办理状态")


@dataclass
class SupervisionView:
    today: date
    within: int
    timelines: list[CaseTimeline]
    warnings: list[SupervisionWarning]
    problems: list[RegisterProblem] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, Counter[str]]:
        return count_cases(self.timelines)

    def warnings_json(self) -> dict[str, object]:
        by_kind = Counter(w.kind.label for w in self.warnings)
        return {
            "today": self.today.isoformat(),
            "within_days": self.within,
            "total": len(self.warnings),
            "by_kind": dict(by_kind),
            "warnings": [w.as_json() for w in self.warnings],
            "problems": [p.as_json() for p in self.problems],
        }

    def stats_json(self) -> dict[str, object]:
        return {
            "today": self.today.isoformat(),
            "cases": len(self.timelines),
            "filed_cases": sum(t.filed for t in self.timelines),
            "record_only_cases": sum(not t.filed for t in self.timelines),
            "counts": {d: dict(sorted(c.items())) for d, c in self.counts.items()},
            "warnings": dict(Counter(w.kind.label for w in self.warnings)),
            "problems": [p.as_json() for p in self.problems],
        }


def _month(t: CaseTimeline) -> str:
    day = t.on("立案") or t.on("决定")
    return f"{day:%Y-%m}" if day else UNKNOWN


def _results(t: CaseTimeline) -> list[str]:
    if not t.on("决定"):
        return ["移送司法机关"] if t.transferred else ["办理中"]
    if not t.filed:
        return [UNKNOWN]
    return t.penalty_types or ["不予处罚"]


def _status(t: CaseTimeline) -> str:
    if t.closed:
        return "已结案"
    return "已决定" if t.on("决定") else "办理中"


def count_cases(timelines: list[CaseTimeline]) -> dict[str, Counter[str]]:
    """Counts by agency, type (statute of the 处罚依据), month of 立案, result, status."""
    return {
        "执法主体": Counter(t.agency or UNKNOWN for t in timelines),
        "案件类型": Counter(t.law or UNKNOWN for t in timelines),
        "立案月份": Counter(_month(t) for t in timelines),
        "处理结果": Counter(r for t in timelines for r in _results(t)),
        "办理状态": Counter(_status(t) for t in timelines),
    }


def build_view(
    settings: AssistantSettings,
    ctx: ReviewContext | None,
    today: date,
    within: int | None = None,
    kinds: set[WarningKind] | None = None,
) -> SupervisionView:
    """Read every source once and compute counts and warnings for ``today``."""
    days = settings.supervision_warning_days if within is None else within
    check_today(today)
    filed, problems = CaseRegister(settings).load()
    records = CaseRecordStore(settings)
    heads = [case_no for case_no, _, _ in records.cases()]
    events = {case_no: records.events(case_no) for case_no in heads}
    timelines = build_timelines(filed, events, ctx)
    threshold = ctx.catalogue.amount_threshold_yuan if ctx else float("inf")
    builder = WarningBuilder(settings, today, days, threshold)
    warnings = [w for t in timelines for w in builder.for_case(t)]
    roster = RosterStore(settings)
    warnings += builder.certificates(roster.expiring(today, days), timelines)
    reports = [verify_events(c, events[c], records.head(c)) for c in heads]
    warnings += builder.chains(reports)
    if kinds:
        warnings = [w for w in warnings if w.kind in kinds]
    return SupervisionView(today, days, timelines, sort_warnings(warnings), problems)

"""One case's key dates for supervision, from its filed case file and its whole-process record.

The filed case file (``CaseRegister``) is read first; the record store's events
(启动、审核、决定、送达、公示) fill what the file does not state, and cases that exist
only in the record store still get a timeline (agency and penalty then unknown).
Each date remembers where it came from, so a warning can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.case_record.event_log import RecordedEvent
from assistant.review.context import ReviewContext
from assistant.review.major_decision import penalty_total
from assistant.supervision.case_register import FiledCase

RECORD_SOURCE = "全过程记录"
FILE_SOURCE = "案卷"
# case-file event type → record-store stage holding the same step
RECORD_STAGES = {"立案": "启动", "法制审核": "审核", "决定": "决定", "送达": "送达", "公示": "公示"}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class CaseTimeline:
    case_id: str
    agency: str | None = None
    title: str = ""
    law: str | None = None
    penalty_types: list[str] = field(default_factory=list)
    penalty_total: float = 0.0
    major: bool = False
    major_reasons: list[str] = field(default_factory=list)
    dates: dict[str, date] = field(default_factory=dict)  # case-file event type → first date
    sources: dict[str, str] = field(default_factory=dict)
    extended: bool = False
    extended_until: date | None = None
    transferred: bool = False
    closed: date | None = None
    officers: list[str] = field(default_factory=list)
    filed: bool = False
    recorded_events: int = 0

    def on(self, kind: str) -> date | None:
        return self.dates.get(kind)

    def as_json(self) -> dict[str, object]:
        return {
            "case_id": self.case_id,
            "agency": self.agency,
            "title": self.title,
            "law": self.law,
            "penalty_types": self.penalty_types,
            "penalty_total": self.penalty_total,
            "major": self.major,
            "dates": {k: v.isoformat() for k, v in self.dates.items()},
            "sources": self.sources,
            "extended": self.extended,
            "extended_until": self.extended_until.isoformat() if self.extended_until else None,
            "transferred": self.transferred,
            "closed": self.closed.isoformat() if self.closed else None,
            "filed": self.filed,
            "recorded_events": self.recorded_events,
        }


def _law_of(citations: list[str]) -> str | None:
    """The statute named in the first 处罚依据, without 中华人民共和国."""
    for written in citations:
        found = re.search(r"《([^》]+)》", written)
        if found:
            return found.group(1).removeprefix("中华人民共和国")
    return None


def _from_file(filed: FiledCase, ctx: ReviewContext | None) -> CaseTimeline:
    case = filed.case
    major = ctx.major(case) if ctx is not None else None
    timeline = CaseTimeline(
        case_id=case.case_id,
        agency=case.agency.name,
        title=case.title,
        law=_law_of(case.citations.penalty_basis),
        penalty_types=list(case.penalty.types),
        penalty_total=penalty_total(case),
        major=bool(major and major.major),
        major_reasons=major.reasons if major else [],
        closed=filed.dossier.closed,
        filed=True,
        transferred=bool(case.events_of("移送")),
    )
    for event in sorted(case.events, key=lambda e: e.date):
        if event.type not in timeline.dates:
            timeline.dates[event.type] = event.date
            timeline.sources[event.type] = FILE_SOURCE
        timeline.officers += [o for o in event.officers if o not in timeline.officers]
    for officer in case.officers:
        timeline.officers += [r for r in (officer.name, officer.certificate_no) if r]
    extensions = case.events_of("延期")
    timeline.extended = bool(extensions)
    for extension in extensions:
        found = [_iso(d) for d in _ISO_DAY.findall(f"{extension.result or ''} {extension.note}")]
        found = [d for d in found if d is not None]
        if found:
            timeline.extended_until = max(found)
    return timeline


def _add_record(timeline: CaseTimeline, events: list[RecordedEvent]) -> None:
    timeline.recorded_events = len(events)
    for kind, stage in RECORD_STAGES.items():
        if kind in timeline.dates:
            continue
        days = [_day(e.occurred_at) for e in events if e.event_type == stage]
        days = [d for d in days if d is not None]
        if days:
            timeline.dates[kind] = min(days)
            timeline.sources[kind] = RECORD_SOURCE


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _day(occurred_at: str) -> date | None:
    return _iso(occurred_at[:10])


def build_timelines(
    filed: list[FiledCase],
    records: dict[str, list[RecordedEvent]],
    ctx: ReviewContext | None,
) -> list[CaseTimeline]:
    """Timelines of every filed case and of every case only the record store knows."""
    timelines = {f.case.case_id: _from_file(f, ctx) for f in filed}
    for case_no, events in records.items():
        timeline = timelines.setdefault(case_no, CaseTimeline(case_id=case_no))
        _add_record(timeline, events)
    return sorted(timelines.values(), key=lambda t: t.case_id)

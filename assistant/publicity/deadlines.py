"""Publication and withdrawal deadlines in working days (粤公示办法第二十一条、第二十四条).

Working days follow the State Council holiday calendar (chinese-calendar): 调休
weekends count as working days, holidays do not. Counting starts the day after the
decision or receipt (the first day is not counted), so the deadline is the N-th
working day after it.

The State Council publishes each year's holidays late in the year before, so the
package knows a fixed set of years. For a later (or much earlier) year the count uses
weekends only and the result carries a warning saying so; installing a newer
chinese-calendar makes those years exact with no code change (the covered years are
read from the package).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

import chinese_calendar

from assistant.settings import AssistantSettings
from corpus.errors import ErrorKind, ZhifaError
from corpus.field_types import MAX_DATE, MIN_DATE


class DecisionKind(StrEnum):
    PENALTY = "penalty"
    PERMIT = "permit"
    OTHER = "other"


class CalendarRangeError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_dates"):
    """Dates that cannot give a deadline: outside 1949–2100, or revoked before decided."""


PUBLISH_BASIS = "《广东省行政执法公示办法》第二十一条第二款"
WITHDRAW_BASIS = "《广东省行政执法公示办法》第二十四条第一款"


def calendar_years() -> range:
    """The years the installed chinese-calendar has official holiday data for."""
    known = {day.year for day in chinese_calendar.holidays} | {
        day.year for day in chinese_calendar.workdays
    }
    return range(min(known), max(known) + 1)


def is_working_day(day: date) -> bool:
    """Official calendar within its years; Monday to Friday outside them."""
    if day.year in calendar_years():
        return chinese_calendar.is_workday(day)
    return day.weekday() < 5


def calendar_warnings(start: date, end: date) -> list[str]:
    """Why a count from ``start`` to ``end`` is only an estimate (years without data)."""
    years = calendar_years()
    missing = [y for y in range(start.year, end.year + 1) if y not in years]
    if not missing:
        return []
    named = "、".join(f"{y}年" for y in missing[:5]) + ("等" if len(missing) > 5 else "")
    return [
        f"节假日日历（chinese-calendar，含 {years.start}–{years.stop - 1} 年）没有{named}的数据："
        "这些日期只按周末计算，未计法定节假日与调休，期限仅供参考；"
        "国务院公布当年安排后升级 chinese-calendar 即可精确计算"
    ]


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` (start itself not counted)."""
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``."""
    return sum(is_working_day(start + timedelta(days=n)) for n in range(1, (end - start).days + 1))


def publication_days(kind: DecisionKind, settings: AssistantSettings) -> int:
    if kind in (DecisionKind.PENALTY, DecisionKind.PERMIT):
        return settings.publicity_days_penalty
    return settings.publicity_days_other


@dataclass(frozen=True)
class Deadline:
    """What is due next for one decision: publish it, or take it down after revocation."""

    decided: date
    kind: DecisionKind
    publish_due: date
    publish_days: int
    revoked: date | None
    withdraw_due: date | None
    withdraw_days: int
    warnings: tuple[str, ...] = ()

    @property
    def due(self) -> date:
        return self.withdraw_due or self.publish_due

    def as_json(self) -> dict[str, object]:
        return {
            "due": self.due.isoformat(),
            "action": "撤下" if self.withdraw_due else "公开",
            "kind": self.kind.value,
            "decided": self.decided.isoformat(),
            "publish_due": self.publish_due.isoformat(),
            "publish_working_days": self.publish_days,
            "publish_basis": PUBLISH_BASIS,
            "revoked": self.revoked.isoformat() if self.revoked else None,
            "withdraw_due": self.withdraw_due.isoformat() if self.withdraw_due else None,
            "withdraw_working_days": self.withdraw_days if self.revoked else None,
            "withdraw_basis": WITHDRAW_BASIS if self.revoked else None,
            "warnings": list(self.warnings),
        }


def deadline_for(
    decided: date, kind: DecisionKind, settings: AssistantSettings, revoked: date | None = None
) -> Deadline:
    """Publication deadline, and the withdrawal deadline when the decision was revoked."""
    for day in (decided, revoked):
        if day is not None and not MIN_DATE <= day <= MAX_DATE:
            raise CalendarRangeError(f"日期应在 {MIN_DATE} 至 {MAX_DATE} 之间：{day}")
    if revoked is not None and revoked < decided:
        raise CalendarRangeError(f"撤销/变更文书收到日期 {revoked} 早于决定日期 {decided}")
    days = publication_days(kind, settings)
    publish_due = add_working_days(decided, days)
    withdraw_due = add_working_days(revoked, settings.withdrawal_days) if revoked else None
    return Deadline(
        decided=decided,
        kind=kind,
        publish_due=publish_due,
        publish_days=days,
        revoked=revoked,
        withdraw_due=withdraw_due,
        withdraw_days=settings.withdrawal_days,
        warnings=tuple(calendar_warnings(decided, withdraw_due or publish_due)),
    )


def annual_report_due(year: int) -> date:
    """Last year's data are published by 31 January (第十七条)."""
    return date(year + 1, 1, 31)

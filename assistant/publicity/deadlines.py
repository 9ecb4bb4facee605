"""Publication and withdrawal deadlines in working days (粤公示办法第二十一条、第二十四条).

Working days follow the State Council holiday calendar (chinese-calendar): 调休
weekends count as working days, holidays do not. Counting starts the day after the
decision or receipt (the first day is not counted), so the deadline is the N-th
working day after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

import chinese_calendar

from assistant.settings import AssistantSettings
from corpus.errors import ErrorKind, ZhifaError


class DecisionKind(StrEnum):
    PENALTY = "penalty"
    PERMIT = "permit"
    OTHER = "other"


class CalendarRangeError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_dates"):
    """The official calendar does not cover the date (chinese-calendar ships known years only)."""


PUBLISH_BASIS = "《广东省行政执法公示办法》第二十一条第二款"
WITHDRAW_BASIS = "《广东省行政执法公示办法》第二十四条第一款"


def is_working_day(day: date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError as exc:
        raise CalendarRangeError(
            f"节假日日历没有{day.year}年的数据（chinese-calendar 仅含已公布年份），无法计算工作日"
        ) from exc


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
        }


def deadline_for(
    decided: date, kind: DecisionKind, settings: AssistantSettings, revoked: date | None = None
) -> Deadline:
    """Publication deadline, and the withdrawal deadline when the decision was revoked."""
    if revoked is not None and revoked < decided:
        raise ValueError(f"撤销/变更文书收到日期 {revoked} 早于决定日期 {decided}")
    days = publication_days(kind, settings)
    return Deadline(
        decided=decided,
        kind=kind,
        publish_due=add_working_days(decided, days),
        publish_days=days,
        revoked=revoked,
        withdraw_due=add_working_days(revoked, settings.withdrawal_days) if revoked else None,
        withdraw_days=settings.withdrawal_days,
    )


def annual_report_due(year: int) -> date:
    """Last year's data are published by 31 January (第十七条)."""
    return date(year + 1, 1, 31)

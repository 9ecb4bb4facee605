"""The days between a decision and its deadline, marked as the official calendar has them.

Officers check a deadline against a calendar; showing which days were holidays
(国庆节 …) and which weekends were 调休 working days explains why the count lands where
it does instead of asking them to trust the number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar

from assistant.publicity.deadlines import CalendarRangeError, is_working_day

MAX_CALENDAR_DAYS = 400
HOLIDAY_NAMES = {h.value: h.chinese for h in chinese_calendar.Holiday}
"""chinese-calendar's English holiday names → 元旦、春节、国庆节 …"""


@dataclass(frozen=True)
class CalendarDay:
    day: date
    working: bool
    holiday: str | None
    """Chinese name of the statutory holiday (or of the holiday a 调休 weekend serves)."""
    counted: int | None
    """1, 2, … for the working days counted after ``start``; None for the others."""

    @property
    def adjusted_workday(self) -> bool:
        """A weekend made a working day (调休)."""
        return self.working and self.day.weekday() >= 5

    def as_json(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "weekday": self.day.isoweekday(),
            "working": self.working,
            "holiday": self.holiday,
            "adjusted_workday": self.adjusted_workday,
            "counted": self.counted,
        }


def _holiday_name(day: date) -> str | None:
    try:
        _, holiday = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError as exc:
        raise CalendarRangeError(f"节假日日历没有{day.year}年的数据，无法显示日历") from exc
    return HOLIDAY_NAMES.get(holiday, holiday) if holiday else None


def statutory_holiday(day: date) -> str | None:
    """The statutory holiday ``day`` is a rest day of (None on a working day, a plain weekend,
    a 调休 working day, or a year the calendar does not know)."""
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return None
    return HOLIDAY_NAMES.get(name, name) if on_holiday and name else None


def months_later(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day where it has fewer days), as
    periods in months (追责时效, 起诉期限) are counted."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def calendar_days(start: date, end: date) -> list[CalendarDay]:
    """Every day from ``start`` to ``end``; working days after ``start`` are numbered."""
    if end < start:
        raise ValueError(f"结束日期 {end} 早于开始日期 {start}")
    if (end - start).days > MAX_CALENDAR_DAYS:
        raise ValueError(f"日历范围不能超过 {MAX_CALENDAR_DAYS} 天")
    days, counted = [], 0
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        working = is_working_day(day)
        if working and offset > 0:
            counted += 1
        number = counted if working and offset > 0 else None
        days.append(CalendarDay(day, working, _holiday_name(day), number))
    return days

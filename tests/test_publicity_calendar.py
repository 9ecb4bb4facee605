"""The calendar shown beside a deadline marks holidays and 调休 working days."""

from __future__ import annotations

from datetime import date

import pytest

from api.settings import Settings
from assistant.publicity.deadlines import CalendarRangeError, deadline_for
from assistant.publicity.working_calendar import calendar_days


def test_national_day_week_is_marked_and_counted(tmp_path) -> None:
    decided = date(2024, 9, 27)
    due = deadline_for(decided, "penalty", Settings(data_dir=tmp_path)).publish_due
    days = {d.day: d for d in calendar_days(decided, due)}
    assert days[date(2024, 10, 1)].holiday == "国庆节" and not days[date(2024, 10, 1)].working
    assert days[date(2024, 9, 29)].adjusted_workday  # Sunday 调休
    assert days[due].counted == 7 and days[decided].counted is None
    numbered = [d.counted for d in days.values() if d.counted]
    assert numbered == list(range(1, 8))


def test_bad_ranges_are_refused_in_chinese() -> None:
    with pytest.raises(ValueError, match="早于"):
        calendar_days(date(2024, 5, 2), date(2024, 5, 1))
    with pytest.raises(CalendarRangeError, match="节假日日历"):
        calendar_days(date(2099, 1, 1), date(2099, 1, 3))

"""Deadlines in working days across Spring Festival and National Day (incl. 调休 weekends)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings
from assistant.publicity.deadlines import (
    CalendarRangeError,
    DecisionKind,
    add_working_days,
    deadline_for,
    is_working_day,
)
from assistant.publicity.overdue import overdue_items
from assistant.publicity.public_entry import CaseDecision, Party


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path)


def test_adjusted_weekends_are_working_days() -> None:
    assert is_working_day(date(2024, 2, 4)) and is_working_day(date(2024, 2, 18))  # 春节调休
    assert not is_working_day(date(2024, 2, 12))
    assert is_working_day(date(2024, 9, 29)) and is_working_day(date(2024, 10, 12))  # 国庆调休
    assert is_working_day(date(2025, 1, 26)) and is_working_day(date(2025, 2, 8))
    assert not is_working_day(date(2025, 10, 8))


@pytest.mark.parametrize(
    ("decided", "kind", "due"),
    [
        # 2024 春节 2/10–2/17 放假，2/18（周日）上班：2/9, 2/18, 2/19 … 2/23
        (date(2024, 2, 8), DecisionKind.PENALTY, date(2024, 2, 23)),
        (date(2024, 2, 9), DecisionKind.PERMIT, date(2024, 2, 26)),
        # 2025 春节 1/28–2/4 放假，1/26（周日）、2/8（周六）上班
        (date(2025, 1, 24), DecisionKind.PENALTY, date(2025, 2, 10)),
        (date(2025, 1, 25), DecisionKind.PENALTY, date(2025, 2, 10)),
        # 2024 国庆 10/1–10/7，9/29（周日）、10/12（周六）上班
        (date(2024, 9, 27), DecisionKind.PERMIT, date(2024, 10, 12)),
        # 2025 国庆中秋 10/1–10/8，9/28（周日）、10/11（周六）上班；20 个工作日
        (date(2025, 9, 26), DecisionKind.OTHER, date(2025, 10, 30)),
        (date(2025, 9, 30), DecisionKind.OTHER, date(2025, 11, 4)),
    ],
)
def test_publication_deadlines(decided: date, kind: DecisionKind, due: date, settings) -> None:
    assert deadline_for(decided, kind, settings).publish_due == due


def test_withdrawal_is_three_working_days_after_receipt(settings) -> None:
    deadline = deadline_for(date(2024, 5, 6), DecisionKind.PENALTY, settings, date(2024, 9, 27))
    assert deadline.withdraw_due == date(2024, 10, 8)
    assert deadline.due == deadline.withdraw_due
    assert add_working_days(date(2025, 1, 27), 3) == date(2025, 2, 7)


def test_year_beyond_calendar_counts_weekends_and_says_so(settings) -> None:
    # 2026-12-28 (Mon) + 7 working days, 2027 unknown to the calendar: 12-29, 12-30,
    # 12-31, 2027-01-01 (Fri, counted: no holiday data), 01-04, 01-05, 01-06.
    deadline = deadline_for(date(2026, 12, 28), DecisionKind.PENALTY, settings)
    assert deadline.publish_due == date(2027, 1, 6)
    assert len(deadline.warnings) == 1 and "2027年" in deadline.warnings[0]
    assert "只按周末计算" in deadline.warnings[0]
    assert deadline_for(date(2024, 5, 6), DecisionKind.PENALTY, settings).warnings == ()
    assert add_working_days(date(2099, 1, 1), 3) == date(2099, 1, 6)


def test_deadline_command_warns_beyond_calendar_and_refuses_absurd_dates() -> None:
    runner = CliRunner()
    ok = runner.invoke(
        app, ["publicity", "deadline", "--decided", "2026-12-28", "--kind", "penalty"]
    )
    assert ok.exit_code == 0 and "2027-01-06" in ok.stdout and "警告：" in ok.stderr
    bad = runner.invoke(
        app, ["publicity", "deadline", "--decided", "9999-12-31", "--kind", "penalty"]
    )
    assert bad.exit_code == 1 and bad.stderr.strip().startswith("错误：日期应在 1949-01-01")
    with pytest.raises(CalendarRangeError):
        deadline_for(date(9999, 12, 31), DecisionKind.PENALTY, Settings())


def _case(no: str, decided: date, **extra) -> CaseDecision:
    return CaseDecision(
        case_no=no,
        authority="广州市天河区市场监督管理局",
        party=Party(name="广州市某某餐饮管理有限公司", type="法人"),
        conclusion="罚款人民币五千元",
        decided=decided,
        **extra,
    )


def test_overdue_list(settings) -> None:
    cases = [
        _case("A", date(2024, 2, 8)),  # 未公开，2/23 到期
        _case("B", date(2024, 2, 8), published=date(2024, 2, 23)),  # 按时
        _case("C", date(2024, 2, 8), published=date(2024, 2, 26)),  # 逾期公开
        _case("D", date(2024, 2, 8), published=date(2024, 2, 9), revoked=date(2024, 9, 27)),
    ]
    items = overdue_items(cases, date(2024, 10, 9), settings)
    assert [(i.case_no, i.action) for i in items] == [("A", "公开"), ("C", "公开"), ("D", "撤下")]


def test_cli_deadline_json() -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["publicity", "deadline", "--decided", "2024-02-08", "--kind", "penalty", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["due"] == "2024-02-23"
    revoked = runner.invoke(
        app,
        ["publicity", "deadline", "--decided", "2024-02-08", "--kind", "other"]
        + ["--revoked", "2024-09-27", "--json"],
    )
    payload = json.loads(revoked.stdout)
    assert payload["due"] == payload["withdraw_due"] == "2024-10-08"
    assert payload["publish_due"] == "2024-03-13"  # 20 个工作日，跨春节
    bad = runner.invoke(
        app, ["publicity", "deadline", "--decided", "2024-13-01", "--kind", "other"]
    )
    assert bad.exit_code != 0 and "错误：" in bad.output

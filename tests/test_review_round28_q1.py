"""Review round 28, engineer q1 (issue #18): requirements from the blind statute list
(eval/review_requirements) that no checker read — a 决定书 demanding the fine sooner than
the fifteen days from receipt the law grants (行政处罚法第六十七条第三款; 治安管理处罚法
第一百零四条 in a 治安 case). Cases are variants of eval/sets files."""

from __future__ import annotations

import datetime as dt

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext
from assistant.review.payment_period import shorter_periods

PENALTY_LAW = "《中华人民共和国行政处罚法》"
PUBLIC_ORDER_LAW = "《中华人民共和国治安管理处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _with_payment_line(set_name: str, pattern: str, old: str, new: str) -> dict:
    data = set_file_data(set_name, pattern)
    for document in data["documents"]:
        document["contents"] = [line.replace(old, new) for line in document.get("contents", [])]
    return data


def _water(days: str) -> dict:
    return _with_payment_line(
        "review_fresh12", "rf12c_03_*.yaml", "十五日内缴纳罚款", f"{days}日内缴纳罚款"
    )


def _theft(days: str) -> dict:
    return _with_payment_line(
        "review_fresh17", "rf17b_06_*.yaml", "罚款十五日内", f"罚款{days}日内"
    )


# --- 行政处罚法第六十七条第三款 -------------------------------------------------------------


@pytest.mark.parametrize("days", ["三", "7", "十"])
def test_decision_demanding_payment_sooner_than_fifteen_days(ctx: ReviewContext, days: str) -> None:
    found = variant_findings(_water(days), ctx)
    assert ("documents", f"{PENALTY_LAW}第六十七条第三款") in found


@pytest.mark.parametrize("days", ["十五", "三十"])
def test_fifteen_days_or_more_is_no_finding(ctx: ReviewContext, days: str) -> None:
    found = variant_findings(_water(days), ctx)
    assert ("documents", f"{PENALTY_LAW}第六十七条第三款") not in found


# --- 治安管理处罚法第一百零四条 in a 治安 case ----------------------------------------------


def test_public_order_decision_cites_its_own_article(ctx: ReviewContext) -> None:
    found = variant_findings(_theft("五"), ctx)
    assert ("documents", f"{PUBLIC_ORDER_LAW}第一百零四条") in found
    assert ("documents", f"{PENALTY_LAW}第六十七条第三款") not in found


def test_public_order_fifteen_days_is_no_finding(ctx: ReviewContext) -> None:
    found = variant_findings(_theft("十五"), ctx)
    assert not any(rule.endswith("第一百零四条") for _, rule in found)


# --- what is no fine period ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "责令十日内补缴社会保险费，罚款自收到决定书之日起十五日内缴纳",
        "十日内退还土地，罚款十五日内到指定银行缴纳",
        "限五日内缴纳税款",
    ],
)
def test_other_periods_are_not_the_fine_period(line: str) -> None:
    assert shorter_periods([line]) == []


# --- 行政强制法第三十七条第一款: enforcement decision inside the 催告's own period ------------

COERCION_LAW = "《中华人民共和国行政强制法》"
_DEMOLITION = ("review_fresh23", "rf23c_04_*.yaml")
_REMINDER_SERVED = dt.date(2024, 5, 27)
_DECIDED = dt.date(2024, 6, 4)


def _enforced_on(day: dt.date, reminder_note: str | None = None) -> dict:
    data = set_file_data(*_DEMOLITION)
    for event in data["events"]:
        if event["date"] == _DECIDED and event["type"] == "决定":
            event["date"] = day
        if reminder_note and event["date"] == _REMINDER_SERVED:
            event["note"] = reminder_note
    for document in data["documents"]:
        if document["type"] == "强制执行决定书":
            document["date"] = day
    return data


@pytest.mark.parametrize(
    ("day", "note"),
    [
        (dt.date(2024, 6, 1), None),  # 履行期限（2024-06-03前）
        (dt.date(2024, 6, 3), None),  # the narrative's 催告期内（至2024-06-03）: the later reading
        (dt.date(2024, 6, 5), "直接送达履行义务催告书，限十日内自行拆除，告知陈述申辩权利"),
    ],
)
def test_enforcement_decision_inside_the_reminder_period(
    ctx: ReviewContext, day: dt.date, note: str | None
) -> None:
    found = variant_findings(_enforced_on(day, note), ctx)
    assert ("procedure", f"{COERCION_LAW}第三十七条第一款") in found


@pytest.mark.parametrize(
    ("day", "note"),
    [
        (_DECIDED, None),
        (dt.date(2024, 6, 7), "直接送达履行义务催告书，限十日内自行拆除，告知陈述申辩权利"),
    ],
)
def test_enforcement_decision_after_the_reminder_period(
    ctx: ReviewContext, day: dt.date, note: str | None
) -> None:
    found = variant_findings(_enforced_on(day, note), ctx)
    assert ("procedure", f"{COERCION_LAW}第三十七条第一款") not in found

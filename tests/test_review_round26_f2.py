"""Review round 26, engineer f2 (issue #18): a 违法依据/处罚依据 pair numbered as only a later
version pairs them applied a law not yet in force on the act date (行政处罚法第三十七条); a
base amount named with a qualifier (骗取医保基金金额 for 骗取金额) is an established fact
(第四十条). Cases are variants (other names, dates, amounts) of eval/sets/review_fresh22 files."""

from __future__ import annotations

import datetime

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

VERSIONS = ("law", "《中华人民共和国行政处罚法》第三十七条")
FACTS = ("facts", "《中华人民共和国行政处罚法》第四十条")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _wildlife(act: datetime.date, decided: datetime.date, amount: int) -> dict:
    data = set_file_data("review_fresh22", "rf22b_04_*.yaml")
    data["violation"]["date"] = act
    data["parties"][0]["name"] = "黄某"
    data["penalty"]["amount"] = amount
    for event in data["events"]:
        if event["type"] == "决定":
            event["date"] = decided
    return data


@pytest.mark.parametrize(
    ("act", "decided", "amount"),
    [
        (datetime.date(2023, 3, 2), datetime.date(2023, 5, 22), 7200),
        (datetime.date(2023, 4, 28), datetime.date(2023, 6, 9), 4500),
    ],
)
def test_pair_numbered_by_later_version_applies_law_not_yet_in_force(
    ctx: ReviewContext, act: datetime.date, decided: datetime.date, amount: int
) -> None:
    assert VERSIONS in variant_findings(_wildlife(act, decided, amount), ctx)


def test_act_after_revision_is_no_version_finding(ctx: ReviewContext) -> None:
    """An act on or after 2023-05-01 falls under the revised law the decision cites."""
    data = _wildlife(datetime.date(2023, 5, 3), datetime.date(2023, 6, 9), 7200)
    assert VERSIONS not in variant_findings(data, ctx)


def _insurance(name: str | None, amount: int) -> dict:
    data = set_file_data("review_fresh22", "rf22d_09_*.yaml")
    data["facts"]["amounts"] = {name: amount} if name else {}
    data["facts"]["description"] = (
        "经查，当事人虚构药品销售记录，骗取医疗保障基金支出，当事人无异议。"
    )
    data["penalty"]["amount"] = amount * 2
    return data


@pytest.mark.parametrize(
    ("name", "amount"), [("骗取医疗保障基金金额", 41200), ("骗取统筹基金金额", 9300)]
)
def test_base_named_with_qualifier_is_established(
    ctx: ReviewContext, name: str, amount: int
) -> None:
    assert FACTS not in variant_findings(_insurance(name, amount), ctx)


def test_base_not_stated_is_unclear_facts(ctx: ReviewContext) -> None:
    """No amount at all, in the amounts or the narrative: the fine's base is not established."""
    assert FACTS in variant_findings(_insurance(None, 41200), ctx)


def _land(name: str, decided: int, measured: int) -> dict:
    data = set_file_data("review_fresh22", "rf22b_10_*.yaml")
    data["facts"]["quantities"] = {name: decided}
    data["evidence"][2]["measurements"] = [
        {"item": "占用土地面积", "value": measured, "unit": name[-3:] if "平方米" in name else "亩"}
    ]
    return data


@pytest.mark.parametrize(
    ("name", "decided", "measured"),
    [("占用耕地平方米", 3100, 2260), ("非法占用土地亩", 6, 4)],
)
def test_area_named_by_unit_beyond_survey_contradicts(
    ctx: ReviewContext, name: str, decided: int, measured: int
) -> None:
    assert FACTS in variant_findings(_land(name, decided, measured), ctx)


def test_area_within_survey_is_no_facts_finding(ctx: ReviewContext) -> None:
    assert FACTS not in variant_findings(_land("占用耕地平方米", 2260, 2260), ctx)


def _cable(thickness: float, floor: float, resistance: float) -> dict:
    data = set_file_data("review_fresh22", "rf22c_06_*.yaml")
    data["evidence"][3]["measurements"] = [
        {"item": "导体电阻", "value": resistance, "limit": 12.1, "unit": "Ω/km"},
        {"item": "绝缘最薄点厚度", "value": thickness, "limit": floor, "unit": "mm"},
    ]
    data["evidence"][3]["note"] = "检验结论：所检项目均符合标准要求"
    return data


@pytest.mark.parametrize(
    ("thickness", "floor", "resistance"), [(0.74, 0.62, 11.9), (0.9, 0.8, 12.0)]
)
def test_minimum_item_above_its_floor_is_a_pass(
    ctx: ReviewContext, thickness: float, floor: float, resistance: float
) -> None:
    """A thickness above its floor passes: the 不合格 found contradicts every reading."""
    assert FACTS in variant_findings(_cable(thickness, floor, resistance), ctx)


def test_minimum_item_below_its_floor_is_a_failed_item(ctx: ReviewContext) -> None:
    assert FACTS not in variant_findings(_cable(0.55, 0.62, 11.9), ctx)


EVIDENCE_RECORD = ("evidence", "《中华人民共和国行政处罚法》第五十五条第二款")


def _drug(found: str) -> dict:
    data = set_file_data("review_fresh22", "rf22c_08_*.yaml")
    data["facts"]["description"] = (
        f"经查，2025年6月3日本局执法人员{found}过期头孢克肟片8盒。以上事实有询问笔录、进销存记录等证据证实。"
    )
    return data


@pytest.mark.parametrize(
    "found", ["在当事人经营场所柜台上发现", "在该药店货柜查获", "在其仓库内货架上查见"]
)
def test_finding_at_the_premises_needs_an_inspection_record(ctx: ReviewContext, found: str) -> None:
    assert EVIDENCE_RECORD in variant_findings(_drug(found), ctx)


def test_finding_by_reading_records_is_no_inspection(ctx: ReviewContext) -> None:
    """A fact read from the party's sales records is no site inspection to record."""
    data = _drug("调取当事人进销存记录，核对发现其销售")
    data["events"][0]["note"] = "调取进销存记录"
    assert EVIDENCE_RECORD not in variant_findings(data, ctx)

"""Review round 18, class U (issue #18): review_fresh14 false flags on police and other penalty
files — the police rules' evidence kinds (公安机关办理行政案件程序规定第二十六条) are
第四十六条's; an order's period may stand in a content line of its own; a stated excess figure
is not contradicted by a part-year reading; a decided weight above the weighing slip is; a fine
per child and month is a rate; kinds of a provision cited by its superseded numbering are one
finding (第三十七条). Cases are variants (other names, amounts, wording) of
eval/sets/review_fresh14 files."""

from __future__ import annotations

from datetime import date

import pytest
from review_fixtures import must_fix_findings, set_file_data, variant_flags

from assistant.case_file import parse_case
from assistant.review.checkers.evidence import statutory_kind, statutory_types
from assistant.review.context import ReviewContext

PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh14", f"rf14{prefix}_*.yaml")


def _rules(data: dict, ctx: ReviewContext, point: str) -> list[str]:
    return [ctx.rule(f.rule) for f in variant_flags(data, ctx) if f.point.value == point]


@pytest.fixture(scope="module")
def kinds(ctx: ReviewContext) -> list[str]:
    """The kinds 第四十六条第一款 lists, read from the statute in force (not a copy of it)."""
    return statutory_types(ctx, date(2024, 6, 1))


# --- 第四十六条第一款: the police rules' names of the kinds ----------------------------


@pytest.mark.parametrize(
    ("kind", "statutory"),
    [
        ("违法嫌疑人陈述和申辩", "当事人的陈述"),
        ("违法嫌疑人的陈述和申辩", "当事人的陈述"),
        ("被侵害人陈述和其他证人证言", "证人证言"),
        ("勘验、检查笔录", "勘验笔录"),
        ("勘验、检查、辨认笔录", "勘验笔录"),
        ("视听资料、电子数据", "视听资料"),
        ("现场勘查笔录", "勘验笔录"),
    ],
)
def test_police_kind_is_statutory(kind: str, statutory: str, kinds: list[str]) -> None:
    assert statutory_kind(kind, kinds) == statutory


@pytest.mark.parametrize("kind", ["询问记录", "照片", "勘验、问话笔录"])
def test_other_kind_is_not(kind: str, kinds: list[str]) -> None:
    assert statutory_kind(kind, kinds) is None


def test_police_file_kinds_raise_no_flag(ctx: ReviewContext) -> None:
    data = _data("b_02")
    data["evidence"][1]["type"] = "勘验、检查、辨认笔录"
    data["evidence"][5]["type"] = "违法嫌疑人的陈述和申辩"
    data["evidence"][2]["type"] = "被侵害人陈述和其他证人证言"
    data["evidence"][4]["type"] = "视听资料、电子数据"
    assert f"{PENALTY_LAW}第四十六条第一款" not in _rules(data, ctx, "evidence")


def test_unknown_kind_still_checked(ctx: ReviewContext) -> None:
    data = _data("b_01")
    data["evidence"][1]["type"] = "情况说明"
    assert f"{PENALTY_LAW}第四十六条第一款" in _rules(data, ctx, "evidence")


# --- 第二十八条第一款: the period in a line of its own ---------------------------------


def _opinion(contents: list[str]) -> dict:
    data = _data("b_12")
    data["documents"][1]["contents"] = contents
    return data


def test_period_in_own_line_is_read(ctx: ReviewContext) -> None:
    data = _opinion(
        ["违法事实", "责令改正内容：组织上岗前职业健康检查", "整改期限：2025年6月15日前"]
    )
    assert f"{PENALTY_LAW}第二十八条第一款" not in _rules(data, ctx, "documents")


def test_order_without_period_still_flagged(ctx: ReviewContext) -> None:
    data = _opinion(["违法事实", "责令改正内容", "未写明改正期限"])
    # round 27: a period the decision's own text sets answers the order, so leave it out too
    facts = data["facts"]
    facts["description"] = facts["description"].replace("责令于2025年5月30日前改正", "责令改正")
    assert f"{PENALTY_LAW}第二十八条第一款" in _rules(data, ctx, "documents")


# --- 第四十条: excess figures and weighing slips -------------------------------------------


def _water(quantities: dict[str, float]) -> dict:
    data = _data("c_07")
    data["facts"]["quantities"] = quantities
    return data


def test_stated_excess_over_plan_is_no_contradiction(ctx: ReviewContext) -> None:
    data = _water(
        {"许可年取水量立方米": 800000, "计量取水量立方米": 420000, "超计划取水量立方米": 96000}
    )
    assert f"{PENALTY_LAW}第四十条" not in _rules(data, ctx, "facts")


def test_reading_within_permit_without_excess_still_flagged(ctx: ReviewContext) -> None:
    data = _water({"许可年取水量立方米": 800000, "计量取水量立方米": 420000})
    assert f"{PENALTY_LAW}第四十条" in _rules(data, ctx, "facts")


def _weighing(decided: float, weighed: float) -> dict:
    data = _data("b_10")
    data["facts"]["quantities"] = {"认定车货总质量吨": decided, "限定标准吨": 49}
    data["evidence"][1]["measurements"][0]["value"] = weighed
    return data


def test_decided_weight_above_slip_is_flagged(ctx: ReviewContext) -> None:
    found = must_fix_findings(parse_case(_weighing(55.2, 47.9)), ctx)
    assert ("facts", f"{PENALTY_LAW}第四十条") in found


def test_decided_weight_of_slip_is_not(ctx: ReviewContext) -> None:
    found = must_fix_findings(parse_case(_weighing(52.1, 52.1)), ctx)
    assert ("facts", f"{PENALTY_LAW}第四十条") not in found


# --- 禁止使用童工规定第六条: 每使用一名童工每月处5000元 ------------------------------------


def _child_labour(amount: int, persons: int, months: int) -> dict:
    data = _data("c_10")
    data["penalty"]["amount"] = amount
    data["facts"]["amounts"] = {"罚款": amount}
    data["facts"]["quantities"] = {"童工人数": persons, "使用月数": months}
    return data


@pytest.mark.parametrize(
    ("amount", "persons", "months"), [(20000, 2, 2), (15000, 3, 1), (5000, 1, 1)]
)
def test_rate_per_child_and_month(
    ctx: ReviewContext, amount: int, persons: int, months: int
) -> None:
    data = _child_labour(amount, persons, months)
    assert "《禁止使用童工规定》第六条第一款" not in _rules(data, ctx, "discretion")


def test_fine_above_rate_still_flagged(ctx: ReviewContext) -> None:
    data = _child_labour(30000, 2, 2)
    assert "《禁止使用童工规定》第六条第一款" in _rules(data, ctx, "discretion")


# --- 第三十七条: the superseded law applied is one finding --------------------------------


def test_old_mineral_law_is_one_finding(ctx: ReviewContext) -> None:
    data = _data("c_01")
    data["penalty"]["types"] = ["没收非法财物", "罚款"]
    data["penalty"]["amount"] = 18000
    found = must_fix_findings(parse_case(data), ctx)
    assert ("law", f"{PENALTY_LAW}第三十七条") in found
    assert not any("实施细则" in rule for point, rule in found if point == "law")

"""Review round 21, class z3 (issue #18): theft 数额较大 is a transfer line (刑法第二百六十四条,
两高盗窃解释第一条: 一千元至三千元以上, the top taken); an excess over the graver tier's percent
(道路交通安全法第九十二条第二款: 超过核定载质量百分之三十) leaves the milder tier; a traffic
一般程序 file is opened by its 强制措施凭证 or 违法行为处理通知书 (处理程序规定第七十六条).
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh17 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

TRANSFER = ("transfer", "《中华人民共和国行政处罚法》第二十七条第一款")
OVERLOAD = ("discretion", "《中华人民共和国道路交通安全法》第九十二条第二款")
FILING = ("documents", "《中华人民共和国行政处罚法》第五十四条第二款")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


# --- 盗窃 数额较大: transfer ------------------------------------------------------------


def _theft(name: str, value: float, description: str | None = None) -> dict:
    data = set_file_data("review_fresh17", "rf17b_06_*.yaml")
    data["facts"]["amounts"] = {name: value}
    if description is not None:
        data["facts"]["description"] = description
    return data


@pytest.mark.parametrize(
    ("name", "value"),
    [("盗窃财物价值", 5200), ("被盗财物价值（元）", 3000), ("窃取物品价值", 8600)],
)
def test_theft_of_a_large_amount_is_transferred(
    ctx: ReviewContext, name: str, value: float
) -> None:
    assert TRANSFER in variant_findings(_theft(name, value), ctx)


def test_theft_under_every_province_figure_is_not_a_crime(ctx: ReviewContext) -> None:
    # 2800 元 is 数额较大 only where the province chose less than 3000: not certain
    assert TRANSFER not in variant_findings(_theft("盗窃财物价值", 2800), ctx)


def test_forest_theft_is_not_this_line(ctx: ReviewContext) -> None:
    described = "张某盗伐集体林木，林木价值6000元。"
    assert TRANSFER not in variant_findings(_theft("盗伐林木价值", 6000, described), ctx)


# --- 道路交通安全法第九十二条第二款: the graver overload tier ---------------------------


def _overload(quantities: dict[str, float], amount: float) -> dict:
    data = set_file_data("review_fresh17", "rf17b_08_*.yaml")
    data["facts"]["quantities"] = quantities
    data["penalty"]["amount"] = amount
    return data


@pytest.mark.parametrize(
    "quantities",
    [
        {"核定载质量千克": 10000, "实际载质量千克": 14250},
        {"超载比例百分比": 35.0},
        {"核定载质量（吨）": 18, "实际载质量（吨）": 31},
    ],
)
def test_overload_over_thirty_percent_fined_on_the_milder_tier(
    ctx: ReviewContext, quantities: dict[str, float]
) -> None:
    assert OVERLOAD in variant_findings(_overload(quantities, 400), ctx)


@pytest.mark.parametrize(
    "quantities",
    [{"核定载质量千克": 10000, "实际载质量千克": 13000}, {"超载比例百分比": 20.0}, {}],
)
def test_overload_not_over_thirty_percent_keeps_the_milder_tier(
    ctx: ReviewContext, quantities: dict[str, float]
) -> None:
    assert OVERLOAD not in variant_findings(_overload(quantities, 300), ctx)


def test_overload_on_the_graver_tier_is_lawful(ctx: ReviewContext) -> None:
    found = variant_findings(_overload({"超载比例百分比": 42.5}, 1000), ctx)
    assert OVERLOAD not in found


# --- 交通违法一般程序: the 凭证 or 处理通知书 opens the case -------------------------------


@pytest.mark.parametrize("title", ["公安交通管理行政强制措施凭证", "违法行为处理通知书"])
def test_traffic_case_opened_by_its_voucher_or_notice(ctx: ReviewContext, title: str) -> None:
    data = _overload({"超载比例百分比": 42.5}, 1000)
    kept = [d for d in data["documents"] if not any(t in d["type"] for t in ("凭证", "通知书"))]
    data["documents"] = [{"type": title, "date": "2025-02-02"}, *kept]
    assert FILING not in variant_findings(data, ctx)


def test_traffic_case_without_any_opening_document(ctx: ReviewContext) -> None:
    data = _overload({"超载比例百分比": 42.5}, 1000)
    data["documents"] = [
        d for d in data["documents"] if not any(t in d["type"] for t in ("凭证", "通知书"))
    ]
    assert FILING in variant_findings(data, ctx)


# --- a 查封/扣押 alone: no 违法依据 asked by 行政处罚法第三十八条 -------------------------------


@pytest.mark.parametrize("types", [["扣押"], ["查封"], ["查封", "扣押"]])
def test_coercive_measure_alone_needs_no_penalty_basis(
    ctx: ReviewContext, types: list[str]
) -> None:
    data = set_file_data("review_fresh17", "rf17c_09_*.yaml")
    data["penalty"]["types"] = types
    data["citations"] = {"violated": [], "penalty_basis": []}
    found = variant_findings(data, ctx)
    assert not any(p == "law" and "第三十八条" in rule for p, rule in found)


def test_a_fine_without_violated_article_still_has_no_basis(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh17", "rf17c_09_*.yaml")
    data["penalty"] = {"types": ["罚款"], "amount": 2000}
    data["citations"] = {"violated": [], "penalty_basis": ["《中华人民共和国森林法》第七十八条"]}
    found = variant_findings(data, ctx)
    assert ("law", "《中华人民共和国行政处罚法》第三十八条第一款") in found

"""Review round 27, engineer g3 (issue #18): 从旧兼从轻 read through a 罚则 whose multiple is
the other branch of its own tier (有违法所得的…；违法所得不足二万元的…), a named campaign of
inspections (专项检查) with no inspection record, and transfer lines for 骗取医保基金 (诈骗罪)
and mining valued by 销赃数额 (2016 采矿解释第十三条).
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh23 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings, variant_flags

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import statutory_bounds

PENALTY_LAW = "《中华人民共和国行政处罚法》"
TRANSFER = f"{PENALTY_LAW}第二十七条第一款"
OLD_63 = (
    "违反本条例的规定，未取得道路运输经营许可，擅自从事道路运输经营的，由县级以上地方人民政府"
    "交通运输主管部门责令停止经营；有违法所得的，没收违法所得，处违法所得2倍以上10倍以下的罚款；"
    "没有违法所得或者违法所得不足2万元的，处3万元以上10万元以下的罚款；构成犯罪的，依法追究刑事责任。"
)


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _also(ctx: ReviewContext, data: dict, article: str) -> bool:
    """A must_fix flag cites ``article`` as its rule or beside it (transfer flags cite the
    threshold's interpretation and 第二十七条第一款 in also_cites)."""
    return any(
        f.severity.value == "must_fix" and article in (f.rule, *getattr(f, "also_cites", ()))
        for f in variant_flags(data, ctx)
    )


# --- statutory_range: 有违法所得的 multiple is the tier's other branch ----------------------


@pytest.mark.parametrize(("gain", "low", "high"), [(1200, 30000, 100000), (0, 30000, 100000)])
def test_gain_under_tier_takes_fixed_range_alone(gain: float, low: float, high: float) -> None:
    bounds = statutory_bounds(OLD_63, {"违法所得": gain}, None)
    assert bounds is not None and (bounds.low, bounds.high) == (low, high)


def test_gain_at_tier_takes_the_multiple() -> None:
    bounds = statutory_bounds(OLD_63, {"违法所得": 25000}, None)
    assert bounds is not None and (bounds.low, bounds.high) == (50000, 250000)


# --- 第三十七条: the lighter amended 罚则 ---------------------------------------------------


def _freight(gain: int, fine: int) -> dict:
    data = set_file_data("review_fresh23", "rf23a_03_*.yaml")
    data["parties"][0]["name"] = "黄志远"
    data["facts"]["amounts"] = {"违法所得": gain, "运费": gain}
    data["penalty"]["amount"] = fine
    data["penalty"]["confiscation_yuan"] = gain
    return data


@pytest.mark.parametrize(("gain", "fine"), [(800, 40000), (3500, 30000)])
def test_old_heavier_fine_after_amendment(ctx: ReviewContext, gain: int, fine: int) -> None:
    found = variant_findings(_freight(gain, fine), ctx)
    assert ("law", f"{PENALTY_LAW}第三十七条") in found


def test_fine_within_new_range_is_no_finding(ctx: ReviewContext) -> None:
    found = variant_findings(_freight(800, 8000), ctx)
    assert ("law", f"{PENALTY_LAW}第三十七条") not in found


# --- 第五十五条第二款: a named inspection campaign with no record ---------------------------


def _disinfectant(note: str, with_record: bool = False) -> dict:
    data = set_file_data("review_fresh23", "rf23b_10_*.yaml")
    data["events"][0]["note"] = note
    if with_record:
        data["documents"].append({"type": "现场检查笔录", "date": data["events"][0]["date"]})
    return data


@pytest.mark.parametrize(
    "note",
    [
        "开展日常检查，从货架上抽取样品4瓶送检，填写采样单并拍照",
        "联合检查中抽取某品牌抗菌凝胶样品送检，拍摄陈列照片",
    ],
)
def test_campaign_inspection_without_record(ctx: ReviewContext, note: str) -> None:
    found = variant_findings(_disinfectant(note), ctx)
    assert ("evidence", f"{PENALTY_LAW}第五十五条第二款") in found


def test_campaign_inspection_with_record_is_no_finding(ctx: ReviewContext) -> None:
    note = "开展日常检查，从货架上抽取样品4瓶送检，填写采样单并拍照"
    found = variant_findings(_disinfectant(note, with_record=True), ctx)
    assert ("evidence", f"{PENALTY_LAW}第五十五条第二款") not in found


# --- transfer: 骗取医保基金 (诈骗罪) and mining by 销赃数额 ------------------------------------


def _medicare(name: str, amount: int) -> dict:
    data = set_file_data("review_fresh23", "rf23b_04_*.yaml")
    data["facts"]["amounts"] = {name: amount, "罚款": amount * 2, "已退回金额": amount}
    return data


@pytest.mark.parametrize(("name", "amount"), [("骗取医保基金数额", 23400), ("骗取金额", 12800)])
def test_medicare_fraud_over_line_is_transferred(
    ctx: ReviewContext, name: str, amount: int
) -> None:
    assert _also(ctx, _medicare(name, amount), TRANSFER)


def test_medicare_fraud_under_line_is_no_transfer(ctx: ReviewContext) -> None:
    found = variant_findings(_medicare("骗取医保基金数额", 6000), ctx)
    assert not any(point == "transfer" for point, _ in found)


def _mining(name: str, value: int) -> dict:
    data = set_file_data("review_fresh23", "rf23c_02_*.yaml")
    data["facts"]["amounts"] = {name: value, "违法所得": value, "罚款": int(value * 0.4)}
    return data


@pytest.mark.parametrize(("name", "value"), [("销赃数额", 450000), ("销售金额", 318000)])
def test_mining_sold_over_line_is_transferred(ctx: ReviewContext, name: str, value: int) -> None:
    assert _also(ctx, _mining(name, value), TRANSFER)


def test_mining_sold_under_line_is_no_transfer(ctx: ReviewContext) -> None:
    found = variant_findings(_mining("销售金额", 120000), ctx)
    assert not cites_article(found, "transfer", "《")

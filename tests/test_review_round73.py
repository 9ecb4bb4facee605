"""Review round 73 (issue #18) on review_fresh59 (scored once before this round, by 06aecde):

- 造成2人重伤、无人死亡 is no death, and a number quoted inside the line the file says it stays under
  (未达到非法占用农用地罪“基本农田以外的耕地10亩以上”的标准) is no measured fact;
- 视为逾期未改正 while the order's own day (整改期限至2024年6月20日) had not come at the decision:
  the 逾期 tier has no ground (安全生产法第九十九条), and there is no non-correction to prove;
- the article of the agency's own jurisdiction reserving 吊销 to the issuing organ (特种设备安全
  监督检查办法第三十二条第三款); a fine the 罚则's law sends to the province (计量法实施细则第五十五条);
- 行政拘留 under 消防法 decided by a 派出所 (治安管理处罚法第九十一条); a 临时查封决定书 made days
  after the seal (行政强制法第二十四条第一款); an unsafe product sold for 五万元 (刑法第一百四十九条
  第一款); a referral article beside the 罚则 (标准化法第三十七条); the officers' record saying
  the fire lane 可满足消防车通行 against 妨碍消防车通行."""

from __future__ import annotations

import pytest
from review_fixtures import (
    reworded,
    rules_of,
    set_file_data,
    set_findings,
    variant_findings,
    variant_flags,
)

from assistant.review.context import ReviewContext

F59 = "review_fresh59"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize("pattern", ["rf59a_01_*.yaml", "rf59a_08_*.yaml", "rf59b_06_*.yaml"])
def test_no_death_and_the_quoted_line_reach_no_threshold(ctx: ReviewContext, pattern: str) -> None:
    assert not rules_of(set_findings(F59, pattern, ctx), "transfer")


def test_a_death_still_reaches_the_line(ctx: ReviewContext) -> None:
    data = set_file_data(F59, "rf59a_01_*.yaml")
    data["facts"]["quantities"].pop("死亡人数")
    data["facts"]["circumstances"] = ["事故造成1名员工当场死亡"]
    assert rules_of(variant_findings(data, ctx), "transfer")


def test_overdue_tier_before_the_order_fell_due(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国安全生产法》第九十九条"
    found = set_findings(F59, "rf59a_06_*.yaml", ctx)
    assert rule in rules_of(found, "law")
    assert not rules_of(found, "facts")
    data = reworded(
        set_file_data(F59, "rf59a_06_*.yaml"),
        ("2024年6月20日", "2024年6月10日"),
        ("2024-06-20", "2024-06-10"),
    )
    assert rule not in rules_of(variant_findings(data, ctx), "law")


def test_revocation_reserved_by_the_jurisdiction_article(ctx: ReviewContext) -> None:
    rule = "《特种设备安全监督检查办法》第三十二条第三款"
    assert rule in rules_of(set_findings(F59, "rf59c_05_*.yaml", ctx), "authority")
    data = reworded(set_file_data(F59, "rf59c_05_*.yaml"), ("广东省市场监督管理局", "本局"))
    assert rule not in rules_of(variant_findings(data, ctx), "authority")


def test_metrology_fine_the_province_decides(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国计量法实施细则》第五十五条第一款"
    assert rule in rules_of(set_findings(F59, "rf59c_11_*.yaml", ctx), "authority")
    data = set_file_data(F59, "rf59c_11_*.yaml")
    data["penalty"]["amount"] = 9000
    assert rule not in rules_of(variant_findings(data, ctx), "authority")


def test_police_station_detaining_under_the_fire_law(ctx: ReviewContext) -> None:
    found = set_findings(F59, "rf59d_04_*.yaml", ctx)
    assert rules_of(found, "authority") == {"《中华人民共和国治安管理处罚法》第九十一条"}


def test_seal_decision_made_after_the_seal(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国行政强制法》第二十四条第一款"
    found = set_findings(F59, "rf59d_07_*.yaml", ctx)
    assert rule in rules_of(found, "procedure")
    assert not rules_of(found, "facts")  # 消防法第六十条's 拒不改正 orders 强制执行, no fine
    data = reworded(set_file_data(F59, "rf59d_07_*.yaml"), ("2022-06-17", "2022-06-14"))
    assert rule not in rules_of(variant_findings(data, ctx), "procedure")


def test_unsafe_product_sold_for_fifty_thousand(ctx: ReviewContext) -> None:
    found = set_findings(F59, "rf59c_06_*.yaml", ctx)
    assert "《中华人民共和国刑法》第一百四十九条第一款" in rules_of(found, "transfer")
    assert not rules_of(found, "law")  # 标准化法第三十七条 refers to the 罚则 cited beside it
    data = set_file_data(F59, "rf59c_06_*.yaml")
    data["facts"]["amounts"]["销售金额"] = 43456
    data = reworded(data, ("销售金额93456元", "销售金额43456元"))
    assert not rules_of(variant_findings(data, ctx), "transfer")


def test_record_saying_the_lane_is_passable(ctx: ReviewContext) -> None:
    facts = "《中华人民共和国行政处罚法》第四十条"
    assert facts in rules_of(set_findings(F59, "rf59d_10_*.yaml", ctx), "facts")
    data = reworded(set_file_data(F59, "rf59d_10_*.yaml"), ("可满足消防车通行", "消防车无法通行"))
    assert facts not in rules_of(variant_findings(data, ctx), "facts")


def test_fire_brigade_deciding_a_housing_matter_cites_the_division(ctx: ReviewContext) -> None:
    flags = variant_flags(set_file_data(F59, "rf59d_11_*.yaml"), ctx)
    cited = {c for f in flags if f.point.value == "authority" for c in [f.rule, *f.also_cites]}
    assert "《中华人民共和国消防法》第七十条第一款" in cited

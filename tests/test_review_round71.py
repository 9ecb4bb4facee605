"""Review round 71 (issue #18) on review_fresh57 (scored once before this round, by 0c47331):

- 限制生产、停产整治办法第五条 is the basis of the 限制生产 measure, cited beside the 罚则;
- a 罚则 cited for its first tier's 警告 beside another 罚则 that gives the fine without an order
  (药品管理法第一百二十六条 beside 第一百一十七条) fines nothing itself;
- a 复查 of a correction the party made unasked is no trace of an order to correct;
- a 罚则 that disposes of the income itself (物业管理条例第六十二条: 所得收益用于…维修) gives no
  confiscation of it;
- a county fine over 食品安全法实施条例第八十一条's amount is checked; an instrument's lapsed verification;
  a plain-clothes officer talking a refusing party round; a traffic 中队 deciding in its own name
  and a detained vehicle without a receipt (review_fresh55/56 misses)."""

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

F57 = "review_fresh57"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_production_limit_basis_beside_the_fine(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings(F57, "rf57a_03_*.yaml", ctx), "law")


def test_warning_tier_beside_another_fine(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings(F57, "rf57c_02_*.yaml", ctx), "law")
    assert "《中华人民共和国药品管理法》第一百二十六条" in rules_of(
        set_findings(F57, "rf57c_05_*.yaml", ctx), "law"
    )


def test_recheck_of_an_unasked_correction(ctx: ReviewContext) -> None:
    rule = "《城镇燃气管理条例》第四十九条第一款"
    assert rule in rules_of(set_findings(F57, "rf57b_05_*.yaml", ctx), "law")
    ordered = reworded(
        set_file_data(F57, "rf57b_05_*.yaml"), ("同日复查", "同日送达责令限期改正通知书，复查")
    )
    assert rule not in rules_of(variant_findings(ordered, ctx), "law")


def test_income_the_sanction_disposes_of(ctx: ReviewContext) -> None:
    assert "《物业管理条例》第六十二条" in rules_of(
        set_findings(F57, "rf57b_11_*.yaml", ctx), "law"
    )


def test_base_named_by_one_of_its_words(ctx: ReviewContext) -> None:
    """收购价款 is the 违法收购、加工、运输林木价款 of 森林法第七十八条 (review_fresh56 c08)."""
    assert not rules_of(set_findings("review_fresh56", "rf56c_08_*.yaml", ctx), "facts")


def test_individual_fined_over_the_individuals_cap(ctx: ReviewContext) -> None:
    """对单位可以处10万元以下罚款，对个人可以处1000元以下罚款 (review_fresh55 b06)."""
    found = set_findings("review_fresh55", "rf55b_06_*.yaml", ctx)
    assert "《城镇燃气管理条例》第四十九条第一款" in rules_of(found, "discretion")
    data = set_file_data("review_fresh55", "rf55b_06_*.yaml")
    data["penalty"]["amount"] = 800
    assert not rules_of(variant_findings(data, ctx), "discretion")


def test_county_fine_over_the_city_amount_is_checked(ctx: ReviewContext) -> None:
    """食品安全法实施条例第八十一条: 30万元以上 by the 设区的市 level, its detail left to the national
    department — a check on a county bureau's 314500元 fine (review_fresh56 b05)."""
    rule = "《中华人民共和国食品安全法实施条例》第八十一条"
    flags = variant_flags(set_file_data("review_fresh56", "rf56b_05_*.yaml"), ctx)
    assert [f.severity for f in flags if f.rule == rule] == ["check"]
    data = set_file_data("review_fresh56", "rf56b_05_*.yaml")
    data["penalty"]["amount"] = 290000
    assert rule not in {f.rule for f in variant_flags(data, ctx)}


def test_radar_verification_lapsed_before_the_measurement(ctx: ReviewContext) -> None:
    """检定证书有效期至2023-08-31, speed measured 2023-09-14 (review_fresh56 a04)."""
    rule = "《道路交通安全违法行为处理程序规定》第十五条第二款"
    assert rule in rules_of(set_findings("review_fresh56", "rf56a_04_*.yaml", ctx), "evidence")
    data = reworded(
        set_file_data("review_fresh56", "rf56a_04_*.yaml"),
        ("有效期至2023-08-31", "有效期至2024-08-31"),
    )
    assert rule not in rules_of(variant_findings(data, ctx), "evidence")


def test_plain_clothes_officer_talks_a_refusing_driver_round(ctx: ReviewContext) -> None:
    """着便装暗访, 当事人答“我不是拉客的”, 经再三请求 — told across one finding (review_fresh55 d08)."""
    rule = "《中华人民共和国行政处罚法》第四十六条第三款"
    assert rule in rules_of(set_findings("review_fresh55", "rf55d_08_*.yaml", ctx), "evidence")
    offered = reworded(
        set_file_data("review_fresh55", "rf55d_08_*.yaml"),
        ("当事人答“我不是拉客的，在等人”；", "当事人报价300元；"),
        ("经再三请求，", ""),
        ("当事人先行拒绝", "当事人主动揽客"),
        ("以高价及急病理由再三请求后搭载", "当事人报价后搭载"),
    )
    assert rule not in rules_of(variant_findings(offered, ctx), "evidence")


def test_traffic_squad_without_a_receipt(ctx: ReviewContext) -> None:
    """A 中队 under the county brigade decides in its own name (程序规定第六条第一款) and a vehicle
    detained with no receipt (道路交通安全法第一百一十二条第一款; review_fresh56 a10)."""
    found = set_findings("review_fresh56", "rf56a_10_*.yaml", ctx)
    assert "《道路交通安全违法行为处理程序规定》第六条第一款" in rules_of(found, "subject")
    assert "《中华人民共和国道路交通安全法》第一百一十二条第一款" in rules_of(found, "documents")
    brigade = reworded(
        set_file_data("review_fresh56", "rf56a_10_*.yaml"),
        ("鹤山市公安局交通警察大队沙坪中队", "鹤山市公安局交通警察大队"),
        ("未开具行政强制措施凭证", "当场开具行政强制措施凭证"),
    )
    brigade["documents"].append({"type": "公安交通管理行政强制措施凭证", "date": "2022-10-18"})
    found = variant_findings(brigade, ctx)
    assert not rules_of(found, "subject") and not rules_of(found, "documents")

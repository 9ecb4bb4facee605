"""Review round 92 (issue #18) on review_fresh83 (scored blind by bcbbcd1, ee53e58 and a0f5068
before this round; what follows is tuned on it, not evidence of it): a service resold net of
its provider's price by a market regulator, each party's notified fine and a daily fine's
total, a fine split by conduct, persons the 罚则 gives 处分 only, organs listed beside a
levelled one, a tier for 拒不改正 no order preceded, where an act happens, a person by the role
the file gives (担任船长), a clause for the party's status (对农户), a referral in another 款."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, rules_of, set_file_data, set_findings, variant_findings

from assistant.review.context import ReviewContext

F83 = "review_fresh83"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
MARINE = "《中华人民共和国海洋环境保护法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize("pattern", ["rf83b_02_*.yaml", "rf83d_01_*.yaml"])
def test_clean_files_stay_clean(ctx: ReviewContext, pattern: str) -> None:
    assert not set_findings(F83, pattern, ctx)


def test_a_fine_split_by_conduct(ctx: ReviewContext) -> None:
    found = set_findings(F83, "rf83a_06_*.yaml", ctx)
    assert rules_of(found, "discretion") == {"《中华人民共和国电子商务法》第七十六条第一款"}
    assert not rules_of(found, "law")  # 延保服务收入 less the 服务商's price (违法所得认定办法)
    data = set_file_data(F83, "rf83a_06_*.yaml")
    data["facts"]["amounts"]["未公示营业执照信息罚款"] = 10000
    data["facts"]["amounts"]["搭售罚款"] = 100000
    assert not rules_of(variant_findings(data, ctx), "discretion")


def test_a_daily_fine_notified_by_its_total(ctx: ReviewContext) -> None:
    found = set_findings(F83, "rf83d_10_*.yaml", ctx)
    assert not rules_of(found, "procedure")


def test_a_manager_fined_where_the_law_gives_discipline(ctx: ReviewContext) -> None:
    found = set_findings(F83, "rf83b_10_*.yaml", ctx)
    assert "《中华人民共和国环境影响评价法》第三十一条第一款" in rules_of(found, "law")
    assert not rules_of(found, "procedure")  # each party's notified fine, summed


def test_a_refusal_tier_no_order_preceded(ctx: ReviewContext) -> None:
    found = set_findings(F83, "rf83d_05_*.yaml", ctx)
    assert cites_article(found, "law", "《防治船舶污染海洋环境管理条例》第七十一条")
    assert not cites_article(found, "law", f"{MARINE}第七十八条")
    assert not rules_of(found, "facts")


def test_a_master_fined_as_the_owner(ctx: ReviewContext) -> None:
    found = set_findings(F83, "rf83d_07_*.yaml", ctx)
    assert rules_of(found, "discretion") == {f"{MARINE}第一百零六条第二款"}


def test_a_farm_household_range(ctx: ReviewContext) -> None:
    found = set_findings(F83, "rf83c_05_*.yaml", ctx)
    assert cites_article(found, "discretion", "《中华人民共和国农产品质量安全法》第七十一条")


def test_a_kind_outside_the_cited_paragraph(ctx: ReviewContext) -> None:
    found = set_findings(F83, "rf83a_10_*.yaml", ctx)
    assert cites_article(found, "law", "《中华人民共和国电子商务法》第八十一条")


def test_an_organ_of_another_kind_beside_a_levelled_one(ctx: ReviewContext) -> None:
    found = set_findings("review_fresh84", "rf84d_04_*.yaml", ctx)
    assert "《博物馆条例》第三十九条" in rules_of(found, "authority")

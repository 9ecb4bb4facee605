"""Review round 91 (issue #18) on review_fresh84 (scored blind by bcbbcd1 and ee53e58 before
this round; what follows is tuned on it, not evidence of it): a fine's other ground for a
measure (拒不改正或者造成严重后果), a place's bracketed remark, 吊销其校车使用许可 as a sanction
the granting government keeps, the traffic field's level rule for a bus driver's licence,
owners who may be units, a person among 有关责任人员, a period the 罚则 asks only for 补办,
a file that says no order came first, an order issued with the decision, new transfer lines
(a third occupation of forest land, a state museum's sale)."""

from __future__ import annotations

import pytest
from review_fixtures import (
    cites_article,
    rules_of,
    sent_to_police,
    set_file_data,
    set_findings,
    variant_findings,
)

from assistant.review.context import ReviewContext
from assistant.review.territory import Placement, placement

F84 = "review_fresh84"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
MINORS = "《中华人民共和国未成年人保护法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize("pattern", ["rf84d_01_*.yaml", "rf84d_02_*.yaml", "rf84b_03_*.yaml"])
def test_clean_files_stay_clean(ctx: ReviewContext, pattern: str) -> None:
    assert not set_findings(F84, pattern, ctx)


def test_a_remark_names_no_district() -> None:
    place = "四会市龙甫镇龙甫河省级重要湿地（物流园进场道路占用段及规划重建区）"
    assert placement("肇庆市四会市", place)[0] is Placement.INSIDE
    assert placement("江门市鹤山市", "某厂（位于鹤山市址山镇）")[0] is Placement.INSIDE


def test_the_granting_government_revokes_a_bus_permit(ctx: ReviewContext) -> None:
    found = set_findings(F84, "rf84a_10_*.yaml", ctx)
    assert "《校车安全管理条例》第五十四条" in rules_of(found, "authority")
    assert not rules_of(found, "law")


def test_a_county_brigade_revoking_a_driving_licence(ctx: ReviewContext) -> None:
    found = set_findings(F84, "rf84a_05_*.yaml", ctx)
    assert cites_article(found, "authority", "《中华人民共和国道路交通安全法实施条例》第一百零九条")


def test_the_owners_range_for_a_school(ctx: ReviewContext) -> None:
    found = set_findings(F84, "rf84a_07_*.yaml", ctx)
    assert rules_of(found, "discretion") == {"《校车安全管理条例》第四十四条"}


def test_a_person_fined_as_one_responsible(ctx: ReviewContext) -> None:
    found = set_findings(F84, "rf84b_11_*.yaml", ctx)
    assert rules_of(found, "discretion") == {"《草原防火条例》第四十四条"}
    assert not cites_article(found, "documents", f"{PENALTY_LAW}第二十八条")


def test_fines_waiting_for_an_order_the_file_denies(ctx: ReviewContext) -> None:
    assert "《中华人民共和国森林法》第七十九条" in rules_of(
        set_findings(F84, "rf84b_08_*.yaml", ctx), "law"
    )
    assert cites_article(
        set_findings(F84, "rf84c_07_*.yaml", ctx),
        "law",
        "《中华人民共和国土壤污染防治法》第九十四条",
    )


def test_a_minor_is_no_denial() -> None:
    from assistant.review.checkers.uncorrected_fine import _NO_PRIOR_ORDER

    assert _NO_PRIOR_ORDER.search("接纳未成年人被责令限期改正后") is None
    assert _NO_PRIOR_ORDER.search("此前未下达责令限期完成通知") is not None


@pytest.mark.parametrize(
    ("pattern", "crime_article"),
    [
        ("rf84b_05_*.yaml", "《中华人民共和国刑法》第三百四十二条"),
        ("rf84d_11_*.yaml", "《中华人民共和国刑法》第三百二十七条"),
    ],
)
def test_new_transfer_lines(ctx: ReviewContext, pattern: str, crime_article: str) -> None:
    assert sent_to_police(F84, pattern, ctx, crime_article)


def test_a_third_occupation_needs_the_two_penalties(ctx: ReviewContext) -> None:
    data = set_file_data(F84, "rf84b_05_*.yaml")
    data["facts"]["description"] = data["facts"]["description"].replace("此前两次", "此前")
    data["facts"]["quantities"].pop("二年内非法占用农用地行政处罚次数")
    assert not rules_of(variant_findings(data, ctx), "transfer")

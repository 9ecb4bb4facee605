"""Review round 93 (issue #18) on review_fresh85 and review_fresh86 (each scored blind by a0f5068
and 8a58242 before this round; what follows is tuned on them, not evidence of them): the duty
named after 关于 and the actor a 罚则 is written for in telling a law's 罚则 from a
regulation's, 涉案 as no part of a base's name, a rate per tree in 万元, 比照…的有关规定处罚
as a 罚则 beside another, the customs and the 网信 as department kinds (one finding per act),
拒不改正或者情节严重 with the gravity found, new transfer lines (protected plants by the tree,
forged identity cards)."""

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
from assistant.review.statutory_range import fine_clauses

F85, F86 = "review_fresh85", "review_fresh86"
PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [(F86, "rf86a_03_*.yaml"), (F86, "rf86b_02_*.yaml"), (F86, "rf86d_02_*.yaml")],
)
def test_clean_files_stay_clean(national_ctx: ReviewContext, set_name: str, pattern: str) -> None:
    assert not set_findings(set_name, pattern, national_ctx)


def test_a_rate_per_tree_in_ten_thousands() -> None:
    fine = fine_clauses("处每株5万元以上10万元以下的罚款")[0].fine
    assert (fine.base, fine.min_multiple, fine.max_multiple) == ("株", 50000.0, 100000.0)
    fine = fine_clauses("处每株5000元以上1万元以下的罚款")[0].fine
    assert (fine.min_multiple, fine.max_multiple) == (5000.0, 10000.0)


def test_trees_counted_on_an_unverified_one(national_ctx: ReviewContext) -> None:
    found = set_findings(F86, "rf86d_08_*.yaml", national_ctx)
    assert rules_of(found, "facts") == {f"{PENALTY_LAW}第四十条"}
    assert not rules_of(found, "discretion")


def test_a_referral_to_the_customs(national_ctx: ReviewContext) -> None:
    found = set_findings(F86, "rf86a_05_*.yaml", national_ctx)
    assert rules_of(found, "authority") == {
        "《农业转基因生物安全管理条例》第四十九条",
        f"{PENALTY_LAW}第十七条",
    }
    assert not rules_of(found, "law")


def test_an_online_video_service_is_not_the_market_regulators(national_ctx: ReviewContext) -> None:
    found = set_findings(F85, "rf85a_04_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《中华人民共和国反食品浪费法》第三十条")
    assert not rules_of(found, "law")  # 情节严重: the fine's other ground


@pytest.mark.parametrize(
    ("set_name", "pattern", "crime_article"),
    [
        (F86, "rf86d_05_*.yaml", "《中华人民共和国刑法》第三百四十四条"),
        (F85, "rf85d_02_*.yaml", "《中华人民共和国刑法》第二百八十条"),
    ],
)
def test_new_transfer_lines(
    national_ctx: ReviewContext, set_name: str, pattern: str, crime_article: str
) -> None:
    assert sent_to_police(set_name, pattern, national_ctx, crime_article)


def test_using_a_forged_card_is_no_forging(national_ctx: ReviewContext) -> None:
    data = set_file_data(F85, "rf85d_02_*.yaml")
    told = "当事人入住旅馆时使用伪造的居民身份证登记"
    data["violation"]["description"] = told
    data["facts"]["description"] = told
    data["title"] = "使用伪造的居民身份证案"
    assert not cites_article(
        variant_findings(data, national_ctx), "transfer", "《中华人民共和国刑法》第二百八十条"
    )

"""Review round 104 (issue #18) on review_fresh101/102 (both scored blind first at a2fbfeb;
tuned on them after, not evidence of them): a market regulator's 违法所得 net of what was bought
to be sold (the ministry rule 行政处罚法第二十八条第二款 defers to), a market station revoking an
个体工商户's licence (工商行政管理所条例第八条第二款), 代履行 and fine-setting articles cited beside
the 罚则, and felling beyond a permit measured by the excess alone."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, rules_of, set_findings

from assistant.review.context import ReviewContext

GAINS = "《中华人民共和国行政处罚法》第二十八条第二款"


@pytest.mark.parametrize(
    "pattern", ["rf102d_01_*.yaml", "rf102d_05_*.yaml", "rf102d_06_*.yaml", "rf102d_10_*.yaml"]
)
def test_market_gains_net_of_purchases(national_ctx: ReviewContext, pattern: str) -> None:
    found = set_findings("review_fresh102", pattern, national_ctx)
    assert GAINS not in rules_of(found, "law")


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [("review_fresh102", "rf102d_04_*.yaml"), ("review_fresh101", "rf101b_10_*.yaml")],
)
def test_station_may_not_revoke(national_ctx: ReviewContext, set_name: str, pattern: str) -> None:
    found = set_findings(set_name, pattern, national_ctx)
    assert cites_article(found, "authority", "《工商行政管理所条例》第八条第二款")
    assert "《中华人民共和国行政处罚法》第十七条" not in rules_of(found, "authority")


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [("review_fresh102", "rf102b_03_*.yaml"), ("review_fresh101", "rf101b_07_*.yaml")],
)
def test_companion_articles_are_no_second_sanction(
    national_ctx: ReviewContext, set_name: str, pattern: str
) -> None:
    assert not rules_of(set_findings(set_name, pattern, national_ctx), "law")


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [("review_fresh102", "rf102b_10_*.yaml"), ("review_fresh69", "rf69a_10_*.yaml")],
)
def test_overcutting_counts_the_excess(
    national_ctx: ReviewContext, set_name: str, pattern: str
) -> None:
    assert not rules_of(set_findings(set_name, pattern, national_ctx), "transfer")

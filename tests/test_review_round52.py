"""Review round 52 (issue #18): what review_fresh39 still missed, and review_fresh40's blind
score.

- a measure stated per buyer, shop or batch (甲店货款, 乙店货款…) adds up to the act's amount a
  criminal line counts (非法经营数额), and is the value of the act the 罚则 multiplies.
Cases are variants of eval/sets/review_fresh39 and review_fresh40 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, rules_of, set_file_data, variant_findings

from assistant.review.context import ReviewContext

F39 = "review_fresh39"
TOBACCO_LINE = "第三条第一款第（一）项"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def _tobacco_shops(total_over: bool) -> dict:
    data = set_file_data(F39, "rf39d_04_*.yaml")
    if not total_over:
        data["facts"]["amounts"] = {k: v / 2 for k, v in data["facts"]["amounts"].items()}
    return data


def test_per_shop_payments_add_up_to_the_turnover_line(ctx: ReviewContext) -> None:
    over = variant_findings(_tobacco_shops(True), ctx)
    assert any(TOBACCO_LINE in rule for rule in rules_of(over, "transfer"))
    under = variant_findings(_tobacco_shops(False), ctx)  # 31,055 yuan in all: below 50,000
    assert not rules_of(under, "transfer")


def test_a_stated_total_is_not_added_to_its_parts(ctx: ReviewContext) -> None:
    data = _tobacco_shops(False)
    # 31,055 in parts and their 合计: counted once, below 50,000
    data["facts"]["amounts"]["货款合计"] = sum(data["facts"]["amounts"].values())
    assert not rules_of(variant_findings(data, ctx), "transfer")


def test_payments_for_the_wholesale_are_its_value(ctx: ReviewContext) -> None:
    data = set_file_data(F39, "rf39d_04_*.yaml")
    assert not rules_of(variant_findings(data, ctx), "facts")
    data["facts"]["description"] = data["facts"]["description"].replace(
        "向各零售户批发的卷烟条数及金额为", "各零售户的情况为"
    )
    assert cites_article(
        variant_findings(data, ctx), "facts", "《中华人民共和国行政处罚法》第四十条"
    )

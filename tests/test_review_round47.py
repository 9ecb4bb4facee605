"""Review round 47 (issue #18): misses left by rounds 45–46 and review_fresh35's blind score.

- a flaw the file finds harmless (标签存在瑕疵但不影响质量安全且不会对消费者造成误导) has its own 款,
  which fines only 拒不改正 (化妆品监督管理条例第六十一条第二款).
Cases are variants of eval/sets/review_fresh34 and review_fresh35 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext

COSMETICS_61_2 = "《化妆品监督管理条例》第六十一条第二款"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_a_harmless_label_flaw_has_its_own_paragraph(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh34", "rf34c_08_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", COSMETICS_61_2)


def test_a_refusal_to_correct_meets_the_paragraph(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh34", "rf34c_08_*.yaml")
    data["facts"]["circumstances"].append("经责令改正后拒不改正")
    assert not cites_article(variant_findings(data, ctx), "law", COSMETICS_61_2)


def test_a_misleading_label_is_no_harmless_flaw(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh34", "rf34c_08_*.yaml")
    data["facts"]["description"] = data["facts"]["description"].replace(
        "也不会对消费者造成误导", "但足以对消费者造成误导"
    )
    data["facts"]["circumstances"] = ["产品已备案并检验合格", "初次违法"]
    assert not cites_article(variant_findings(data, ctx), "law", COSMETICS_61_2)

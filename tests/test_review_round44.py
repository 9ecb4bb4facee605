"""Review round 44 (issue #18): review_fresh33's misses and false alarms after its blind score.

- a market regulator's 违法所得 nets the purchase price of the goods sold (第二十八条第二款 defers
  to the ministry's 违法所得认定办法); money refunded to those who paid is no cost either way;
- 不缴或者少缴的税款 is the 少缴税款 a file records (税收征收管理法第六十三条);
- criminal lines: 河道采砂 without its licence (非法采矿, 2016 解释第四条), 500 pirated copies
  (2007 解释（二）第一条), VAT invoices issued with no real trade, tax 100,000 (2024 解释第十一条);
- 未向当事人发出责令限期补办手续的通知 is no prior order (水土保持法第五十三条).
Cases are variants of eval/sets/review_fresh33 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext

SET = "review_fresh33"
GAINS = "《中华人民共和国行政处罚法》第二十八条"
PENALTY_40 = "《中华人民共和国行政处罚法》第四十条"
SOIL_53 = "《中华人民共和国水土保持法》第五十三条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def _transfers(data: dict, ctx: ReviewContext) -> bool:
    return any(point == "transfer" for point, _ in variant_findings(data, ctx))


def test_a_market_regulator_nets_the_purchase_price(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf33d_03_*.yaml")
    assert not cites_article(variant_findings(data, ctx), "law", GAINS)
    data["agency"]["name"] = "江门市文化广电旅游体育局"
    assert cites_article(variant_findings(data, ctx), "law", GAINS)


def test_refunds_are_no_cost(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf33b_06_*.yaml")
    assert not cites_article(variant_findings(data, ctx), "law", GAINS)


def test_unpaid_tax_is_the_base(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf33c_01_*.yaml")
    assert not cites_article(variant_findings(data, ctx), "facts", PENALTY_40)


@pytest.mark.parametrize(
    ("pattern", "field", "below"),
    [
        ("rf33d_04_*.yaml", "amounts", {"河砂价值": 60000}),  # 河道采砂 without its licence
        ("rf33b_05_*.yaml", "quantities", {"侵权复制品册数": 350, "已售册数": 260, "查获册数": 90}),
        ("rf33c_05_*.yaml", "amounts", {"虚开税款数额": 90000}),  # no real trade behind them
    ],
)
def test_a_new_threshold_line(
    ctx: ReviewContext, pattern: str, field: str, below: dict[str, float]
) -> None:
    data = set_file_data(SET, pattern)
    assert _transfers(data, ctx)
    data["facts"][field].update(below)
    if pattern.startswith("rf33b_05"):
        # 违法所得三万元 and 非法经营数额五万元 are lines of their own (2004 解释第五条, round 64)
        data["facts"]["amounts"].update({"违法经营额": 9800, "违法所得": 3150})
    assert not _transfers(data, ctx)


def test_no_notice_to_make_up_the_approval(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf33d_05_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", SOIL_53)

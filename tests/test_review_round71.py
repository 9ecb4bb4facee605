"""Review round 71 (issue #18) on review_fresh57 (scored once before this round, by 0c47331):

- 限制生产、停产整治办法第五条 is the basis of the 限制生产 measure, cited beside the 罚则;
- a 罚则 cited for its first tier's 警告 beside another 罚则 that gives the fine without an order
  (药品管理法第一百二十六条 beside 第一百一十七条) fines nothing itself;
- a 复查 of a correction the party made unasked is no trace of an order to correct;
- a 罚则 that disposes of the income itself (物业管理条例第六十二条: 所得收益用于…维修) gives no
  confiscation of it."""

from __future__ import annotations

import pytest
from review_fixtures import reworded, rules_of, set_file_data, set_findings, variant_findings

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

"""Review round 63 (issue #18) on review_fresh47 (scored once before this round):

- 骗取医保基金 keyed without 金额 is still the fraud's sum (诈骗罪 transfer);
- "未载明…拒不改正" denies the refusal; an order given with the measure (责令改正并责令停产整治)
  is no refusal (噪声污染防治法第七十六条);
- a 限制生产 decision served eleven working days after it was made (限制生产、停产整治办法第十四条);
- 吊销采矿许可证 only after 拒不退回 (矿产资源法第四十条), by the organ that issued it (第四十五条);
- "不属于不影响食品安全且不会误导消费者的瑕疵" denies the harmless-flaw paragraph;
- a 审批表's 承办意见：责令改正并罚款 is the decision's order, not an earlier one;
- 成立后逾期未办理社会保险登记 is late on the statute, not on an order (社会保险法第八十四条);
- a 向未取得…许可证的单位 item is about another's licence;
- 超过采伐许可证数量 on collective land is 滥伐, not 盗伐."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_findings

from assistant.review.context import ReviewContext

F47 = "review_fresh47"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_insurance_fraud_sum_keyed_without_amount(ctx: ReviewContext) -> None:
    assert rules_of(set_findings(F47, "rf47d_04_*.yaml", ctx), "transfer")


def test_measure_ordered_with_the_correction(ctx: ReviewContext) -> None:
    found = set_findings(F47, "rf47a_07_*.yaml", ctx)
    assert any(
        r.startswith("《中华人民共和国噪声污染防治法》第七十六条") for r in rules_of(found, "law")
    )
    assert not rules_of(found, "facts")


def test_restriction_decision_served_late(core_ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F47, "rf47a_10_*.yaml", core_ctx), "procedure")
    assert "《环境保护主管部门实施限制生产、停产整治办法》第十四条" in found


def test_mining_licence_revoked_without_refusal_by_another_organ(ctx: ReviewContext) -> None:
    found = set_findings(F47, "rf47a_11_*.yaml", ctx)
    assert "《中华人民共和国矿产资源法》第四十条" in rules_of(found, "law")
    assert any(
        r.startswith("《中华人民共和国矿产资源法》第四十五条") for r in rules_of(found, "authority")
    )


def test_denied_harmless_flaw(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings(F47, "rf47b_02_*.yaml", ctx), "law")


def test_order_in_the_approval_form_is_the_decisions(ctx: ReviewContext) -> None:
    found = set_findings(F47, "rf47b_06_*.yaml", ctx)
    assert any(
        r.startswith("《中华人民共和国特种设备安全法》第八十三条") for r in rules_of(found, "law")
    )
    assert not rules_of(found, "documents")


def test_late_on_the_statute_is_no_order(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F47, "rf47d_08_*.yaml", ctx), "law")
    assert "《中华人民共和国社会保险法》第八十四条" in found


def test_supplying_the_unlicensed_is_no_contradiction(ctx: ReviewContext) -> None:
    found = set_findings("review_fresh41", "rf41c_09_*.yaml", ctx)
    assert not rules_of(found, "law")


def test_overcutting_collective_trees_is_no_theft(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings("review_fresh31", "rf31c_01_*.yaml", ctx), "transfer")

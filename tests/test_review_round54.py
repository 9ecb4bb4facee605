"""Review round 54 (issue #18): what review_fresh41's blind score missed or flagged wrongly.

- a line saying no order is needed (该项无须先行责令限期改正) or a review paper's bracket
  (法制审核意见书（限期拆除）) is no order whose period is missing;
- "现有证据未显示…以骗取…为目的" denies the purpose 医保条例第四十条 needs;
- a fixed sum per vehicle (每辆机动车五千元) is multiplied by the vehicles, for the party the
  clause addresses (对机动车维修单位);
- a test body's assessment rule of the field (种子法第四十七条第二款) or, for market regulation
  outside such a field, 产品质量法第十九条;
- an execution set for a holiday (载明于10月4日起实施) is judged on that day, and the 公告 before it;
- 拒不改正的，可以责令暂停施工 (噪声污染防治法第七十七条) needs a refusal; "不存在拒不改正情形" is
  none;
- an authorised organisation applying a law that names it nowhere as a punishing organ
  (动物卫生监督所 under the 2021 动物防疫法) has no subject power; a 消防救援机构 under 消防法 has.
Cases are review_fresh41 files and variants."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, variant_findings

from assistant.review.context import ReviewContext

F34 = "review_fresh34"
F41 = "review_fresh41"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
COERCION_LAW = "《中华人民共和国行政强制法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def _found(pattern: str, ctx: ReviewContext, set_name: str = F41) -> set[tuple[str, str]]:
    return variant_findings(set_file_data(set_name, pattern), ctx)


def test_a_line_saying_no_order_is_needed_gives_no_order(ctx: ReviewContext) -> None:
    assert not rules_of(_found("rf41d_03_*.yaml", ctx), "documents")


def test_a_review_papers_bracket_is_no_order(ctx: ReviewContext) -> None:
    assert f"{PENALTY_LAW}第二十八条第一款" not in rules_of(
        _found("rf41c_03_*.yaml", ctx), "documents"
    )


def test_a_denied_purpose_is_no_fraud(ctx: ReviewContext) -> None:
    assert not rules_of(_found("rf41b_01_*.yaml", ctx), "law")


def test_a_fixed_sum_per_vehicle_counts_the_vehicles(ctx: ReviewContext) -> None:
    assert not rules_of(_found("rf41d_10_*.yaml", ctx), "discretion")
    data = set_file_data(F41, "rf41d_10_*.yaml")
    data["penalty"]["amount"] = 35000  # seven vehicles' worth for six
    assert rules_of(variant_findings(data, ctx), "discretion")


def test_the_fields_assessment_rule_for_a_test_body(ctx: ReviewContext) -> None:
    seeds = rules_of(_found("rf41a_09_*.yaml", ctx), "evidence")
    assert "《中华人民共和国种子法》第四十七条第二款" in seeds
    diesel = rules_of(_found("rf41d_11_*.yaml", ctx), "evidence")
    assert "《中华人民共和国产品质量法》第十九条" in diesel


def test_an_execution_set_for_a_holiday(ctx: ReviewContext) -> None:
    found = rules_of(_found("rf41c_03_*.yaml", ctx), "procedure")
    assert f"{COERCION_LAW}第四十三条第一款" in found
    assert f"{COERCION_LAW}第四十四条" not in found


def test_suspension_kept_for_a_refusal(ctx: ReviewContext) -> None:
    found = rules_of(_found("rf41c_04_*.yaml", ctx), "law")
    assert any("噪声污染防治法》第七十七条" in rule for rule in found)


def test_a_denied_refusal_is_none(ctx: ReviewContext) -> None:
    found = rules_of(_found("rf41d_08_*.yaml", ctx), "law")
    assert any("道路运输条例》第六十五条" in rule for rule in found)


def test_an_organisation_the_law_never_names_as_punishing(ctx: ReviewContext) -> None:
    found = _found("rf41a_06_*.yaml", ctx)
    assert f"{PENALTY_LAW}第十九条" in rules_of(found, "subject")
    assert not rules_of(found, "authority")


def test_a_fire_brigade_under_fire_law_is_a_question_of_power(ctx: ReviewContext) -> None:
    found = _found("rf34d_08_*.yaml", ctx, F34)
    assert any("消防法》第五十九条" in rule for rule in rules_of(found, "authority"))
    assert f"{PENALTY_LAW}第十九条" not in rules_of(found, "subject")

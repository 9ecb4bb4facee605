"""Review round 59 (issue #18) on the misses left in review_fresh42/43 (both scored once
before this round):

- a review that notes the party 退回全部损失 still passed: 退回 is the review's only when it
  sends the case back (退回承办部门、退回补充证据);
- a 强制拆除决定 made while the 限期拆除 decision may still be taken to 复议 or court breaches
  行政强制法第四十四条 even before the demolition is carried out;
- a "minor" whose masked ID number (4407812006021043XX) or 出生日期YYYY-MM-DD shows eighteen
  on the act date contradicts the fact punished;
- a fee 罚则 that fines only after 责令限期缴纳 (水法第七十条) does not apply while the decision
  itself first orders payment;
- a 限期拆除 decision's 自行拆除的期限 is its 履行方式和期限."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.review.checkers.documents import states
from assistant.review.context import ReviewContext

F42 = "review_fresh42"
F43 = "review_fresh43"
FACTS_RULE = "《中华人民共和国行政处罚法》第四十条"
REVIEW_RULE = "《广东省重大行政执法决定法制审核办法》第三条第一款"
DEMOLITION_RULE = "《中华人民共和国行政强制法》第四十四条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_money_returned_is_not_a_review_returned(ctx: ReviewContext) -> None:
    found = set_findings(F43, "rf43b_02_*.yaml", ctx)
    assert REVIEW_RULE not in rules_of(found, "procedure")


def test_review_sending_the_case_back_still_counts(ctx: ReviewContext) -> None:
    data = set_file_data(F43, "rf43b_02_*.yaml")
    review = next(e for e in data["events"] if e["type"] == "法制审核")
    review["note"] = "审核意见：损失金额核算依据不足，退回承办科室补充证据"
    assert REVIEW_RULE in rules_of(variant_findings(data, ctx), "procedure")


def test_demolition_decided_inside_the_remedy_periods(ctx: ReviewContext) -> None:
    found = set_findings(F43, "rf43c_07_*.yaml", ctx)
    assert DEMOLITION_RULE in rules_of(found, "procedure")
    assert not rules_of(found, "documents")


def test_demolition_decided_after_the_periods_passes(ctx: ReviewContext) -> None:
    data = set_file_data(F43, "rf43c_07_*.yaml")
    decided = [e for e in data["events"] if "强制拆除决定" in (e.get("note") or "")]
    for event in decided:
        event["date"] = "2024-11-25"
    assert DEMOLITION_RULE not in rules_of(variant_findings(data, ctx), "procedure")


def test_adult_by_masked_id_is_no_minor(ctx: ReviewContext) -> None:
    assert FACTS_RULE in rules_of(set_findings(F43, "rf43c_11_*.yaml", ctx), "facts")


def test_minor_by_masked_id_stays_a_minor(ctx: ReviewContext) -> None:
    data = set_file_data(F43, "rf43c_11_*.yaml")
    card = data["evidence"][2]
    card["name"] = "谢某某居民身份证信息（公民身份号码4407812007021043XX，出生日期2007-02-10）"
    assert FACTS_RULE not in rules_of(variant_findings(data, ctx), "facts")


def test_fee_fine_before_any_order_to_pay(ctx: ReviewContext) -> None:
    found = set_findings(F42, "rf42b_07_*.yaml", ctx)
    assert "《中华人民共和国水法》第七十条" in rules_of(found, "law")


def test_fee_fine_after_an_order_to_pay(ctx: ReviewContext) -> None:
    data = set_file_data(F42, "rf42b_07_*.yaml")
    data["documents"][0]["type"] = "责令限期缴纳水资源费通知书（限7日内缴纳）"
    assert "《中华人民共和国水法》第七十条" not in rules_of(variant_findings(data, ctx), "law")


def test_self_demolition_period_states_how_and_when() -> None:
    assert states("自行拆除的期限", "行政处罚的履行方式和期限")

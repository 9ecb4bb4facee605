"""Review round 62 (issue #18) on review_fresh46 (scored once before this round):

- a person's own income (何丽娟上一年度收入, 张国华所获收入) is no measure of the act's 违法所得;
- the police added for a detention alone (药品管理法第一百一十八条: 并可以由公安机关处…拘留) do not
  make the article theirs;
- 非法经营数额 is the 违法批发的烟草制品价值 of an unlicensed wholesale;
- 收缴 lists and counts in Chinese numerals are compared with the seizure list;
- 每非法居留一日五百元，总额不超过一万元 is a capped rate per day;
- a party's drug use with tests of others only rests on the party's statement
  (治安管理处罚法第九十三条); 一次容留三人吸食 goes to the police (容留他人吸毒罪);
- 擅自采伐集体所有 trees of 6.4 立方米 is 盗伐林木 over its line;
- 非药品检验机构 denies the testing body;
- an item fining 未取得注册证 while the file says the product holds one: the item the file's own
  违法依据 links to is the one to apply (a question when no link names one)."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings, variant_flags

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import fine_clauses, same_base

F46 = "review_fresh46"
FACTS_RULE = "《中华人民共和国行政处罚法》第四十条"
GAINS_RULE = "《中华人民共和国行政处罚法》第二十八条第二款"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize("pattern", ["rf46c_04_*.yaml", "rf46c_09_*.yaml"])
def test_personal_income_is_no_gain(ctx: ReviewContext, pattern: str) -> None:
    assert GAINS_RULE not in rules_of(set_findings(F46, pattern, ctx), "law")


def test_detention_added_for_the_police(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings(F46, "rf46c_04_*.yaml", ctx), "authority")


def test_unlicensed_wholesale_business_sum() -> None:
    assert same_base("非法经营数额", "违法批发的烟草制品价值")
    assert not same_base("违法所得", "违法批发的烟草制品价值")


def test_collected_knives_beyond_the_seizure_list(ctx: ReviewContext) -> None:
    assert FACTS_RULE in rules_of(set_findings(F46, "rf46a_06_*.yaml", ctx), "facts")


def test_capped_rate_per_day() -> None:
    text = (
        "外国人非法居留的，给予警告；情节严重的，处每非法居留一日五百元，总额不超过一万元的罚款。"
    )
    (clause,) = fine_clauses(text)
    assert (clause.fine.base, clause.fine.max_multiple, clause.fine.max_yuan) == ("日", 500, 10000)


def test_overstay_fine_above_the_days(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F46, "rf46a_07_*.yaml", ctx), "discretion")
    assert any(r.startswith("《中华人民共和国出境入境管理法》第七十八条") for r in found)


def test_overstay_fine_within_the_days(ctx: ReviewContext) -> None:
    data = set_file_data(F46, "rf46a_07_*.yaml")
    data["penalty"]["amount"] = 6000
    assert not rules_of(variant_findings(data, ctx), "discretion")


def test_drug_use_untested_and_harbouring(ctx: ReviewContext) -> None:
    found = set_findings(F46, "rf46a_11_*.yaml", ctx)
    assert "《中华人民共和国治安管理处罚法》第九十三条" in rules_of(found, "evidence")
    assert rules_of(found, "transfer")


def test_timber_theft_over_five_cubic_metres(ctx: ReviewContext) -> None:
    assert rules_of(set_findings(F46, "rf46b_02_*.yaml", ctx), "transfer")


def test_denied_drug_testing_body(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F46, "rf46c_06_*.yaml", ctx), "evidence")
    assert "《中华人民共和国药品管理法》第一百二十一条" in found


def test_item_contradicted_by_the_certificate_held(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F46, "rf46c_10_*.yaml", ctx), "law")
    assert "《医疗器械监督管理条例》第八十六条第一款第（三）项" in found


def test_item_contradicted_without_a_linked_duty_is_a_question(ctx: ReviewContext) -> None:
    data = set_file_data(F46, "rf46c_10_*.yaml")
    data["citations"]["violated"] = []
    flags = [f for f in variant_flags(data, ctx) if "持有有效医疗器械注册证" in f.reason]
    assert [f.severity.value for f in flags] == ["check"]

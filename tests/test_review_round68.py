"""Review round 68 (issue #18) on review_fresh51 and review_fresh52 (each scored once before
this round, by 6056b9e and 5a66f85):

- a 治安 tier giving detention or a fine allows one (治安管理处罚法第七十条), and a police decision
  that 收缴 property attaches the list of it (程序规定第一百七十五条第二款);
- 从重、从轻、减轻等情节 is the heading of a decision's matter, not a lightening;
- a breath test below 20mg/100ml with no blood test leaves 饮酒 unproven; a negative urine test and
  the recording of the questioning prove nothing beside a confession (第九十三条);
- a fine in the 逾期不改正 tier with no order first is the law finding, not discretion;
- a re-test asked within the law's working days was refused as late (农产品质量安全法第五十一条);
- a 罚则 for 劣药且情节严重 applied where the file denies 情节严重 (药品管理法第一百一十八条);
- organs below the level or of another department than the 罚则 names (疫苗管理法第八十一条,
  医师法第五十八条, 固体废物污染环境防治法第一百一十一条, 公路安全保护条例第五十八条), and a
  街道's directory that leaves the matter out (行政处罚法第二十四条第一款);
- a demolition set for a holiday (行政强制法第四十三条第一款) rests on evidence of
  non-performance gathered after the 限期拆除 decision;
- 未载明拆除期限 and 超过批准期限 state no order's period; a survey's own figure (计算立木蓄积
  6.80立方米) contradicts a larger decided one;
- 无骗取…的故意 denies the purpose, 未经检验 is the conduct and no test."""

from __future__ import annotations

import pytest
from review_fixtures import (
    reworded,
    rules_of,
    set_file_data,
    set_findings,
    variant_findings,
    with_readings,
)

from assistant.review.context import ReviewContext

F51, F52 = "review_fresh51", "review_fresh52"
FACTS = "《中华人民共和国行政处罚法》第四十条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_gambling_detention_and_fine_and_the_property_list(ctx: ReviewContext) -> None:
    found = set_findings(F51, "rf51d_11_*.yaml", ctx)
    assert "《中华人民共和国治安管理处罚法》第七十条" in rules_of(found, "law")
    assert "《公安机关办理行政案件程序规定》第一百七十五条第二款" in rules_of(found, "documents")
    serious = reworded(set_file_data(F51, "rf51d_11_*.yaml"), ("不属情节严重", "属情节严重"))
    assert not rules_of(variant_findings(serious, ctx), "law")


def test_minor_not_lightened_beside_the_matter_heading(ctx: ReviewContext) -> None:
    found = set_findings(F51, "rf51d_10_*.yaml", ctx)
    assert "《中华人民共和国治安管理处罚法》第十二条" in rules_of(found, "discretion")


def test_breath_below_the_drinking_line(ctx: ReviewContext) -> None:
    assert FACTS in rules_of(set_findings(F51, "rf51d_09_*.yaml", ctx), "facts")
    data = set_file_data(F51, "rf51d_09_*.yaml")
    with_readings(data, 26)
    assert FACTS not in rules_of(variant_findings(data, ctx), "facts")


def test_confession_beside_a_negative_test(ctx: ReviewContext) -> None:
    found = set_findings(F51, "rf51d_07_*.yaml", ctx)
    assert "《中华人民共和国治安管理处罚法》第九十三条" in rules_of(found, "evidence")
    data = reworded(set_file_data(F51, "rf51d_07_*.yaml"), ("均为阴性", "甲基苯丙胺阳性"))
    assert not rules_of(variant_findings(data, ctx), "evidence")


def test_uncorrected_tier_without_an_order_is_law(ctx: ReviewContext) -> None:
    found = set_findings(F51, "rf51b_06_*.yaml", ctx)
    assert "《中华人民共和国动物防疫法》第九十二条" in rules_of(found, "law")
    assert not rules_of(found, "discretion")


def test_retest_asked_within_working_days(ctx: ReviewContext) -> None:
    found = set_findings(F51, "rf51b_09_*.yaml", ctx)
    assert "《中华人民共和国农产品质量安全法》第五十一条第一款" in rules_of(found, "procedure")
    data = set_file_data(F51, "rf51b_09_*.yaml")
    for paper in data["documents"]:
        if paper["type"] == "复检申请书":
            paper["date"] = "2024-10-14"
    assert not rules_of(variant_findings(data, ctx), "procedure")


def test_lifetime_ban_needs_serious_substandard_drugs(ctx: ReviewContext) -> None:
    found = set_findings(F51, "rf51a_08_*.yaml", ctx)
    assert "《中华人民共和国药品管理法》第一百一十八条第一款" in rules_of(found, "law")


def test_organs_without_the_power(ctx: ReviewContext) -> None:
    assert "《中华人民共和国疫苗管理法》第八十一条" in {
        r.split("第一款")[0]
        for r in rules_of(set_findings(F51, "rf51a_06_*.yaml", ctx), "authority")
    }
    assert "《中华人民共和国医师法》第五十八条" in rules_of(
        set_findings(F52, "rf52d_10_*.yaml", ctx), "authority"
    )
    assert "《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款" in rules_of(
        set_findings(F52, "rf52a_06_*.yaml", ctx), "authority"
    )
    assert "《公路安全保护条例》第五十八条" in rules_of(
        set_findings(F52, "rf52c_06_*.yaml", ctx), "authority"
    )
    assert "《中华人民共和国行政处罚法》第二十四条第一款" in rules_of(
        set_findings(F51, "rf51c_04_*.yaml", ctx), "authority"
    )


def test_demolition_on_a_holiday(ctx: ReviewContext) -> None:
    found = set_findings(F51, "rf51c_07_*.yaml", ctx)
    assert "《中华人民共和国行政强制法》第四十三条第一款" in rules_of(found, "procedure")
    assert not rules_of(found, "evidence")


def test_unstated_demolition_period_and_surveyed_volume(ctx: ReviewContext) -> None:
    found = set_findings(F51, "rf51c_11_*.yaml", ctx)
    assert "《中华人民共和国行政处罚法》第二十八条第一款" in rules_of(found, "documents")
    assert FACTS in rules_of(set_findings(F51, "rf51b_11_*.yaml", ctx), "facts")


def test_clean_files_of_fresh52_stay_clean(ctx: ReviewContext) -> None:
    assert not set_findings(F52, "rf52d_01_*.yaml", ctx)
    assert not rules_of(set_findings(F52, "rf52b_02_*.yaml", ctx), "evidence")


F53 = "review_fresh53"


def test_fine_over_the_tier_after_an_order_met_stays_discretion(ctx: ReviewContext) -> None:
    found = set_findings("review_fresh24", "rf24a_10_*.yaml", ctx)
    assert "《中华人民共和国安全生产法》第九十九条" in rules_of(found, "discretion")
    assert not any("第九十九条" in rule for rule in rules_of(found, "law"))


def test_quoted_criminal_line_and_area_shares(ctx: ReviewContext) -> None:
    assert not set_findings(F53, "rf53b_01_*.yaml", ctx)
    assert FACTS in rules_of(set_findings(F53, "rf53b_09_*.yaml", ctx), "facts")


def test_copied_books_counted_in_volumes(ctx: ReviewContext) -> None:
    found = set_findings(F53, "rf53a_06_*.yaml", ctx)
    assert rules_of(found, "transfer")


def test_daily_penalty_decision_states_its_days(core_ctx: ReviewContext) -> None:
    """The 按日连续处罚办法 is in the shipped core corpus, not in ../shared."""
    ctx = core_ctx
    rule = "《环境保护主管部门实施按日连续处罚办法》第十六条第二款"
    assert rule in rules_of(set_findings(F52, "rf52a_08_*.yaml", ctx), "documents")
    data = set_file_data(F52, "rf52a_08_*.yaml")
    for paper in data["documents"]:
        if "按日连续处罚" in paper["type"]:
            paper["contents"].append("按日连续处罚的起止时间（2021-10-27至2021-11-02）和依据")
    assert rule not in rules_of(variant_findings(data, ctx), "documents")

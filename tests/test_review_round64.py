"""Review round 64 (issue #18):

- a 处罚依据 whose in-force text is another conduct's 罚则, when another 罚则 of the same text is
  the file's conduct (土地管理法第七十六条 cited for 非法占用土地, 安全生产法第九十六条 for a
  missing 安全警示标志): the law in force was not applied by its own numbers (行政处罚法第三十七条),
  and the wrong article's fine base asks nothing of the facts;
- a cited number that is no 罚则 now, while a 罚则 of the same text plainly fits the conduct, is
  likely an old text's number: the 无依据 finding cites 第三十七条 beside 第三十八条第一款, and names
  that 罚则 only when it stands clear of the runner-up;
- on review_fresh48 (scored once before these): a department a 罚则 names only to revoke is not
  the fine's organ; 千分之 rates and 成交金额 as 采购金额; 欠缴税款 is the 不缴税款 base; tax
  公告送达, 回避 and inspections under the tax law's own rules; an unverified part of the sums a
  base is computed from; a seizure decision handed over without its list; a bare article ranged
  by the item the act fits, and a fine outside it quoted from an old text is discretion;
  侵犯著作权罪 and 危险作业罪 transfers; 夜查 is an inspection; a seizure approved by a deputy
  where the law wants the 主要负责人; a person fined as the unit's 直接负责的主管人员."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.case_file import read_case_data
from assistant.review.context import ReviewContext

WRONG_ARTICLE = "《中华人民共和国行政处罚法》第三十七条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_land_occupation_under_the_reclamation_article(ctx: ReviewContext) -> None:
    found = set_findings("review_fresh19", "rf19b_04_*.yaml", ctx)
    assert {point for point, _ in found} == {"law"}
    assert WRONG_ARTICLE in rules_of(found, "law")
    assert "《中华人民共和国土地管理法》第七十七条" in rules_of(found, "law")


def test_land_occupation_under_its_own_article(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh19", "rf19b_04_*.yaml")
    data["citations"]["penalty_basis"][0] = "《中华人民共和国土地管理法》第七十七条"
    assert not rules_of(variant_findings(data, ctx), "law")


def test_warning_sign_under_the_managers_article(ctx: ReviewContext) -> None:
    found = set_findings("review_fresh11", "rf11_09_*.yaml", ctx)
    assert WRONG_ARTICLE in rules_of(found, "law")
    assert not rules_of(found, "facts")  # 第九十六条's 年收入 base is not this case's


def test_warning_sign_under_its_own_article(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh11", "rf11_09_*.yaml")
    data["citations"]["penalty_basis"] = ["《中华人民共和国安全生产法》第九十九条第（一）项"]
    assert WRONG_ARTICLE not in rules_of(variant_findings(data, ctx), "law")


def test_old_number_that_is_no_sanction_now(ctx: ReviewContext) -> None:
    """药品管理法第七十四条 (2015: 销售劣药's 罚则; 2019: 医疗机构制剂) cited for expired drugs:
    no 罚则, and the old number of one; 第一百一十七条 and 第一百二十四条 fit alike, so neither
    is named."""
    found = rules_of(set_findings("review_fresh21", "rf21c_05_*.yaml", ctx), "law")
    assert {WRONG_ARTICLE, "《中华人民共和国行政处罚法》第三十八条第一款"} <= found
    assert not any(rule.startswith("《中华人民共和国药品管理法》") for rule in found)


def test_duty_cited_as_sanction_names_no_old_number(ctx: ReviewContext) -> None:
    data = read_case_data(next((Path(__file__).parent / "review_cases").glob("d22_*.yaml")))
    data.pop("expected_flags", None)
    found = rules_of(variant_findings(data, ctx), "law")
    assert WRONG_ARTICLE not in found


F48 = "review_fresh48"
PROCUREMENT = "《中华人民共和国政府采购法》第七十七条"


def test_revoking_department_is_not_the_fines_organ(ctx: ReviewContext) -> None:
    assert not set_findings(F48, "rf48a_06_*.yaml", ctx)
    found = set_findings(F48, "rf48a_07_*.yaml", ctx)
    assert not rules_of(found, "authority")
    assert any(rule.startswith(PROCUREMENT) for rule in rules_of(found, "discretion"))


def test_per_mille_of_the_deal_amount_is_the_range(ctx: ReviewContext) -> None:
    data = set_file_data(F48, "rf48a_07_*.yaml")
    data["penalty"]["amount"] = 12000  # 2360000 x 5 per mille = 11800
    assert not rules_of(variant_findings(data, ctx), "discretion")


def test_unpaid_declared_tax_is_the_base(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings(F48, "rf48a_03_*.yaml", ctx), "facts")


def test_tax_service_by_announcement_under_the_tax_rule(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F48, "rf48a_05_*.yaml", ctx), "procedure")
    assert "《中华人民共和国税收征收管理法实施细则》第一百零六条" in found


def test_tax_inspection_recusal_notice_and_unverified_part(ctx: ReviewContext) -> None:
    found = set_findings(F48, "rf48a_11_*.yaml", ctx)
    assert "《中华人民共和国税收征收管理法实施细则》第八条" in rules_of(found, "qualification")
    assert "《中华人民共和国税收征收管理法》第五十九条" in rules_of(found, "procedure")
    assert rules_of(found, "facts") == {"《中华人民共和国行政处罚法》第四十条"}


def test_tax_inspection_with_its_notice(ctx: ReviewContext) -> None:
    data = set_file_data(F48, "rf48a_11_*.yaml")
    data["events"][1]["note"] = data["events"][1]["note"].replace(
        "出示税务检查证", "出示税务检查证和税务检查通知书"
    )
    assert not rules_of(variant_findings(data, ctx), "procedure")


def test_seizure_decision_handed_over_without_its_list(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F48, "rf48b_10_*.yaml", ctx), "documents")
    assert "《中华人民共和国行政强制法》第二十四条第一款" in found
    data = set_file_data(F48, "rf48b_10_*.yaml")
    data["events"][0]["note"] = data["events"][0]["note"].replace(
        "当场交付扣押决定书", "当场交付扣押决定书和扣押清单"
    )
    assert not rules_of(variant_findings(data, ctx), "documents")


def test_fine_above_the_fitting_item_quoted_from_an_old_text(ctx: ReviewContext) -> None:
    found = set_findings(F48, "rf48b_04_*.yaml", ctx)
    assert "《中华人民共和国道路运输条例》第六十三条" in rules_of(found, "discretion")
    assert not rules_of(found, "law")


def test_pirated_videos_online_above_the_gain_threshold(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F48, "rf48c_04_*.yaml", ctx), "transfer")
    assert "《中华人民共和国刑法》第二百一十七条" in found


def test_night_inspection_needs_its_record(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F48, "rf48c_11_*.yaml", ctx), "evidence")
    assert "《中华人民共和国行政处罚法》第五十五条第二款" in found


def test_refused_stop_order_with_real_danger_goes_to_the_police(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F48, "rf48d_03_*.yaml", ctx), "transfer")
    assert "《中华人民共和国刑法》第一百三十四条之一" in found
    data = set_file_data(F48, "rf48d_03_*.yaml")
    data["facts"]["circumstances"] = [
        c.replace("认定具有现实危险", "认定尚不具有现实危险")
        for c in data["facts"]["circumstances"]
    ]
    assert not rules_of(variant_findings(data, ctx), "transfer")


def test_hazardous_chemicals_seal_needs_the_principal(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F48, "rf48d_07_*.yaml", ctx), "procedure")
    assert "《危险化学品安全管理条例》第七条第一款" in found
    data = set_file_data(F48, "rf48d_07_*.yaml")
    for event in data["events"]:
        event["note"] = event.get("note", "").replace("分管副局长谢国平", "局长吴卓恒")
    for document in data["documents"]:
        document["contents"] = [
            line.replace("分管副局长谢国平", "局长吴卓恒") for line in document.get("contents", [])
        ]
    assert "《危险化学品安全管理条例》第七条第一款" not in rules_of(
        variant_findings(data, ctx), "procedure"
    )


def test_responsible_person_ranged_by_the_persons_clause(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F48, "rf48d_09_*.yaml", ctx), "discretion")
    assert "《中华人民共和国安全生产法》第一百零三条第二款" in found
    data = set_file_data(F48, "rf48d_09_*.yaml")
    data["penalty"]["amount"] = 8000
    assert not rules_of(variant_findings(data, ctx), "discretion")

"""Review round 60 (issue #18) on review_fresh44 (scored once before this round):

- a fine at or above every department's 较大数额 (catalogue hearing_certain_at) needs the
  hearing right told, whichever department's rule the corpus lacks;
- an article defining a 罚则's tier (统计法实施条例第五十条: 属于…第四十一条第二款规定的情节严重
  行为) stands beside the 罚则 as a 处罚依据;
- the 行政处罚决定书 is read before a 税务处理决定书 on the tax owed;
- 罚款额为违法所得的10%以上30%以下 (土地管理法实施条例第六十条) is a range;
- a bare 可以处以罚款 after 逾期不改正 (土地管理法第七十六条) waits for the order;
- a unit fined beside its 主管人员 is bounded by its own fine;
- 拒不支付劳动报酬 goes to the police only with the way of not paying the crime names;
- 劳动保障监察条例第十七条's sixty working days for the investigation;
- a 劣药 found on a quality ground needs the testing institution's conclusion
  (药品管理法第一百二十一条);
- confiscating an object the file finds 检验合格."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import fine_clauses

F44 = "review_fresh44"
FACTS_RULE = "《中华人民共和国行政处罚法》第四十条"
HEARING_RULE = "《中华人民共和国行政处罚法》第六十三条第一款"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_fine_above_every_departments_threshold_needs_a_hearing(ctx: ReviewContext) -> None:
    found = set_findings(F44, "rf44a_07_*.yaml", ctx)
    assert HEARING_RULE in rules_of(found, "procedure")
    assert not rules_of(found, "law")


def test_fine_between_thresholds_stays_a_question(ctx: ReviewContext) -> None:
    data = set_file_data(F44, "rf44a_07_*.yaml")
    data["penalty"]["amount"] = 60000
    assert HEARING_RULE not in rules_of(variant_findings(data, ctx), "procedure")


def test_penalty_decision_read_before_tax_assessment(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F44, "rf44a_10_*.yaml", ctx), "documents")
    assert "《中华人民共和国行政处罚法》第五十九条第一款" in found


def test_regulation_writing_the_fine_range() -> None:
    text = "依照《土地管理法》第八十二条的规定处以罚款的，罚款额为违法所得的10%以上30%以下。"
    (clause,) = fine_clauses(text)
    assert clause.fine.base == "违法所得"
    assert (clause.fine.min_multiple, clause.fine.max_multiple) == pytest.approx((0.1, 0.3))


def test_fine_over_the_regulations_range(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F44, "rf44b_06_*.yaml", ctx), "discretion")
    assert "《中华人民共和国土地管理法实施条例》第六十条" in found


def test_bare_fine_after_the_order(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F44, "rf44b_07_*.yaml", ctx), "law")
    assert "《中华人民共和国土地管理法》第七十六条" in found


def test_unit_bounded_by_its_own_fine(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings(F44, "rf44c_08_*.yaml", ctx), "discretion")


def test_unit_own_fine_over_its_range(ctx: ReviewContext) -> None:
    data = set_file_data(F44, "rf44c_08_*.yaml")
    data["facts"]["amounts"] = {"单位罚款": 60000, "主管人员罚款": 30000}
    found = rules_of(variant_findings(data, ctx), "discretion")
    assert "《中华人民共和国安全生产法》第一百零二条" in found


def test_wage_arrears_without_the_crimes_way_of_not_paying(ctx: ReviewContext) -> None:
    found = set_findings(F44, "rf44c_11_*.yaml", ctx)
    assert not rules_of(found, "transfer")
    assert "《劳动保障监察条例》第十七条" in rules_of(found, "procedure")


def test_wage_arrears_with_money_moved_away(ctx: ReviewContext) -> None:
    data = set_file_data(F44, "rf44c_11_*.yaml")
    data["facts"]["description"] += "当事人在责令支付期间将货款40万元转入法定代表人个人账户。"
    assert rules_of(variant_findings(data, ctx), "transfer")


def test_investigation_inside_the_period(ctx: ReviewContext) -> None:
    data = set_file_data(F44, "rf44c_11_*.yaml")
    for event in data["events"]:
        if event["type"] == "调查取证" and str(event["date"]) == "2023-07-31":
            event["date"] = "2023-07-27"
    assert "《劳动保障监察条例》第十七条" not in rules_of(variant_findings(data, ctx), "procedure")


def test_substandard_drug_without_the_institutions_conclusion(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F44, "rf44d_04_*.yaml", ctx), "evidence")
    assert "《中华人民共和国药品管理法》第一百二十一条" in found


def test_substandard_drug_with_the_institutions_report(ctx: ReviewContext) -> None:
    data = set_file_data(F44, "rf44d_04_*.yaml")
    data["evidence"].append(
        {
            "type": "鉴定意见",
            "name": "江门市药品检验所药品检验报告书（含量不符合规定）",
            "source": "江门市药品检验所",
            "obtained_by": "抽样送检",
            "date": "2022-09-05",
        }
    )
    found = rules_of(variant_findings(data, ctx), "evidence")
    assert "《中华人民共和国药品管理法》第一百二十一条" not in found


def test_confiscating_goods_found_conforming(ctx: ReviewContext) -> None:
    assert FACTS_RULE in rules_of(set_findings(F44, "rf44d_06_*.yaml", ctx), "facts")


def test_overload_found_by_weighing_without_the_record(ctx: ReviewContext) -> None:
    assert FACTS_RULE in rules_of(set_findings(F44, "rf44a_09_*.yaml", ctx), "evidence")


def test_overload_with_the_weighing_record(ctx: ReviewContext) -> None:
    data = set_file_data(F44, "rf44a_09_*.yaml")
    data["evidence"].append(
        {
            "type": "电子数据",
            "name": "车辆称重检测单（实测载质量15200kg）",
            "source": "台城治超检测站",
            "obtained_by": "现场称重",
            "date": "2025-03-18",
        }
    )
    assert FACTS_RULE not in rules_of(variant_findings(data, ctx), "evidence")

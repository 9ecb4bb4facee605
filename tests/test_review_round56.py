"""Review round 56 (issue #18): what review_fresh42's blind score missed or flagged wrongly.

- a unit and its 主要负责人 (or 主管人员) each notified of their own fine: the notices add up,
  and two parties' fines are not one act fined twice (第二十九条);
- 处违法经营额1倍以上3倍以下或者违法所得3倍以上5倍以下 lets the decision take either base;
- a re-inspection of the ordered correction after the decision gathers no evidence for it;
- 责令立即停止…，并于收到本决定书之日起十日内拆除 sets the order's period;
- "未通过暗管渗坑等方式" denies the means of 环境污染解释第一条第（五）项;
- an assault whose appraisal says 轻伤二级 is a 故意伤害 transfer (治安 第九十五条);
- the decision's own 没收物品清单 is no list of what was seized;
- a decided area above the file's own survey of it;
- a district organ revoking a licence the city organ issued (药品管理法第一百三十九条);
- a 假药/劣药 finding on a company's test report only (药品管理法第一百二十一条);
- a suspect's own statement beside a report's registration, a records search and a note that
  the facts could not be found (治安管理处罚法第九十三条);
- 第二十一条 cited with the item the party falls in.
Cases are review_fresh42 files and variants."""

from __future__ import annotations

import pytest
import yaml
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import fine_clauses, statutory_bounds

F42 = "review_fresh42"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
PUBLIC_ORDER_LAW = "《中华人民共和国治安管理处罚法》"
FACTS_RULE = f"{PENALTY_LAW}第四十条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_a_unit_and_its_head_notified_and_fined_each(ctx: ReviewContext) -> None:
    found = set_findings(F42, "rf42c_01_*.yaml", ctx)
    assert not rules_of(found, "procedure")
    assert not rules_of(found, "law")
    data = set_file_data(F42, "rf42c_01_*.yaml")
    data["penalty"]["amount"] = 600000  # above both notices together
    data["facts"]["amounts"] = {"单位罚款": 505600, "主要负责人罚款": 94400}
    assert f"{PENALTY_LAW}第四十五条第二款" in rules_of(variant_findings(data, ctx), "procedure")


def test_two_fines_proposed_in_one_sentence(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings(F42, "rf42c_11_*.yaml", ctx), "procedure") - {
        "《广东省行政执法全过程记录办法》第十四条第一款"
    }


def test_either_base_of_an_alternative_multiple() -> None:
    text = "有前款第（六）项行为的，处违法经营额1倍以上3倍以下或者违法所得3倍以上5倍以下的罚款"
    bases = {clause.fine.base for clause in fine_clauses(text)}
    assert bases == {"违法经营额", "违法所得"}


def test_a_clean_fine_on_the_turnover_base(ctx: ReviewContext) -> None:
    assert not set_findings(F42, "rf42a_11_*.yaml", ctx)


def test_a_re_inspection_of_the_correction(ctx: ReviewContext) -> None:
    assert f"{PENALTY_LAW}第五十七条第一款" not in rules_of(
        set_findings(F42, "rf42b_06_*.yaml", ctx), "procedure"
    )


def test_an_order_to_stop_and_remove_within_days(ctx: ReviewContext) -> None:
    assert f"{PENALTY_LAW}第二十八条第一款" not in rules_of(
        set_findings(F42, "rf42b_10_*.yaml", ctx), "documents"
    )


def test_a_denied_means_is_no_transfer(ctx: ReviewContext) -> None:
    assert not set_findings(F42, "rf42b_01_*.yaml", ctx)


def test_an_assault_with_a_minor_injury_is_transferred(ctx: ReviewContext) -> None:
    assert rules_of(set_findings(F42, "rf42a_04_*.yaml", ctx), "transfer")
    data = set_file_data(F42, "rf42a_04_*.yaml")
    text = yaml.safe_dump(data, allow_unicode=True).replace("轻伤二级", "轻微伤")
    assert not rules_of(variant_findings(yaml.safe_load(text), ctx), "transfer")


def test_the_confiscation_list_is_no_seizure_list(ctx: ReviewContext) -> None:
    assert FACTS_RULE in rules_of(set_findings(F42, "rf42a_09_*.yaml", ctx), "facts")


def test_a_decided_area_above_the_survey(ctx: ReviewContext) -> None:
    assert FACTS_RULE in rules_of(set_findings(F42, "rf42b_09_*.yaml", ctx), "facts")
    data = set_file_data(F42, "rf42b_09_*.yaml")
    data["facts"]["quantities"]["决定计罚面积平方米"] = 1260.5
    assert FACTS_RULE not in rules_of(variant_findings(data, ctx), "facts")


def test_a_district_organ_revoking_a_city_licence(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F42, "rf42d_04_*.yaml", ctx), "authority")
    assert "《中华人民共和国药品管理法》第一百三十九条" in found


def test_a_substandard_drug_on_a_companys_report(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国药品管理法》第一百二十一条"
    assert rule in rules_of(set_findings(F42, "rf42d_07_*.yaml", ctx), "evidence")
    data = set_file_data(F42, "rf42d_07_*.yaml")
    for item in data["evidence"]:
        if item["source"] == "江门市诚检检测技术有限公司":
            item["source"] = "江门市药品检验所"
    assert rule not in rules_of(variant_findings(data, ctx), "evidence")


def test_a_statement_with_nothing_found_beside_it(ctx: ReviewContext) -> None:
    assert f"{PUBLIC_ORDER_LAW}第九十三条" in rules_of(
        set_findings(F42, "rf42a_05_*.yaml", ctx), "evidence"
    )


def test_the_detention_exemption_cites_its_item(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F42, "rf42a_08_*.yaml", ctx), "law")
    assert f"{PUBLIC_ORDER_LAW}第二十一条第一款第（三）项" in found


def test_detention_beyond_the_main_tier_without_its_ground(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F42, "rf42a_08_*.yaml", ctx), "discretion")
    assert f"{PUBLIC_ORDER_LAW}第四十九条" in found
    data = set_file_data(F42, "rf42a_08_*.yaml")
    data["facts"]["circumstances"] = ["行为时71周岁", "多次盗窃，情节较重"]
    assert f"{PUBLIC_ORDER_LAW}第四十九条" not in rules_of(
        variant_findings(data, ctx), "discretion"
    )


def test_an_either_or_fine_takes_the_base_the_file_gives() -> None:
    text = "有前款第（六）项行为的，处违法经营额1倍以上3倍以下或者违法所得3倍以上5倍以下的罚款"
    gains_only = statutory_bounds(text, {"违法所得": 1000}, None)
    assert (gains_only.low, gains_only.high) == (pytest.approx(3000), pytest.approx(5000))
    turnover_only = statutory_bounds(text, {"违法经营额": 1000}, None)
    assert (turnover_only.low, turnover_only.high) == (pytest.approx(1000), pytest.approx(3000))
    neither = statutory_bounds(text, {}, None)
    assert neither.low is None and neither.high is None

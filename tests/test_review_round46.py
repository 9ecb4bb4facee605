"""Review round 46 (issue #18): review_fresh34's misses and false alarms after its blind score.

- 逾期不改正的，吊销许可证；有违法所得的，没收违法所得；违法所得10万元以上的，并处… : the fine is
  the confiscation branch's, not the refusal's (放射性同位素与射线装置安全和防护条例第五十二条);
- 处罚的依据和内容 states 行政处罚的种类和依据 (公安交警 forms);
- 库存货值（标价） is a sum at the list price, not a unit price;
- criminal lines: 毒鼠强 bait of 2 kg (2003 解释第一条), wages withheld after an order to pay
  (拒不支付劳动报酬, 2013 解释第三条); a 治安 case's transfer cites 治安管理处罚法第九十五条 too, and
  its gains go to the criminal court, not to a confiscation the decision lacks;
- 集体讨论 weighing 罚款并责令限期办理 is no order given before the fine;
- 每非法聘用一人一万元，总额不超过十万元: the total is capped;
- a 第三十二条 ground on record, declined (不属于法定从轻情形), must be applied;
- a penalty for an accident decided while the 批复 of its report is still awaited;
- a food test by a laboratory whose accreditation does not cover food (食品安全法第八十七条);
- 已售出食品货值 is the sold part of 货值金额, beside the stock's;
- 无主动消除危害后果、受胁迫等…情节 denies every ground of its list;
- 由颁发测绘资质证书的部门决定 reserves 吊销 to the issuing 部门 (测绘法第六十六条), one finding;
- a 罚则 that itself confiscates (没收违法所得和测绘成果) is the rule when the fee taken is kept;
- an act still going on (一直…至2022年10月13日…仍未恢复) after its law was repealed is judged by the new law.
Cases are variants of eval/sets/review_fresh34 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings, variant_flags

from assistant.review.context import ReviewContext

SET = "review_fresh34"
PENALTY_28 = "《中华人民共和国行政处罚法》第二十八条"
PENALTY_32 = "《中华人民共和国行政处罚法》第三十二条"
PENALTY_40 = "《中华人民共和国行政处罚法》第四十条"
PENALTY_59 = "《中华人民共和国行政处罚法》第五十九条"
RADIATION_52 = "《放射性同位素与射线装置安全和防护条例》第五十二条"
PUBLIC_ORDER_95 = "《中华人民共和国治安管理处罚法》第九十五条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def _transfers(data: dict, ctx: ReviewContext) -> list:
    return [f for f in variant_flags(data, ctx) if f.point.value == "transfer"]


def test_the_confiscation_branch_fines_at_once(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(SET, "rf34a_10_*.yaml"), ctx)
    assert not cites_article(found, "law", RADIATION_52)
    assert cites_article(found, "discretion", RADIATION_52)


def test_basis_and_content_state_the_kind_and_basis(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(SET, "rf34b_11_*.yaml"), ctx)
    assert not cites_article(found, "documents", PENALTY_59)


def test_a_value_at_list_price_is_no_unit_price(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(SET, "rf34c_05_*.yaml"), ctx)
    assert not cites_article(found, "facts", PENALTY_40)


def test_banned_rodenticide_bait(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf34b_04_*.yaml")
    flags = _transfers(data, ctx)
    assert len(flags) == 1 and any(c.startswith(PUBLIC_ORDER_95) for c in flags[0].also_cites)
    assert not cites_article(variant_findings(data, ctx), "law", PENALTY_28)
    data["facts"]["quantities"]["毒鼠强饵料重量（千克）"] = 1.5
    assert not _transfers(data, ctx)
    assert cites_article(variant_findings(data, ctx), "law", PENALTY_28)


def test_wages_withheld_after_an_order_to_pay(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf34d_05_*.yaml")
    assert _transfers(data, ctx)
    data["facts"]["amounts"]["拖欠工资总额"] = 60000
    assert not _transfers(data, ctx)


def test_the_collective_discussion_gives_no_prior_order(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(SET, "rf34d_06_*.yaml"), ctx)
    assert cites_article(found, "law", "《住房公积金管理条例》第三十七条")


def test_a_rate_per_person_with_a_capped_total(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf34b_05_*.yaml")
    rule = "《中华人民共和国出境入境管理法》第八十条"
    assert cites_article(variant_findings(data, ctx), "discretion", rule)
    data["penalty"]["amount"] = 100000
    assert not cites_article(variant_findings(data, ctx), "discretion", rule)


def test_a_recorded_ground_declined(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf34c_10_*.yaml")
    assert cites_article(variant_findings(data, ctx), "discretion", PENALTY_32)
    for event in data["events"]:
        if event.get("note"):
            event["note"] = event["note"].replace("不属于法定从轻情形，", "")
    assert not cites_article(variant_findings(data, ctx), "discretion", PENALTY_32)


def test_a_penalty_before_the_accident_report_is_approved(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf34d_10_*.yaml")
    rule = "《生产安全事故报告和调查处理条例》第三十二条"
    assert cites_article(variant_findings(data, ctx), "procedure", rule)
    for item in data["evidence"]:
        if item.get("note"):
            item["note"] = item["note"].replace("批复尚未作出", "区人民政府2024年1月15日批复")
    assert not cites_article(variant_findings(data, ctx), "procedure", rule)


def test_a_food_test_by_a_laboratory_without_food_scope(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf34c_09_*.yaml")
    rule = "《中华人民共和国食品安全法》第八十七条"
    assert cites_article(variant_findings(data, ctx), "evidence", rule)
    data["facts"]["description"] = data["facts"]["description"].replace(
        "，不含食品检验项目", "及食品类别"
    )
    for item in data["evidence"]:
        item["note"] = (item.get("note") or "").replace("，未取得食品检验资质认定", "及食品类别")
    assert not cites_article(variant_findings(data, ctx), "evidence", rule)


def test_the_sold_part_counts_in_the_goods_value(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf34c_06_*.yaml")
    rule = "《中华人民共和国食品安全法》第一百二十四条"
    assert cites_article(variant_findings(data, ctx), "discretion", rule)
    data["facts"]["amounts"]["已售出食品货值"] = 300
    assert not cites_article(variant_findings(data, ctx), "discretion", rule)


def test_a_negation_reaches_along_its_list() -> None:
    from assistant.review.mitigation import affirmed

    text = "当事人初次违法，无主动消除危害后果、受胁迫等法定从轻减轻情节。"
    assert not affirmed("胁迫", text)
    assert affirmed("胁迫", "当事人系受他人胁迫实施违法行为。")


def test_the_issuing_department_decides_revocation(ctx: ReviewContext) -> None:
    flags = variant_flags(set_file_data(SET, "rf34a_09_*.yaml"), ctx)
    authority = [
        f.rule for f in flags if f.point.value == "authority" and f.severity.value == "must_fix"
    ]
    assert authority == ["《中华人民共和国测绘法》第六十六条第一款"]


def test_a_sanction_that_itself_confiscates(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf34a_09_*.yaml")
    rule = "《中华人民共和国测绘法》第五十六条"
    assert cites_article(variant_findings(data, ctx), "law", rule)
    data["penalty"]["types"].append("没收违法所得")
    data["penalty"]["confiscation_yuan"] = 270200
    assert not cites_article(variant_findings(data, ctx), "law", rule)


def test_an_act_continuing_past_its_law_s_repeal(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf34a_07_*.yaml")
    rule = "《中华人民共和国行政处罚法》第三十七条"
    assert cites_article(variant_findings(data, ctx), "law", rule)
    data["facts"]["description"] = data["facts"]["description"].replace(
        "至2022年10月13日检查时仍未恢复", "2022年5月30日复装"
    )
    data["facts"]["circumstances"] = ["擅自拆除闲置隔声设施"]
    assert not cites_article(variant_findings(data, ctx), "law", rule)

"""Review round 51 (issue #18): review_fresh39's blind score.

- a count the file denies reaching (不属于被行政处罚两次以后…) is no threshold fact;
- 施工合同价款 is the 工程合同价款 建设工程质量管理条例第六十四条 multiplies;
- a 罚则 cited by a number that names the act only in another version: its act-date range and
  conditions are not checked (the 第三十七条 finding says it);
- a plea for 从轻 is no lightening (a minor refused it: 第三十条);
- a measure the 罚则 gives the 设区的市 government (生猪屠宰管理条例第三十三条: 吊销);
- a 市场监管所 deciding in its own name is a subject finding unless it claims the 条例's grant;
- a lead-in condition (逾期不恢复原状…的，依照下列规定处以罚款：) binds every item;
- the 复查 on which 逾期未改正 rests needs its own record.
Cases are variants of eval/sets/review_fresh37 and review_fresh39 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, rules_of, set_file_data, variant_findings

from assistant.review.context import ReviewContext

F37 = "review_fresh37"
F39 = "review_fresh39"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
MEDICAL = "《中华人民共和国刑法》第三百三十六条"
WILDLIFE_48 = "《中华人民共和国野生动物保护法》第四十八条"
SLAUGHTER_33 = "《生猪屠宰管理条例》第三十三条"
STATION_8 = "《工商行政管理所条例》第八条"
TREES_28 = "《古树名木保护条例》第二十八条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_a_count_denied_to_reach_the_line_is_no_threshold(ctx: ReviewContext) -> None:
    data = set_file_data(F39, "rf39b_08_*.yaml")
    assert not cites_article(variant_findings(data, ctx), "transfer", MEDICAL)
    data["facts"]["circumstances"] = ["此前已被卫生行政部门行政处罚两次，本次为第三次"]
    assert cites_article(variant_findings(data, ctx), "transfer", MEDICAL)


def test_a_construction_contract_price_is_the_contract_base(ctx: ReviewContext) -> None:
    data = set_file_data(F39, "rf39c_01_*.yaml")
    assert not rules_of(variant_findings(data, ctx), "facts")
    data["facts"]["amounts"] = {
        k.replace("施工合同价款", "钢筋材料费用"): v for k, v in data["facts"]["amounts"].items()
    }
    assert cites_article(variant_findings(data, ctx), "facts", PENALTY_LAW + "第四十条")


def test_a_misnumbered_sanction_is_not_priced_or_conditioned(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F39, "rf39a_11_*.yaml"), ctx)
    assert cites_article(found, "law", PENALTY_LAW + "第三十七条")
    assert not cites_article(found, "discretion", WILDLIFE_48)
    assert not cites_article(found, "law", WILDLIFE_48)


def test_a_plea_for_leniency_is_no_lightening(ctx: ReviewContext) -> None:
    data = set_file_data(F39, "rf39a_11_*.yaml")
    assert cites_article(variant_findings(data, ctx), "discretion", PENALTY_LAW + "第三十条")
    data["facts"]["mitigating"] = True
    assert not cites_article(variant_findings(data, ctx), "discretion", PENALTY_LAW + "第三十条")


def test_a_county_bureau_revoking_what_the_city_government_revokes(ctx: ReviewContext) -> None:
    data = set_file_data(F39, "rf39a_07_*.yaml")
    assert cites_article(variant_findings(data, ctx), "authority", SLAUGHTER_33)
    data["penalty"]["types"] = ["责令停产停业", "没收违法所得", "罚款"]
    assert not cites_article(variant_findings(data, ctx), "authority", SLAUGHTER_33)


def test_a_market_station_in_its_own_name_is_a_subject_finding(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F39, "rf39d_07_*.yaml"), ctx)
    assert cites_article(found, "subject", PENALTY_LAW + "第十七条")
    assert not rules_of(found, "authority")
    # one claiming the 条例's grant and going beyond it: the extent of the power
    claimed = variant_findings(set_file_data(F37, "rf37d_08_*.yaml"), ctx)
    assert cites_article(claimed, "authority", STATION_8)


def test_a_lead_in_condition_binds_every_listed_item(ctx: ReviewContext) -> None:
    data = set_file_data(F39, "rf39a_10_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", TREES_28)
    data["facts"]["circumstances"] = [*data["facts"].get("circumstances", []), "逾期未采取补救措施"]
    data["events"].insert(
        1,
        {
            "type": "调查取证",
            "date": data["events"][0]["date"],
            "note": "送达责令限期采取补救措施通知书，限十五日内完成",
        },
    )
    assert not cites_article(variant_findings(data, ctx), "law", TREES_28)


def test_the_recheck_a_refusal_rests_on_needs_its_record(ctx: ReviewContext) -> None:
    data = set_file_data(F39, "rf39d_11_*.yaml")
    rule = PENALTY_LAW + "第五十五条"
    assert cites_article(variant_findings(data, ctx), "evidence", rule)
    recheck = next(e for e in data["events"] if "复查" in (e.get("note") or ""))
    data["documents"].append({"type": "复查笔录", "date": recheck["date"]})
    assert not cites_article(variant_findings(data, ctx), "evidence", rule)


def test_demolishing_a_provincial_heritage_site_is_a_crime(ctx: ReviewContext) -> None:
    data = set_file_data(F39, "rf39c_04_*.yaml")
    heritage = (
        "《最高人民法院、最高人民检察院关于办理妨害文物管理等刑事案件适用法律若干问题的解释》"
    )
    assert cites_article(variant_findings(data, ctx), "transfer", heritage + "第三条")
    data["violation"]["description"] = (
        "未经批准，在省级文物保护单位振华楼的保护范围内擅自建设附属房屋"
    )
    data["facts"]["description"] = data["violation"]["description"]
    data["facts"]["circumstances"] = ["振华楼本体未受损"]
    assert not cites_article(variant_findings(data, ctx), "transfer", heritage + "第三条")

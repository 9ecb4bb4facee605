"""Review round 69 (issue #18) on review_fresh54 (scored once before this round, by 0f4185b):

- a 罚则 that refers the act to another's penalty (由海事管理机构依法予以处罚) is no "not a 罚则"
  beside the 罚则 it refers to, and a law whose 罚则 names another department is one finding;
- an order's period in working days (十个工作日内) is a period, and a party who paid within it
  never refused (劳动保障监察条例第三十条第一款第（三）项: the item is the refusal itself);
- 暂扣船舶 only for a ship that would not stop (内河交通安全管理条例第六十四条);
- 超载 found while every measured load is under the certificate's;
- 未成年工 counted against the roster's birth dates (under eighteen when the act began);
- a place naming the agency's own city without 市 (西江佛山九江段) lies inside it;
- a 河道管理所 holds no power the 罚则 gives the 河道主管机关 (review_fresh53 d09);
- the planning opinion finds the harm uncorrectable, the decision took the correctable branch
  (review_fresh53 b11);
- a fine for refusing a cost the file says was paid (review_fresh52 a07), and patients asked by
  telephone with nothing written that day (review_fresh52 d10);
- a vehicle height decided above every measured one (review_fresh52 c11);
- 劣种子 with a farm loss over 2万元 goes to the police (review_fresh55 a06)."""

from __future__ import annotations

import pytest
from review_fixtures import (
    reworded,
    rules_of,
    set_file_data,
    set_findings,
    variant_findings,
    variant_flags,
    with_readings,
)

from assistant.review.context import ReviewContext
from assistant.review.territory import Placement, placement

F54 = "review_fresh54"
FACTS = "《中华人民共和国行政处罚法》第四十条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_referral_clause_and_its_department_one_finding(ctx: ReviewContext) -> None:
    flags = variant_flags(set_file_data(F54, "rf54b_07_*.yaml"), ctx)
    found = [f for f in flags if f.severity == "must_fix"]
    assert [f.rule for f in found] == ["《国内水路运输管理条例》第三十八条第一款"]


def test_wages_paid_within_working_days_is_no_refusal(ctx: ReviewContext) -> None:
    found = set_findings(F54, "rf54c_05_*.yaml", ctx)
    assert "《劳动保障监察条例》第三十条第一款" in rules_of(found, "law")
    assert not rules_of(found, "documents")
    late = reworded(set_file_data(F54, "rf54c_05_*.yaml"), ("5月10日", "5月20日"))
    assert not rules_of(variant_findings(late, ctx), "law")


def test_ship_detained_without_a_refusal_to_stop(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国内河交通安全管理条例》第六十四条"
    assert rule in rules_of(set_findings(F54, "rf54b_05_*.yaml", ctx), "law")
    refused = reworded(set_file_data(F54, "rf54b_05_*.yaml"), ("此后未再航行", "拒不停止航行"))
    assert rule not in rules_of(variant_findings(refused, ctx), "law")


def test_overload_under_the_certified_load(ctx: ReviewContext) -> None:
    assert FACTS in rules_of(set_findings(F54, "rf54b_09_*.yaml", ctx), "facts")
    data = set_file_data(F54, "rf54b_09_*.yaml")
    with_readings(data, 1030)
    assert FACTS not in rules_of(variant_findings(data, ctx), "facts")


def test_minor_workers_counted_against_birth_dates(ctx: ReviewContext) -> None:
    assert FACTS in rules_of(set_findings(F54, "rf54c_11_*.yaml", ctx), "facts")
    younger = reworded(
        set_file_data(F54, "rf54c_11_*.yaml"),
        ("谢某2006-10-03", "谢某2008-10-03"),
        ("钟某2007-01-21", "钟某2008-01-21"),
    )
    assert FACTS not in rules_of(variant_findings(younger, ctx), "facts")


def test_place_naming_the_city_without_its_suffix() -> None:
    assert placement("佛山市", "西江佛山九江段（九江大桥下游约2公里）")[0] is Placement.INSIDE
    assert placement("佛山市", "西江九江段")[0] is Placement.UNKNOWN


def test_river_station_is_no_authorised_organisation(ctx: ReviewContext) -> None:
    """河道管理条例第四十四条 names 河道主管机关 without 由; 由…给予行政处分 is discipline."""
    rule = "《中华人民共和国行政处罚法》第十九条"
    assert rule in rules_of(set_findings("review_fresh53", "rf53d_09_*.yaml", ctx), "subject")
    data = reworded(
        set_file_data("review_fresh53", "rf53d_09_*.yaml"), ("乐昌市河道管理所", "乐昌市水务局")
    )
    data["agency"]["kind"] = "行政机关"
    assert rule not in rules_of(variant_findings(data, ctx), "subject")


def test_uncorrectable_in_the_planning_opinion(ctx: ReviewContext) -> None:
    """规划核实意见：无法采取改正措施 binds the branch; 拆除损失较大 decides no demolition."""
    rule = "《中华人民共和国城乡规划法》第六十四条"
    assert rule in rules_of(set_findings("review_fresh53", "rf53b_11_*.yaml", ctx), "law")
    data = reworded(
        set_file_data("review_fresh53", "rf53b_11_*.yaml"),
        ("无法采取改正措施消除影响", "可通过补办手续消除影响"),
    )
    assert rule not in rules_of(variant_findings(data, ctx), "law")


def test_fine_for_refusing_a_cost_the_party_paid(ctx: ReviewContext) -> None:
    """固体废物污染环境防治法第一百一十三条 fines 拒不承担代为处置费用 only (review_fresh52 a07)."""
    rule = "《中华人民共和国固体废物污染环境防治法》第一百一十三条"
    assert rule in rules_of(set_findings("review_fresh52", "rf52a_07_*.yaml", ctx), "law")
    data = reworded(
        set_file_data("review_fresh52", "rf52a_07_*.yaml"),
        ("代为处置费用已足额缴纳", "代为处置费用逾期未缴纳"),
        ("当事人已缴纳代为处置费用", "当事人应缴纳代为处置费用"),
        ("4月26日足额缴纳代为处置费用的缴款凭证", "拒绝缴纳代为处置费用的书面回复"),
    )
    assert rule not in rules_of(variant_findings(data, ctx), "law")


def test_patients_asked_by_telephone_without_a_record(ctx: ReviewContext) -> None:
    """电话联系患者…了解情况 with nothing written that day (review_fresh52 d10)."""
    rule = "《中华人民共和国行政处罚法》第五十五条第二款"
    assert rule in rules_of(set_findings("review_fresh52", "rf52d_10_*.yaml", ctx), "evidence")
    data = set_file_data("review_fresh52", "rf52d_10_*.yaml")
    data["evidence"].append(
        {
            "type": "证人证言",
            "name": "患者刘某等4人电话询问笔录",
            "source": "患者",
            "obtained_by": "询问",
            "date": "2023-06-19",
        }
    )
    assert rule not in rules_of(variant_findings(data, ctx), "evidence")


def test_height_decided_above_the_measured(ctx: ReviewContext) -> None:
    """车货总高度4.68米 decided against a reading of 4.38 and a re-measure of 3.95 after unloading
    (review_fresh52 c11): a dimension read off the vehicle is a level, and the re-measure
    restates no first reading."""
    assert FACTS in rules_of(set_findings("review_fresh52", "rf52c_11_*.yaml", ctx), "facts")
    data = reworded(
        set_file_data("review_fresh52", "rf52c_11_*.yaml"), ("车货总高度4.68米", "车货总高度4.38米")
    )
    assert FACTS not in rules_of(variant_findings(data, ctx), "facts")


def test_seed_loss_over_the_first_criminal_line(ctx: ReviewContext) -> None:
    """劣种子 causing 46200元 of farmers' loss: 刑法第一百四十七条's 较大损失 starts at 2万元 (2001
    两高 interpretation 第七条; review_fresh55 a06)."""
    found = set_findings("review_fresh55", "rf55a_06_*.yaml", ctx)
    assert "《中华人民共和国行政处罚法》第二十七条第一款" in rules_of(found, "transfer")
    data = reworded(set_file_data("review_fresh55", "rf55a_06_*.yaml"), ("46200", "16200"))
    assert not rules_of(variant_findings(data, ctx), "transfer")

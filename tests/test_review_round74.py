"""Review round 74 (issue #18) on review_fresh60 (scored once before this round, by 20f3a06):

- 经核查无伪造、虚构等骗取医保基金情形 denies the purpose 医保条例第四十条 takes over;
- （1）…（2）… under two duty articles are two acts, each fined (no 第二十九条);
- a river's 可采区 and a port's 港区 are no county; a route from the agency's own city names
  another (江门—广州内河航线);
- 负责航道管理的部门 is the transport department (航道法第四十三条第二款);
- a 款 the revision deleted (国内水路运输管理条例第三十四条第二款, 2023-07-20) no longer punishes;
- 逾期仍未清除的 is a 逾期 tier (航道法第四十条); 有效宽度由60米减至42米 reads 42;
- a load weighed within the rated capacity; a 佣金 two papers restate; the erosion area beside
  the felled area; 陈某…刘某某共6人 counted by their birth dates;
- 禁采区 sand worth 五万元至十五万元 (非法采矿解释第三条第一款第（二）项)."""

from __future__ import annotations

import pytest
from review_fixtures import reworded, rules_of, set_file_data, set_findings, variant_findings

from assistant.review.context import ReviewContext

F60 = "review_fresh60"
FACTS = "《中华人民共和国行政处罚法》第四十条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize("pattern", ["rf60d_07_*.yaml", "rf60d_08_*.yaml"])
def test_denied_fraud_is_no_purposed_conduct(ctx: ReviewContext, pattern: str) -> None:
    rule = "《医疗保障基金使用监督管理条例》第四十条第一款"
    assert rule not in rules_of(set_findings(F60, pattern, ctx), "law")


def test_numbered_acts_under_two_duties(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国行政处罚法》第二十九条"
    assert rule not in rules_of(set_findings(F60, "rf60d_05_*.yaml", ctx), "law")
    data = set_file_data(F60, "rf60d_05_*.yaml")
    data["citations"]["violated"] = data["citations"]["violated"][:1]
    assert rule in rules_of(variant_findings(data, ctx), "law")


@pytest.mark.parametrize("pattern", ["rf60b_04_*.yaml", "rf60c_05_*.yaml"])
def test_zones_and_routes_are_inside_the_territory(ctx: ReviewContext, pattern: str) -> None:
    found = set_findings(F60, pattern, ctx)
    assert "《中华人民共和国行政处罚法》第二十二条" not in rules_of(found, "authority")


def test_waterway_department_is_transport(ctx: ReviewContext) -> None:
    rules = rules_of(set_findings(F60, "rf60b_04_*.yaml", ctx), "authority")
    assert "《中华人民共和国航道法》第四十三条第二款" in rules


def test_deleted_paragraph_no_longer_punishes(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国行政处罚法》第三十七条"
    assert rule in rules_of(set_findings(F60, "rf60c_05_*.yaml", ctx), "law")
    data = reworded(set_file_data(F60, "rf60c_05_*.yaml"), ("2023-08-10", "2023-07-14"))
    assert rule not in rules_of(variant_findings(data, ctx), "law")


def test_uncleared_tier_and_the_width_it_fell_to(ctx: ReviewContext) -> None:
    found = set_findings(F60, "rf60c_09_*.yaml", ctx)
    assert "《中华人民共和国航道法》第四十条" in rules_of(found, "law")
    assert FACTS not in rules_of(found, "facts")


@pytest.mark.parametrize("pattern", ["rf60c_07_*.yaml", "rf60d_10_*.yaml", "rf60b_10_*.yaml"])
def test_decided_figure_against_the_papers(ctx: ReviewContext, pattern: str) -> None:
    assert FACTS in rules_of(set_findings(F60, pattern, ctx), "facts")


def test_weighed_load_matches_the_finding(ctx: ReviewContext) -> None:
    data = set_file_data(F60, "rf60c_07_*.yaml")
    data["facts"]["quantities"]["实载吨"] = 1168
    data["facts"]["quantities"].pop("超载吨")
    data = reworded(data, ("实载1268吨", "实载1168吨"))
    flags = variant_findings(data, ctx)
    assert not any(p == "facts" and "实载" in r for p, r in flags)


def test_commission_matching_the_papers(ctx: ReviewContext) -> None:
    data = set_file_data(F60, "rf60d_10_*.yaml")
    data["facts"]["amounts"]["拍卖佣金"] = 38600
    assert FACTS not in rules_of(variant_findings(data, ctx), "facts")


def test_listed_minors_counted_by_birth_dates(ctx: ReviewContext) -> None:
    assert FACTS in rules_of(set_findings(F60, "rf60a_10_*.yaml", ctx), "facts")
    data = reworded(
        set_file_data(F60, "rf60a_10_*.yaml"),
        ("张某某2005-02-11", "张某某2006-02-11"),
        ("刘某某2005-05-20", "刘某某2006-05-20"),
    )
    assert FACTS not in rules_of(variant_findings(data, ctx), "facts")


def test_sand_from_a_ban_zone(ctx: ReviewContext) -> None:
    rule = "《最高人民法院、最高人民检察院关于办理非法采矿、破坏性采矿刑事案件适用法律若干问题的解释》第三条第一款第（二）项"
    assert rule in rules_of(set_findings(F60, "rf60b_05_*.yaml", ctx), "transfer")
    data = set_file_data(F60, "rf60b_05_*.yaml")
    data["facts"]["amounts"] = {"非法所得（销售金额）": 140000}
    data = reworded(data, ("176040", "140000"))
    assert rule not in rules_of(variant_findings(data, ctx), "transfer")

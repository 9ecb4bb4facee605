"""Review round 40 (issue #18): three of review_fresh30's remaining misses, by rule.

- a measure outside the agency's powers that the cited 罚则 itself reserves to a government or
  a higher level (生猪屠宰管理条例第三十三条: 情节严重的，由设区的市级人民政府吊销…) breaches
  that sentence; where the 罚则 is silent, the rules that assign the measure to an organ level
  (处以吊销机动车驾驶证处罚的，由设区的市公安机关交通管理部门作出决定) — not only 第十七条;
- an article that fines units and individuals apart (农药管理条例第六十条: …农民专业合作社等
  单位的，处5万元以上10万元以下罚款，农药使用者为个人的，处1万元以下罚款) sets the range of
  the fined party's kind.
Cases are variants of eval/sets/review_fresh30 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings, variant_flags

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import fine_clauses, statutory_bounds

GENERAL_17 = "《中华人民共和国行政处罚法》第十七条"
PIG_33 = "《生猪屠宰管理条例》第三十三条"
TRAFFIC_RULES = (
    "《中华人民共和国道路交通安全法实施条例》第一百零九条",
    "《道路交通安全违法行为处理程序规定》第六条",
)
PESTICIDE_60 = "《农药管理条例》第六十条"
PESTICIDE_TEXT = (
    "农药使用者有下列行为之一的，由县级人民政府农业主管部门责令改正，农药使用者为农产品生产企业、"
    "食品和食用农产品仓储企业、专业化病虫害防治服务组织和从事农产品生产的农民专业合作社等单位的，"
    "处5万元以上10万元以下罚款，农药使用者为个人的，处1万元以下罚款；构成犯罪的，依法追究刑事责任："
)


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_a_measure_the_penalty_article_reserves_to_a_city_government(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh30", "rf30c_10_*.yaml")
    found = variant_findings(data, ctx)
    assert cites_article(found, "authority", PIG_33)
    assert not cites_article(found, "authority", GENERAL_17)
    data["agency"]["powers"]["penalty_types"].append("吊销生猪定点屠宰证书")
    assert not cites_article(variant_findings(data, ctx), "authority", PIG_33)


def test_a_measure_a_level_rule_assigns_to_the_city_traffic_police(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh30", "rf30d_08_*.yaml")
    found = variant_findings(data, ctx)
    assert cites_article(found, "authority", TRAFFIC_RULES[0])
    flags = [f for f in variant_flags(data, ctx) if f.point.value == "authority"]
    assert any(cite.startswith(TRAFFIC_RULES[1]) for f in flags for cite in f.also_cites)


def test_fine_clauses_know_the_party_kind() -> None:
    assert [(c.party, c.fine.max_yuan) for c in fine_clauses(PESTICIDE_TEXT)] == [
        ("单位", 100000),
        ("个人", 10000),
    ]
    unit = statutory_bounds(PESTICIDE_TEXT, {}, 1, party_kind="单位")
    person = statutory_bounds(PESTICIDE_TEXT, {}, 1, party_kind="个人")
    assert (unit.low, unit.high) == (50000, 100000)
    assert person.high == 10000
    both = statutory_bounds(PESTICIDE_TEXT, {}, 1)  # parties of both kinds: the envelope
    assert (both.low, both.high) == (None, 100000)


def test_a_cooperative_fined_at_the_individuals_level(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh30", "rf30c_05_*.yaml")
    assert cites_article(variant_findings(data, ctx), "discretion", PESTICIDE_60)
    data["parties"][0]["kind"] = "个人"
    data["parties"][0]["name"] = "梁某"
    data["parties"][0].pop("id_code", None)
    assert not cites_article(variant_findings(data, ctx), "discretion", PESTICIDE_60)


SAFETY_101 = "《中华人民共和国安全生产法》第一百零一条"


def test_a_quoted_penalty_clause_is_no_finding_of_its_condition(ctx: ReviewContext) -> None:
    """The file quotes 第一百零一条“逾期未改正的，责令停产停业整顿…” but records the
    correction within the time limit: the heavier tier's measure has no basis (law), and the
    fine above the lighter tier is that one defect, not a second one (discretion)."""
    data = set_file_data("review_fresh30", "rf30a_06_*.yaml")
    found = variant_findings(data, ctx)
    assert cites_article(found, "law", SAFETY_101)
    assert not cites_article(found, "discretion", SAFETY_101)
    data["facts"]["circumstances"].append("逾期未改正")
    data["facts"]["description"] += "复查时发现当事人逾期未改正。"
    found = variant_findings(data, ctx)
    assert not cites_article(found, "law", SAFETY_101)

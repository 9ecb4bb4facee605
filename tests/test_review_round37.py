"""Review round 37 (issue #18): what the blind review_fresh29 set found, fixed by rule.

- 当事人未承担听证费用 says no fee was charged;
- 使用童工人月数 is the count a rate per person and month multiplies, and with it the fixed
  rate is the floor too (禁止使用童工规定第六条);
- a labour inspection's own two-inspector duty (劳动保障监察条例第十六条第一款);
- 逾期不改正的，没收…；货值金额不足1万元的，并处… : the tiers after the condition are the
  condition's (医疗器械监督管理条例第八十四条);
- a 款 split by an amendment (道路运输条例第六十五条 2023: 机动车维修 given its own, lighter
  款) is compared with the 款 the facts tell;
- a guardian at the victim's questioning, or at the 告知, was not at the offender's;
- 超过食品添加剂最大使用量 is an exceedance the measurements must bear out;
- 到倾倒地点查看 is an inspection that needs its record;
- a department the 罚则 does not name breaches that 罚则 (第十七条 beside it).
Cases are variants of eval/sets/review_fresh29 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings, with_readings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import UNCORRECTED, fine_clauses

PENALTY_LAW = "《中华人民共和国行政处罚法》"
DEVICES_84 = (
    "有下列情形之一的，由负责药品监督管理的部门向社会公告单位和产品名称，责令限期改正；逾期不改正的，"
    "没收违法所得、违法生产经营的医疗器械；违法生产经营的医疗器械货值金额不足1万元的，并处1万元以上"
    "5万元以下罚款；货值金额1万元以上的，并处货值金额5倍以上20倍以下罚款：\n（一）生产、经营未经备案的"
    "第一类医疗器械；"
)


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def _event(data: dict, kind: str, date: str | None = None) -> dict:
    return next(
        e for e in data["events"] if e["type"] == kind and (date is None or str(e["date"]) == date)
    )


def test_tiers_after_the_condition_are_the_condition_s() -> None:
    clauses = fine_clauses(DEVICES_84)
    assert clauses and all(c.requires == UNCORRECTED for c in clauses)


def test_no_hearing_fee_charged(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh29", "rf29d_02_*.yaml")
    rule = PENALTY_LAW + "第六十三条第二款"
    assert not cites_article(variant_findings(data, ctx), "procedure", rule)
    hearing = _event(data, "听证")
    hearing["note"] = hearing["note"].replace("当事人未承担听证费用", "向当事人收取听证场地费300元")
    assert cites_article(variant_findings(data, ctx), "procedure", rule)


def test_child_labour_rate_per_person_month(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh29", "rf29c_11_*.yaml")
    rule = "《禁止使用童工规定》第六条"
    found = variant_findings(data, ctx)
    assert cites_article(found, "discretion", rule)
    assert cites_article(found, "qualification", "《劳动保障监察条例》第十六条")
    data["penalty"]["amount"] = 25_000
    data["facts"]["amounts"]["罚款"] = 25_000
    assert not cites_article(variant_findings(data, ctx), "discretion", rule)


def test_fine_without_the_order_the_tiers_need(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh29", "rf29d_04_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", "《医疗器械监督管理条例》第八十四条")


def test_lighter_paragraph_split_off_by_the_amendment(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh29", "rf29d_11_*.yaml")
    rule = PENALTY_LAW + "第三十七条"
    assert cites_article(variant_findings(data, ctx), "law", rule)
    data["penalty"]["amount"] = 8000  # within the new 款's 3000–10000
    data["facts"]["amounts"]["罚款"] = 8000
    assert not cites_article(variant_findings(data, ctx), "law", rule)


def test_victim_s_guardian_is_not_the_offender_s(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh29", "rf29c_10_*.yaml")
    rule = "《中华人民共和国治安管理处罚法》第八十四条第三款"
    assert cites_article(variant_findings(data, ctx), "procedure", rule)
    questioned = _event(data, "调查取证", "2023-11-05")
    questioned["note"] = "传唤黄梓轩到派出所办案区，其父亲到场，询问3小时并制作询问笔录"
    assert not cites_article(variant_findings(data, ctx), "procedure", rule)


def test_additive_within_its_limit_is_no_exceedance(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh29", "rf29d_07_*.yaml")
    rule = PENALTY_LAW + "第四十条"
    assert cites_article(variant_findings(data, ctx), "facts", rule)
    with_readings(data, 0.11)
    assert not cites_article(variant_findings(data, ctx), "facts", rule)


def test_going_to_look_at_the_site_is_an_inspection(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh29", "rf29b_11_*.yaml")
    rule = PENALTY_LAW + "第五十五条第二款"
    assert cites_article(variant_findings(data, ctx), "evidence", rule)


def test_wrong_department_breaches_the_sanction_clause(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh29", "rf29d_05_*.yaml")
    found = variant_findings(data, ctx)
    assert cites_article(found, "authority", "《娱乐场所管理条例》第四十五条")

"""Review round 33 (issue #18): what the blind review_fresh26 set found, fixed by rule.

- an accident-graded 罚则 (安全生产法第一百一十四条) cited at the item of another grade than
  the deaths / injuries / loss give (生产安全事故报告和调查处理条例第三条);
- 停产停业整顿 under a 罚则 that gives it only after 拒不执行 (安全生产法第一百零二条);
- a fire station (消防救援大队…消防救援站) deciding in its own name (第十九条);
- several fines in one article for different conduct (公司法2018年第一百九十八条) — the conduct
  the facts describe picks the range;
- a fine base recorded by its verb (欠缴社会保险费 for 欠缴数额), an income base against the
  tax record, a goods value against stock count plus sales, 52,000元 in YAML flow mappings;
- 案卷未记载主动供述或者立功 denies the whole list; 不属轻微 is no 轻微;
- 到场检查 with 现场未制作笔录 is an unrecorded inspection.
Cases are variants of eval/sets/review_fresh26 files."""

from __future__ import annotations

import pytest
import yaml
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.case_file import CaseFile, rejoin_thousands
from assistant.review.accident_level import accident_grade
from assistant.review.context import ReviewContext

WORK_SAFETY_114 = "《中华人民共和国安全生产法》第一百一十四条"
WORK_SAFETY_102 = "《中华人民共和国安全生产法》第一百零二条"
PENALTY_LAW_19 = "《中华人民共和国行政处罚法》第十九条"
COMPANY_198 = "《中华人民共和国公司法》第一百九十八条"
ARTICLE_40 = "《中华人民共和国行政处罚法》第四十条"
ARTICLE_33 = "《中华人民共和国行政处罚法》第三十三条"
ARTICLE_55 = "《中华人民共和国行政处罚法》第五十五条"
OCCUPATIONAL_71 = "《中华人民共和国职业病防治法》第七十一条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def _accident(deaths: int, loss: int) -> dict:
    data = set_file_data("review_fresh26", "rf26a_01_*.yaml")
    data["facts"]["quantities"] = {"死亡人数": deaths}
    data["facts"]["amounts"]["直接经济损失"] = loss
    return data


@pytest.mark.parametrize(
    ("deaths", "loss", "grade"),
    [(2, 4_600_000, "一般事故"), (3, 4_600_000, "较大事故"), (1, 12_000_000, "较大事故")],
)
def test_accident_grade_from_the_facts(deaths: int, loss: int, grade: str) -> None:
    found = accident_grade(CaseFile.model_validate(_accident(deaths, loss)))
    assert found is not None and found.grade == grade


def test_item_of_another_grade_is_flagged(ctx: ReviewContext) -> None:
    found = variant_findings(_accident(4, 3_000_000), ctx)
    assert ("law", f"{WORK_SAFETY_114}第一款第（二）项") in found


def test_item_of_the_same_grade_is_not(ctx: ReviewContext) -> None:
    assert not cites_article(variant_findings(_accident(2, 3_000_000), ctx), "law", WORK_SAFETY_114)


def _dust(circumstances: list[str]) -> dict:
    data = set_file_data("review_fresh26", "rf26a_11_*.yaml")
    data["facts"]["circumstances"] = circumstances
    return data


def test_shutdown_without_refusal(ctx: ReviewContext) -> None:
    assert cites_article(variant_findings(_dust(["首次检查发现"]), ctx), "law", WORK_SAFETY_102)


def test_shutdown_after_refusal(ctx: ReviewContext) -> None:
    found = variant_findings(_dust(["责令限期消除后拒不执行"]), ctx)
    assert not cites_article(found, "law", WORK_SAFETY_102)


def test_fire_station_in_its_own_name(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh26", "rf26a_07_*.yaml")
    data["agency"]["name"] = "江门市蓬江区消防救援大队棠下消防救援站"
    assert cites_article(variant_findings(data, ctx), "subject", PENALTY_LAW_19)


@pytest.mark.parametrize(("fine", "flagged"), [(600000, True), (400000, False)])
def test_conduct_picks_the_range(fine: int, flagged: bool, ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh26", "rf26c_02_*.yaml")
    data["penalty"]["amount"] = fine
    data["facts"]["amounts"] = {"罚款": fine}
    found = variant_findings(data, ctx)
    assert cites_article(found, "discretion", COMPANY_198) is flagged
    assert not cites_article(found, "facts", ARTICLE_40)  # no 虚报注册资本金额 is needed


def test_base_named_by_its_verb(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh26", "rf26d_06_*.yaml")
    assert not cites_article(variant_findings(data, ctx), "facts", ARTICLE_40)


@pytest.mark.parametrize(("income", "flagged"), [(520000, True), (460000, False)])
def test_income_base_against_the_tax_record(income: int, flagged: bool, ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh26", "rf26a_09_*.yaml")
    data["facts"]["amounts"]["主要负责人2023年度年收入"] = income
    assert cites_article(variant_findings(data, ctx), "facts", ARTICLE_40) is flagged


def test_goods_value_is_stock_plus_sales(ctx: ReviewContext) -> None:
    clean = set_file_data("review_fresh26", "rf26c_01_*.yaml")
    assert not cites_article(variant_findings(clean, ctx), "facts", ARTICLE_40)
    overstated = set_file_data("review_fresh26", "rf26c_08_*.yaml")
    assert cites_article(variant_findings(overstated, ctx), "facts", ARTICLE_40)


def test_thousands_in_flow_mappings_are_kept() -> None:
    text = "- {name: 库存清点表, note: 货值52,000元, date: 2023-05-10}\n- {n: 1,234,567元}"
    data = rejoin_thousands(yaml.safe_load(text))
    assert data[0] == {"name": "库存清点表", "note": "货值52,000元", "date": data[0]["date"]}
    assert data[1] == {"n": "1,234,567元"}


def test_denied_list_is_no_ground(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh26", "rf26d_03_*.yaml")
    assert cites_article(variant_findings(data, ctx), "discretion", OCCUPATIONAL_71)


def test_not_minor_is_no_exemption(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh26", "rf26a_02_*.yaml")
    assert not cites_article(variant_findings(data, ctx), "law", ARTICLE_33)


def test_unrecorded_call_out_inspection(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh26", "rf26b_09_*.yaml")
    assert cites_article(variant_findings(data, ctx), "evidence", ARTICLE_55)

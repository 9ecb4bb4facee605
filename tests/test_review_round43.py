"""Review round 43 (issue #18): review_fresh32's misses and false alarms after its blind score.

- a bare 超标倍数 is no multiple of the line's own metals when the evidence names the metal
  measured (总镍 8.4× is under 镍's ten times, whatever 铬 the narrative names); 无私设暗管
  denies the hidden pipe;
- 按日连续处罚 needs the order to correct first (环境保护法第五十九条第一款), and the 罚则's range
  bounds each day's fine, not the total; a decision restating the evidence's reading beside an
  earlier inspection's higher one is not contradicted by it;
- in a 治安 case a confession alone bars the decision (治安管理处罚法第九十三条);
- 饮酒后驾驶 punished on a breath test while the blood test is below the limit (第四十条);
- the range of a bare article written in one 款 cites that 款 (社会团体登记管理条例第三十条第二款);
- 由工商行政管理部门…根据…意见，责令 names the department (烟草专卖法实施条例第五十七条);
- 未责令其限期改正, and an order whose day had not come at the decision, leave a 逾期不改正 fine
  without its condition;
- a closure the law reserves to the government (安全生产法第一百一十五条), and 一百八十日内三次
  contradicted by the dated decisions in the evidence;
- 劳动保障监察条例第二十条's two years govern a labour inspection case;
- a 货值金额 below the file's own count × sale price.
Cases are variants of eval/sets/review_fresh32 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings, variant_flags

from assistant.review.context import ReviewContext

SET = "review_fresh32"
PENALTY_40 = "《中华人民共和国行政处罚法》第四十条"
ENVIRONMENT_59 = "《中华人民共和国环境保护法》第五十九条"
WATER_83 = "《中华人民共和国水污染防治法》第八十三条"
PUBLIC_ORDER_93 = "《中华人民共和国治安管理处罚法》第九十三条"
TOBACCO_57 = "《中华人民共和国烟草专卖法实施条例》第五十七条"
EQUIPMENT_83 = "《中华人民共和国特种设备安全法》第八十三条"
OCCUPATIONAL_72 = "《中华人民共和国职业病防治法》第七十二条"
SAFETY_115 = "《中华人民共和国安全生产法》第一百一十五条"
LABOUR_20 = "《劳动保障监察条例》第二十条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def _transfers(data: dict, ctx: ReviewContext) -> bool:
    return any(point == "transfer" for point, _ in variant_findings(data, ctx))


def test_nickel_under_its_own_ten_times(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf32a_02_*.yaml")
    assert not _transfers(data, ctx)
    report = next(e for e in data["evidence"] if e.get("measurements"))
    report["measurements"][0]["item"] = "总铬"  # 8.4 times the limit: over 铬's three
    assert _transfers(data, ctx)


def test_a_daily_penalty_without_the_order(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf32a_07_*.yaml")
    found = variant_findings(data, ctx)
    assert cites_article(found, "law", ENVIRONMENT_59)
    assert not cites_article(found, "discretion", WATER_83)  # 200000 a day, within the range
    assert not cites_article(found, "facts", PENALTY_40)  # 312 was the first inspection's
    data["facts"]["quantities"]["计罚日数"] = 2  # 1500000 a day
    assert cites_article(variant_findings(data, ctx), "discretion", WATER_83)


def test_a_confession_alone_in_a_public_order_case(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf32b_06_*.yaml")
    assert cites_article(variant_findings(data, ctx), "evidence", PUBLIC_ORDER_93)
    data["evidence"].append(
        {
            "type": "电子数据",
            "name": "旅馆业治安管理信息系统登记记录",
            "source": "旅馆业系统",
            "obtained_by": "调取",
            "date": "2025-03-18",
        }
    )
    assert not cites_article(variant_findings(data, ctx), "evidence", PUBLIC_ORDER_93)


def test_a_blood_test_below_the_limit(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf32b_09_*.yaml")
    assert cites_article(variant_findings(data, ctx), "facts", PENALTY_40)
    blood = next(e for e in data["evidence"] if "血液" in e["name"])
    blood["measurements"][0]["value"] = 25
    assert not cites_article(variant_findings(data, ctx), "facts", PENALTY_40)


def test_the_paragraph_that_writes_the_range(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf32b_11_*.yaml")
    rules = {f.rule for f in variant_flags(data, ctx) if f.point.value == "discretion"}
    assert "《社会团体登记管理条例》第三十条第二款" in rules


def test_the_market_regulator_s_tobacco_penalty(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf32c_04_*.yaml")
    assert cites_article(variant_findings(data, ctx), "authority", TOBACCO_57)
    data["agency"]["name"] = "江门市蓬江区市场监督管理局"
    assert not cites_article(variant_findings(data, ctx), "authority", TOBACCO_57)


def test_never_ordered_to_correct(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf32c_05_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", EQUIPMENT_83)


def test_an_order_whose_day_had_not_come(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf32d_08_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", OCCUPATIONAL_72)


def test_a_closure_reserved_and_a_repeat_window(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf32d_10_*.yaml")
    found = variant_findings(data, ctx)
    assert cites_article(found, "authority", SAFETY_115)
    assert cites_article(found, "facts", PENALTY_40)
    assert not cites_article(found, "law", "《中华人民共和国行政处罚法》第三十八条")
    third = next(e for e in data["evidence"] if "26号" in e["name"])
    third["name"] = third["name"].replace("2023-10-20", "2023-07-20")  # 160 days after the first
    assert not cites_article(variant_findings(data, ctx), "facts", PENALTY_40)


def test_labour_inspection_s_own_limitation(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf32d_11_*.yaml")
    assert cites_article(variant_findings(data, ctx), "procedure", LABOUR_20)


def test_goods_value_below_count_times_price(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf32c_10_*.yaml")
    assert cites_article(variant_findings(data, ctx), "facts", PENALTY_40)
    data["facts"]["amounts"]["货值金额"] = 11760
    assert not cites_article(variant_findings(data, ctx), "facts", PENALTY_40)

"""Review round 38 (issue #18): two more of review_fresh29's misses, by rule.

- a 街道办事处 or 镇人民政府 holds its 第二十四条 powers for its own 街道 or 镇: a place named in
  another one after the same county is outside its territory (第二十二条);
- a 罚则 with a correctable and an uncorrectable branch applied by the first where the file finds
  the second (城乡规划法第六十四条);
- a food test report made after the laboratory's accreditation lapsed, as the file records it,
  rests on no qualified laboratory (食品安全法第八十四条第一款).
Cases are variants of eval/sets/review_fresh29 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import same_base
from assistant.review.territory import Placement, placement

TERRITORY = "《中华人民共和国行政处罚法》第二十二条"
FOOD_84 = "《中华人民共和国食品安全法》第八十四条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize(
    ("region", "place", "where"),
    [
        ("江门市蓬江区白沙街道", "江门市蓬江区环市街道丰雅村", Placement.OUTSIDE),
        ("台山市台城街道", "台山市台城街道舜德路66号", Placement.INSIDE),
        ("鹤山市共和镇", "鹤山市共和镇与址山镇交界处", Placement.INSIDE),
        ("江门市蓬江区", "江门市蓬江区环市街道", Placement.INSIDE),
        ("江门市台山市某镇", "台山市某镇墟镇新街某号", Placement.INSIDE),
        ("鹤山市共和镇", "鹤山市址山镇某村", Placement.OUTSIDE),
    ],
)
def test_a_town_s_own_area(region: str, place: str, where: Placement) -> None:
    assert placement(region, place)[0] is where


def test_street_office_outside_its_street(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh29", "rf29b_11_*.yaml")
    assert cites_article(variant_findings(data, ctx), "authority", TERRITORY)
    data["violation"]["place"] = "江门市蓬江区白沙街道丰雅村委会辖区内闲置地块"
    assert not cites_article(variant_findings(data, ctx), "authority", TERRITORY)


def test_report_of_a_laboratory_whose_accreditation_lapsed(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh29", "rf29d_09_*.yaml")
    assert cites_article(variant_findings(data, ctx), "evidence", FOOD_84)
    for item in data["evidence"]:
        if "资质认定" in item["name"]:
            item["note"] = "证书有效期至2024年1月18日，已延续至2030年1月17日"
    assert not cites_article(variant_findings(data, ctx), "evidence", FOOD_84)


def test_uncorrectable_building_given_the_correctable_branch(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh29", "rf29b_10_*.yaml")
    rule = "《中华人民共和国城乡规划法》第六十四条"
    assert cites_article(variant_findings(data, ctx), "law", rule)
    facts = data["facts"]
    facts["description"] = facts["description"].replace(
        "拟责令当事人于2024年6月30日前补办规划许可手续，并处工程造价8%罚款122400元",
        "拟责令当事人于2024年6月30日前自行拆除，并处工程造价8%罚款122400元",
    )
    assert not cites_article(variant_findings(data, ctx), "law", rule)


def test_fund_loss_is_the_loss_the_article_multiplies() -> None:
    """造成损失金额 (医疗保障基金使用监督管理条例第三十八条) is the 医保基金损失 a file records
    (found on review_fresh30, written after this session's other rounds)."""
    assert same_base("医保基金损失合计", "造成损失金额")
    assert same_base("医疗保障基金损失金额（元）", "造成损失金额")
    assert not same_base("退回金额", "造成损失金额")


def test_an_impossible_validity_date_is_left_alone(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh29", "rf29d_09_*.yaml")
    for item in data["evidence"]:
        if "资质认定" in item["name"]:
            item["note"] = "证书有效期至2024年2月30日"
    assert not cites_article(variant_findings(data, ctx), "evidence", FOOD_84)

"""Review round 42 (issue #18): review_fresh31's remaining misses and one false alarm, by rule.

- a 处罚依据 numbered as before an amendment in force on the act date (网吧条例2019年第三十二条,
  2022年起为第三十三条) applied the superseded law (行政处罚法第三十七条);
- a lighter new 罚则 that moved to another number (道路运输条例2022年第六十九条第（三）项 → 2023年
  第六十八条第一款第（二）项) is still the lighter new law;
- 暂扣车辆 is a 扣押 whose thirty days run as any other (行政强制法第二十五条);
- a field's own territorial rule (特种设备安全监督检查办法第三十二条, 劳动保障监察条例第十三条) and
  withdrawal rule (劳动保障监察条例第十六条第二款) are cited before the general ones;
- 持有…颁发的资质证书 names the issuing organ (建设工程质量管理条例第七十五条);
- 处…货值金额一倍以下罚款 with a carrier's fines after it (动物防疫法第一百条) caps the owner's fine;
- a measured value above its floor (发芽率83%, 不低于80%) is no shortfall (行政处罚法第四十条);
- 禁渔期电鱼 and 西地那非 in food are crimes whatever the quantity;
- a lawful source the findings establish leaves only 责令停止销售 (商标法第六十条第二款);
- terrestrial wildlife is the forestry department's (野生动物保护法第七条第二款);
- a department clause cited beside the 罚则 (职业病防治法第八十七条) is no second 罚则.
Cases are variants of eval/sets/review_fresh31 files."""

from __future__ import annotations

import json

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext

PENALTY_37 = "《中华人民共和国行政处罚法》第三十七条"
PENALTY_38 = "《中华人民共和国行政处罚法》第三十八条"
PENALTY_40 = "《中华人民共和国行政处罚法》第四十条"
COERCION_25 = "《中华人民共和国行政强制法》第二十五条"
BOILER_32 = "《特种设备安全监督检查办法》第三十二条"
LABOUR_13 = "《劳动保障监察条例》第十三条"
LABOUR_16 = "《劳动保障监察条例》第十六条"
QUALITY_75 = "《建设工程质量管理条例》第七十五条"
ANIMAL_100 = "《中华人民共和国动物防疫法》第一百条"
TRADEMARK_60 = "《中华人民共和国商标法》第六十条"
WILDLIFE_7 = "《中华人民共和国野生动物保护法》第七条"
FISHING_RULE = (
    "《最高人民法院、最高人民检察院关于办理破坏野生动物资源刑事案件适用法律若干问题的解释》"
)


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_an_article_numbered_as_before_the_amendment(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh31", "rf31d_07_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", PENALTY_37)
    data["citations"]["penalty_basis"] = ["《互联网上网服务营业场所管理条例》第三十三条"]
    assert not cites_article(variant_findings(data, ctx), "law", PENALTY_37)


def test_a_lighter_new_sanction_under_another_number(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh31", "rf31b_07_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", PENALTY_37)
    data["penalty"]["amount"] = 1800  # within the new 1000–2000
    assert not cites_article(variant_findings(data, ctx), "law", PENALTY_37)


def test_a_vehicle_held_past_thirty_days(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh31", "rf31b_01_*.yaml")
    assert cites_article(variant_findings(data, ctx), "procedure", COERCION_25)
    data["events"].append(
        {
            "type": "调查取证",
            "date": "2024-06-10",
            "note": "经局负责人批准延长暂扣期限三十日，书面告知当事人",
        }
    )
    assert not cites_article(variant_findings(data, ctx), "procedure", COERCION_25)


@pytest.mark.parametrize(
    ("pattern", "rule"), [("rf31a_09_*.yaml", BOILER_32), ("rf31d_10_*.yaml", LABOUR_13)]
)
def test_a_field_s_own_territorial_rule(ctx: ReviewContext, pattern: str, rule: str) -> None:
    data = set_file_data("review_fresh31", pattern)
    assert cites_article(variant_findings(data, ctx), "authority", rule)
    data["agency"]["designated_jurisdiction"] = "江门市上级主管部门指定管辖"
    assert not cites_article(variant_findings(data, ctx), "authority", rule)


@pytest.mark.parametrize(
    ("pattern", "point", "rule", "told", "retold"),
    [
        # an inspector married to the complainant withdraws under the field's own rule
        ("rf31d_10_*.yaml", "qualification", LABOUR_16, "，为本案监察员甘卓文的配偶", ""),
        # 持有…颁发的资质证书 names the issuing organ
        (
            "rf31b_03_*.yaml",
            "authority",
            QUALITY_75,
            "广东省住房和城乡建设厅颁发",
            "台山市住房和城乡建设局颁发",
        ),
    ],
    ids=["inspector_married_to_complainant", "issuer_of_certificate_held"],
)
def test_a_finding_told_in_the_facts(
    ctx: ReviewContext, pattern: str, point: str, rule: str, told: str, retold: str
) -> None:
    data = set_file_data("review_fresh31", pattern)
    assert cites_article(variant_findings(data, ctx), point, rule)
    data["facts"]["description"] = data["facts"]["description"].replace(told, retold)
    assert not cites_article(variant_findings(data, ctx), point, rule)


def test_a_multiple_capped_at_the_goods_value(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh31", "rf31c_11_*.yaml")
    assert cites_article(variant_findings(data, ctx), "discretion", ANIMAL_100)
    data["penalty"]["amount"] = 150000
    assert not cites_article(variant_findings(data, ctx), "discretion", ANIMAL_100)


def test_a_value_above_its_floor_is_no_shortfall(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh31", "rf31c_06_*.yaml")
    assert cites_article(variant_findings(data, ctx), "facts", PENALTY_40)
    report = next(e for e in data["evidence"] if e.get("measurements"))
    report["measurements"][0]["value"] = 78
    assert not cites_article(variant_findings(data, ctx), "facts", PENALTY_40)


def test_electrofishing_in_the_closed_season(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh31", "rf31c_04_*.yaml")
    assert cites_article(variant_findings(data, ctx), "transfer", FISHING_RULE)
    data = json.loads(json.dumps(data, ensure_ascii=False, default=str).replace("电鱼", "地笼网"))
    assert not cites_article(variant_findings(data, ctx), "transfer", FISHING_RULE)


def test_a_drug_added_to_candy(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh31", "rf31a_06_*.yaml")
    assert cites_article(
        variant_findings(data, ctx), "transfer", "《中华人民共和国刑法》第一百四十四条"
    )


def test_a_lawful_source_leaves_only_the_stop_order(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh31", "rf31a_11_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", TRADEMARK_60)
    data["facts"]["description"] = data["facts"]["description"].replace(
        "现有证据不能证明当事人明知或应知系侵权商品", "当事人明知系侵权商品仍予销售"
    )
    assert not cites_article(variant_findings(data, ctx), "law", TRADEMARK_60)


def test_terrestrial_wildlife_is_the_forestry_department_s(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh31", "rf31c_10_*.yaml")
    assert cites_article(variant_findings(data, ctx), "authority", WILDLIFE_7)
    data["agency"]["name"] = "江门市林业和园林局"
    assert not cites_article(variant_findings(data, ctx), "authority", WILDLIFE_7)


def test_a_department_clause_beside_the_sanction(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh31", "rf31d_04_*.yaml")
    assert not cites_article(variant_findings(data, ctx), "law", PENALTY_38)
    data["citations"]["penalty_basis"] = ["《中华人民共和国职业病防治法》第八十七条"]
    assert cites_article(variant_findings(data, ctx), "law", PENALTY_38)

"""Review round 47 (issue #18): a miss left by round 46 and review_fresh35's blind score.

- a flaw the file finds harmless (标签存在瑕疵但不影响质量安全且不会对消费者造成误导) has its own 款,
  which fines only 拒不改正 (化妆品监督管理条例第六十一条第二款);
- 未经复查确认逾期不改正 and a quoted tier (按"逾期不改正的，处…"档) establish no refusal;
- a laboratory whose accreditation (考核合格) lapsed, in any field whose law admits only
  accredited laboratories (种子法第四十七条第二款, found in the corpus);
- a field's own two-inspector rule (医疗保障基金使用监督管理条例第二十九条第一款);
- 由原发证机关吊销 decides only the 吊销: the fine is the named department's (放射条例第五十二条);
- a physician holding 医师资格 is no 未取得医生执业资格的人 (非法行医 transfer line);
- the parts' total (广告费用合计) is the base, not the first part;
- 5,000 illegal books reach the 非法经营 line (1998 非法出版物解释第十三条);
- a contested rapid test with no laboratory report (食品安全法第一百一十二条第二款);
- a 市场监督管理所 fining a company in its own name (工商行政管理所条例第八条第一款);
- an issuer named in brackets (二级资质（广东省住房和城乡建设厅颁发）);
- an article fining two kinds of party on two bases: the file's recorded base is its party's.
Cases are variants of eval/sets/review_fresh34 and review_fresh35 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext

COSMETICS_61_2 = "《化妆品监督管理条例》第六十一条第二款"
F34 = "review_fresh34"
F35 = "review_fresh35"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_a_harmless_label_flaw_has_its_own_paragraph(ctx: ReviewContext) -> None:
    data = set_file_data(F34, "rf34c_08_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", COSMETICS_61_2)


def test_a_refusal_to_correct_meets_the_paragraph(ctx: ReviewContext) -> None:
    data = set_file_data(F34, "rf34c_08_*.yaml")
    data["facts"]["circumstances"].append("经责令改正后拒不改正")
    assert not cites_article(variant_findings(data, ctx), "law", COSMETICS_61_2)


def test_a_misleading_label_is_no_harmless_flaw(ctx: ReviewContext) -> None:
    data = set_file_data(F34, "rf34c_08_*.yaml")
    data["facts"]["description"] = data["facts"]["description"].replace(
        "也不会对消费者造成误导", "但足以对消费者造成误导"
    )
    data["facts"]["circumstances"] = ["产品已备案并检验合格", "初次违法"]
    assert not cites_article(variant_findings(data, ctx), "law", COSMETICS_61_2)


def test_a_denied_refusal_is_no_finding_of_it(ctx: ReviewContext) -> None:
    # 未经复查确认逾期不改正 / 按"逾期不改正的，处…"档确定: neither establishes 逾期不改正, so
    # the fine in that tier is not an unproven fact; the file says no order came first, so it
    # is the tier applied without its ground (law, round 68), not a second facts finding
    found = variant_findings(set_file_data(F35, "rf35a_05_*.yaml"), ctx)
    assert cites_article(found, "law", "《中华人民共和国动物防疫法》第九十二条")
    assert not cites_article(found, "facts", "《中华人民共和国行政处罚法》第四十条")


def test_a_laboratory_whose_field_accreditation_lapsed(ctx: ReviewContext) -> None:
    data = set_file_data(F35, "rf35a_06_*.yaml")
    rule = "《中华人民共和国种子法》第四十七条"
    assert cites_article(variant_findings(data, ctx), "evidence", rule)
    for item in data["evidence"]:
        item.pop("note", None)
    assert not cites_article(variant_findings(data, ctx), "evidence", rule)


def test_a_field_s_own_two_inspector_rule(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F35, "rf35b_10_*.yaml"), ctx)
    assert cites_article(found, "qualification", "《医疗保障基金使用监督管理条例》第二十九条")


def test_the_issuing_organ_decides_only_the_revocation(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F35, "rf35b_06_*.yaml"), ctx)
    rule = "《放射性同位素与射线装置安全和防护条例》第五十二条"
    assert cites_article(found, "authority", rule)


def test_a_physician_is_no_unqualified_practitioner(ctx: ReviewContext) -> None:
    transfer = "《中华人民共和国刑法》第三百三十六条"
    assert not cites_article(
        variant_findings(set_file_data(F35, "rf35b_03_*.yaml"), ctx), "transfer", transfer
    )
    assert cites_article(
        variant_findings(set_file_data(F35, "rf35b_02_*.yaml"), ctx), "transfer", transfer
    )


def test_the_parts_total_is_the_base(ctx: ReviewContext) -> None:
    data = set_file_data(F35, "rf35d_02_*.yaml")
    rule = "《中华人民共和国广告法》第五十五条"
    assert not cites_article(variant_findings(data, ctx), "discretion", rule)
    del data["facts"]["amounts"]["广告费用合计"]
    assert cites_article(variant_findings(data, ctx), "discretion", rule)


def test_illegal_publications_by_the_thousand(ctx: ReviewContext) -> None:
    data = set_file_data(F35, "rf35c_05_*.yaml")
    rule = "《中华人民共和国刑法》第二百二十五条"
    assert cites_article(variant_findings(data, ctx), "transfer", rule)
    data["facts"]["quantities"] = {"图书册数": 800, "已售册数": 300, "扣押册数": 500}
    assert not cites_article(variant_findings(data, ctx), "transfer", rule)


def test_a_contested_rapid_test_alone(ctx: ReviewContext) -> None:
    data = set_file_data(F35, "rf35d_07_*.yaml")
    rule = "《中华人民共和国食品安全法》第一百一十二条"
    assert cites_article(variant_findings(data, ctx), "evidence", rule)
    data["evidence"].append(
        {
            "type": "鉴定意见",
            "name": "豇豆灭蝇胺残留检验报告",
            "source": "江门市食品检验所",
            "obtained_by": "抽样送检",
            "date": "2022-11-15",
        }
    )
    assert not cites_article(variant_findings(data, ctx), "evidence", rule)


def test_a_market_station_fining_a_company(ctx: ReviewContext) -> None:
    data = set_file_data(F35, "rf35d_04_*.yaml")
    rule = "《工商行政管理所条例》第八条"
    assert cites_article(variant_findings(data, ctx), "authority", rule)
    data["parties"][0]["kind"] = "个人"  # an 个体工商户 is fined as its operator
    assert not cites_article(variant_findings(data, ctx), "authority", rule)


def test_the_issuer_named_in_brackets(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F35, "rf35c_10_*.yaml"), ctx)
    assert cites_article(found, "authority", "《建设工程质量管理条例》第七十五条")
    assert not cites_article(found, "authority", "《中华人民共和国行政处罚法》第十七条")


def test_the_base_of_the_party_s_own_clause(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F35, "rf35c_10_*.yaml"), ctx)
    assert not cites_article(found, "facts", "《中华人民共和国行政处罚法》第四十条")

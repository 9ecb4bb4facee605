"""Review round 29, engineer h1 (issue #18): law versions and limitation.

- a lower 罚则 (行政法规) fining an act a law fines otherwise: the law's 罚则 applies (上位法);
- an amended 罚则 whose threshold clause (货值金额不足1万元的) is lighter for the case, and a
  罚则 item cited by the numbering of an amendment not yet in force (行政处罚法第三十七条);
- a fine whose 罚则 needs 逾期不补办手续 after an order that was never made;
- a cited special law's own limitation period (税收征收管理法第八十六条) over the general two
  years, and a 罚则 written "…的，除依法承担民事责任外，由…部门…处" read as a 罚则.
Cases are variants (other names, dates, amounts, wording) of eval/sets/review_fresh24 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext

PENALTY_LAW_37 = ("law", "《中华人民共和国行政处罚法》第三十七条")
WORK_SAFETY_114 = "《中华人民共和国安全生产法》第一百一十四条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _accident(basis: str, amount: int) -> dict:
    data = set_file_data("review_fresh24", "rf24a_03_*.yaml")
    data["parties"][0]["name"] = "恩平市某五金制品有限公司"
    data["violation"]["description"] = (
        "未组织岗前安全培训，员工操作冲床时被压伤致死，对事故负有责任"
    )
    data["facts"]["description"] = (
        f"事故调查报告认定为一般生产安全责任事故，死亡1人，拟罚款{amount}元。"
    )
    data["citations"]["penalty_basis"] = [basis]
    data["penalty"]["amount"] = amount
    return data


def test_regulation_fine_under_higher_law_is_flagged(ctx: ReviewContext) -> None:
    found = variant_findings(
        _accident("《生产安全事故报告和调查处理条例》第三十七条第（一）项", 180000), ctx
    )
    assert cites_article(found, "law", WORK_SAFETY_114)


def test_higher_law_cited_is_not_flagged(ctx: ReviewContext) -> None:
    """Negative: the decision applies the law's own 罚则."""
    found = variant_findings(
        _accident("《中华人民共和国安全生产法》第一百一十四条第一款第（一）项", 400000), ctx
    )
    assert not cites_article(found, "law", WORK_SAFETY_114)


def _ccc(value: int, fine: int) -> dict:
    data = set_file_data("review_fresh24", "rf24c_06_*.yaml")
    data["parties"][0]["name"] = "开平市明亮灯饰商行"
    data["violation"]["description"] = "销售列入强制性产品认证目录、未获CCC认证的LED台灯"
    data["facts"]["description"] = f"经查，货值金额{value}元。"
    data["facts"]["amounts"] = {"货值金额": value, "违法所得": 900}
    data["penalty"]["amount"] = fine
    return data


def test_lighter_threshold_clause_of_amended_rule(ctx: ReviewContext) -> None:
    assert PENALTY_LAW_37 in variant_findings(_ccc(8200, 60000), ctx)


def test_value_over_threshold_keeps_old_range(ctx: ReviewContext) -> None:
    """Negative: 货值 over 1万元 — the new text fines it as the old did (5万–20万)."""
    assert PENALTY_LAW_37 not in variant_findings(_ccc(15000, 60000), ctx)


def _netbar(basis: str) -> dict:
    data = set_file_data("review_fresh24", "rf24d_06_*.yaml")
    data["parties"][0]["name"] = "江门市新会区飞越网络会所"
    data["violation"]["description"] = "未核对上网消费者身份证件，允许2名未登记人员上网"
    data["citations"]["penalty_basis"] = [basis]
    return data


def test_item_cited_by_later_numbering(ctx: ReviewContext) -> None:
    found = variant_findings(_netbar("《互联网上网服务营业场所管理条例》第三十三条第（三）项"), ctx)
    assert PENALTY_LAW_37 in found


def test_item_cited_by_act_date_numbering(ctx: ReviewContext) -> None:
    """Negative: the 2019 numbering (第三十二条第（三）项) in force on the act date."""
    found = variant_findings(_netbar("《互联网上网服务营业场所管理条例》第三十二条第（三）项"), ctx)
    assert PENALTY_LAW_37 not in found


SOIL_53 = "《中华人民共和国水土保持法》第五十三条"


def test_fine_without_order_to_complete_procedures(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh24", "rf24b_11_*.yaml")
    data["parties"][0]["name"] = "台山市海宴文旅开发有限公司"
    data["facts"]["description"] = (
        "经查，当事人的度假村项目未编制水土保持方案即开工，本局决定罚款6万元。"
    )
    data["penalty"]["amount"] = 60000
    assert cites_article(variant_findings(data, ctx), "law", SOIL_53)


def test_fine_after_order_not_flagged(ctx: ReviewContext) -> None:
    """Negative: the file records the order and the party's failure to comply."""
    data = set_file_data("review_fresh24", "rf24b_11_*.yaml")
    data["facts"]["description"] = (
        "经查，当事人未编制水土保持方案即开工。本局于2024年6月13日责令其限期补办手续，"
        "逾期未补办，本局决定罚款8万元。"
    )
    data["documents"].append({"type": "责令限期补办手续通知书", "date": "2024-06-13"})
    assert not cites_article(variant_findings(data, ctx), "law", SOIL_53)


LIMITATION = "《中华人民共和国行政处罚法》第三十六条"


def _tax(ended: str) -> dict:
    """The late-filing file with the act ending on ``ended`` (found 2024-10-15)."""
    data = set_file_data("review_fresh24", "rf24d_04_*.yaml")
    data["parties"][0]["name"] = "江门市粤兴贸易有限公司"
    data["violation"]["date"] = ended
    data["violation"]["end_date"] = ended
    return data


def test_tax_five_years_not_expired(ctx: ReviewContext) -> None:
    found = variant_findings(_tax("2020-03-15"), ctx)
    assert not cites_article(found, "procedure", LIMITATION)
    assert not cites_article(found, "procedure", "《中华人民共和国税收征收管理法》第八十六条")


def test_tax_past_five_years_is_flagged(ctx: ReviewContext) -> None:
    """Negative: found more than five years after the act ended — the special period has run."""
    found = variant_findings(_tax("2019-04-20"), ctx)
    assert cites_article(found, "procedure", "《中华人民共和国税收征收管理法》第八十六条")


def test_civil_liability_clause_sanction_is_a_penalty_norm(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh24", "rf24c_08_*.yaml")
    data["parties"][0]["name"] = "中山市光华照明电器厂"
    data["penalty"]["amount"] = 20000
    found = variant_findings(data, ctx)
    assert not cites_article(found, "law", "《中华人民共和国行政处罚法》第三十八条")


def test_regulation_within_the_law_range_is_not_flagged(ctx: ReviewContext) -> None:
    """Negative: 价格违法行为行政处罚规定 specifies the fine 价格法第四十条 leaves open (没有违法所得);
    a regulation within the law's range is no conflict (行政处罚法第十一条第二款)."""
    data = set_file_data("review_fresh6", "19_shijian_jiage_congqing.yaml")
    data["parties"][0]["name"] = "佛山市顺德区美居家具商行"
    data["penalty"]["amount"] = 300000
    assert not cites_article(variant_findings(data, ctx), "law", "《中华人民共和国价格法》第四十条")

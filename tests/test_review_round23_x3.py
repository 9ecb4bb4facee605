"""Review round 23, class x3 (issue #18): transfer lines for 伪劣农药/兽药/化肥/种子 under 刑法第一百四十九条
第一款 and for 假冒注册商标 (刑法第二百一十三条, 第二百一十四条; 2004 两高知识产权解释第一条、第二条); in a 治安
case the victim is a 当事人 for recusal (治安管理处罚法第八十一条第一款) and a file stating it holds no record of
the family notice is a 第九十七条第一款 finding. Cases are variants (other names, amounts, wording) of
eval/sets/review_fresh19 and review_fresh18 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

TRANSFER = ("transfer", "《中华人民共和国行政处罚法》第二十七条第一款")
RECUSAL = ("qualification", "《中华人民共和国治安管理处罚法》第八十一条第一款")
FAMILY = ("procedure", "《中华人民共和国治安管理处罚法》第九十七条第一款")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


# --- 刑法第一百四十九条第一款: 伪劣农资, 销售金额五万元以上 ---------------------------------


def _farm_input(product: str, sales: int) -> dict:
    data = set_file_data("review_fresh19", "rf19d_07_*.yaml")
    data["violation"]["description"] = f"经营经检验不合格的{product}"
    data["facts"]["description"] = (
        f"当事人从外地业务员处购进标称某品牌产品，已全部售出，销售金额{sales}元。"
        f"经检验该产品有效成分含量不足标示值的一半，属{product}。"
    )
    data["facts"]["amounts"] = {"销售金额": sales, "违法所得": sales}
    data["facts"]["circumstances"] = []
    return data


@pytest.mark.parametrize(
    ("product", "sales"), [("假农药", 51000), ("劣质兽药", 88000), ("伪劣化肥", 120000)]
)
def test_fake_farm_inputs_over_fifty_thousand_are_transferred(
    ctx: ReviewContext, product: str, sales: int
) -> None:
    assert TRANSFER in variant_findings(_farm_input(product, sales), ctx)


def test_fake_farm_inputs_under_the_line_stay_administrative(ctx: ReviewContext) -> None:
    assert TRANSFER not in variant_findings(_farm_input("假农药", 42000), ctx)


# --- 刑法第二百一十三条、第二百一十四条: 假冒注册商标 ---------------------------------------------


def _trademark(amounts: dict[str, int]) -> dict:
    data = set_file_data("review_fresh18", "rf18c_08_*.yaml")
    data["violation"]["description"] = (
        "未经商标注册人许可，在运动鞋上使用与“耐克”注册商标相同的商标并对外销售"
    )
    data["facts"]["description"] = (
        "当事人在其作坊内将“耐克”商标印制在运动鞋上对外销售，经商标注册人鉴定均为假冒。"
    )
    data["facts"]["amounts"] = amounts
    return data


@pytest.mark.parametrize(
    "amounts",
    [{"非法经营数额": 62000, "违法所得": 9000}, {"非法经营数额": 41000, "违法所得": 31000}],
)
def test_counterfeit_trademark_over_the_line_is_transferred(
    ctx: ReviewContext, amounts: dict[str, int]
) -> None:
    assert TRANSFER in variant_findings(_trademark(amounts), ctx)


def test_counterfeit_trademark_under_the_line_stays_administrative(ctx: ReviewContext) -> None:
    found = variant_findings(_trademark({"非法经营数额": 41000, "违法所得": 12000}), ctx)
    assert TRANSFER not in found


def _selling(sales: int) -> dict:
    data = _trademark({"销售金额": sales})
    data["violation"]["description"] = "销售假冒“耐克”注册商标的运动鞋"
    data["facts"]["description"] = (
        f"当事人明知是假冒注册商标的商品仍在其门店销售，销售金额{sales}元。"
    )
    data["citations"]["violated"] = ["《中华人民共和国商标法》第五十七条第（三）项"]
    return data


def test_selling_counterfeit_goods_over_fifty_thousand_is_transferred(ctx: ReviewContext) -> None:
    assert TRANSFER in variant_findings(_selling(56000), ctx)
    assert TRANSFER not in variant_findings(_selling(36000), ctx)


# --- 治安管理处罚法第八十一条第一款: the victim is a 当事人 -------------------------------------


def _assault(note: str) -> dict:
    data = set_file_data("review_fresh19", "rf19c_11_*.yaml")
    data["officers"][0]["name"] = "黄建国"
    data["events"][1]["officers"] = ["黄建国", data["officers"][1]["name"]]
    data["events"][1]["note"] = note
    return data


@pytest.mark.parametrize(
    "note",
    [
        "询问受害人黄某（系办案民警黄建国之妹），调取监控",
        "被害人李某某的丈夫即承办民警黄建国，询问李某某",
    ],
)
def test_officer_kin_of_the_victim_must_withdraw(ctx: ReviewContext, note: str) -> None:
    assert RECUSAL in variant_findings(_assault(note), ctx)


def test_officer_unrelated_to_the_victim_is_no_recusal_finding(ctx: ReviewContext) -> None:
    assert RECUSAL not in variant_findings(_assault("询问被侵害人黄某，调取监控"), ctx)


# --- 治安管理处罚法第九十七条第一款: no record of the family notice ------------------------------


@pytest.mark.parametrize(
    ("note", "flagged"),
    [
        ("送拘留所执行；未见通知其家属的回执", True),
        ("送拘留所执行；卷内缺少通知被处罚人家属的记录", True),
        ("送拘留所执行；当日电话通知其妻子", False),
    ],
)
def test_family_notice_record_missing(ctx: ReviewContext, note: str, flagged: bool) -> None:
    data = set_file_data("review_fresh19", "rf19c_11_*.yaml")
    data["events"][-1]["note"] = note
    assert (FAMILY in variant_findings(data, ctx)) is flagged


# --- 行政处罚法第十七条: a 生态环境分局 (派出机构) deciding in its own name ----------------------

SUBJECT = ("subject", "《中华人民共和国行政处罚法》第十七条")


@pytest.mark.parametrize(
    ("name", "flagged"),
    [
        ("佛山市生态环境局顺德分局", True),
        ("茂名市生态环境局信宜分局", True),
        ("江门市生态环境局", False),
        ("广州市公安局天河区分局", False),
    ],
)
def test_environment_branch_is_no_subject(ctx: ReviewContext, name: str, flagged: bool) -> None:
    data = set_file_data("review_fresh19", "rf19b_11_*.yaml")
    data["agency"]["name"] = name
    assert (SUBJECT in variant_findings(data, ctx)) is flagged


def test_environment_branch_acting_in_the_city_bureau_name_is_lawful(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh19", "rf19b_11_*.yaml")
    data["agency"]["name"] = "佛山市生态环境局顺德分局"
    data["agency"]["acts_in_name_of"] = "佛山市生态环境局"
    assert SUBJECT not in variant_findings(data, ctx)

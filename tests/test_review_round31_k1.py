"""Review round 31, engineer k1 (issue #18): two false must_fix flags on clean files.

- a decision not to punish (不予/免予行政处罚决定书, nothing imposed) need not state the items
  only a penalty has — its kind and basis, how and when it is performed (行政处罚法第五十九条
  第一款第（三）（四）项); it still states the party, facts, reasons, remedies, organ and date;
- a lower 罚则 and a law's 罚则 are the same act (上位法 prevails) only when their conduct
  clauses share the act's key terms: 无证生产 (工业产品生产许可证管理条例第四十五条) is not
  销售失效、变质的产品 (产品质量法第五十二条).
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh25/24 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext

DECISION_CONTENTS = "《中华人民共和国行政处罚法》第五十九条"
PRODUCT_QUALITY_52 = "《中华人民共和国产品质量法》第五十二条"
WORK_SAFETY_114 = "《中华人民共和国安全生产法》第一百一十四条"
NO_PENALTY_CONTENTS = [
    "当事人名称及住所",
    "违反法律、法规、规章的事实和证据",
    "不予行政处罚的理由和依据",
    "申请行政复议、提起行政诉讼的途径和期限",
    "作出决定的行政机关名称和作出决定的日期",
]


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _not_punished(title: str, contents: list[str]) -> dict:
    data = set_file_data("review_fresh25", "rf25b_10_*.yaml")
    data["parties"][0]["name"] = "江门市蓬江区百佳生鲜超市有限公司"
    data["violation"]["description"] = "销售毒死蜱残留量超过食品安全标准限量的芹菜"
    for document in data["documents"]:
        if "决定书" in document["type"]:
            document["type"] = title
            document["contents"] = contents
    return data


@pytest.mark.parametrize("title", ["不予行政处罚决定书", "免予处罚决定书", "不予处罚决定书"])
def test_decision_not_to_punish_states_no_penalty(title: str, ctx: ReviewContext) -> None:
    found = variant_findings(_not_punished(title, NO_PENALTY_CONTENTS), ctx)
    assert not cites_article(found, "documents", DECISION_CONTENTS)


def test_decision_not_to_punish_still_states_remedies(ctx: ReviewContext) -> None:
    """The exemption covers only the penalty's items: a missing remedy is still flagged."""
    contents = [c for c in NO_PENALTY_CONTENTS if "复议" not in c]
    found = variant_findings(_not_punished("不予行政处罚决定书", contents), ctx)
    assert cites_article(found, "documents", DECISION_CONTENTS)


def test_penalty_decision_must_state_its_penalty(ctx: ReviewContext) -> None:
    """Negative: a decision that fines must still state the penalty's kind and basis."""
    data = _not_punished("行政处罚决定书", NO_PENALTY_CONTENTS)
    data["penalty"] = {"types": ["警告"]}
    found = variant_findings(data, ctx)
    assert cites_article(found, "documents", DECISION_CONTENTS)


def _unlicensed(value: int, fine: int) -> dict:
    data = set_file_data("review_fresh25", "rf25b_11_*.yaml")
    data["parties"][0]["name"] = "恩平市顺兴包装材料厂"
    data["violation"]["description"] = "无工业产品生产许可证生产食品用复合膜袋并出售"
    data["facts"]["description"] = f"经查，违法生产产品货值金额{value}元，处罚款{fine}元。"
    data["facts"]["amounts"] = {"货值金额": value, "违法所得": value // 2, "罚款": fine}
    data["penalty"]["amount"] = fine
    data["penalty"]["confiscation_yuan"] = value // 2
    return data


@pytest.mark.parametrize(("value", "fine"), [(38600, 57900), (21000, 52500)])
def test_unlicensed_production_is_not_selling_spoiled_goods(
    value: int, fine: int, ctx: ReviewContext
) -> None:
    found = variant_findings(_unlicensed(value, fine), ctx)
    assert not cites_article(found, "law", PRODUCT_QUALITY_52)


def test_same_conduct_under_higher_law_still_flagged(ctx: ReviewContext) -> None:
    """Positive: the accident 罚则 of the 条例 and of 安全生产法 describe one act."""
    data = set_file_data("review_fresh24", "rf24a_03_*.yaml")
    data["parties"][0]["name"] = "台山市某建材有限公司"
    data["violation"]["description"] = (
        "未落实安全生产责任制，叉车作业致一名员工死亡，对事故负有责任"
    )
    data["facts"]["description"] = (
        "事故调查报告认定为一般生产安全责任事故，死亡1人，拟罚款150000元。"
    )
    data["citations"]["penalty_basis"] = ["《生产安全事故报告和调查处理条例》第三十七条第（一）项"]
    data["penalty"]["amount"] = 150000
    found = variant_findings(data, ctx)
    assert cites_article(found, "law", WORK_SAFETY_114)

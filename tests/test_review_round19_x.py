"""Review round 19, class X (issue #18): review_fresh15 false must_fix findings — a 第二十一条
non-execution written after the article it applies; a 先行登记保存处理决定书 is no 行政处罚决定书;
复查 and 解除查封 after the decision are not 先决定后取证; things counted and photographed
(未采取先行登记保存) are not kept evidence; 限期改正 is read in the cited 款; a 街道 with no
第二十四条 handover is one authority defect. Cases are variants (other names, amounts,
wording) of eval/sets/review_fresh15 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, must_fix_findings, set_file_data

from assistant.case_file import parse_case
from assistant.review.context import ReviewContext
from assistant.review.engine import review

PENALTY_LAW = "《中华人民共和国行政处罚法》"
PUBLIC_ORDER_LAW = "《中华人民共和国治安管理处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh15", f"rf15{prefix}_*.yaml")


def _all_rules(data: dict, ctx: ReviewContext, point: str) -> set[str]:
    """Rules of every non-info flag of a point (check-level ones included)."""
    return {
        ctx.rule(f.rule)
        for f in review(parse_case(data), ctx).flags
        if f.point.value == point and f.severity.value != "info"
    }


# --- 治安管理处罚法第二十一条: 不执行 written after the article ------------------------------


def _minor(note: str) -> dict:
    data = _data("a_02")
    data["parties"][0]["name"] = "陈某"
    data["facts"]["description"] = data["facts"]["description"].replace("刘某", "陈某")
    for event in data["events"]:
        if event["type"] == "决定":
            event["note"] = note
    return data


@pytest.mark.parametrize(
    "note",
    [
        "决定行政拘留三日，依照第二十一条第（二）项之规定不执行",
        "决定行政拘留五日，根据治安管理处罚法第二十一条规定不予执行",
    ],
)
def test_detention_not_executed_after_article(note: str, ctx: ReviewContext) -> None:
    found = must_fix_findings(parse_case(_minor(note)), ctx)
    assert not cites_article(found, "law", PUBLIC_ORDER_LAW + "第二十一条")


def test_detention_executed_on_first_minor_still_flagged(ctx: ReviewContext) -> None:
    data = _minor("决定行政拘留五日，送拘留所执行")
    # a first offender of sixteen or seventeen: the article's item (二)
    rule = PUBLIC_ORDER_LAW + "第二十一条第一款第（二）项"
    assert ("law", rule) in must_fix_findings(parse_case(data), ctx)


# --- 第五十九条第一款: a decision on preserved evidence is not the penalty decision ----------


@pytest.mark.parametrize("title", ["先行登记保存物品处理决定书", "解除查封决定书"])
def test_measure_decision_is_not_penalty_decision(title: str, ctx: ReviewContext) -> None:
    data = _data("b_02")
    data["parties"][0]["name"] = "梁某某"
    for document in data["documents"]:
        if "处理决定书" in document["type"]:
            document["type"] = title
            document["contents"] = ["登记保存的器械、药品随案移送公安机关"]
    found = must_fix_findings(parse_case(data), ctx)
    assert not any(rule.startswith(PENALTY_LAW + "第五十九条") for _, rule in found)


# --- 第五十七条第一款: follow-up steps after the decision -------------------------------------


def _after_decision(prefix: str, note: str) -> dict:
    data = _data(prefix)
    decided = next(e["date"] for e in data["events"] if e["type"] == "决定")
    later = [e for e in data["events"] if e["type"] == "调查取证" and e["date"] > decided]
    later[-1]["note"] = note
    return data


@pytest.mark.parametrize(
    ("prefix", "note"),
    [
        ("a_11", "整改复查，当事人已组织培训并取得合格证明"),
        ("c_13", "解除扣押，送达解除扣押决定书并退还设备"),
    ],
)
def test_follow_up_is_not_late_investigation(prefix: str, note: str, ctx: ReviewContext) -> None:
    rule = ctx.rule(PENALTY_LAW + "第五十七条第一款")
    found = must_fix_findings(parse_case(_after_decision(prefix, note)), ctx)
    assert ("procedure", rule) not in found


def test_questioning_after_decision_still_flagged(ctx: ReviewContext) -> None:
    data = _after_decision("a_11", "补充询问当事人，调取培训记录")
    rule = ctx.rule(PENALTY_LAW + "第五十七条第一款")
    assert ("procedure", rule) in must_fix_findings(parse_case(data), ctx)


# --- 第五十六条: counted and photographed, not kept ------------------------------------------


def _inspection(note: str) -> dict:
    data = _data("b_11")
    data["events"][0]["note"] = note
    return data


@pytest.mark.parametrize(
    "note",
    [
        "现场检查，对涉嫌侵权鞋32双清点、拍照（未实施先行登记保存）",
        "现场检查，清点拍照，没有采取查封扣押或者先行登记保存措施",
    ],
)
def test_counted_goods_are_not_registered(note: str, ctx: ReviewContext) -> None:
    rule = ctx.rule(PENALTY_LAW + "第五十六条")
    assert rule not in _all_rules(_inspection(note), ctx, "procedure")


def test_registered_goods_still_checked(ctx: ReviewContext) -> None:
    data = _inspection("现场检查，对涉嫌侵权鞋32双先行登记保存")
    rule = ctx.rule(PENALTY_LAW + "第五十六条")
    assert rule in _all_rules(data, ctx, "procedure")


# --- 第二十八条第一款: 限期 read in the cited 款 ---------------------------------------------


def test_limit_in_other_paragraph_not_required(ctx: ReviewContext) -> None:
    data = _data("b_07")
    data["parties"][0]["name"] = "佛山市某大药房有限公司"
    rule = ctx.rule(PENALTY_LAW + "第二十八条第一款")
    assert ("documents", rule) not in must_fix_findings(parse_case(data), ctx)


# --- 第十七条: a 街道 without a handover is the level's defect only ---------------------------


def test_township_without_handover_one_authority_finding(ctx: ReviewContext) -> None:
    data = _data("c_11")
    data["agency"]["name"] = "湛江市赤坎区中华街道办事处"
    found = must_fix_findings(parse_case(data), ctx)
    assert ("authority", ctx.rule(PENALTY_LAW + "第十七条")) not in found
    assert ("authority", ctx.rule(PENALTY_LAW + "第二十三条")) in found

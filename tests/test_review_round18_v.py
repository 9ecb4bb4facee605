"""Review round 18, class V (issue #18): review_fresh14 coercive measures and service — a
查封扣押决定书 may list 理由和依据 and 期限 on lines of their own (行政强制法第二十四条第二款);
a penalty file's 决定 that confiscates goods seized earlier is not the on-site seizure
全过程记录办法第十四条第二款 asks to be filmed; a 查封扣押 alone needs no 行政处罚法第四十四条
notice; 公告送达 without other tries breaks 民事诉讼法第九十五条第一款, which 第六十一条第一款
sends service to. Cases are variants (other names, amounts, wording) of eval/sets/review_fresh14."""

from __future__ import annotations

import pytest
from review_fixtures import must_fix_findings, set_file_data, variant_flags

from assistant.case_file import parse_case
from assistant.review.context import ReviewContext

PENALTY_LAW = "《中华人民共和国行政处罚法》"
SEIZURE_DECISION = "《中华人民共和国行政强制法》第二十四条第二款"
FULL_AV = "《广东省行政执法全过程记录办法》第十四条第二款"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh14", f"rf14{prefix}_*.yaml")


def _rules(data: dict, ctx: ReviewContext) -> set[str]:
    return {ctx.rule(f.rule) for f in variant_flags(data, ctx)}


def _seizure_decision(data: dict) -> dict:
    return next(d for d in data["documents"] if "决定书" in d["type"] and "处罚" not in d["type"])


# --- 行政强制法第二十四条第二款: items on lines of their own -----------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        ["扣押的理由和依据", "扣押期限三十日"],
        ["查封的理由：涉嫌销售假冒注册商标的商品", "查封依据：商标法第六十二条", "查封期限30日"],
        ["查封、扣押的理由、依据和期限"],
    ],
)
def test_reason_basis_and_period_may_sit_on_separate_lines(lines: list[str], ctx) -> None:
    data = _data("a_02")
    decision = _seizure_decision(data)
    decision["contents"] = [
        "当事人的姓名和地址",
        *lines,
        "扣押物品清单",
        "申请行政复议或者提起行政诉讼的途径和期限",
        "行政机关的名称、印章和日期",
    ]
    assert SEIZURE_DECISION not in _rules(data, ctx)


def test_the_remedy_period_is_not_the_seizure_period(ctx: ReviewContext) -> None:
    data = _data("a_04")
    decision = _seizure_decision(data)
    decision["contents"] = [
        "当事人的姓名和地址",
        "扣押的理由和依据",
        "扣押物品清单",
        "申请行政复议或者提起行政诉讼的途径和期限",
        "行政机关的名称、印章和日期",
    ]
    assert ("documents", SEIZURE_DECISION) in must_fix_findings(parse_case(data), ctx)


# --- 全过程记录办法第十四条第二款: the penalty decision is not the on-site seizure ----------------


@pytest.mark.parametrize(
    "note",
    [
        "没收被扣押的过期食品20件",
        "同时对扣押的蓝牙耳机作出没收处理，扣押未超过三十日",
        "没收违法所得，并没收先前扣押的涉案物品",
    ],
)
def test_a_penalty_decision_naming_seized_goods_needs_no_full_recording(
    note: str, ctx: ReviewContext
) -> None:
    data = _data("a_02")
    decision = next(e for e in data["events"] if e["type"] == "决定")
    decision["note"] = note
    assert FULL_AV not in _rules(data, ctx)


def test_an_unfilmed_on_site_seizure_is_still_flagged(ctx: ReviewContext) -> None:
    data = _data("a_02")
    seizure = next(e for e in data["events"] if "实施扣押" in (e.get("note") or ""))
    seizure["audio_video"] = False
    assert ("procedure", FULL_AV) in must_fix_findings(parse_case(data), ctx)


# --- 行政处罚法第四十四条: a 查封扣押 alone is no penalty to give notice of ---------------------


def test_a_seizure_only_file_needs_no_penalty_notice(ctx: ReviewContext) -> None:
    data = _data("c_06")
    data["parties"][0]["name"] = "湛江市霞山区某兽药经营部"
    data["facts"]["quantities"] = {"扣押盒数": 52}
    assert PENALTY_LAW + "第四十四条" not in _rules(data, ctx)


def test_a_fine_without_notice_is_still_flagged(ctx: ReviewContext) -> None:
    data = _data("c_06")
    data["penalty"] = {"types": ["罚款"], "amount": 20000}
    found = must_fix_findings(parse_case(data), ctx)
    assert ("procedure", PENALTY_LAW + "第四十四条") in found


# --- 民事诉讼法第九十五条第一款: 公告送达 only when the other ways fail ------------------------


def test_an_announcement_without_tries_cites_the_civil_rule(ctx: ReviewContext) -> None:
    data = _data("a_14")
    data["parties"][0]["name"] = "乐昌市某农业发展有限公司"
    flag = next(f for f in variant_flags(data, ctx) if "公告送达" in f.reason)
    assert ctx.rule(flag.rule) == "《中华人民共和国民事诉讼法》第九十五条第一款"
    assert PENALTY_LAW + "第六十一条第一款" in flag.also_cites

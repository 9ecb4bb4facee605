"""Review round 77 (issue #18) on what review_fresh62 still missed after round 76 (tuned there,
not evidence): an order dated in the decision (责令于…前完成…) answers for a 审批表 that
summarises it; two 罚则 that only share 尚不构成犯罪 and 有前款规定行为 are not one act; a
party who cannot follow Chinese is questioned through an interpreter; 拘留审查 beyond thirty
days without an approved extension; 遣送出境's article is a measure's basis; two papers
restating one measurement are one figure; a 期限栏空白 is no period; an inspection whose note
established the act is the fact's source."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.review.context import ReviewContext

F62 = "review_fresh62"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
POLICE_RULES = "《公安机关办理行政案件程序规定》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_order_dated_in_the_decision(ctx: ReviewContext) -> None:
    rule = f"{PENALTY_LAW}第二十八条第一款"
    assert rule not in rules_of(set_findings(F62, "rf62b_03_*.yaml", ctx), "documents")
    data = set_file_data(F62, "rf62b_03_*.yaml")
    for document in data["documents"]:
        document["contents"] = [
            c for c in document.get("contents") or [] if "2024年8月26日前" not in c
        ]
    assert rule in rules_of(variant_findings(data, ctx), "documents")


def test_blank_period_on_the_form(ctx: ReviewContext) -> None:
    """人民防空法第四十八条 责令限期修建 with the form's period left blank (fresh62 c11)."""
    found = set_findings(F62, "rf62c_11_*.yaml", ctx)
    assert f"{PENALTY_LAW}第二十八条第一款" in rules_of(found, "documents")


def test_one_measurement_restated_by_two_papers(ctx: ReviewContext) -> None:
    """应建面积1850平方米 in the 意见书 and again in the permit's annex: 2150 is still above it."""
    found = set_findings(F62, "rf62c_11_*.yaml", ctx)
    assert f"{PENALTY_LAW}第四十条" in rules_of(found, "facts")


def test_sanctions_sharing_only_boilerplate(ctx: ReviewContext) -> None:
    """快递暂行条例第四十二条 (非法扣留快件) and 邮政法第七十六条 (违法提供用户信息) share
    尚不构成犯罪 and 有前款规定的行为, not the act (fresh62 c02, clean)."""
    assert not rules_of(set_findings(F62, "rf62c_02_*.yaml", ctx), "law")


def test_party_who_cannot_follow_chinese(ctx: ReviewContext) -> None:
    rule = f"{POLICE_RULES}第二百四十一条第一款"
    assert rule in rules_of(set_findings(F62, "rf62d_05_*.yaml", ctx), "procedure")
    with_interpreter = set_file_data(F62, "rf62d_05_*.yaml")
    for event in with_interpreter["events"]:
        event["note"] = (event.get("note") or "").replace("未安排翻译人员", "英语翻译人员到场")
        event["note"] = event["note"].replace("未安排翻译", "英语翻译在场")
    assert rule not in rules_of(variant_findings(with_interpreter, ctx), "procedure")
    silent = set_file_data(F62, "rf62d_05_*.yaml")
    silent["facts"]["description"] = silent["facts"]["description"].replace(
        "当事人不通晓中文，仅能使用英语交流。", ""
    )
    silent["facts"]["circumstances"] = [
        c for c in silent["facts"].get("circumstances") or [] if "通晓" not in c
    ]
    for event in silent["events"]:
        event["note"] = (event.get("note") or "").replace("，未安排翻译人员", "")
        event["note"] = event["note"].replace("，未安排翻译", "")
    assert rule not in rules_of(variant_findings(silent, ctx), "procedure")


def test_examination_detention_beyond_thirty_days(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国出境入境管理法》第六十条第三款"
    found = set_findings(F62, "rf62d_03_*.yaml", ctx)
    assert rule in rules_of(found, "procedure")
    assert not rules_of(found, "law")  # 第六十二条 遣送出境 is the removal's basis
    data = set_file_data(F62, "rf62d_03_*.yaml")
    data["documents"].append(
        {"type": "延长拘留审查期限审批表（深圳市公安局批准）", "date": "2024-04-01"}
    )
    assert rule not in rules_of(variant_findings(data, ctx), "procedure")


def test_inspection_that_established_the_act(ctx: ReviewContext) -> None:
    """现场检查…确认餐厅对社会公众营业 with no 检查笔录 (fresh62 a11)."""
    found = set_findings(F62, "rf62a_11_*.yaml", ctx)
    assert f"{PENALTY_LAW}第五十五条第二款" in rules_of(found, "evidence")


def test_advertising_fee_obviously_low(ctx: ReviewContext) -> None:
    """广告法第五十八条: 广告费用明显偏低的，处十万元以上二十万元以下 — a file that states the fee
    (1500元) and finds it obviously low is fined on that clause, not on three times the fee
    (fresh61 a06)."""
    rule = "《中华人民共和国广告法》第五十八条第一款"
    assert rule in rules_of(set_findings("review_fresh61", "rf61a_06_*.yaml", ctx), "discretion")
    data = set_file_data("review_fresh61", "rf61a_06_*.yaml")
    data["facts"]["circumstances"] = []
    data["facts"]["description"] = data["facts"]["description"].replace("，明显偏低", "")
    assert rule not in rules_of(variant_findings(data, ctx), "discretion")


def test_settled_below_the_marked_price(ctx: ReviewContext) -> None:
    """明码标价和禁止价格欺诈规定第二十一条第（二）项: every sale below the tag is no 价格欺诈
    (fresh61 a08); a file where some sales settled above it keeps the fraud."""
    rule = "《明码标价和禁止价格欺诈规定》第二十一条第一款第（二）项"
    assert rule in rules_of(set_findings("review_fresh61", "rf61a_08_*.yaml", ctx), "law")
    data = set_file_data("review_fresh61", "rf61a_08_*.yaml")
    data["facts"]["description"] = data["facts"]["description"].replace(
        "每一笔的实际结算价格均低于价签标示的促销价", "其中212笔的收银结算价高于价签标示的促销价"
    )
    data["facts"]["circumstances"] = []
    assert rule not in rules_of(variant_findings(data, ctx), "law")


def test_misappropriated_funds_go_to_the_police(ctx: ReviewContext) -> None:
    """挪用资金罪 (刑法第二百七十二条第一款; 数额较大 十万元 by the 2016 解释第十一条第二款): a
    秘书长 moving 860000元 of the association into his own account (fresh62 a09); the sum
    below the line stays with the agency."""
    rule = f"{PENALTY_LAW}第二十七条第一款"
    assert rule in rules_of(set_findings(F62, "rf62a_09_*.yaml", ctx), "transfer")
    data = set_file_data(F62, "rf62a_09_*.yaml")
    data["facts"]["amounts"] = {"涉案资金": 86000, "已归还": 20000, "未归还": 66000}
    for key in ("description",):
        data["facts"][key] = (
            data["facts"][key].replace("860000", "86000").replace("660000", "66000")
        )
    data["violation"]["description"] = data["violation"]["description"].replace("860000", "86000")
    data["facts"]["circumstances"] = [
        c.replace("660000", "66000") for c in data["facts"].get("circumstances") or []
    ]
    assert rule not in rules_of(variant_findings(data, ctx), "transfer")

"""Review round 16, class R (issue #18): review_fresh12 misses and false flags — an order to
correct with no period (第二十八条第一款) in a 意见书, a decision or a notice saying 限期; an
instrument within its allowed error punished as faulty and an area above the survey's
(第四十条); 非法采矿 and 滥伐林木 reaching the criminal threshold untransferred (第二十七条第一款);
治安's six-month limitation (治安管理处罚法第二十二条第一款); a stock count with no inspection
record (第五十五条第二款); an officer who is the sister's brother of the party's 法定代表人
(第四十三条第一款); a fine capped at 违法所得50%以下 read as a cap, not a fixed rate.
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh12 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext

PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh12", f"rf12{prefix}_*.yaml")


# --- 第二十八条第一款: the order names its period -------------------------------------


def _opinion(order: str) -> dict:
    data = _data("a_14")
    for doc in data["documents"]:
        if doc["type"] == "卫生监督意见书":
            doc["contents"] = [order]
    return data


@pytest.mark.parametrize(
    "order", ["责令改正：组织劳动者进行职业健康检查", "责令整改，建立监护档案"]
)
def test_opinion_orders_correction_without_period(ctx: ReviewContext, order: str) -> None:
    assert cites_article(
        variant_findings(_opinion(order), ctx), "documents", f"{PENALTY_LAW}第二十八条"
    )


def test_opinion_with_period_is_not_flagged(ctx: ReviewContext) -> None:
    data = _opinion("责令于2024年8月31日前组织劳动者进行职业健康检查")
    assert not cites_article(variant_findings(data, ctx), "documents", f"{PENALTY_LAW}第二十八条")


def _decision_order(line: str) -> dict:
    data = _data("c_03")
    for doc in data["documents"]:
        if doc["type"] == "行政处罚决定书":
            doc["contents"] = [
                line if c.startswith("行政处罚的种类和依据") else c for c in doc["contents"]
            ]
    return data


def test_decision_orders_remedy_without_period(ctx: ReviewContext) -> None:
    line = "行政处罚的种类和依据：罚款人民币叁万元；责令拆除水泵、恢复河道原状（未写明期限）"
    assert cites_article(
        variant_findings(_decision_order(line), ctx), "documents", f"{PENALTY_LAW}第二十八条"
    )


def test_decision_orders_remedy_with_period(ctx: ReviewContext) -> None:
    line = "行政处罚的种类和依据：罚款人民币叁万元；责令于十五日内拆除取水设施、采取补救措施"
    assert not cites_article(
        variant_findings(_decision_order(line), ctx), "documents", f"{PENALTY_LAW}第二十八条"
    )


@pytest.mark.parametrize(
    ("title", "flagged"),
    [
        ("责令改正通知书（责令当事人限期清理堆放的建筑垃圾）", True),
        ("责令改正通知书（责令当事人于2025年4月30日前清运建筑垃圾）", False),
        ("责令改正通知书", False),  # silent on its contents
    ],
)
def test_notice_that_says_limit_names_it(ctx: ReviewContext, title: str, flagged: bool) -> None:
    data = _data("b_11")
    for doc in data["documents"]:
        if doc["type"].startswith("责令改正通知书"):
            doc["type"] = title
    assert (
        cites_article(variant_findings(data, ctx), "documents", f"{PENALTY_LAW}第二十八条")
        is flagged
    )


# --- 第四十条: facts against the file's own measurement ------------------------------------


@pytest.mark.parametrize(("error", "flagged"), [(-6, False), (7, False), (14, True), (-13, True)])
def test_scale_error_against_allowed_error(ctx: ReviewContext, error: int, flagged: bool) -> None:
    data = _data("a_09")
    report = next(e for e in data["evidence"] if e.get("measurements"))
    report["measurements"][0]["value"] = error
    report["note"] = ""
    assert (
        cites_article(variant_findings(data, ctx), "facts", f"{PENALTY_LAW}第四十条") is not flagged
    )


def test_scale_error_reported_outside(ctx: ReviewContext) -> None:
    """The contradiction is found only when the report is within tolerance."""
    data = _data("a_09")
    report = next(e for e in data["evidence"] if e.get("measurements"))
    report["measurements"][0]["value"] = 4
    assert cites_article(variant_findings(data, ctx), "facts", f"{PENALTY_LAW}第四十条")


@pytest.mark.parametrize(("surveyed", "flagged"), [(1800, True), (2650, False)])
def test_area_against_survey(ctx: ReviewContext, surveyed: int, flagged: bool) -> None:
    data = _data("b_15")
    data["facts"]["quantities"] = {"认定非法占地面积平方米": 2650}
    for e in data["evidence"]:
        for m in e.get("measurements", []):
            m["value"] = surveyed
    assert cites_article(variant_findings(data, ctx), "facts", f"{PENALTY_LAW}第四十条") is flagged


# --- 第二十七条第一款: transfer ------------------------------------------------------------


@pytest.mark.parametrize(("value", "flagged"), [(360000, True), (250000, False)])
def test_illegal_mining_value(ctx: ReviewContext, value: int, flagged: bool) -> None:
    data = _data("b_09")
    data["facts"]["amounts"]["矿产品价值"] = value
    data["facts"]["description"] = data["facts"]["description"].replace(
        "人民币肆拾贰万叁仟元（￥423,000.00）", f"人民币{value}元"
    )
    found = variant_findings(data, ctx)
    assert any(p == "transfer" for p, _ in found) is flagged


def test_mining_fine_capped_at_half_the_gain_is_no_discretion_flag(ctx: ReviewContext) -> None:
    """实施细则第四十二条第（一）项: 违法所得50%以下 — 150,000 of 386,000 is within it."""
    found = variant_findings(_data("b_09"), ctx)
    assert not any(p == "discretion" for p, _ in found)


@pytest.mark.parametrize(("volume", "flagged"), [(24.8, True), (12.5, False)])
def test_forest_overcutting_volume(ctx: ReviewContext, volume: float, flagged: bool) -> None:
    data = _data("c_06")
    data["facts"]["quantities"]["立木蓄积（立方米）"] = volume
    data["facts"]["description"] = data["facts"]["description"].replace("36.5", f"{volume:g}")
    found = variant_findings(data, ctx)
    assert any(p == "transfer" for p, _ in found) is flagged


# --- 治安管理处罚法第二十二条第一款: six months ---------------------------------------------


@pytest.mark.parametrize(("reported", "flagged"), [("2024-07-20", True), ("2024-06-28", False)])
def test_public_order_six_months(ctx: ReviewContext, reported: str, flagged: bool) -> None:
    data = _data("b_07")
    data["violation"]["date"] = "2024-01-05"
    for event in data["events"]:
        if event["type"] in ("立案", "调查取证") and str(event["date"]) == "2024-08-02":
            event["date"] = reported  # reported to the police that day
    found = variant_findings(data, ctx)
    assert (
        cites_article(found, "procedure", "《中华人民共和国治安管理处罚法》第二十二条") is flagged
    )


# --- 第五十五条第二款: a stock count is an inspection ---------------------------------------


def test_stock_count_without_record(ctx: ReviewContext) -> None:
    data = _data("c_15")
    data["events"][0]["note"] = "农资市场专项检查，抽取样品3瓶，清点店内库存"
    assert cites_article(variant_findings(data, ctx), "evidence", f"{PENALTY_LAW}第五十五条")


def test_stock_count_with_record(ctx: ReviewContext) -> None:
    data = _data("c_15")
    data["documents"].append({"type": "现场检查笔录", "date": "2026-03-10"})
    assert not cites_article(variant_findings(data, ctx), "evidence", f"{PENALTY_LAW}第五十五条")


# --- 第四十三条第一款: the officer is kin of the party's representative -----------------------


@pytest.mark.parametrize("kin", ["胞弟", "胞姐", "妻子"])
def test_officer_kin_of_representative(ctx: ReviewContext, kin: str) -> None:
    data = _data("a_07")
    for event in data["events"]:
        event["note"] = (event.get("note") or "").replace("之胞妹", f"之{kin}")
    assert cites_article(variant_findings(data, ctx), "qualification", f"{PENALTY_LAW}第四十三条")


def test_officer_kin_withdrawn(ctx: ReviewContext) -> None:
    data = _data("a_07")
    data["facts"]["description"] += "何志远已申请回避，改由其他执法人员承办。"
    assert not cites_article(
        variant_findings(data, ctx), "qualification", f"{PENALTY_LAW}第四十三条"
    )

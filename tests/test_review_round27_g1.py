"""Review round 27, engineer g1 (issue #18): an order to correct names its period
(行政处罚法第二十八条第一款) when it writes a date as a date (2023-07-31前, 2023/7/31前) or when
the decision's own text sets it (责令当事人自收到决定书之日起15日内改正) — an earlier 意见书
that only says 限期改正 is then answered by the decision. A file whose every order leaves the
period out is still flagged.
Cases are variants (other names, dates, wording) of eval/sets/review_fresh23 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

ORDER_PERIOD = ("documents", "《中华人民共和国行政处罚法》第二十八条第一款")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _civil_defence(order: str) -> dict:
    """A 人民防空法 file whose notice alone carries the order (the decision text is silent)."""
    data = set_file_data("review_fresh23", "rf23c_06_*.yaml")
    data["facts"]["description"] = "经查，当事人人防工程未按设计安装防护设备，处警告并处罚款。"
    for document in data["documents"]:
        if "改正" in document["type"]:
            document["contents"] = [order]
    return data


@pytest.mark.parametrize(
    "order",
    [
        "2024-05-20前补装防护密闭门并报验",
        "于2023/9/30之前完成防护设备安装",
        "限2022.11.15前按图纸整改到位",
    ],
)
def test_order_dated_as_a_date_names_its_period(ctx: ReviewContext, order: str) -> None:
    assert ORDER_PERIOD not in variant_findings(_civil_defence(order), ctx)


def _nurse(decision_text: str) -> dict:
    data = set_file_data("review_fresh23", "rf23b_09_*.yaml")
    data["facts"]["description"] = (
        "经查，当事人于2025年3月2日至2025年6月30日安排未取得护士执业证书的人员从事护理活动。"
        f"本机关认为，当事人违反了《护士条例》第二十一条第（一）项，{decision_text}。"
    )
    return data


@pytest.mark.parametrize(
    "decision_text",
    [
        "给予警告，并责令当事人自收到本决定书之日起30日内改正",
        "给予警告，责令其限十日内改正",
        "给予警告，责令于2026-03-01前改正，停止安排无证人员从事护理活动",
    ],
)
def test_period_set_in_decision_text_answers_the_opinion(
    ctx: ReviewContext, decision_text: str
) -> None:
    assert ORDER_PERIOD not in variant_findings(_nurse(decision_text), ctx)


def test_no_period_anywhere_is_still_flagged(ctx: ReviewContext) -> None:
    """Negative: the 意见书 says 限期改正 and the decision only 责令改正 — no period at all;
    the facts' own dates are not the order's."""
    found = variant_findings(_nurse("给予警告，并责令当事人改正"), ctx)
    assert ORDER_PERIOD in found
    # a date in the narrative after the order is not its period
    later = "给予警告，责令其改正，截至2026年1月28日仍在安排无证人员从事护理"
    assert ORDER_PERIOD in variant_findings(_nurse(later), ctx)


# --- coercive execution: 行政强制法第四十三条第一款、第四十四条 --------------------------------

DEMOLITION_TIMING = ("procedure", "《中华人民共和国行政强制法》第四十三条第一款")
DEMOLITION_ORDER = ("procedure", "《中华人民共和国行政强制法》第四十四条")
INVESTIGATION_AFTER = ("procedure", "《中华人民共和国行政处罚法》第五十七条第一款")
EVIDENCE_AFTER = ("evidence", "《中华人民共和国行政处罚法》第五十四条第一款")
REMINDER = ("procedure", "《中华人民共和国行政强制法》第三十五条")


def _demolition(day: str, note: str, served: str = "2024-03-19") -> dict:
    """The demolition file with the execution on ``day`` and the decision served on ``served``
    (the execution's 现场笔录 and video dated that day too)."""
    data = set_file_data("review_fresh23", "rf23c_04_*.yaml")
    for event in data["events"]:
        if event["type"] == "送达" and str(event["date"]) == "2024-03-19":
            event["date"] = served
    data["events"][-1] = {**data["events"][-1], "date": day, "note": note}
    for item in data["evidence"]:
        if str(item["date"]) == "2024-06-10":
            item["date"] = day
    for document in data["documents"]:
        if str(document["date"]) == "2024-06-10":
            document["date"] = day
    data["facts"]["description"] = (
        "未取得规划许可加建钢结构房，逾期未自行拆除，经公告、催告仍未拆除。"
    )
    return data


@pytest.mark.parametrize(
    ("day", "note"),
    [
        ("2024-10-02", "组织拆除队伍对违法建筑予以拆除，制作现场笔录"),
        ("2024-05-01", "实施强制拆除，全程录像"),
    ],
)
def test_execution_on_statutory_holiday(ctx: ReviewContext, day: str, note: str) -> None:
    found = variant_findings(_demolition(day, note), ctx)
    assert DEMOLITION_TIMING in found
    assert INVESTIGATION_AFTER not in found
    assert EVIDENCE_AFTER not in found
    assert REMINDER not in found


def test_execution_on_working_day_after_suit_period_is_lawful(ctx: ReviewContext) -> None:
    """Negative: a Wednesday, seven months after service — neither article applies."""
    found = variant_findings(
        _demolition("2024-11-13", "组织强制拆除，制作现场笔录", served="2024-04-02"), ctx
    )
    assert DEMOLITION_TIMING not in found
    assert DEMOLITION_ORDER not in found


def test_emergency_excuses_holiday_execution(ctx: ReviewContext) -> None:
    data = _demolition("2024-10-03", "因台风来临、情况紧急，实施强制拆除", served="2024-03-20")
    found = variant_findings(data, ctx)
    assert DEMOLITION_TIMING not in found
    assert DEMOLITION_ORDER not in found  # six months from 2024-03-20 ended 2024-09-20


@pytest.mark.parametrize(
    ("day", "served"), [("2024-07-10", "2024-03-19"), ("2024-08-14", "2024-03-01")]
)
def test_demolition_before_suit_period_ends(ctx: ReviewContext, day: str, served: str) -> None:
    """A working day, but inside six months of the decision's service (行政诉讼法第四十六条)."""
    found = variant_findings(_demolition(day, "对违法建设实施强制拆除", served=served), ctx)
    assert DEMOLITION_ORDER in found
    assert DEMOLITION_TIMING not in found

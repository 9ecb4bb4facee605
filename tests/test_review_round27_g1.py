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
        "给予警告，责令限期改正，于2026-03-01前停止安排无证人员从事护理活动",
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

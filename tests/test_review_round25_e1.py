"""Review round 25, engineer e1 (issue #18): special on-the-spot rule and unrecorded
inspections — a 治安 case decided on the spot beyond 警告 or 200 yuan is flagged under
治安管理处罚法第一百条 (特别法优先), other cases under 行政处罚法第五十一条; an inspection the
file tells by what it found (检查发现, 在店内发现) needs its record (第五十五条第二款).
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh21 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

PUBLIC_ORDER_SPOT = "《中华人民共和国治安管理处罚法》第一百条"
GENERAL_SPOT = "《中华人民共和国行政处罚法》第五十一条"
RECORD = "《中华人民共和国行政处罚法》第五十五条第二款"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


# --- 治安管理处罚法第一百条: the special law's on-the-spot limit ----------------------------


def _public_order_spot(name: str, amount: int) -> dict:
    data = set_file_data("review_fresh21", "rf21a_08_*.yaml")
    data["parties"][0]["name"] = name
    data["penalty"]["amount"] = amount
    return data


@pytest.mark.parametrize(("name", "amount"), [("林某某", 300), ("周某", 1000), ("区某某", 201)])
def test_public_order_spot_fine_over_200_cites_the_special_law(
    ctx: ReviewContext, name: str, amount: int
) -> None:
    found = variant_findings(_public_order_spot(name, amount), ctx)
    assert ("procedure", PUBLIC_ORDER_SPOT) in found
    assert ("procedure", GENERAL_SPOT) not in found


@pytest.mark.parametrize("amount", [50, 200])
def test_public_order_spot_fine_within_200_is_no_finding(ctx: ReviewContext, amount: int) -> None:
    found = variant_findings(_public_order_spot("林某某", amount), ctx)
    assert not any(point == "procedure" for point, _ in found)


def test_other_law_spot_fine_keeps_the_general_article(ctx: ReviewContext) -> None:
    """A price-tag case is no 治安 case: 行政处罚法第五十一条 governs its on-the-spot fine."""
    data = set_file_data("review_fresh21", "rf21c_03_*.yaml")
    data["penalty"]["amount"] = 300
    found = variant_findings(data, ctx)
    assert ("procedure", GENERAL_SPOT) in found
    assert ("procedure", PUBLIC_ORDER_SPOT) not in found


# --- 第五十五条第二款: an inspection told by what it found -----------------------------------


def _cafe(note: str, description: str) -> dict:
    data = set_file_data("review_fresh21", "rf21d_05_*.yaml")
    data["events"][0]["note"] = note
    data["facts"]["description"] = description
    return data


@pytest.mark.parametrize(
    ("note", "description"),
    [
        (
            "例行检查，在店内发现2名未成年人上网",
            "2024年5月3日21时，执法人员在当事人网吧内发现2名未成年人正在上网。",
        ),
        (
            "专项行动，执法人员检查时在场内发现4名未成年人上网",
            "经检查发现当事人经营场所内有4名未成年人上网，均未登记身份。",
        ),
    ],
)
def test_inspection_told_by_its_finding_needs_a_record(
    ctx: ReviewContext, note: str, description: str
) -> None:
    assert ("evidence", RECORD) in variant_findings(_cafe(note, description), ctx)


def test_inspection_with_its_record_is_no_finding(ctx: ReviewContext) -> None:
    data = _cafe("例行检查，在店内发现2名未成年人上网", "执法人员检查发现店内有2名未成年人上网。")
    data["evidence"].append(
        {
            "type": "现场笔录",
            "name": "现场检查笔录",
            "source": "执法人员",
            "obtained_by": "检查",
            "date": "2024-06-15",
        }
    )
    data["documents"].append({"type": "现场检查笔录", "date": "2024-06-15"})
    found = variant_findings(data, ctx)
    assert not any(point == "evidence" for point, _ in found)


# --- 第四十条: a stated excess ratio the evidence's measured figures contradict -----------

FACTS = "《中华人民共和国行政处罚法》第四十条"


def _truck(limit: int, actual: int, description: str) -> dict:
    data = set_file_data("review_fresh21", "rf21a_07_*.yaml")
    data["evidence"][0]["measurements"] = [
        {"item": "实际载质量", "value": actual, "limit": limit, "unit": "kg"}
    ]
    data["facts"]["quantities"] = {"核定载质量kg": limit, "实际载质量kg": actual}
    data["facts"]["description"] = description
    return data


@pytest.mark.parametrize(
    ("limit", "actual", "description"),
    [
        (6000, 7000, "卢某驾驶货车，经过磅实际载质量7000kg，超载百分之三十三。"),
        (15000, 18000, "当事人驾驶重型货车，超出核定载质量45%，依法处罚。"),
        (4500, 5000, "经称重，车辆超过核定载质量百分之三十五。"),
    ],
)
def test_stated_ratio_contradicted_by_weighing(
    ctx: ReviewContext, limit: int, actual: int, description: str
) -> None:
    assert ("facts", FACTS) in variant_findings(_truck(limit, actual, description), ctx)


@pytest.mark.parametrize(
    ("limit", "actual", "description"),
    [
        (6000, 8000, "经过磅实际载质量8000kg，超载百分之三十三。"),
        (10000, 12500, "超出核定载质量25%，未超过百分之三十，依照第九十二条第二款前段处罚。"),
        (10000, 13800, "超过核定载质量百分之三十以上，依照第九十二条第二款后段处罚。"),
        (45, 56, "实载56人，超员比例百分之二十四点四，已超过额定乘员百分之二十。"),
    ],
)
def test_stated_ratio_the_evidence_gives_is_no_finding(
    ctx: ReviewContext, limit: int, actual: int, description: str
) -> None:
    """A ratio matching the measured figures (to rounding), a negated tier, a bound the
    measured ratio passes (已超过…百分之二十 for 24.4%)."""
    found = variant_findings(_truck(limit, actual, description), ctx)
    assert ("facts", FACTS) not in found

"""Review round 21, class z2 (issue #18): an on-site inspection with no written record
(第五十五条第二款) however the step is worded (到某士多店检查，发现…; 现场用RTK测量…) and
whatever the decision takes from it (a figure the inspection counted or measured).
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh17 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

PENALTY_LAW = "《中华人民共和国行政处罚法》"
RECORD = ("evidence", f"{PENALTY_LAW}第五十五条第二款")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh17", f"rf17{prefix}_*.yaml")


# --- 第五十五条第二款: the inspection's record, however the step is worded --------------


@pytest.mark.parametrize(
    "note",
    [
        "接举报到恩平市君堂镇当事人便利店检查，发现货架存放药品21个品种",
        "到当事人小卖部检查，发现后仓存放药品21个品种",
        "执法人员进入当事人超市检查，发现药品21个品种",
    ],
)
def test_shop_inspection_without_record(ctx: ReviewContext, note: str) -> None:
    data = _data("a_10")
    data["events"][0]["note"] = note
    data["facts"]["quantities"] = {"药品品种": 21}
    assert RECORD in variant_findings(data, ctx)


def test_shop_inspection_with_record_is_clean(ctx: ReviewContext) -> None:
    data = _data("a_10")
    data["documents"].append({"type": "现场检查笔录", "date": data["events"][0]["date"]})
    assert RECORD not in variant_findings(data, ctx)


@pytest.mark.parametrize(
    ("note", "area"),
    [
        ("根据卫片图斑核查，现场用无人机测量占地范围，确认占用林地0.35公顷", 0.35),
        ("实地使用GPS丈量，确认毁坏林地0.6公顷", 0.6),
    ],
)
def test_site_measurement_without_record(ctx: ReviewContext, note: str, area: float) -> None:
    data = _data("c_06")
    data["events"][0]["note"] = note
    data["facts"]["quantities"] = {"占用林地公顷": area}
    assert RECORD in variant_findings(data, ctx)


def test_site_measurement_with_survey_record_is_clean(ctx: ReviewContext) -> None:
    data = _data("c_06")
    data["evidence"].append(
        {"type": "勘验笔录", "name": "现场勘验笔录", "source": "执法人员", "date": "2023-04-10"}
    )
    assert RECORD not in variant_findings(data, ctx)

"""Review round 24, class v2 (issue #18): review_fresh20 facts and evidence misses — a test
report whose limit is a minimum (有效成分≥39.5%) and whose value is above it says the product
passed, so a decision calling it 不合格 contradicts the file (第四十条).
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh20 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

PENALTY_LAW = "《中华人民共和国行政处罚法》"
FACTS = ("facts", f"{PENALTY_LAW}第四十条")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh20", f"rf20{prefix}_*.yaml")


# --- 第四十条: a minimum content limit met is a test passed ----------------------------------


def _pesticide(item: str, value: float, limit: float, floor_words: str) -> dict:
    data = _data("d_09")
    report = next(e for e in data["evidence"] if e["type"] == "鉴定意见")
    report["measurements"] = [{"item": item, "value": value, "limit": limit, "unit": "%"}]
    report["note"] = f"标准要求{item}{floor_words}{limit:g}%；检验结论：所检项目符合标准要求"
    return data


@pytest.mark.parametrize(
    ("item", "value", "limit", "floor_words"),
    [
        ("草甘膦质量分数", 40.6, 39.5, "≥"),
        ("吡虫啉有效成分含量", 10.3, 9.5, "不低于"),
        ("代森锰锌质量分数", 80.2, 78.0, "应不小于"),
    ],
)
def test_minimum_content_met_contradicts_failed_finding(
    ctx: ReviewContext, item: str, value: float, limit: float, floor_words: str
) -> None:
    data = _pesticide(item, value, limit, floor_words)
    assert FACTS in variant_findings(data, ctx)


def test_minimum_content_short_is_a_failed_test(ctx: ReviewContext) -> None:
    data = _pesticide("草甘膦质量分数", 36.2, 39.5, "≥")
    data["evidence"][2]["note"] = "标准要求草甘膦质量分数≥39.5%；检验结论：有效成分含量不合格"
    assert FACTS not in variant_findings(data, ctx)


def test_minimum_content_short_without_failed_words(ctx: ReviewContext) -> None:
    """The conclusion says nothing failed, but the measured value is below the floor: the
    report itself disagrees, no contradiction to report."""
    data = _pesticide("草甘膦质量分数", 36.2, 39.5, "不低于")
    assert FACTS not in variant_findings(data, ctx)


# --- 第四十条: an injury degree the appraisal does not reach --------------------------------


def _assault(found: str, appraised: str) -> dict:
    data = _data("b_11")
    data["facts"]["description"] = data["facts"]["description"].replace("致陈某明轻微伤", found)
    data["facts"]["circumstances"] = ["因琐事纠纷殴打他人"]
    report = next(e for e in data["evidence"] if e["type"] == "鉴定意见")
    report["note"] = appraised
    return data


@pytest.mark.parametrize(
    ("found", "appraised"),
    [
        ("致陈某明轻微伤", "鉴定意见：被鉴定人面部软组织挫伤，不构成轻微伤"),
        ("造成被侵害人轻伤二级", "鉴定意见：损伤程度属轻微伤"),
        ("致其轻微伤", "结论：左前臂皮肤擦伤，尚未达到轻微伤程度"),
    ],
)
def test_injury_beyond_appraisal_contradicts(
    ctx: ReviewContext, found: str, appraised: str
) -> None:
    assert FACTS in variant_findings(_assault(found, appraised), ctx)


@pytest.mark.parametrize(
    ("found", "appraised"),
    [
        ("致陈某明轻微伤", "鉴定意见：陈某明面部软组织挫伤，损伤程度为轻微伤"),
        ("致其轻微伤", "鉴定意见：损伤程度构成轻伤二级"),
    ],
)
def test_injury_the_appraisal_reaches_is_not_contradicted(
    ctx: ReviewContext, found: str, appraised: str
) -> None:
    assert FACTS not in variant_findings(_assault(found, appraised), ctx)


# --- 第五十五条第二款: a patrol that entered the premises and saw the fact ------------------

EVIDENCE_RECORD = ("evidence", f"{PENALTY_LAW}第五十五条第二款")


@pytest.mark.parametrize(
    ("step", "narrative"),
    [
        ("执法队巡查时进入车间，看到墙上考勤表", "巡查时在车间墙上看到考勤表显示工人加班"),
        ("日常巡查进入厂房，见到排班表", "巡查时在厂房内见到排班表，显示工人每日工作12小时"),
    ],
)
def test_patrol_seeing_on_premises_needs_a_record(
    ctx: ReviewContext, step: str, narrative: str
) -> None:
    data = _data("d_07")
    data["events"][0]["note"] = step
    data["facts"]["description"] = f"调查终结报告：{narrative}；询问厂长，厂长承认加班。"
    assert EVIDENCE_RECORD in variant_findings(data, ctx)


def test_patrol_with_its_record_is_not_flagged(ctx: ReviewContext) -> None:
    data = _data("d_07")
    data["documents"].insert(0, {"type": "现场检查笔录", "date": "2024-05-08"})
    assert EVIDENCE_RECORD not in variant_findings(data, ctx)

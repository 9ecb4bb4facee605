"""Review round 28, q2 (issue #18, blind requirements list):
- R-AUTH-010: a seizure takes only the property the case concerns — never property unrelated
  to the act, nor a citizen's or dependants' necessities (行政强制法第二十三条第一款); variants of
  eval/sets/review_fresh20 rf20a_03 (a clean seizure of unregistered medical devices).
- R-QUAL-013: a 治安 inspection of a home needs the county-level 检查证明文件 even when urgent
  (治安管理处罚法第八十七条第一款); variants of eval/sets/review_fresh15 rf15a_06.
- R-SUBJ-003: an agency entrusts only in writing (行政处罚法第二十条第一款); variants of
  eval/sets/review_fresh9 rf9_14 (an entrusted 市政设施管理所 holding a 委托书)."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

SCOPE = ("procedure", "《中华人民共和国行政强制法》第二十三条第一款")
UNWRITTEN = ("subject", "《中华人民共和国行政处罚法》第二十条第一款")
HOME_SEARCH = ("procedure", "《中华人民共和国治安管理处罚法》第八十七条第一款")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context."""
    return national_ctx


def _seizing(taken: str) -> dict:
    data = set_file_data("review_fresh20", "rf20a_03_*.yaml")
    for event in data["events"]:
        note = event.get("note", "")
        if "扣押涉案医疗器械80盒" in note:
            event["note"] = note.replace("扣押涉案医疗器械80盒", f"扣押涉案医疗器械80盒{taken}")
            return data
    raise AssertionError("seizure event not found in the base file")


@pytest.mark.parametrize(
    "taken",
    [
        "及当事人家中的生活必需品电饭煲、被褥",
        "和与违法行为无关的办公电脑2台",
        "、与本案无关的财物冰箱一台",
    ],
)
def test_seizure_beyond_its_scope_is_flagged(ctx: ReviewContext, taken: str) -> None:
    assert SCOPE in variant_findings(_seizing(taken), ctx)


@pytest.mark.parametrize(
    "taken",
    [
        "",
        "，未扣押当事人及其家属的生活必需品",
        "，不得扣押的生活必需品均未扣押",
        "，与违法行为无关的财物不予扣押",
    ],
)
def test_seizure_within_its_scope_is_no_finding(ctx: ReviewContext, taken: str) -> None:
    assert SCOPE not in variant_findings(_seizing(taken), ctx)


def _home_search(note: str) -> dict:
    data = set_file_data("review_fresh15", "rf15a_06_*.yaml")
    for event in data["events"]:
        if "检查证" in event.get("note", ""):
            event["note"] = note
            return data
    raise AssertionError("inspection event not found in the base file")


@pytest.mark.parametrize(
    "note",
    [
        "接举报后当场对出租屋进行检查，未出示检查证，并询问双方",
        "民警对何某某住处进行检查，因情况紧急没有开具检查证明文件",
        "检查其出租屋时检查证未开具，仅出示人民警察证",
    ],
)
def test_home_searched_without_warrant_is_flagged(ctx: ReviewContext, note: str) -> None:
    assert HOME_SEARCH in variant_findings(_home_search(note), ctx)


@pytest.mark.parametrize(
    "note",
    [
        "持分局开具的检查证对出租屋进行检查，并询问双方",
        "对出租屋进行检查，并询问双方",  # silent: the paper may be held without being listed
        "在路边对其随身物品当场检查，未出示检查证，出示了人民警察证",  # not a home
    ],
)
def test_home_searched_with_warrant_or_not_a_home_is_no_finding(
    ctx: ReviewContext, note: str
) -> None:
    assert HOME_SEARCH not in variant_findings(_home_search(note), ctx)


def _entrusted(circumstance: str | None) -> dict:
    data = set_file_data("review_fresh9", "rf9_14_*.yaml")
    if circumstance is not None:
        data["facts"]["circumstances"] = [circumstance]
        data["evidence"] = [e for e in data["evidence"] if "委托书" not in e["name"]]
    return data


@pytest.mark.parametrize(
    "circumstance",
    [
        "城管局仅口头委托市政设施管理所查处占道行为",
        "城管局与该所未签订书面委托书，委托事项以会议纪要形式传达",
        "双方没有委托协议",
    ],
)
def test_entrustment_not_in_writing_is_flagged(ctx: ReviewContext, circumstance: str) -> None:
    assert UNWRITTEN in variant_findings(_entrusted(circumstance), ctx)


@pytest.mark.parametrize(
    "circumstance", [None, "委托书载明委托事项为城市道路占用的查处，期限至2025年12月31日"]
)
def test_written_entrustment_is_no_finding(ctx: ReviewContext, circumstance: str | None) -> None:
    assert UNWRITTEN not in variant_findings(_entrusted(circumstance), ctx)

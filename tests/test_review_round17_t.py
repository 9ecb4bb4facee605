"""Review round 17, class T (issue #18): review_fresh13 false flags — 拘留 the 罚则 provides but
an agency other than 公安 decides is one finding (第十八条第三款), not also 第十七条's; 全过程记录办法第十四条第二款 asks
full recording of the on-site seizure, not of lifting, extending, publishing or confiscating
it; an investigation step that met no one (内业核查、收到检验报告) had no certificate to show.
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh13 files."""

from __future__ import annotations

import pytest
from review_fixtures import must_fix_findings, set_file_data, variant_flags

from assistant.administration.av_recording_list import AvRecordingItem
from assistant.case_file import parse_case
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag

PENALTY_LAW = "《中华人民共和国行政处罚法》"
FULL_AV = "《广东省行政执法全过程记录办法》第十四条第二款"
RECORD_SHOWING = "《广东省行政执法全过程记录办法》第十条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh13", f"rf13{prefix}_*.yaml")


# --- 第十八条第三款: 拘留 outside 公安, one finding ---------------------------------------


def _detention(name: str, types: list[str]) -> dict:
    data = _data("b_06")
    data["agency"]["name"] = name
    data["penalty"]["types"] = types
    return data


@pytest.mark.parametrize(
    ("name", "types"),
    [
        ("韶关市武江区消防救援大队", ["行政拘留"]),
        ("清远市清城区消防救援大队", ["拘留"]),
        ("佛山市南海区消防救援大队", ["行政拘留", "罚款"]),
    ],
)
def test_detention_outside_police_is_one_finding(
    ctx: ReviewContext, name: str, types: list[str]
) -> None:
    data = _detention(name, types)
    if "罚款" in types:
        data["penalty"]["amount"] = 300
    authority = [f for f in variant_flags(data, ctx) if f.point.value == "authority"]
    assert [ctx.rule(f.rule) for f in authority] == [f"{PENALTY_LAW}第十八条第三款"]


def test_detention_the_sanction_lacks_is_also_outside_powers(ctx: ReviewContext) -> None:
    """拘留 the cited 罚则 does not provide is beyond the agency's 法定职权 as well (第十七条)."""
    data = _detention("清远市清城区消防救援大队", ["行政拘留"])
    data["citations"]["penalty_basis"] = ["《中华人民共和国消防法》第六十条第一款第（一）项"]
    found = must_fix_findings(parse_case(data), ctx)
    assert ("authority", f"{PENALTY_LAW}第十八条第三款") in found
    assert ("authority", f"{PENALTY_LAW}第十七条") in found


def test_kind_outside_powers_still_flagged(ctx: ReviewContext) -> None:
    """A kind the agency lacks that is no 拘留 stays 第十七条's."""
    data = _data("b_06")
    data["agency"]["powers"]["penalty_types"] = ["警告", "责令停产停业"]
    data["penalty"] = {"types": ["罚款"], "amount": 400}
    found = must_fix_findings(parse_case(data), ctx)
    assert ("authority", f"{PENALTY_LAW}第十七条") in found


# --- 全过程记录办法第十四条第二款: the on-site seizure itself --------------------------------


def _full_av(flags: list[Flag], ctx: ReviewContext) -> list[Flag]:
    return [f for f in flags if ctx.rule(f.rule) == FULL_AV]


@pytest.mark.parametrize(
    "event",
    [
        {"type": "公示", "date": "2024-03-09", "note": "在政府网站公开扣押决定信息"},
        {"type": "延期", "date": "2024-03-28", "note": "经局长批准延长查封期限三十日"},
        {"type": "决定", "date": "2024-04-02", "note": "检测完成，作出解除扣押决定，返还设备"},
        {"type": "送达", "date": "2024-04-02", "method": "解除扣押决定书邮寄送达"},
        {"type": "决定", "date": "2024-04-02", "note": "作出处罚决定，没收扣押的设备"},
        {"type": "陈述申辩", "date": "2024-03-20", "note": "当事人要求返还查封设备"},
        {"type": "调查取证", "date": "2024-03-12", "note": "样品送检，告知检测期间不计入查封期限"},
    ],
)
def test_acts_about_a_seizure_need_no_full_recording(ctx: ReviewContext, event: dict) -> None:
    data = _data("a_12")
    data["events"].append(event)
    assert not _full_av(variant_flags(data, ctx), ctx)


def test_unfilmed_on_site_seizure_still_flagged(ctx: ReviewContext) -> None:
    data = _data("a_12")
    data["events"].append(
        {
            "type": "调查取证",
            "date": "2024-03-12",
            "officers": ["曾志坚", "邓慧琳"],
            "certificates_shown": True,
            "audio_video": False,
            "note": "复查发现另一排污泵，经负责人批准当场扣押",
        }
    )
    flags = _full_av(variant_flags(data, ctx), ctx)
    assert [f.severity.value for f in flags] == ["must_fix"]


def test_not_when_phrase_hides_only_its_own_keyword() -> None:
    item = AvRecordingItem(
        name="查封、扣押财产",
        recording="全过程无间断音像记录",
        keywords=["查封", "扣押"],
        not_when=["解除查封", "扣押期限"],
        rule=FULL_AV,
    )
    assert not item.applies("决定", ["作出解除查封决定"])
    assert item.applies("调查取证", ["解除查封后又发现违法，当场扣押货物"])


# --- 第五十五条第一款、记录办法第十条: a step that met no one ------------------------------


def _desk_step(note: str, source: str) -> dict:
    data = _data("c_09")
    data["events"][0] = {
        "type": "调查取证",
        "date": "2023-06-12",
        "officers": ["朱永坚", "潘丽娟"],
        "note": note,
    }
    data["evidence"][0] = {
        "type": "书证",
        "name": "不动产登记信息查询结果",
        "source": source,
        "obtained_by": "调取",
        "date": "2023-06-12",
    }
    data["evidence"][1]["source"] = source
    return data


def _showing(flags: list[Flag], ctx: ReviewContext) -> list[Flag]:
    return [f for f in flags if ctx.rule(f.rule).startswith(RECORD_SHOWING)]


def test_desk_step_needs_no_certificate_record(ctx: ReviewContext) -> None:
    data = _desk_step("收到群众举报，查询系统登记信息", "清远市清新区自然资源局")
    assert not _showing(variant_flags(data, ctx), ctx)


def test_step_taking_papers_from_party_is_checked(ctx: ReviewContext) -> None:
    data = _desk_step("调取营业执照和租赁合同", "当事人")
    assert _showing(variant_flags(data, ctx), ctx)

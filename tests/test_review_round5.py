"""Review round 5 (issue #18): rules learned from the review_fresh4 set, each stated from
the law and exercised on the shipped example (or a team case file) edited to be written
differently."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_fixtures import EXAMPLE
from review_fixtures import edited_example as _case

from assistant.case_file import CaseFile, read_case_data
from assistant.review.checkers.authority import same_penalty_kind
from assistant.review.context import ReviewContext
from assistant.review.criminal_thresholds import reached
from assistant.review.engine import review
from assistant.review.statutory_fine import GOODS_VALUE, fine_bases
from assistant.review.territory import Placement, placement

CASES_DIR = Path(__file__).parent / "review_cases"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
FULL_RECORDING = "《广东省行政执法全过程记录办法》第十四条第二款"


# --- territory (第二十二条): names read whole, finer units and zones not compared -----


@pytest.mark.parametrize(
    ("region", "place", "expected"),
    [
        # 惠州市 is one prefecture (not 惠州 + 市博罗县); 石湾镇镇区 is inside a town
        ("惠州市博罗县石湾镇", "博罗县石湾镇镇区兴业大道旁", Placement.INSIDE),
        ("惠州市博罗县", "惠州市惠阳区淡水街道某路", Placement.OUTSIDE),
        ("广州市", "广东省广州市白云区太和镇某路18号", Placement.INSIDE),
        ("潮州市湘桥区", "潮州市湘桥区某街", Placement.INSIDE),
        # a development or industrial zone is no county-level area
        ("江门市蓬江区", "江门市高新区某路", Placement.INSIDE),
        ("广州市天河区", "广州开发区某路", Placement.INSIDE),
        ("江门市", "台山市台城街道某工业区", Placement.INSIDE),
    ],
)
def test_area_names_are_read_whole(region: str, place: str, expected: Placement) -> None:
    assert placement(region, place)[0] is expected


def test_a_township_in_its_own_town_is_only_a_level_question(ctx: ReviewContext) -> None:
    """The town's own place (石湾镇镇区) is inside its territory: 第二十三条 is the
    finding, 第二十二条 is not."""
    data = read_case_data(CASES_DIR / "n14_clean_designated_jurisdiction.yaml")
    data["agency"].update(
        name="博罗县石湾镇人民政府", region="惠州市博罗县石湾镇", designated_jurisdiction=None
    )
    data["violation"]["place"] = "博罗县石湾镇镇区兴业大道旁"
    case = CaseFile.model_validate(data)
    rules = [ctx.rule(f.rule) for f in review(case, ctx).flags if f.point == "authority"]
    assert PENALTY_LAW + "第二十三条" in rules
    assert PENALTY_LAW + "第二十二条" not in rules


# --- 第九条第（三）项: any licence revoked is 吊销许可证件 --------------------------------


def test_a_named_licence_is_the_licence_kind() -> None:
    assert same_penalty_kind("吊销药品经营许可证", "吊销许可证件")
    assert same_penalty_kind("吊销排污许可证", "吊销营业执照")
    assert same_penalty_kind("暂扣机动车驾驶证", "暂扣许可证件")
    assert not same_penalty_kind("吊销排污许可证", "暂扣许可证件")


def test_a_revocation_the_article_lacks_is_the_law_point_s_finding(ctx: ReviewContext) -> None:
    """An agency that may revoke licences (its list: 吊销许可证件) revoking one under an
    article without 吊销 (水污染防治法第八十三条) misapplies the law (第三十八条第一款):
    the finding is the article's, not the agency's powers (第十七条)."""
    case = _case(
        penalty__types=["罚款", "吊销排污许可证"],
        agency__powers__penalty_types=["警告", "罚款", "责令停产整治", "吊销许可证件"],
    )
    flags = [
        (f.point.value, ctx.rule(f.rule), f.severity.value)
        for f in review(case, ctx).flags
        if f.point in ("law", "authority")
    ]
    assert flags == [("law", "《中华人民共和国水污染防治法》第八十三条", "must_fix")]


# --- 全过程记录办法第十四条第二款: silence is checked, "not filmed" must be fixed -------


def _seizure(audio_video: bool | None) -> CaseFile:
    data = read_case_data(EXAMPLE)
    step = {"type": "调查取证", "date": "2023-04-12", "officers": ["李明", "陈华"]}
    step |= {"certificates_shown": True, "note": "扣押库存电镀液"}
    if audio_video is not None:
        step["audio_video"] = audio_video
    data["events"].insert(3, step)
    return CaseFile.model_validate(data)


@pytest.mark.parametrize(("audio_video", "severity"), [(None, "check"), (False, "must_fix")])
def test_an_unfilmed_seizure_is_must_fix_only_when_the_file_says_so(
    ctx: ReviewContext, audio_video: bool | None, severity: str
) -> None:
    flags = [
        f.severity.value
        for f in review(_seizure(audio_video), ctx).flags
        if ctx.rule(f.rule) == FULL_RECORDING
    ]
    assert flags == [severity]


def test_a_filmed_seizure_is_no_finding(ctx: ReviewContext) -> None:
    flags = review(_seizure(True), ctx).flags
    assert not [f for f in flags if ctx.rule(f.rule) == FULL_RECORDING]


# --- 货值金额 (两高伪劣商品解释第二条第三款): a held part is no whole -------------------


def test_held_goods_value_is_added_to_what_was_sold() -> None:
    split = _case(facts__amounts={"销售金额": 86000, "库存货值金额": 24000, "违法所得": 15600})
    assert fine_bases(split)[GOODS_VALUE] == 110000
    whole = _case(facts__amounts={"货值金额": 8160, "销售金额": 3400})
    assert GOODS_VALUE not in fine_bases(whole) or fine_bases(whole)[GOODS_VALUE] == 8160


# --- 刑法第一百四十一条: 假药 written by its definition or by the file's own article ----


@pytest.mark.parametrize(
    ("description", "violated", "penalty_basis"),
    [
        (
            "当事人销售的胶囊经检验检出西地那非，所含成份与国家药品标准规定的成份不符。",
            "《中华人民共和国药品管理法》第九十八条第一款",
            "《中华人民共和国药品管理法》第一百二十四条",
        ),
        (
            "当事人购进胶囊120盒，经检验检出西地那非。",
            "《中华人民共和国药品管理法》第九十八条第一款",
            "《中华人民共和国药品管理法》第一百一十六条",
        ),
    ],
)
def test_a_counterfeit_drug_is_written_by_its_definition_or_its_article(
    description: str, violated: str, penalty_basis: str
) -> None:
    case = _case(
        facts__description=description,
        citations__violated=[violated],
        citations__penalty_basis=[penalty_basis],
    )
    assert [h.threshold.id for h in reached(case)] == ["counterfeit-drugs"]


def test_a_substandard_drug_is_not_a_counterfeit_one() -> None:
    """劣药 (成份的含量不符合国家药品标准, 第九十八条第三款) is no 第一百四十一条 act."""
    case = _case(
        facts__description="当事人销售的胶囊所含成份的含量不符合国家药品标准。",
        citations__violated=["《中华人民共和国药品管理法》第九十八条第一款"],
        citations__penalty_basis=["《中华人民共和国药品管理法》第一百一十七条"],
    )
    assert reached(case) == []


# --- 第四十四条、第六十三条: rights a file lists vs rights it is silent on ----------------


def _notice_with(**fields: object) -> CaseFile:
    """The example (a 150000-yuan fine: a hearing is due) with its notice step rewritten."""
    data = read_case_data(EXAMPLE)
    for event in data["events"]:
        if event["type"] == "告知":
            event.pop("rights")
            event.update(fields)
    return CaseFile.model_validate(data)


def _notice_flags(case: CaseFile, ctx: ReviewContext) -> set[tuple[str, str]]:
    wanted = (PENALTY_LAW + "第四十四条", PENALTY_LAW + "第六十三条第一款")
    return set(
        (ctx.rule(f.rule), f.severity.value)
        for f in review(case, ctx).flags
        if ctx.rule(f.rule) in wanted
    )


def test_a_notice_silent_on_the_rights_told_is_checked(ctx: ReviewContext) -> None:
    """A notice step naming no rights leaves open what the 告知书 said: checked."""
    assert _notice_flags(_notice_with(note="送达行政处罚事先告知书"), ctx) == {
        (PENALTY_LAW + "第四十四条", "check"),
        (PENALTY_LAW + "第六十三条第一款", "check"),
    }


def test_rights_written_in_the_note_are_told(ctx: ReviewContext) -> None:
    assert _notice_flags(_notice_with(note="告知陈述、申辩、听证权利"), ctx) == set()


def test_rights_listed_as_none_must_be_fixed(ctx: ReviewContext) -> None:
    """``rights: []`` says no right was told: 第四十四条 and 第六十三条第一款 are breached."""
    assert _notice_flags(_notice_with(rights=[]), ctx) == {
        (PENALTY_LAW + "第四十四条", "must_fix"),
        (PENALTY_LAW + "第六十三条第一款", "must_fix"),
    }


# --- 第五十八条 / 粤审核办法第三条: a review on paper is a review -------------------------


def _review_flags(case: CaseFile, ctx: ReviewContext) -> list[str]:
    return [
        f.reason
        for f in review(case, ctx).flags
        if f.point == "procedure" and "未经法制审核" in f.reason
    ]


def test_a_dated_review_opinion_shows_the_review(ctx: ReviewContext) -> None:
    """The example (a major decision) with its 法制审核 step left out of the events but its
    法制审核意见书 (2023-05-20, before the decision) kept was reviewed; without the opinion
    too, it was not."""
    data = read_case_data(EXAMPLE)
    data["events"] = [e for e in data["events"] if e["type"] != "法制审核"]
    assert _review_flags(CaseFile.model_validate(data), ctx) == []
    data["documents"] = [d for d in data["documents"] if "审核" not in d["type"]]
    assert len(_review_flags(CaseFile.model_validate(data), ctx)) == 1


# --- silence is checked, a stated blank must be fixed (place, powers basis) ----------


def _severities(case: CaseFile, ctx: ReviewContext, point: str, rule: str) -> list[str]:
    return [
        f.severity.value
        for f in review(case, ctx).flags
        if f.point == point and ctx.rule(f.rule) == rule
    ]


@pytest.mark.parametrize(("stated", "severity"), [(False, "check"), (True, "must_fix")])
def test_a_place_left_out_is_checked_a_place_stated_unknown_fixed(
    ctx: ReviewContext, stated: bool, severity: str
) -> None:
    data = read_case_data(EXAMPLE)
    del data["violation"]["place"]
    if stated:
        data["violation"]["place"] = None
    case = CaseFile.model_validate(data)
    assert _severities(case, ctx, "facts", PENALTY_LAW + "第四十条") == [severity]


@pytest.mark.parametrize(("stated", "severity"), [(False, "check"), (True, "must_fix")])
def test_a_powers_basis_left_out_is_checked_one_stated_empty_fixed(
    ctx: ReviewContext, stated: bool, severity: str
) -> None:
    data = read_case_data(EXAMPLE)
    del data["agency"]["powers"]["basis"]
    if stated:
        data["agency"]["powers"]["basis"] = []
    case = CaseFile.model_validate(data)
    assert _severities(case, ctx, "subject", PENALTY_LAW + "第十七条") == [severity]


# --- 第四十二条第一款: officers however the step writes them ------------------------------


@pytest.mark.parametrize(
    "written", [["李明、陈华"], "李明，陈华", ["李明（执法证号44070021001）", "陈华"]]
)
def test_two_officers_written_together_or_annotated_are_two(
    ctx: ReviewContext, written: object
) -> None:
    data = read_case_data(EXAMPLE)
    for event in data["events"]:
        if event["type"] == "调查取证":
            event["officers"] = written
    flags = review(CaseFile.model_validate(data), ctx).flags
    assert [f.reason for f in flags if f.point == "qualification"] == []


def test_one_officer_is_still_one(ctx: ReviewContext) -> None:
    data = read_case_data(EXAMPLE)
    data["events"][0]["officers"] = ["李明（主办）"]
    flags = review(CaseFile.model_validate(data), ctx).flags
    assert [f.severity.value for f in flags if f.point == "qualification"] == ["must_fix"]


def test_a_base_the_narrative_states_counts() -> None:
    """违法所得 written in the established facts (and left out of facts.amounts) is a
    base; a held part (库存货值金额) is not the whole 货值金额."""
    case = _case(
        facts__amounts={},
        facts__description="已售出50盒，违法所得2150元；货值金额1.2万元，另库存货值金额3000元。",
    )
    bases = fine_bases(case)
    assert bases["违法所得"] == 2150
    assert bases[GOODS_VALUE] == 12000
    held_only = _case(facts__amounts={}, facts__description="现场查扣库存货值金额3000元。")
    assert GOODS_VALUE not in fine_bases(held_only)

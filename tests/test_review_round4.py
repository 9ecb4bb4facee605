"""Review round 4 (issue #18): rules learned from the review_fresh3 set, each stated from
the law and exercised on the shipped example edited to be written differently."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from indexing_fixtures import make_record
from review_fixtures import EXAMPLE
from review_fixtures import edited_example as _case

from api.settings import Settings
from assistant.case_file import CaseFile, load_case, read_case_data
from assistant.discretion.catalogue import StandardsCatalogue
from assistant.discretion.conditions import CaseFacts, evaluate
from assistant.discretion.tier_decision import decide
from assistant.norm_links import is_penalty_norm
from assistant.review.checkers.documents import states, unstated_parts
from assistant.review.context import ReviewContext
from assistant.review.engine import review

CASES_DIR = Path(__file__).parent / "review_cases"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
NOTICE = PENALTY_LAW + "第四十四条"
UNPROVEN = PENALTY_LAW + "第四十条"
NO_RECORD = PENALTY_LAW + "第五十五条第二款"
SOURCE = PENALTY_LAW + "第四十六条第二款"
AV_RULE = "《广东省行政执法全过程记录办法》第十四条第一款"
PUBLIC_ORDER_LIMIT = "《中华人民共和国治安管理处罚法》第九十九条第一款"
DECISION_LIST = "《中华人民共和国行政处罚法》第五十九条第一款"


def _flags(case: CaseFile, ctx: ReviewContext, point: str) -> list[tuple[str, str]]:
    return [(ctx.rule(f.rule), f.reason) for f in review(case, ctx).flags if f.point == point]


def _without_notice(decision_note: str, amount: float) -> CaseFile:
    events = [e for e in read_case_data(EXAMPLE)["events"] if e["type"] not in ("告知", "陈述申辩")]
    for event in events:
        if event["type"] == "决定":
            event["note"] = decision_note
    return _case(events=events, penalty__amount=amount)


def test_a_summary_decision_carries_its_notice_on_the_form(ctx: ReviewContext) -> None:
    """第五十二条: the on-the-spot decision is told orally and written on the pre-printed
    form the party signs, so a summary file has no separate 告知 step to miss; an
    ordinary-procedure file without one still breaches 第四十四条."""
    summary = _without_notice("适用简易程序当场处罚", 1000)
    assert NOTICE not in [rule for rule, _ in _flags(summary, ctx, "procedure")]
    ordinary = _without_notice("集体讨论后作出决定", 1000)
    assert NOTICE in [rule for rule, _ in _flags(ordinary, ctx, "procedure")]


def test_a_summary_decision_beyond_its_scope_is_flagged_once(ctx: ReviewContext) -> None:
    """A fine above 3000 yuan for an organisation may not be decided on the spot
    (第五十一条): that is the finding, not a missing notice besides."""
    rules = [rule for rule, _ in _flags(_without_notice("当场处罚", 150000), ctx, "procedure")]
    assert "《中华人民共和国行政处罚法》第五十一条" in rules
    assert NOTICE not in rules


def test_each_part_of_a_compound_decision_matter_must_be_written() -> None:
    """第五十九条第一款第（六）项 asks for the organ's name *and* the date: a 决定书 listing
    only the name leaves the date out; a paraphrase naming both states the item."""
    matter = "作出行政处罚决定的行政机关名称和作出决定的日期"
    assert unstated_parts(["作出行政处罚决定的行政机关名称"], matter) == ["作出决定的日期"]
    assert unstated_parts(["机关名称及决定日期"], matter) == []
    assert unstated_parts(["当事人的姓名或者名称、地址"], matter) == [matter]
    facts = "违反法律、法规、规章的事实和证据"
    assert unstated_parts(["违反法律、法规、规章的事实"], facts) == ["证据"]
    assert unstated_parts(["违法事实和证据"], facts) == []


def test_a_decision_without_its_date_is_flagged(ctx: ReviewContext) -> None:
    data = read_case_data(EXAMPLE)
    decision = next(d for d in data["documents"] if d["type"] == "行政处罚决定书")
    decision["contents"] = [*decision["contents"][:5], "作出行政处罚决定的行政机关名称"]
    flags = [f for f in review(_case(documents=data["documents"]), ctx).flags]
    found = [(ctx.rule(f.rule), "日期" in f.reason, f.also_cites) for f in flags]
    assert found == [(DECISION_LIST, True, [DECISION_LIST + "第（六）项"])]
    assert _flags(_case(), ctx, "documents") == []


def test_a_sanction_naming_its_organ_outside_a_liability_chapter_is_a_penalty_norm() -> None:
    """无证无照经营查处办法第十三条 has no 法律责任 chapter and no 违反, yet 由…部门…并处
    罚款 is a 罚则: it may be cited as 处罚依据 (no 第三十八条 flag)."""
    day = dt.date(2017, 10, 1)
    unlicensed = make_record(
        "无证无照经营查处办法",
        "无证无照经营查处办法",
        day,
        None,
        "行政法规",
        13,
        (),
        (
            "从事无照经营的，由工商行政管理部门依照相关法律、行政法规的规定予以处罚。法律、"
            "行政法规对无照经营的处罚没有明确规定的，由工商行政管理部门责令停止违法行为，"
            "没收违法所得，并处1万元以下的罚款。",
        ),
    )
    assert is_penalty_norm(unlicensed)
    duty = make_record(
        "某条例",
        "某条例",
        day,
        None,
        "行政法规",
        5,
        (),
        ("县级以上人民政府市场监督管理部门负责无照经营的查处，依法没收违法所得。",),
    )
    assert not is_penalty_norm(duty)


def _appraised_public_order_case(opinion_day: str) -> CaseFile:
    """n20: 受理 2023-09-01, decided 2023-10-12 (41 days, no extension)."""
    data = read_case_data(CASES_DIR / "n20_proc_public_order_hearing_and_time_limit.yaml")
    for event in data["events"]:
        if event["type"] == "陈述申辩":
            event["hearing_requested"] = False
    data["evidence"].append(
        {"type": "鉴定意见", "name": "伤情鉴定意见书", "source": "鉴定所", "date": opinion_day}
    )
    return CaseFile.model_validate(data)


def _limit_severity(case: CaseFile, ctx: ReviewContext) -> list[str]:
    flags = review(case, ctx).flags
    return [f.severity.value for f in flags if ctx.rule(f.rule) == PUBLIC_ORDER_LIMIT]


def test_an_appraisal_excuses_no_more_than_the_days_up_to_its_opinion(
    ctx: ReviewContext,
) -> None:
    """治安管理处罚法第九十九条第二款 leaves the appraisal's time out of the 30 days; it ran
    at most from 受理 to the opinion's date, so 41 days less 4 is still over the limit,
    while 41 less 19 may not be and is only checked."""
    assert _limit_severity(_appraised_public_order_case("2023-09-05"), ctx) == ["must_fix"]
    assert _limit_severity(_appraised_public_order_case("2023-09-20"), ctx) == ["check"]


def _unrecorded_site(keep_objective: bool) -> CaseFile:
    data = read_case_data(EXAMPLE)
    data["documents"] = [d for d in data["documents"] if d["type"] != "现场检查笔录"]
    data["evidence"] = [
        e
        for e in data["evidence"]
        if e["type"] not in ("现场笔录", "视听资料") and (keep_objective or e["type"] != "鉴定意见")
    ]
    for event in data["events"]:
        event["audio_video"] = False
    return CaseFile.model_validate(data)


def _evidence(case: CaseFile, ctx: ReviewContext) -> list[tuple[str, str, list[str]]]:
    flags = review(case, ctx).flags
    return [
        (ctx.rule(f.rule), f.severity.value, [ctx.rule(r) for r in f.also_cites])
        for f in flags
        if f.point == "evidence"
    ]


def test_an_unproven_site_fact_and_its_missing_record_are_one_finding(
    ctx: ReviewContext,
) -> None:
    """With neither record, recording nor anything objective, the on-site fact is not
    proven (第四十条) because no record was made (第五十五条第二款) and nothing filmed
    (全过程记录办法第十四条第一款): one flag citing all three. With a monitoring report the
    fact may stand: the missing record must be fixed, the missing recording checked."""
    unproven = _unrecorded_site(keep_objective=False)
    assert _evidence(unproven, ctx) == [(UNPROVEN, "must_fix", [NO_RECORD, AV_RULE])]
    procedure = [ctx.rule(f.rule) for f in review(unproven, ctx).flags if f.point == "procedure"]
    assert AV_RULE not in procedure  # the recording duty is cited by that one finding
    measured = _unrecorded_site(keep_objective=True)
    assert _evidence(measured, ctx) == [(NO_RECORD, "must_fix", []), (UNPROVEN, "check", [])]
    procedure = [ctx.rule(f.rule) for f in review(measured, ctx).flags if f.point == "procedure"]
    assert AV_RULE in procedure


INVESTIGATION_RECORD = "《广东省重大行政执法决定法制审核办法》第十四条第一款第（二）项"


def _documents(case: CaseFile, ctx: ReviewContext) -> list[str]:
    return [ctx.rule(f.rule) for f in review(case, ctx).flags if f.point == "documents"]


def test_an_unrecorded_inspection_is_not_reported_again_as_a_missing_document(
    ctx: ReviewContext,
) -> None:
    """Investigation by inspection only, no record: the absence is the evidence point's
    finding. An interview without its 询问笔录 besides is a missing document too."""
    data = read_case_data(EXAMPLE)
    data["documents"] = [d for d in data["documents"] if "笔录" not in d["type"]]
    data["evidence"] = [e for e in data["evidence"] if "笔录" not in e["type"] + e["name"]]
    data["events"] = [e for e in data["events"] if "询问" not in e.get("note", "")]
    inspected = CaseFile.model_validate(data)
    assert INVESTIGATION_RECORD not in _documents(inspected, ctx)
    assert any(rule in (UNPROVEN, NO_RECORD) for rule, _, _ in _evidence(inspected, ctx))
    data["events"].append(
        {
            "type": "调查取证",
            "date": "2023-04-10",
            "officers": ["李明", "陈华"],
            "note": "询问法定代表人",
        }
    )
    assert INVESTIGATION_RECORD in _documents(CaseFile.model_validate(data), ctx)


def test_evidence_the_officers_seized_names_its_own_source(ctx: ReviewContext) -> None:
    """A seized object or a sample comes with its 扣押清单/抽样单: no source to ask for. A
    contract taken from others without a source cannot be verified (第四十六条第二款)."""
    seized = {
        "type": "物证",
        "name": "扣押的电镀槽液",
        "obtained_by": "查封扣押",
        "date": "2023-03-28",
    }
    copied = {"type": "书证", "name": "购销合同", "obtained_by": "调取", "date": "2023-04-10"}
    data = read_case_data(EXAMPLE)
    data["evidence"].append(seized)
    assert SOURCE not in [rule for rule, _, _ in _evidence(CaseFile.model_validate(data), ctx)]
    data["evidence"].append(copied)
    assert SOURCE in [rule for rule, _, _ in _evidence(CaseFile.model_validate(data), ctx)]


def test_a_measure_missing_from_the_article_is_the_article_s_finding(ctx: ReviewContext) -> None:
    """The measures are read from the whole penalty article (水污染防治法第八十三条 has no
    警告): the flag cites the article, with the 项 the file cited, that 项's 款 (round 14) and
    行政处罚法第三十八条第一款 (a penalty without basis, round 11) beside it."""
    case = _case(penalty__types=["警告", "罚款"])
    flags = [f for f in review(case, ctx).flags if "警告" in f.reason and f.point == "law"]
    cited = ctx.rule(case.citations.penalty_basis[0])
    article = "《中华人民共和国水污染防治法》第八十三条"
    assert [(ctx.rule(f.rule), f.also_cites) for f in flags] == [
        (article, [cited, f"{article}第一款", ctx.penalty_law("第三十八条第一款")])
    ]


def _child_case(id_code: str, amount: float) -> CaseFile:
    """n07 (a road-traffic fine, 道路交通安全法第八十九条: 警告或者二十元以上二百元以下罚款)
    with its notice step removed and the fine and the party's ID number set."""
    data = read_case_data(CASES_DIR / "n07_law_party_under_14.yaml")
    data["events"] = [e for e in data["events"] if e["type"] != "告知"]
    data["parties"][0]["id_code"] = id_code
    data["penalty"]["amount"] = amount
    return CaseFile.model_validate(data)


def test_a_capacity_bar_subsumes_the_flags_about_the_penalty(ctx: ReviewContext) -> None:
    """第三十条: a child under fourteen is not punished, so the decision becomes 不予处罚
    (第五十七条第一款): the missing notice of the proposed penalty (第四十四条) and a fine
    above the article's maximum have nothing left to correct. A party of fifteen may be
    punished: both stay."""
    child = review(_child_case("440703201005010000", 500), ctx).flags
    assert [(f.point.value, ctx.rule(f.rule)) for f in child if f.severity.value == "must_fix"] == [
        ("law", PENALTY_LAW + "第三十条")
    ]
    teen = review(_child_case("440703200805010000", 500), ctx).flags
    found = {(f.point.value, ctx.rule(f.rule)) for f in teen}
    assert ("procedure", NOTICE) in found
    assert "discretion" in {point for point, _ in found}


def test_a_quantity_named_with_its_unit_counts() -> None:
    """Files key a quantity by what was measured and its unit (危险废物（吨）, 危险废物吨数);
    two quantities in the same unit decide no tonnage condition."""
    assert evaluate("3吨以上10吨以下", CaseFacts(quantities={"危险废物（吨）": 5.2})) is True
    assert evaluate("10吨以上", CaseFacts(quantities={"危险废物吨数": 12.6})) is True
    two = CaseFacts(quantities={"污泥（吨）": 5.0, "废液（吨）": 2.0})
    assert evaluate("3吨以上10吨以下", two) is None


def test_a_column_beside_no_earlier_offence_counts_earlier_offences() -> None:
    """广东裁量表 §4.16 offers 无同类违法行为 / 1次以上3次以下 / 3次以上 for 近二年同类违法行为
    情况: a first offender has none before, so is not in the 1–3 row."""
    catalogue = StandardsCatalogue.load(Settings().standards_dir)
    waste = catalogue.get("GD-4.16")
    assert waste is not None
    first = CaseFacts(first_offence=True, corrected_in_time=True, quantities={"吨": 5.2})
    decided = decide(waste, first, catalogue.exemptions)
    assert "近二年同类违法行为情况：无同类违法行为" in decided.deciding_factors
    assert (decided.range_min_yuan, decided.range_max_yuan) == (250_000, 280_000)
    second = first.model_copy(update={"first_offence": None, "prior_offences": 1})
    again = decide(waste, second, catalogue.exemptions)
    assert "近二年同类违法行为情况：1次以上3次以下" in again.deciding_factors


@pytest.mark.parametrize(
    ("line", "matter"),
    [
        ("缴纳罚款的方式和期限", "行政处罚的履行方式和期限"),
        ("处罚内容及依据", "行政处罚的种类和依据"),
        ("作出决定的机关名称和日期", "作出行政处罚决定的行政机关名称和作出决定的日期"),
    ],
)
def test_a_line_naming_every_part_of_a_matter_states_it(line: str, matter: str) -> None:
    """A 决定书 written in its own words states a compound matter when it names each part."""
    assert states(line, matter)
    assert unstated_parts([line], matter) == []


TWO_OFFICERS = PENALTY_LAW + "第四十二条第一款"


def _qualification(events: list[dict], ctx: ReviewContext) -> list[tuple[str, str]]:
    case = _case(events=events)
    return [
        (ctx.rule(f.rule), f.severity.value)
        for f in review(case, ctx).flags
        if f.point == "qualification"
    ]


def test_a_step_naming_no_officer_is_silent_not_one_officer(ctx: ReviewContext) -> None:
    """第四十二条第一款 is breached by a step one officer took, not by a step that names
    nobody (收到检测报告) in a file whose other steps had two; a file naming nobody at
    all is checked."""
    events = read_case_data(EXAMPLE)["events"]
    silent = {"type": "调查取证", "date": "2023-04-02", "note": "收到检测报告"}
    assert _qualification([*events, silent], ctx) == []
    alone = {**silent, "officers": ["李明"]}
    assert _qualification([*events, alone], ctx) == [(TWO_OFFICERS, "must_fix")]
    nobody = [
        {k: v for k, v in e.items() if k not in ("officers", "certificates_shown")} for e in events
    ]
    assert (TWO_OFFICERS, "check") in _qualification(nobody, ctx)
    assert (TWO_OFFICERS, "must_fix") not in _qualification(nobody, ctx)


def test_drunk_driving_transfer_also_cites_the_item_that_writes_the_act(
    ctx: ReviewContext,
) -> None:
    """刑法第一百三十三条之一 lists four kinds of 危险驾驶; 醉酒驾驶机动车 is its 第一款第（二）
    项, cited beside the article (and resolved in the corpus like it)."""
    case = load_case(CASES_DIR / "n02_transfer_drunk_driving.yaml")
    transfer = [f for f in review(case, ctx).flags if f.point == "transfer"]
    assert [ctx.rule(f.rule) for f in transfer] == ["《中华人民共和国刑法》第一百三十三条之一"]
    assert "《中华人民共和国刑法》第一百三十三条之一第一款第（二）项" in transfer[0].also_cites


def test_an_order_to_correct_is_no_penalty_kind(ctx: ReviewContext) -> None:
    """责令改正 goes with the penalty (第二十八条第一款) but is not one of 第九条's kinds: it
    takes a decision out of neither the on-the-spot scope (第五十一条) nor a 派出所's
    警告 and fines (治安管理处罚法第九十一条)."""
    summary = _without_notice("当场处罚", 100).model_copy(deep=True)
    summary.penalty.types = ["罚款", "责令改正"]
    rules = [ctx.rule(f.rule) for f in review(summary, ctx).flags]
    assert PENALTY_LAW + "第五十一条" not in rules
    data = read_case_data(CASES_DIR / "n18_clean_public_order_station_fine.yaml")
    data["penalty"]["types"] = [*data["penalty"]["types"], "责令改正", "给予警告"]
    assert [
        f for f in review(CaseFile.model_validate(data), ctx).flags if f.point == "authority"
    ] == []


def test_a_place_written_in_the_narrative_is_a_known_place(ctx: ReviewContext) -> None:
    """第四十条 asks for clear facts, not a filled-in field: a narrative naming the address
    states where the act took place; with neither, the place is unknown."""
    place = PENALTY_LAW + "第四十条"
    told = _case(
        violation__place=None,
        facts__description="当事人在江门市蓬江区棠下镇工业大道8号厂区内将电镀清洗废水排入厂外水渠。",
    )
    assert place not in [ctx.rule(f.rule) for f in review(told, ctx).flags if f.point == "facts"]
    untold = _case(violation__place=None)
    assert place in [ctx.rule(f.rule) for f in review(untold, ctx).flags if f.point == "facts"]

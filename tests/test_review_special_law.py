"""Issue #18, second round: the special law where it speaks (治安管理处罚法), territory and
level as limits of power, who may be entrusted, capacity and mitigation read from the
narrative, 不予处罚 severity, transfer thresholds cited where they are written, and the
provision the duty to review a major decision rests on. Statute wording is quoted from
the default corpus (corpus/data)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.case_file import CaseFile, load_case, read_case_data
from assistant.norm_links import is_penalty_norm
from assistant.publicity.deadlines import working_days_between as working_days
from assistant.review.context import ReviewContext
from assistant.review.engine import review
from assistant.review.flag import Flag
from assistant.review.mitigation import affirmed, reduction_grounds
from assistant.review.public_order import is_public_order_case
from assistant.review.territory import Placement, placement
from corpus.citation_resolver import ResolvedCitation

CASES_DIR = Path(__file__).parent / "review_cases"
EXAMPLE = (
    Path(__file__).resolve().parent.parent / "assistant" / "data" / "review" / "example_case.yaml"
)
PENALTY_LAW = "《中华人民共和国行政处罚法》"
PUBLIC_ORDER_LAW = "《中华人民共和国治安管理处罚法》"


def _data(path: Path = EXAMPLE) -> dict:
    return read_case_data(path)


def _flags(case: CaseFile, ctx: ReviewContext, point: str) -> list[Flag]:
    return [f for f in review(case, ctx).flags if f.point == point]


# --- 治安管理处罚法 where it speaks -------------------------------------------------------


def test_public_order_articles_are_sanction_clauses(ctx: ReviewContext) -> None:
    found = ctx.resolve(PUBLIC_ORDER_LAW + "第四十三条第一款", dt.date(2023, 6, 1))[0]
    assert isinstance(found, ResolvedCitation)
    assert is_penalty_norm(ctx.record(found))  # 第三章 违反治安管理的行为和处罚


def test_a_clean_public_order_case_has_no_general_law_flags(ctx: ReviewContext) -> None:
    case = load_case(CASES_DIR / "n18_clean_public_order_station_fine.yaml")
    assert is_public_order_case(case, ctx)
    assert review(case, ctx).flags == []


def test_a_station_deciding_detention_is_judged_by_article_91_alone(ctx: ReviewContext) -> None:
    case = load_case(CASES_DIR / "n19_auth_station_detention.yaml")
    assert [f.rule for f in _flags(case, ctx, "authority")] == [PUBLIC_ORDER_LAW + "第九十一条"]
    fine = _data(CASES_DIR / "n18_clean_public_order_station_fine.yaml")
    fine["penalty"] = {"types": ["罚款"], "amount": 800}
    flags = _flags(CaseFile.model_validate(fine), ctx, "authority")
    assert [f.rule for f in flags] == [PUBLIC_ORDER_LAW + "第九十一条"]


def _late_public_order_case(**events: dict) -> CaseFile:
    data = _data(CASES_DIR / "n20_proc_public_order_hearing_and_time_limit.yaml")
    for event in data["events"]:
        if event["type"] == "告知":
            event["rights"] = ["陈述", "申辩", "听证"]
        if event["type"] == "陈述申辩":
            event["hearing_requested"] = False  # waived: no 第六十四条 five-day wait
    data["events"] += list(events.values())
    return CaseFile.model_validate(data)


def test_public_order_time_limit_counts_30_days_and_30_more_on_approval(
    ctx: ReviewContext,
) -> None:
    late = _flags(_late_public_order_case(), ctx, "procedure")
    assert [(f.rule, f.severity.value) for f in late] == [
        (PUBLIC_ORDER_LAW + "第九十九条第一款", "must_fix")
    ]
    extended = _late_public_order_case(extension={"type": "延期", "date": "2023-09-28"})
    assert _flags(extended, ctx, "procedure") == []


def test_public_order_time_limit_with_an_appraisal_is_only_checked(ctx: ReviewContext) -> None:
    data = _data(CASES_DIR / "n20_proc_public_order_hearing_and_time_limit.yaml")
    data["evidence"].append(
        {"type": "鉴定意见", "name": "伤情鉴定意见书", "source": "鉴定机构", "obtained_by": "委托"}
    )
    flags = _flags(CaseFile.model_validate(data), ctx, "procedure")
    limit = [f for f in flags if f.rule == PUBLIC_ORDER_LAW + "第九十九条第一款"]
    assert [f.severity.value for f in limit] == ["check"]


def test_public_order_notice_rests_on_article_94(ctx: ReviewContext) -> None:
    data = _data(CASES_DIR / "n18_clean_public_order_station_fine.yaml")
    data["events"] = [e for e in data["events"] if e["type"] != "告知"]
    flags = _flags(CaseFile.model_validate(data), ctx, "procedure")
    assert [f.rule for f in flags] == [PUBLIC_ORDER_LAW + "第九十四条第一款"]


def test_general_cases_keep_the_general_hearing_article(ctx: ReviewContext) -> None:
    data = _data()
    for event in data["events"]:
        if event["type"] == "告知":
            event["rights"] = ["陈述", "申辩"]
    flags = _flags(CaseFile.model_validate(data), ctx, "procedure")
    assert [f.rule for f in flags] == [PENALTY_LAW + "第六十三条第一款"]


# --- territory, level, who may be entrusted, internal units ---------------------------


@pytest.mark.parametrize(
    ("region", "place", "expected"),
    [
        ("广州市天河区石牌街", "广州市天河区石牌东路某网吧门口", Placement.INSIDE),
        ("佛山市顺德区", "广州市番禺区大石街道某路22号", Placement.OUTSIDE),
        ("江门市蓬江区", "江门市新会区会城街道某路1号", Placement.OUTSIDE),
        ("江门市", "台山市台城街道某工业区", Placement.INSIDE),
        ("江门市蓬江区", "棠下镇工业大道8号", Placement.UNKNOWN),
        ("清远市连南瑶族自治县", "连南县三江镇某路5号", Placement.INSIDE),
        ("连山壮族瑶族自治县", "清远市连山县吉田镇", Placement.INSIDE),
        ("乳源瑶族自治县", "清远市连南瑶族自治县寨岗镇", Placement.OUTSIDE),
    ],
)
def test_places_are_compared_level_by_level(region: str, place: str, expected: Placement) -> None:
    assert placement(region, place)[0] is expected


def test_a_township_punishing_without_a_handover_exceeds_its_level(ctx: ReviewContext) -> None:
    data = _data()
    data["agency"]["name"] = "江门市蓬江区棠下镇人民政府"
    data["agency"]["region"] = "江门市蓬江区棠下镇"
    rules = [f.rule for f in _flags(CaseFile.model_validate(data), ctx, "authority")]
    assert PENALTY_LAW + "第二十三条" in rules
    data["agency"]["powers"]["basis"].append(PENALTY_LAW + "第二十四条第一款")
    rules = [f.rule for f in _flags(CaseFile.model_validate(data), ctx, "authority")]
    assert PENALTY_LAW + "第二十三条" not in rules


def test_an_internal_unit_in_its_own_name_is_no_lawful_subject(ctx: ReviewContext) -> None:
    data = _data()
    data["agency"]["name"] = "江门市生态环境局执法监察科"
    flags = _flags(CaseFile.model_validate(data), ctx, "subject")
    assert [f.rule for f in flags] == [PENALTY_LAW + "第十七条"]
    # neither an agency nor an organisation a law authorises: 第十九条 is cited beside it
    assert flags[0].also_cites == [PENALTY_LAW + "第十九条"]


def test_an_entrusted_company_fails_article_21_only(ctx: ReviewContext) -> None:
    case = load_case(CASES_DIR / "n21_subject_entrusted_company.yaml")
    flags = review(case, ctx).flags
    assert [(f.point.value, f.rule) for f in flags] == [("subject", PENALTY_LAW + "第二十一条")]


def test_officers_without_certificates_get_the_qualification_flag_only(
    ctx: ReviewContext,
) -> None:
    data = _data()
    data["officers"] = [{"name": "李明"}, {"name": "陈华"}]
    for event in data["events"]:
        if event["type"] == "调查取证":
            event["certificates_shown"] = False
    rules = {f.rule for f in _flags(CaseFile.model_validate(data), ctx, "qualification")}
    assert rules == {PENALTY_LAW + "第四十二条第一款"}


# --- capacity and mitigation read from the narrative ---------------------------------


def _person(description: str) -> CaseFile:
    data = _data()
    data["parties"] = [{"name": "罗某", "kind": "个人", "id_code": "440703197902140760"}]
    data["facts"]["description"] = description
    return CaseFile.model_validate(data)


def test_an_expert_opinion_in_the_narrative_decides_capacity(ctx: ReviewContext) -> None:
    lost = _person("经司法鉴定，罗某患精神分裂症，行为时处于发病期，对该行为无辨认能力。")
    rules = [f.rule for f in _flags(lost, ctx, "law")]
    assert rules == [PENALTY_LAW + "第三十一条"]
    capable = _person("经司法鉴定，罗某患精神分裂症，行为时处于缓解期，具有完全辨认能力。")
    assert _flags(capable, ctx, "law") == []
    vehicle = _person("罗某驾驶时无法控制车辆，撞坏护栏。")
    assert _flags(vehicle, ctx, "law") == []


def test_partly_lost_capacity_is_a_reduction_ground() -> None:
    partly = _person("经司法鉴定，罗某患精神发育迟滞，尚未完全丧失辨认或者控制自己行为的能力。")
    assert any("尚未完全丧失" in g for g in reduction_grounds(partly))


def test_a_negated_article_32_wording_is_no_ground() -> None:
    assert not affirmed("主动消除", "当事人经营记录不全，无主动消除危害后果等情节。")
    assert affirmed("主动消除", "当事人主动消除违法行为危害后果。")


def test_a_short_act_label_with_a_full_narrative_is_clear(ctx: ReviewContext) -> None:
    data = _data()
    data["violation"]["description"] = "无证排污"
    assert _flags(CaseFile.model_validate(data), ctx, "facts") == []


# --- 不予处罚, transfer, major decisions ----------------------------------------------------


def test_no_harm_and_corrected_must_not_be_punished_first_minor_may_not(
    ctx: ReviewContext,
) -> None:
    data = _data()
    data["violation"].pop("standard_id")
    data["facts"].update({"corrected_in_time": True, "harm": "无"})
    # 轻微 is the file's word, not inferred from no harm (round 10): unsaid, only 可以不予
    unsaid = _flags(CaseFile.model_validate(data), ctx, "discretion")
    assert [f.severity.value for f in unsaid] == ["check"]
    data["facts"]["circumstances"] = ["违法行为轻微"]
    # the first sentence bars any penalty: a misapplied law, not a discretion choice
    assert _flags(CaseFile.model_validate(data), ctx, "discretion") == []
    flags = _flags(CaseFile.model_validate(data), ctx, "law")
    assert [(f.rule, f.severity.value) for f in flags] == [
        (PENALTY_LAW + "第三十三条第一款", "must_fix")
    ]
    data["facts"].update({"harm": "轻微", "first_offence": True, "circumstances": []})
    flags = _flags(CaseFile.model_validate(data), ctx, "discretion")
    assert [f.severity.value for f in flags] == ["check"]


def test_transfer_cites_the_interpretation_line_that_sets_the_threshold(
    ctx: ReviewContext,
) -> None:
    data = _data()
    data["facts"]["description"] = "当事人将废矿物油（危险废物）倾倒于厂外荒地，共计倾倒5.2吨。"
    flags = _flags(CaseFile.model_validate(data), ctx, "transfer")
    assert [f.rule for f in flags] == [
        "《最高人民法院、最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释》"
        "第一条第一款第（二）项"
    ]
    assert "刑法》第三百三十八条" in flags[0].reason


def test_review_duty_rests_on_the_catalogue_or_on_article_58(ctx: ReviewContext) -> None:
    catalogue_only = load_case(CASES_DIR / "d13_proc_major_without_review.yaml")
    assert [f.rule for f in _flags(catalogue_only, ctx, "procedure")] == [
        "《广东省重大行政执法决定法制审核办法》第三条第一款"
    ]
    heard = load_case(CASES_DIR / "n22_proc_hearing_held_without_review.yaml")
    assert [f.rule for f in _flags(heard, ctx, "procedure")] == [PENALTY_LAW + "第五十八条第一款"]


# --- 第八十五条: the 五日、七日 of 行政处罚法 are working days ------------------------------


def test_working_days_leave_out_weekends() -> None:
    monday = dt.date(2023, 9, 11)
    assert working_days(monday, dt.date(2023, 9, 15)) == 4
    assert working_days(monday, dt.date(2023, 9, 17)) == 4  # Saturday and Sunday
    assert working_days(monday, dt.date(2023, 9, 18)) == 5


def test_a_decision_inside_five_working_days_of_the_notice_is_premature(
    ctx: ReviewContext,
) -> None:
    data = _data()
    data["events"] = [e for e in data["events"] if e["type"] != "陈述申辩"]
    for event in data["events"]:
        if event["type"] == "告知":
            event["date"] = "2023-05-18"  # Thursday
        if event["type"] == "决定":
            event["date"] = "2023-05-24"  # six calendar days, four working days
    flags = _flags(CaseFile.model_validate(data), ctx, "procedure")
    assert PENALTY_LAW + "第六十四条第一款第（一）项" in [f.rule for f in flags]


def test_an_amount_alone_binds_only_agencies_the_threshold_source_governs(
    ctx: ReviewContext,
) -> None:
    data = _data()
    for event in data["events"]:
        if event["type"] == "告知":
            event["rights"] = ["陈述", "申辩"]
    environment = _flags(CaseFile.model_validate(data), ctx, "procedure")
    assert [f.severity.value for f in environment] == ["must_fix"]
    data["agency"]["name"] = "江门市市场监督管理局"
    market = _flags(CaseFile.model_validate(data), ctx, "procedure")
    assert [f.severity.value for f in market] == ["must_fix"]  # 150000 ≥ every department's
    data["penalty"]["amount"] = 80000
    market = _flags(CaseFile.model_validate(data), ctx, "procedure")
    assert [f.severity.value for f in market] == ["check"]
    data["penalty"]["types"] = ["罚款", "吊销许可证件"]
    revoked = _flags(CaseFile.model_validate(data), ctx, "procedure")
    assert [f.severity.value for f in revoked if "听证" in f.reason] == ["must_fix"]

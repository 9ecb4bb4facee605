"""Review round 7 (issue #18): requirements found by walking the law rather than the sets
(coverage.md), and 工作日 counted on the State Council calendar. Each rule is exercised on
the shipped example or a team case file edited with the fixtures."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from review_fixtures import EXAMPLE

from assistant.case_file import CaseFile, read_case_data
from assistant.publicity.deadlines import working_days_between
from assistant.review.checkers.statement_period import period_end
from assistant.review.context import ReviewContext
from assistant.review.engine import review

CASES_DIR = Path(__file__).parent / "review_cases"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
COERCION_LAW = "《中华人民共和国行政强制法》"
PUBLIC_ORDER_LAW = "《中华人民共和国治安管理处罚法》"


def _flags(case: CaseFile, ctx: ReviewContext) -> set[tuple[str, str, str]]:
    return {(f.point.value, ctx.rule(f.rule), f.severity.value) for f in review(case, ctx).flags}


def _rules(case: CaseFile, ctx: ReviewContext) -> set[str]:
    return {rule for _, rule, _ in _flags(case, ctx)}


def _example() -> dict:
    return copy.deepcopy(read_case_data(EXAMPLE))


def _with_events(data: dict, replace: dict[str, dict]) -> CaseFile:
    """The example's events with the dated steps named in ``replace`` rewritten."""
    for event in data["events"]:
        event.update(replace.get(event["type"], {}))
    return CaseFile.model_validate(data)


# --- 第八十五条: 工作日 on the State Council calendar (holidays out, 调休 weekends in) ------


def test_national_day_2023_leaves_out_the_holiday_and_counts_the_adjusted_weekend() -> None:
    # 2023-09-29 … 10-06 holidays; Sat 10-07 and Sun 10-08 are working days (调休)
    assert working_days_between(dt.date(2023, 9, 27), dt.date(2023, 10, 6)) == 1
    assert working_days_between(dt.date(2023, 10, 6), dt.date(2023, 10, 8)) == 2
    assert working_days_between(dt.date(2023, 9, 27), dt.date(2023, 10, 9)) == 4


def test_a_decision_after_national_day_may_still_be_inside_the_hearing_days(
    ctx: ReviewContext,
) -> None:
    # Five weekdays would have passed; on the calendar only four working days have.
    data = _example()
    data["events"] = [e for e in data["events"] if e["type"] != "陈述申辩"]
    case = _with_events(
        data,
        {
            "告知": {"date": "2023-09-27"},
            "法制审核": {"date": "2023-10-08"},
            "决定": {"date": "2023-10-09"},
            "送达": {"date": "2023-10-10"},
        },
    )
    assert ("procedure", PENALTY_LAW + "第六十四条第一款第（一）项", "must_fix") in _flags(
        case, ctx
    )


def test_delivery_across_the_spring_festival_is_in_time(ctx: ReviewContext) -> None:
    # Decided Tue 2024-02-06, delivered Tue 02-20: 02-10…02-17 are holidays and Sun 02-18 is
    # a working day, so the seventh working day is 02-21 (ten weekdays would have flagged it).
    case = _with_events(
        _example(), {"决定": {"date": "2024-02-06"}, "送达": {"date": "2024-02-20"}}
    )
    assert PENALTY_LAW + "第六十一条第一款" not in _rules(case, ctx)
    late = _with_events(
        _example(), {"决定": {"date": "2024-02-06"}, "送达": {"date": "2024-02-22"}}
    )
    assert ("procedure", PENALTY_LAW + "第六十一条第一款", "must_fix") in _flags(late, ctx)


def test_a_notice_s_working_day_period_runs_past_the_holiday() -> None:
    notice = (
        CaseFile.model_validate(_example())
        .events[3]
        .model_copy(
            update={"date": dt.date(2023, 9, 27), "note": "告知书写明五个工作日内提出陈述、申辩"}
        )
    )
    # 09-28, 10-07 (Sat, 调休), 10-08 (Sun, 调休), 10-09, 10-10
    assert period_end(notice) == dt.date(2023, 10, 10)


# --- 第六十四条第（四）项、第六十五条: who chairs the hearing, and the decision after it -----


def _heard(note: str, hearing_day: str = "2023-05-24", decided: str = "2023-05-25") -> CaseFile:
    data = _example()
    data["events"] = [e for e in data["events"] if e["type"] != "陈述申辩"]
    data["events"] += [
        {"type": "陈述申辩", "date": "2023-05-11", "hearing_requested": True},
        {"type": "听证通知", "date": "2023-05-12"},
        {"type": "听证", "date": hearing_day, "officers": ["李明", "陈华"], "note": note},
    ]
    data["documents"].append({"type": "听证笔录", "date": hearing_day})
    for event in data["events"]:
        if event["type"] in ("决定", "送达"):
            event["date"] = decided
    return CaseFile.model_validate(data)


CHAIR = ("procedure", PENALTY_LAW + "第六十四条第一款第（四）项", "must_fix")


def test_a_hearing_chaired_by_the_investigator_must_be_fixed(ctx: ReviewContext) -> None:
    assert CHAIR in _flags(_heard("由本案承办人员主持听证，当事人到场"), ctx)
    assert CHAIR in _flags(_heard("主持人：陈华；当事人委托代理人参加"), ctx)


def test_a_hearing_chaired_by_someone_else_is_not_flagged(ctx: ReviewContext) -> None:
    flags = _flags(_heard("由法制科非本案调查人员主持，制作听证笔录"), ctx)
    assert CHAIR not in flags
    assert not any("第六十四条" in rule for _, rule, _ in flags)


def test_a_decision_before_the_hearing_must_be_fixed(ctx: ReviewContext) -> None:
    early = _heard("非本案调查人员主持", hearing_day="2023-05-26", decided="2023-05-25")
    assert ("procedure", PENALTY_LAW + "第六十五条", "must_fix") in _flags(early, ctx)


# --- 行政强制法第二十五条: 查封、扣押 thirty days (+30 approved); 行政处罚法第五十六条 -----


def _seized(*documents: dict) -> CaseFile:
    data = _example()
    data["events"][0]["note"] = "现场检查并采样，扣押排污设备"
    data["documents"] += list(documents)
    return CaseFile.model_validate(data)


SEIZURE = ("procedure", COERCION_LAW + "第二十五条第一款", "must_fix")


def test_a_seizure_released_after_thirty_days_without_extension_must_be_fixed(
    ctx: ReviewContext,
) -> None:
    late = _seized({"type": "解除查封扣押决定书", "date": "2023-05-10"})  # 43 days
    assert SEIZURE in _flags(late, ctx)
    in_time = _seized({"type": "解除查封扣押决定书", "date": "2023-04-25"})  # 28 days
    assert COERCION_LAW + "第二十五条第一款" not in _rules(in_time, ctx)


def test_an_approved_extension_allows_sixty_days(ctx: ReviewContext) -> None:
    extended = _seized(
        {"type": "延长查封扣押期限决定书（经局负责人批准）", "date": "2023-04-25"},
        {"type": "解除查封扣押决定书", "date": "2023-05-20"},
    )
    assert COERCION_LAW + "第二十五条第一款" not in _rules(extended, ctx)
    unapproved = _seized(
        {"type": "延长扣押期限通知书（未经负责人批准）", "date": "2023-04-25"},
        {"type": "解除查封扣押决定书", "date": "2023-05-20"},
    )
    assert SEIZURE in _flags(unapproved, ctx)


def test_a_seizure_the_file_does_not_follow_is_not_measured(ctx: ReviewContext) -> None:
    assert COERCION_LAW + "第二十五条第一款" not in _rules(_seized(), ctx)


def test_evidence_kept_by_registration_is_dealt_with_in_seven_working_days(
    ctx: ReviewContext,
) -> None:
    kept = {"type": "先行登记保存证据通知书", "date": "2023-03-28"}
    late = _seized(kept, {"type": "先行登记保存物品处理决定书", "date": "2023-04-12"})
    assert ("procedure", PENALTY_LAW + "第五十六条", "must_fix") in _flags(late, ctx)
    in_time = _seized(kept, {"type": "先行登记保存物品处理决定书", "date": "2023-04-04"})
    assert PENALTY_LAW + "第五十六条" not in _rules(in_time, ctx)


# --- 第六十八条 当场收缴, 第七十二条 加处罚款, 行政强制法第三十五条、第五十四条 催告 -------


def test_collecting_a_large_fine_on_the_spot_must_be_fixed(ctx: ReviewContext) -> None:
    data = _example()
    data["events"][-1]["note"] = "执法人员当场收缴罚款并出具收据"
    assert ("procedure", PENALTY_LAW + "第六十八条", "must_fix") in _flags(
        CaseFile.model_validate(data), ctx
    )
    data["penalty"]["amount"] = 100
    assert PENALTY_LAW + "第六十八条" not in _rules(CaseFile.model_validate(data), ctx)


def test_a_surcharge_above_the_fine_must_be_fixed(ctx: ReviewContext) -> None:
    data = _example()
    data["facts"]["amounts"] = {"加处罚款": 180000}
    rule = PENALTY_LAW + "第七十二条第一款第（一）项"
    assert ("procedure", rule, "must_fix") in _flags(CaseFile.model_validate(data), ctx)
    data["facts"]["amounts"] = {"加处罚款": 150000}
    assert rule not in _rules(CaseFile.model_validate(data), ctx)


def test_a_surcharge_rate_above_three_percent_must_be_fixed(ctx: ReviewContext) -> None:
    data = _example()
    data["documents"][-2]["contents"].append("到期不缴纳罚款的，每日按罚款数额的百分之五加处罚款")
    rule = PENALTY_LAW + "第七十二条第一款第（一）项"
    assert ("procedure", rule, "must_fix") in _flags(CaseFile.model_validate(data), ctx)


def _enforced(*documents: dict) -> CaseFile:
    data = _example()
    data["documents"] += list(documents)
    return CaseFile.model_validate(data)


def test_applying_to_the_court_without_a_reminder_must_be_fixed(ctx: ReviewContext) -> None:
    apply = {"type": "强制执行申请书（申请人民法院强制执行）", "date": "2023-09-01"}
    rule = COERCION_LAW + "第五十四条"
    assert ("procedure", rule, "must_fix") in _flags(_enforced(apply), ctx)
    too_soon = _enforced({"type": "催告书", "date": "2023-08-25"}, apply)
    assert ("procedure", rule, "must_fix") in _flags(too_soon, ctx)
    reminded = _enforced({"type": "催告书", "date": "2023-08-01"}, apply)
    assert rule not in _rules(reminded, ctx)


def test_a_warning_in_the_decision_is_not_an_application(ctx: ReviewContext) -> None:
    data = _example()
    data["documents"][-2]["contents"].append("逾期不履行的，本机关将依法申请人民法院强制执行")
    assert COERCION_LAW + "第五十四条" not in _rules(CaseFile.model_validate(data), ctx)


# --- 第二十九条: one act, one fine --------------------------------------------------------


def test_a_second_fine_for_the_same_act_must_be_fixed(ctx: ReviewContext) -> None:
    data = _example()
    data["facts"]["description"] += "当事人因同一违法行为已被江门市水务局处以罚款5万元。"
    assert ("law", PENALTY_LAW + "第二十九条", "must_fix") in _flags(
        CaseFile.model_validate(data), ctx
    )


def test_an_earlier_fine_for_an_earlier_act_is_not_a_second_fine(ctx: ReviewContext) -> None:
    data = _example()
    data["facts"]["description"] += "当事人曾因同类违法行为于2021年被处以罚款5万元。"
    assert PENALTY_LAW + "第二十九条" not in _rules(CaseFile.model_validate(data), ctx)


# --- 治安管理处罚法第八十四条第三款、第八十三条第一款: questioning -------------------------


def _public_order(**edits: object) -> CaseFile:
    data = copy.deepcopy(read_case_data(CASES_DIR / "n18_clean_public_order_station_fine.yaml"))
    data["parties"][0]["birth_date"] = "2008-01-01"  # fifteen on 2023-08-02
    data["evidence"][0]["name"] = edits.get("record", "黄某询问笔录")
    if "note" in edits:
        data["events"][2]["note"] = edits["note"]
    return CaseFile.model_validate(data)


GUARDIAN_RULE = PUBLIC_ORDER_LAW + "第八十四条第三款"


def test_a_minor_questioned_without_a_guardian_must_be_fixed(ctx: ReviewContext) -> None:
    absent = _public_order(record="黄某询问笔录（监护人未到场）")
    assert ("procedure", GUARDIAN_RULE, "must_fix") in _flags(absent, ctx)
    silent = _public_order()
    assert ("procedure", GUARDIAN_RULE, "check") in _flags(silent, ctx)
    present = _public_order(record="黄某询问笔录（监护人在场）")
    assert GUARDIAN_RULE not in _rules(present, ctx)


def test_questioning_beyond_eight_hours_must_be_fixed(ctx: ReviewContext) -> None:
    rule = PUBLIC_ORDER_LAW + "第八十三条第一款"
    long = _public_order(record="黄某询问笔录（监护人在场）", note="传唤后询问查证，自9:00至20:30")
    assert ("procedure", rule, "must_fix") in _flags(long, ctx)
    short = _public_order(record="黄某询问笔录（监护人在场）", note="传唤后询问查证3小时")
    assert rule not in _rules(short, ctx)


# --- 粤审核办法第三条第一款: 审核不通过的，不得作出决定 -----------------------------------


def test_a_decision_after_a_failed_review_must_be_fixed(ctx: ReviewContext) -> None:
    rule = "《广东省重大行政执法决定法制审核办法》第三条第一款"
    failed = _with_events(_example(), {"法制审核": {"result": "不同意，退回承办科室补充证据"}})
    assert ("procedure", rule, "must_fix") in _flags(failed, ctx)
    data = _example()
    data["events"].insert(6, {"type": "法制审核", "date": "2023-05-23", "result": "同意"})
    resubmitted = _with_events(data, {})
    resubmitted.events[5].result = "不同意，退回补充证据"
    assert rule not in _rules(resubmitted, ctx)


def test_an_investigation_after_the_review_is_checked(ctx: ReviewContext) -> None:
    data = _example()
    data["events"].insert(
        6,
        {
            "type": "调查取证",
            "date": "2023-05-22",
            "officers": ["李明", "陈华"],
            "certificates_shown": True,
            "audio_video": True,
            "note": "补充询问",
        },
    )
    rule = "《广东省重大行政执法决定法制审核办法》第十三条"
    assert ("procedure", rule, "check") in _flags(CaseFile.model_validate(data), ctx)


# --- 第六十三条第二款 (no hearing fee), 第六十四条第（三）项 (public) -------------------------


def test_charging_for_the_hearing_must_be_fixed(ctx: ReviewContext) -> None:
    charged = _heard("非本案调查人员主持；当事人预交听证费用500元")
    assert ("procedure", PENALTY_LAW + "第六十三条第二款", "must_fix") in _flags(charged, ctx)
    free = _heard("非本案调查人员主持；当事人不承担听证费用")
    assert PENALTY_LAW + "第六十三条第二款" not in _rules(free, ctx)


def test_a_closed_hearing_needs_a_secret_to_keep(ctx: ReviewContext) -> None:
    rule = PENALTY_LAW + "第六十四条第一款第（三）项"
    closed = _heard("非本案调查人员主持，听证不公开举行")
    assert ("procedure", rule, "must_fix") in _flags(closed, ctx)
    secret = _heard("非本案调查人员主持，因涉及商业秘密不公开举行")
    assert rule not in _rules(secret, ctx)


# --- 行政强制法第十七条第一款 (not entrusted), 第十八条第（九）项 (witness) ------------------


def test_an_entrusted_organisation_may_not_seize(ctx: ReviewContext) -> None:
    data = _example()
    data["agency"]["kind"] = "受委托组织"
    data["agency"]["entrusted_by"] = "江门市生态环境局"
    data["agency"]["acts_in_name_of"] = "江门市生态环境局"
    data["events"][0]["note"] = "现场检查，扣押排污设备"
    flags = _flags(CaseFile.model_validate(data), ctx)
    assert ("procedure", COERCION_LAW + "第十七条第一款", "must_fix") in flags


def test_a_seizure_with_the_party_absent_needs_a_witness(ctx: ReviewContext) -> None:
    rule = COERCION_LAW + "第十八条第一款第（九）项"
    data = _example()
    data["events"][0]["note"] = "现场检查，当事人不在场，扣押排污设备"
    assert ("procedure", rule, "must_fix") in _flags(CaseFile.model_validate(data), ctx)
    data["events"][0]["note"] = "现场检查，当事人不在场，邀请村委会干部作为见证人，扣押排污设备"
    assert rule not in _rules(CaseFile.model_validate(data), ctx)


# --- 治安管理处罚法第八十三条第二款 (family told), 第一百零四条 (五十元 on the spot) ----------


def test_a_summons_the_family_was_not_told_of_must_be_fixed(ctx: ReviewContext) -> None:
    told = _public_order(record="黄某询问笔录（监护人在场）", note="口头传唤到所询问，未通知其家属")
    rule = PUBLIC_ORDER_LAW + "第八十三条第二款"
    assert ("procedure", rule, "must_fix") in _flags(told, ctx)


def test_a_public_order_fine_above_fifty_is_not_collected_on_the_spot(
    ctx: ReviewContext,
) -> None:
    data = copy.deepcopy(read_case_data(CASES_DIR / "n18_clean_public_order_station_fine.yaml"))
    data["events"][-1]["note"] = "民警当场收缴罚款"
    flags = _flags(CaseFile.model_validate(data), ctx)
    assert ("procedure", PUBLIC_ORDER_LAW + "第一百零四条", "must_fix") in flags


# --- 第四十三条: an officer with a stake withdraws ---------------------------------------


def test_an_officer_related_to_the_party_who_did_not_withdraw_must_be_fixed(
    ctx: ReviewContext,
) -> None:
    data = _example()
    data["events"][2]["note"] = "询问法定代表人；执法人员陈华系当事人法定代表人的近亲属，未回避"
    flags = _flags(CaseFile.model_validate(data), ctx)
    assert ("qualification", PENALTY_LAW + "第四十三条第一款", "must_fix") in flags
    data["events"][2]["note"] = (
        "询问法定代表人；陈华与当事人存在亲属关系，已回避，改由李明、王强询问"
    )
    assert PENALTY_LAW + "第四十三条第一款" not in _rules(CaseFile.model_validate(data), ctx)


def test_a_party_who_did_not_ask_for_withdrawal_is_no_finding(ctx: ReviewContext) -> None:
    data = _example()
    data["events"][2]["note"] = (
        "告知当事人认为执法人员与本案有利害关系的可以申请回避，当事人未申请回避"
    )
    assert PENALTY_LAW + "第四十三条第一款" not in _rules(CaseFile.model_validate(data), ctx)


# --- 第六十条: an extension counts when approved in time, for the length it states ---------


def _extended(note: str, day: str, decided: str) -> CaseFile:
    data = _example()
    data["events"].insert(4, {"type": "延期", "date": day, "note": note})
    return _with_events(data, {"决定": {"date": decided}, "送达": {"date": decided}})


TIME_LIMIT = ("procedure", PENALTY_LAW + "第六十条", "must_fix")


def test_an_approved_extension_stretches_ninety_days_by_its_length(ctx: ReviewContext) -> None:
    # 立案 2023-04-03: day 90 is 2023-07-02
    note = "案情复杂，经局负责人批准延长办案期限三十日"
    assert TIME_LIMIT not in _flags(_extended(note, "2023-06-20", "2023-07-25"), ctx)
    assert TIME_LIMIT in _flags(_extended(note, "2023-06-20", "2023-08-10"), ctx)


def test_an_unapproved_or_late_extension_extends_nothing(ctx: ReviewContext) -> None:
    unapproved = _extended("承办人以需补充鉴定为由延期，未经负责人批准", "2023-06-20", "2023-07-25")
    assert TIME_LIMIT in _flags(unapproved, ctx)
    late = _extended("经局负责人批准延长办案期限三十日", "2023-07-10", "2023-07-25")
    assert TIME_LIMIT in _flags(late, ctx)


# --- 第六十一条第一款 with 民事诉讼法第八十九条: 留置送达 -------------------------------------


def test_service_by_leaving_without_witness_or_video_must_be_fixed(ctx: ReviewContext) -> None:
    rule = PENALTY_LAW + "第六十一条第一款"
    bare = _with_events(
        _example(),
        {"送达": {"method": "留置送达", "note": "当事人拒绝签收，无见证人，亦未拍照录像"}},
    )
    assert ("procedure", rule, "must_fix") in _flags(bare, ctx)
    witnessed = _with_events(
        _example(),
        {"送达": {"method": "留置送达", "note": "当事人拒收，邀请村委会干部见证并拍照留存"}},
    )
    assert rule not in _rules(witnessed, ctx)
    silent = _with_events(_example(), {"送达": {"method": "留置送达"}})
    assert ("procedure", rule, "check") in _flags(silent, ctx)


# --- 行政强制法第二十四条第二款: what the seizure decision states ---------------------------

SEIZURE_LISTED = [
    "当事人的名称、地址",
    "查封、扣押的理由、依据和期限（三十日）",
    "查封、扣押财物的名称、数量（见清单）",
    "申请行政复议或者提起行政诉讼的途径和期限",
    "行政机关的名称、印章和日期",
]


def test_a_seizure_decision_without_its_period_must_be_fixed(ctx: ReviewContext) -> None:
    rule = COERCION_LAW + "第二十四条第二款"
    listed = {"type": "查封扣押决定书", "date": "2023-03-28", "contents": SEIZURE_LISTED}
    assert rule not in _rules(_seized(listed), ctx)
    without = [*SEIZURE_LISTED[:1], "查封、扣押的理由和依据", *SEIZURE_LISTED[2:]]
    short = {"type": "查封扣押决定书", "date": "2023-03-28", "contents": without}
    assert ("documents", rule, "must_fix") in _flags(_seized(short), ctx)
    unlisted = {"type": "查封扣押决定书", "date": "2023-03-28"}
    assert rule not in _rules(_seized(unlisted), ctx)


# --- wordings of a lawful file that the round-7 rules leave alone --------------------------


def test_lawful_wordings_are_not_findings(ctx: ReviewContext) -> None:
    other_chair = _heard("办案人员以外的法制科科长主持")
    assert CHAIR not in _flags(other_chair, ctx)
    after_case = _heard("本案调查人员陈述案件事实后由法规科王某主持质证")
    assert CHAIR not in _flags(after_case, ctx)
    data = _example()
    data["events"][-1]["note"] = "当事人当场扫码缴纳罚款"
    assert PENALTY_LAW + "第六十八条" not in _rules(CaseFile.model_validate(data), ctx)
    data = _example()
    data["events"][0]["note"] = "现场检查，当事人不在场，其员工在场配合，扣押排污设备"
    witness = COERCION_LAW + "第十八条第一款第（九）项"
    assert witness not in _rules(CaseFile.model_validate(data), ctx)
    data = _example()
    data["facts"]["description"] += "当事人系合伙企业，合伙人之一虽未回避经营事务，仍负责生产。"
    assert PENALTY_LAW + "第四十三条第一款" not in _rules(CaseFile.model_validate(data), ctx)
    postponed = _extended("当事人申请听证延期10日", "2023-06-20", "2023-07-25")
    assert TIME_LIMIT not in _flags(postponed, ctx)
    passed_after_return = _with_events(
        _example(), {"法制审核": {"note": "前次审核退回补充证据，已补正；审核意见：同意"}}
    )
    rule = "《广东省重大行政执法决定法制审核办法》第三条第一款"
    assert rule not in _rules(passed_after_return, ctx)
    other_guardian = _public_order(record="黄某询问笔录（其父母未到场，由其祖母到场）")
    assert ("procedure", GUARDIAN_RULE, "must_fix") not in _flags(other_guardian, ctx)
    stakes = copy.deepcopy(read_case_data(CASES_DIR / "n18_clean_public_order_station_fine.yaml"))
    stakes["events"][0]["note"] = "现场处置，现场收缴赌资和赌具"
    assert PUBLIC_ORDER_LAW + "第一百零四条" not in _rules(CaseFile.model_validate(stakes), ctx)

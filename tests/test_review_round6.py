"""Review round 6 (issue #18): rules learned from the review_fresh5 set, each stated from
the law and exercised on the shipped example or a team/eval case file edited to be written
differently."""

from __future__ import annotations

import copy
from pathlib import Path

from review_fixtures import EXAMPLE
from review_fixtures import edited_example as _case

from assistant.case_file import CaseFile, read_case_data
from assistant.review.context import ReviewContext
from assistant.review.engine import review

ROOT = Path(__file__).parent
CASES_DIR = ROOT / "review_cases"
FRESH5 = ROOT.parent / "eval" / "sets" / "review_fresh5"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
PUBLIC_ORDER_LAW = "《中华人民共和国治安管理处罚法》"


def _flags(case: CaseFile, ctx: ReviewContext) -> set[tuple[str, str, str]]:
    return {(f.point.value, ctx.rule(f.rule), f.severity.value) for f in review(case, ctx).flags}


def _data(path: Path) -> dict:
    return copy.deepcopy(read_case_data(path))


# --- 公安 较大数额: 公安机关办理行政案件程序规定第一百二十三条第二款 (个人二千元) -------------


def _police_fine(amount: float) -> CaseFile:
    data = _data(CASES_DIR / "n01_clean_police_titles.yaml")
    data["penalty"]["amount"] = amount
    return CaseFile.model_validate(data)


def test_a_police_fine_of_2000_on_a_person_needs_the_hearing_right(
    national_ctx: ReviewContext,
) -> None:
    flags = _flags(_police_fine(2000), national_ctx)
    assert ("procedure", PENALTY_LAW + "第六十三条第一款", "must_fix") in flags


def test_a_police_fine_below_2000_needs_no_hearing(national_ctx: ReviewContext) -> None:
    rules = {rule for _, rule, _ in _flags(_police_fine(1999), national_ctx)}
    assert PENALTY_LAW + "第六十三条第一款" not in rules


def test_a_police_amount_the_corpus_lacks_is_not_used(ctx: ReviewContext) -> None:
    """The default corpus has no police rule: its 2000 yuan is not shown, nothing is bound."""
    rules = {rule for _, rule, sev in _flags(_police_fine(2000), ctx) if sev == "must_fix"}
    assert PENALTY_LAW + "第六十三条第一款" not in rules


def test_the_police_amount_binds_only_police_agencies(national_ctx: ReviewContext) -> None:
    """A 2000 yuan fine on a person by an environmental agency is below its 5000."""
    data = read_case_data(EXAMPLE)
    data["parties"] = [{"name": "张某", "kind": "个人", "address": "江门市蓬江区"}]
    data["penalty"]["amount"] = 2000
    data["events"][3]["rights"] = ["陈述", "申辩"]
    case = CaseFile.model_validate(data)
    rules = {rule for _, rule, _ in _flags(case, national_ctx)}
    assert PENALTY_LAW + "第六十三条第一款" not in rules


# --- 第四十五条第一款: the decision waits for the party's statement ------------------------


def _statement_case(notice_note: str, statement: dict | None, decided: str) -> CaseFile:
    data = read_case_data(EXAMPLE)
    events = [
        e for e in data["events"] if e["type"] not in ("陈述申辩", "法制审核", "决定", "送达")
    ]
    events[3]["note"] = notice_note
    events.append({"type": "决定", "date": decided})
    events.append({"type": "送达", "date": decided, "method": "直接送达"})
    if statement is not None:
        events.append(statement)
    data["events"] = events
    data["documents"] = [d for d in data["documents"] if d["type"] != "陈述申辩笔录"]
    return CaseFile.model_validate(data)


HEAR = ("procedure", PENALTY_LAW + "第四十五条第一款", "must_fix")
PERIOD_NOTE = "告知书写明当事人可在收到后十个工作日内提出陈述和申辩"


def test_a_decision_inside_the_notice_s_own_period_must_be_fixed(ctx: ReviewContext) -> None:
    # notice Wed 2023-05-10; ten working days end Wed 2023-05-24 (past the hearing's five)
    assert HEAR in _flags(_statement_case(PERIOD_NOTE, None, "2023-05-19"), ctx)


def test_inside_the_hearing_days_the_early_decision_is_one_finding(ctx: ReviewContext) -> None:
    rules = {r for _, r, _ in _flags(_statement_case(PERIOD_NOTE, None, "2023-05-12"), ctx)}
    assert PENALTY_LAW + "第四十五条第一款" not in rules
    assert PENALTY_LAW + "第六十四条第一款第（一）项" in rules


def test_a_decision_after_the_period_is_not_flagged(ctx: ReviewContext) -> None:
    rules = {r for _, r, _ in _flags(_statement_case(PERIOD_NOTE, None, "2023-05-25"), ctx)}
    assert PENALTY_LAW + "第四十五条第一款" not in rules


def test_a_statement_made_only_after_the_decision_was_not_heard(ctx: ReviewContext) -> None:
    late = {"type": "陈述申辩", "date": "2023-05-30", "note": "当事人提交书面申辩材料"}
    assert HEAR in _flags(_statement_case("", late, "2023-05-25"), ctx)


def test_a_waiver_before_the_decision_lets_it_be_made_early(ctx: ReviewContext) -> None:
    waived = {"type": "陈述申辩", "date": "2023-05-11", "note": "当事人书面表示放弃陈述申辩"}
    rules = {r for _, r, _ in _flags(_statement_case(PERIOD_NOTE, waived, "2023-05-12"), ctx)}
    assert PENALTY_LAW + "第四十五条第一款" not in rules


# --- 第五十五条第二款 is the ordinary procedure's, not a summary decision's -------------


def test_a_summary_decision_is_not_asked_for_an_inspection_record(ctx: ReviewContext) -> None:
    data = _data(FRESH5 / "32_xscg_xiaoguanggao_dangchang500.yaml")
    data["penalty"]["amount"] = 100
    data["events"][2]["note"] = "依简易程序当场处罚，罚款一百元"
    rules = {r for _, r, _ in _flags(CaseFile.model_validate(data), ctx)}
    assert PENALTY_LAW + "第五十五条第二款" not in rules
    assert PENALTY_LAW + "第五十一条" not in rules


# --- 第二十八条第二款: 违法所得 is the whole sum, and not kept when no one is refunded ---------


def test_gains_net_of_costs_must_be_fixed(ctx: ReviewContext) -> None:
    case = _case(
        facts__amounts={"经营收入": 10000, "原料成本": 3500, "违法所得": 6500},
        penalty__types=["罚款", "没收违法所得"],
        penalty__confiscation_yuan=6500,
    )
    assert ("law", PENALTY_LAW + "第二十八条第二款", "must_fix") in _flags(case, ctx)


def test_gains_confiscated_whole_are_not_flagged(ctx: ReviewContext) -> None:
    case = _case(
        facts__amounts={"经营收入": 10000, "违法所得": 10000},
        penalty__types=["罚款", "没收违法所得"],
        penalty__confiscation_yuan=10000,
    )
    assert PENALTY_LAW + "第二十八条第二款" not in {r for _, r, _ in _flags(case, ctx)}


def test_a_negated_refund_does_not_excuse_keeping_the_gains(ctx: ReviewContext) -> None:
    base = read_case_data(EXAMPLE)["facts"]["description"]
    kept = _case(
        facts__amounts={"违法所得": 1200},
        facts__description=base + "违法所得1200元，未有消费者要求退赔。",
    )
    refunded = _case(
        facts__amounts={"违法所得": 1200},
        facts__description=base + "违法所得1200元已全部退赔给购买者。",
    )
    rule = ("law", PENALTY_LAW + "第二十八条第二款", "must_fix")
    assert rule in _flags(kept, ctx)
    assert rule not in _flags(refunded, ctx)


# --- 治安管理处罚法第九十九条第一款: only the next-level organ extends ---------------------


def _extended(note: str) -> CaseFile:
    data = _data(CASES_DIR / "n20_proc_public_order_hearing_and_time_limit.yaml")
    data["events"].insert(3, {"type": "延期", "date": "2023-09-25", "note": note})
    return CaseFile.model_validate(data)


def test_an_extension_approved_inside_the_agency_extends_nothing(ctx: ReviewContext) -> None:
    flags = _flags(_extended("经本分局法制室负责人审批延长办案期限三十日"), ctx)
    assert ("procedure", PUBLIC_ORDER_LAW + "第九十九条第一款", "must_fix") in flags


def test_an_extension_by_the_next_level_organ_counts(ctx: ReviewContext) -> None:
    flags = _flags(_extended("案情复杂，报经江门市公安局批准延长办案期限三十日"), ctx)
    assert PUBLIC_ORDER_LAW + "第九十九条第一款" not in {r for _, r, _ in flags}


# --- 第二十八条第一款 with a 责令限期改正 penalty provision: the order names its period ------


def _order(contents: list[str]) -> CaseFile:
    data = _data(FRESH5 / "05_sdyj_peixun_xianqi.yaml")
    order = next(d for d in data["documents"] if "整改" in d["type"])
    order["contents"] = contents
    return CaseFile.model_validate(data)


def test_an_order_without_a_period_must_be_fixed(ctx: ReviewContext) -> None:
    flags = _flags(_order(["违法行为", "整改要求：立即组织培训"]), ctx)
    assert ("documents", PENALTY_LAW + "第二十八条第一款", "must_fix") in flags


def test_an_order_with_a_period_is_not_flagged(ctx: ReviewContext) -> None:
    flags = _flags(_order(["违法行为", "整改要求", "于十五日内完成整改"]), ctx)
    assert PENALTY_LAW + "第二十八条第一款" not in {r for _, r, _ in flags}


# --- 第三十二条: a recorded 应当从轻 ground and the statutory maximum ----------------------


def test_the_maximum_despite_a_mandatory_ground_must_be_fixed(ctx: ReviewContext) -> None:
    grounds = ["受他人胁迫实施违法行为"]
    top = _case(penalty__amount=1000000, facts__mitigating=True, facts__mitigating_grounds=grounds)
    lighter = _case(
        penalty__amount=300000, facts__mitigating=True, facts__mitigating_grounds=grounds
    )
    rule = ("discretion", PENALTY_LAW + "第三十二条", "must_fix")
    assert rule in _flags(top, ctx)
    assert rule not in _flags(lighter, ctx)


# --- 第六十一条第一款 / 民事诉讼法第九十五条: announcement only when other ways fail ---------


def _announced(note: str, earlier: dict | None = None, keep_statement: bool = True) -> CaseFile:
    data = read_case_data(EXAMPLE)
    events = [e for e in data["events"] if e["type"] != "送达"]
    if not keep_statement:
        events = [e for e in events if e["type"] != "陈述申辩"]
    if earlier is not None:
        events.append(earlier)
    events.append({"type": "送达", "date": "2023-06-05", "method": "公告送达", "note": note})
    data["events"] = events
    data["documents"] = [d for d in data["documents"] if "送达" not in d["type"]]
    data["documents"].append({"type": "公告", "date": "2023-06-05"})
    return CaseFile.model_validate(data)


ANNOUNCE = PENALTY_LAW + "第六十一条第一款"


def test_an_announcement_to_a_party_who_came_must_be_fixed(ctx: ReviewContext) -> None:
    flags = _flags(_announced("在本局网站公告"), ctx)
    assert ("procedure", ANNOUNCE, "must_fix") in flags
    assert ("documents", ANNOUNCE, "must_fix") not in flags  # the 公告 is the service record


def test_an_announcement_after_a_failed_post_is_lawful(ctx: ReviewContext) -> None:
    post = {
        "type": "送达",
        "date": "2023-05-26",
        "method": "邮寄送达",
        "note": "邮件因查无此人被退回",
    }
    flags = _flags(_announced("邮寄被退回后在本局网站公告", post), ctx)
    assert ANNOUNCE not in {r for _, r, _ in flags}


def test_an_unexplained_announcement_is_checked(ctx: ReviewContext) -> None:
    flags = _flags(_announced("在本局网站公告", keep_statement=False), ctx)
    assert ("procedure", ANNOUNCE, "check") in flags

"""Review round 8 (issue #18): the errors of the seventh independent set, fixed in general
form. Each rule is exercised on the shipped example or a team case file edited here."""

from __future__ import annotations

import copy
from pathlib import Path

from review_fixtures import EXAMPLE

from assistant.case_file import CaseFile, read_case_data
from assistant.review.checkers.procedure import desk_act
from assistant.review.context import ReviewContext
from assistant.review.engine import review

CASES_DIR = Path(__file__).parent / "review_cases"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
ROAD_LAW = "《中华人民共和国道路交通安全法》"
AV_RULE = "《广东省行政执法全过程记录办法》第十四条第一款"


def _flags(case: CaseFile, ctx: ReviewContext) -> set[tuple[str, str, str]]:
    return {(f.point.value, ctx.rule(f.rule), f.severity.value) for f in review(case, ctx).flags}


def _must_fix_rules(case: CaseFile, ctx: ReviewContext) -> set[str]:
    return {rule for _, rule, severity in _flags(case, ctx) if severity == "must_fix"}


def _example() -> dict:
    return copy.deepcopy(read_case_data(EXAMPLE))


def _announced(note: str) -> dict:
    """The example served by public announcement, with ``note`` on the service event."""
    data = _example()
    for event in data["events"]:
        if event["type"] == "送达":
            event["method"] = "公告送达"
            event["note"] = note
    return data


# --- 第三十八条第一款: a 处罚依据 is needed only where a penalty is imposed -------------------


def _no_penalty(data: dict) -> CaseFile:
    data["citations"]["penalty_basis"] = []
    data["penalty"] = {"types": [], "amount": None}
    return CaseFile.model_validate(data)


def test_a_file_imposing_no_penalty_needs_no_penalty_basis(ctx: ReviewContext) -> None:
    case = _no_penalty(_example())
    assert PENALTY_LAW + "第三十八条第一款" not in _must_fix_rules(case, ctx)


def test_a_fine_without_a_penalty_basis_must_still_be_fixed(ctx: ReviewContext) -> None:
    data = _example()
    data["citations"]["penalty_basis"] = []
    case = CaseFile.model_validate(data)
    assert PENALTY_LAW + "第三十八条第一款" in _must_fix_rules(case, ctx)


# --- 价格违法行为行政处罚规定第十八条: gains that cannot be established are the 没有违法所得 tier ---


def _price_case(description: str) -> CaseFile:
    data = _example()
    data["violation"].pop("standard_id", None)
    data["citations"] = {
        "violated": ["《中华人民共和国价格法》第十四条第（四）项"],
        "penalty_basis": ["《价格违法行为行政处罚规定》第七条"],
    }
    data["penalty"] = {"types": ["罚款"], "amount": 500000}
    data["facts"]["description"] = description
    data["facts"]["amounts"] = {}
    data["facts"]["mitigating"] = True
    data["facts"]["mitigating_grounds"] = ["主动消除或者减轻违法行为危害后果（已退还全部差价）"]
    return CaseFile.model_validate(data)


def test_the_maximum_despite_a_mitigating_ground_when_gains_cannot_be_established(
    national_ctx: ReviewContext,
) -> None:
    case = _price_case("当事人虚构原价销售家具，违法所得无法认定，立案后已向全部消费者退还差价。")
    assert ("discretion", PENALTY_LAW + "第三十二条", "must_fix") in _flags(case, national_ctx)


def test_gains_not_said_to_be_unestablished_leave_the_range_open(
    national_ctx: ReviewContext,
) -> None:
    case = _price_case("当事人虚构原价销售家具，立案后已向全部消费者退还差价。")
    assert PENALTY_LAW + "第三十二条" not in _must_fix_rules(case, national_ctx)


# --- 全过程记录办法第十四条第三款: a step done at the desk need not be filmed --------------------


def test_receiving_a_report_or_commissioning_a_test_is_a_desk_act() -> None:
    assert desk_act("收到危险废物鉴别及检测报告")
    assert desk_act("收到自然资源部门关于尚可采取改正措施的认定意见")
    assert desk_act("委托伤情鉴定")
    assert not desk_act("询问当事人")
    assert not desk_act("收到举报后赶赴现场检查")


def _unfilmed_investigation(note: str) -> CaseFile:
    data = _example()
    data["events"].insert(
        3,
        {
            "type": "调查取证",
            "date": "2023-04-20",
            "officers": ["李明", "陈华"],
            "certificates_shown": True,
            "audio_video": False,
            "note": note,
        },
    )
    return CaseFile.model_validate(data)


def test_an_unfilmed_report_received_is_no_recording_finding(ctx: ReviewContext) -> None:
    case = _unfilmed_investigation("收到废水监测报告")
    assert AV_RULE not in {rule for _, rule, _ in _flags(case, ctx)}


def test_an_unfilmed_questioning_is_still_checked(ctx: ReviewContext) -> None:
    case = _unfilmed_investigation("询问法定代表人")
    assert ("procedure", AV_RULE, "check") in _flags(case, ctx)


# --- 第六十一条第一款: words saying the reason is missing are no reason for 公告送达 ----------


def test_an_announcement_whose_note_says_no_reason_is_recorded_must_be_fixed(
    ctx: ReviewContext,
) -> None:
    data = _announced("在本局网站公告，案卷未记载直接送达或邮寄送达的尝试及无法送达的原因")
    case = CaseFile.model_validate(data)
    assert ("procedure", PENALTY_LAW + "第六十一条第一款", "must_fix") in _flags(case, ctx)


def test_an_announcement_after_mail_came_back_is_lawful(ctx: ReviewContext) -> None:
    data = _announced("邮寄送达被退回，当事人下落不明，在本局网站公告")
    case = CaseFile.model_validate(data)
    assert PENALTY_LAW + "第六十一条第一款" not in _must_fix_rules(case, ctx)


# --- 第三十八条第一款 via the cited 罚则: 本法另有规定的 does not lend this article other measures ---


def _road_case(violated: str, basis: str, amount: int) -> CaseFile:
    data = copy.deepcopy(read_case_data(CASES_DIR / "n01_clean_police_titles.yaml"))
    data["citations"] = {"violated": [violated], "penalty_basis": [basis]}
    data["penalty"]["amount"] = amount
    return CaseFile.model_validate(data)


def test_a_licence_suspension_under_article_90_must_be_fixed(ctx: ReviewContext) -> None:
    case = _road_case(ROAD_LAW + "第三十六条", ROAD_LAW + "第九十条", 150)
    assert ("law", ROAD_LAW + "第九十条", "must_fix") in _flags(case, ctx)


def test_a_licence_suspension_under_article_91_is_provided(ctx: ReviewContext) -> None:
    case = _road_case(ROAD_LAW + "第二十二条第二款", ROAD_LAW + "第九十一条第一款", 1500)
    assert not any("第九十一条" in rule for rule in _must_fix_rules(case, ctx))


# --- 第四十条: 多次 conduct is no repeat needing an earlier decision --------------------------


def _public_order(description: str) -> CaseFile:
    data = copy.deepcopy(read_case_data(CASES_DIR / "n18_clean_public_order_station_fine.yaml"))
    data["citations"]["penalty_basis"] = ["《中华人民共和国治安管理处罚法》第四十二条第（五）项"]
    data["citations"]["violated"] = ["《中华人民共和国治安管理处罚法》第四十二条第（五）项"]
    data["violation"]["description"] = description
    data["facts"]["description"] = description
    data["facts"]["prior_offences"] = None
    return CaseFile.model_validate(data)


def test_messages_sent_many_times_need_no_earlier_decision(ctx: ReviewContext) -> None:
    case = _public_order("当事人多次向他人发送恐吓短信，干扰他人正常生活")
    assert PENALTY_LAW + "第四十条" not in _must_fix_rules(case, ctx)


# --- 第三十条 (治安管理处罚法第十二条): the minor's article cited as 处罚依据 is the lighter penalty ---


def _minor(*extra_basis: str) -> CaseFile:
    data = _example()
    data["parties"][0].update(
        {
            "name": "张某",
            "kind": "个人",
            "id_code": "440703200703150012",
            "birth_date": "2007-03-15",
        }
    )
    data["citations"]["penalty_basis"] += list(extra_basis)
    data["penalty"]["amount"] = 100000
    return CaseFile.model_validate(data)


def test_a_minor_punished_without_a_word_of_lighter_penalty_is_checked(
    ctx: ReviewContext,
) -> None:
    assert ("law", PENALTY_LAW + "第三十条", "check") in _flags(_minor(), ctx)


def test_a_minor_punished_under_the_minor_s_article_is_no_finding(ctx: ReviewContext) -> None:
    data = _minor(PENALTY_LAW + "第三十条").model_dump(mode="json", by_alias=True)
    data["facts"]["mitigating_grounds"] = ["已满十四周岁不满十八周岁（第三十条）"]
    case = CaseFile.model_validate(data)
    assert PENALTY_LAW + "第三十条" not in {rule for _, rule, _ in _flags(case, ctx)}


def test_a_party_whose_whereabouts_are_unknown_may_be_served_by_announcement(
    ctx: ReviewContext,
) -> None:
    data = _announced("上门未见其人，当事人下落不详无法送达，在本局网站公告")
    case = CaseFile.model_validate(data)
    assert PENALTY_LAW + "第六十一条第一款" not in _must_fix_rules(case, ctx)

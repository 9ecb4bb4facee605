"""Review round 23, class x2 (issue #18): review_fresh19 facts, evidence and documents — a
公安/交警 决定书 names the party as 被处罚人的基本情况 and the penalty's kind as 处罚的内容
(道路交通安全违法行为处理程序规定第四十五条), which state 第五十九条第一款's items.
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh19 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

PENALTY_LAW = "《中华人民共和国行政处罚法》"
DECISION_CONTENTS = f"{PENALTY_LAW}第五十九条第一款"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh19", f"rf19{prefix}_*.yaml")


def _traffic_decision(data: dict) -> dict:
    return next(d for d in data["documents"] if d["type"] == "公安交通管理行政处罚决定书")


# --- 第五十九条第一款: the traffic 决定书's own wording --------------------------------------


@pytest.mark.parametrize(
    ("party", "content"),
    [
        (
            "被处罚人的基本情况、车辆牌号、车辆类型",
            "处罚的内容（吊销机动车驾驶证，五年内不得重新取得）",
        ),
        ("当事人基本情况及车辆信息", "处罚的内容：吊销机动车驾驶证"),
        ("被处罚人的基本情况", "处罚内容（吊销驾驶证）"),
    ],
)
def test_traffic_decision_wording_states_party_and_kind(
    ctx: ReviewContext, party: str, content: str
) -> None:
    data = _data("c_02")
    decision = _traffic_decision(data)
    decision["contents"][0] = party
    decision["contents"][3] = content
    assert (("documents", DECISION_CONTENTS)) not in variant_findings(data, ctx)


def test_traffic_decision_without_remedy_still_flagged(ctx: ReviewContext) -> None:
    data = _data("c_02")
    decision = _traffic_decision(data)
    decision["contents"] = [c for c in decision["contents"] if "行政复议" not in c]
    assert ("documents", DECISION_CONTENTS) in variant_findings(data, ctx)


def test_traffic_decision_without_kind_still_flagged(ctx: ReviewContext) -> None:
    data = _data("c_02")
    decision = _traffic_decision(data)
    decision["contents"] = [c for c in decision["contents"] if "处罚的内容" not in c]
    assert ("documents", DECISION_CONTENTS) in variant_findings(data, ctx)


# --- 第四十条: a value the price appraisal fixed -----------------------------------------

FACTS = ("facts", f"{PENALTY_LAW}第四十条")


def _valued(decided: float, appraised: str, name: str = "涉案林木价格认定结论书") -> dict:
    data = _data("b_07")
    data["facts"]["amounts"] = {"林木价值": decided}
    appraisal = next(e for e in data["evidence"] if e["type"] == "鉴定意见")
    appraisal["name"] = name
    appraisal["note"] = f"认定涉案林木价值为人民币{appraised}"
    return data


@pytest.mark.parametrize(
    ("decided", "appraised", "name"),
    [
        (9600, "5280元", "涉案林木价格认定结论书"),
        (12000, "7450元", "被盗伐林木价格鉴定意见书"),
        (20000, "1.2万元", "林木资产评估报告"),
    ],
)
def test_value_above_price_appraisal_is_contradicted(
    ctx: ReviewContext, decided: float, appraised: str, name: str
) -> None:
    assert FACTS in variant_findings(_valued(decided, appraised, name), ctx)


@pytest.mark.parametrize("decided", [5280, 4000])
def test_value_within_price_appraisal_is_not_flagged(ctx: ReviewContext, decided: float) -> None:
    assert FACTS not in variant_findings(_valued(decided, "5280元"), ctx)


# --- 第五十五条第二款: a questioning the file says was not written down -------------------

UNRECORDED = ("evidence", f"{PENALTY_LAW}第五十五条第二款")


@pytest.mark.parametrize(
    "note",
    [
        "站场巡查拦停车辆，制作现场检查笔录；执法人员口头询问车上3名乘客，未制作询问笔录，乘客离开后未再联系",
        "拦停车辆后当场向2名乘客了解车费情况，没有制作询问笔录",
        "现场检查车辆，口头询问乘客，无询问笔录",
    ],
)
def test_questioning_said_unrecorded_is_flagged(ctx: ReviewContext, note: str) -> None:
    data = _data("d_09")
    data["events"][0]["note"] = note
    assert UNRECORDED in variant_findings(data, ctx)


def test_questioning_recorded_that_day_is_not_flagged(ctx: ReviewContext) -> None:
    data = _data("d_09")
    data["events"][0]["note"] = "现场检查车辆，询问3名乘客并制作询问笔录"
    data["evidence"].append(
        {
            "type": "证人证言",
            "name": "乘客询问笔录",
            "source": "乘客",
            "obtained_by": "询问",
            "date": "2024-10-12",
        }
    )
    assert UNRECORDED not in variant_findings(data, ctx)


# --- 第二十八条第一款: 责令停止…，限期采取补救措施 with no period -----------------------------

NO_DEADLINE = ("documents", f"{PENALTY_LAW}第二十八条第一款")


def _remedy(line: str) -> dict:
    data = _data("b_09")
    decision = next(d for d in data["documents"] if d["type"] == "水行政处罚决定书")
    decision["contents"][3] = line
    return data


@pytest.mark.parametrize(
    "line",
    [
        "责令停止违法取水，采取补救措施，封填自备井",
        "责令立即停止非法取水、并采取补救措施封闭取水井",
    ],
)
def test_remedy_after_stop_without_period_is_flagged(ctx: ReviewContext, line: str) -> None:
    assert NO_DEADLINE in variant_findings(_remedy(line), ctx)


def test_remedy_after_stop_with_period_is_not_flagged(ctx: ReviewContext) -> None:
    line = "责令停止违法取水，限于2024年6月30日前采取补救措施，封填自备井"
    assert NO_DEADLINE not in variant_findings(_remedy(line), ctx)


# --- 全过程记录办法第十四条第二款: the seizure at an unrecorded inspection is one finding ----

FULL_AV = ("procedure", "《广东省行政执法全过程记录办法》第十四条第二款")
INSPECTION_RECORD = ("evidence", "《中华人民共和国治安管理处罚法》第八十八条")


@pytest.mark.parametrize(
    "note",
    [
        "到棋牌室（营业场所）检查，查获五人赌博，扣押桌面赌资4100元及麻将牌（未制作检查笔录）",
        "对棋牌室（营业场所）当场检查，查获四人赌博；扣押赌资2600元（执法记录仪未开启）",
    ],
)
def test_seizure_at_unrecorded_inspection_is_the_evidence_finding(
    ctx: ReviewContext, note: str
) -> None:
    data = _data("c_08")
    data["events"][0]["note"] = note
    found = variant_findings(data, ctx)
    assert INSPECTION_RECORD in found
    assert FULL_AV not in found


def test_unfilmed_seizure_with_inspection_record_stays(ctx: ReviewContext) -> None:
    data = _data("c_08")
    data["events"][0]["note"] = "对棋牌室当场检查，查获四人赌博；扣押赌资2600元，制作检查笔录"
    data["evidence"].append(
        {
            "type": "现场笔录",
            "name": "检查笔录",
            "source": "办案民警",
            "obtained_by": "检查",
            "date": "2024-08-15",
        }
    )
    assert FULL_AV in variant_findings(data, ctx)

"""Review round 15 (issue #18): the review_fresh10 misses round 14 left — an officer who is the
party's close relative (第四十三条第一款), evidence made by entrapment (第四十六条第三款), a
minor questioned without a guardian though one came to the notice (治安 第八十四条第三款), a
巡查 finding with no inspection record (第五十五条第二款), an order without a period where the
罚则 turns on 拒不改正 (第二十八条第一款).
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh10 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, must_fix_findings, set_file_data

from assistant.case_file import parse_case
from assistant.review.context import ReviewContext

PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh10", f"rf10_{prefix}_*.yaml")


def _brother(relation: str, withdrawn: bool) -> dict:
    data = _data("18")
    data["officers"][0]["name"] = "何建军"
    data["parties"][0]["name"] = "何建平"
    tail = "何建军已申请回避，改由其他执法人员承办" if withdrawn else "案卷未见回避决定"
    data["facts"]["description"] = (
        "经查，当事人何建平于2023年3月起在河道管理范围内堆砌砂石平台，经责令限期拆除逾期未拆。"
        f"另查明，本案承办人何建军与当事人何建平系{relation}关系，{tail}。本局决定罚款人民币贰万元。"
    )
    data["facts"]["circumstances"] = ["逾期不拆除"]
    for event in data["events"]:
        event["note"] = (event.get("note") or "").replace("陈志明是我大哥，", "")
        if "officers" in event:
            event["officers"] = ["何建军", "刘国华"]
    return data


@pytest.mark.parametrize("relation", ["兄弟", "夫妻", "父子"])
def test_officer_related_to_the_party_not_withdrawn(ctx: ReviewContext, relation: str) -> None:
    found = must_fix_findings(parse_case(_brother(relation, withdrawn=False)), ctx)
    assert cites_article(found, "qualification", f"{PENALTY_LAW}第四十三条")


def test_officer_related_to_the_party_who_withdrew_is_no_defect(ctx: ReviewContext) -> None:
    found = must_fix_findings(parse_case(_brother("兄弟", withdrawn=True)), ctx)
    assert not cites_article(found, "qualification", f"{PENALTY_LAW}第四十三条")


def _ride(facts: str) -> dict:
    data = _data("32")
    data["facts"]["description"] = facts
    data["facts"]["circumstances"] = []
    data["events"] = [e for e in data["events"] if e["type"] != "陈述申辩"]
    for item in data["evidence"]:
        item.pop("note", None)
    return data


def test_entrapment_evidence_is_unlawful(ctx: ReviewContext) -> None:
    facts = (
        "经查，2024年6月2日，本局执法人员按暗访部署冒充乘客在路边拦下当事人私家车，当事人拒绝后，"
        "执法人员再三请求并主动支付五十元，当事人遂搭载。本局决定罚款人民币壹万元。"
    )
    found = must_fix_findings(parse_case(_ride(facts)), ctx)
    assert cites_article(found, "evidence", f"{PENALTY_LAW}第四十六条")


def test_plain_undercover_ride_is_no_entrapment(ctx: ReviewContext) -> None:
    facts = (
        "经查，2024年6月2日，本局执法人员以乘客身份通过网络平台下单，当事人驾驶私家车接单载客，"
        "按平台计价收取车费五十元。本局决定罚款人民币壹万元。"
    )
    found = must_fix_findings(parse_case(_ride(facts)), ctx)
    assert not cites_article(found, "evidence", f"{PENALTY_LAW}第四十六条")


def test_guardian_at_the_notice_was_not_at_the_questioning(ctx: ReviewContext) -> None:
    data = _data("45")
    data["events"][1]["note"] = "传唤容某某到派出所询问，未通知其监护人到场"
    found = must_fix_findings(parse_case(data), ctx)
    assert cites_article(found, "procedure", "《中华人民共和国治安管理处罚法》第八十四条")


def test_guardian_at_the_questioning_is_no_defect(ctx: ReviewContext) -> None:
    data = _data("45")
    data["events"][1]["note"] = "传唤容某某到派出所询问，其父亲到场"
    data["events"][2]["note"] = "再次询问容某某，其父亲在场，询问被侵害人及证人"
    data["evidence"][0]["name"] = "容某某询问笔录两份"
    found = must_fix_findings(parse_case(data), ctx)
    assert not cites_article(found, "procedure", "《中华人民共和国治安管理处罚法》第八十四条")


def _patrol(recorded: bool) -> dict:
    data = _data("31")
    data["events"][0]["note"] = "日常巡查至施工工地，发现裸土未覆盖、车辆未冲洗，当场口头责令改正"
    if recorded:
        data["documents"].append({"type": "现场检查笔录", "date": data["events"][0]["date"]})
    return data


def test_patrol_finding_without_record(ctx: ReviewContext) -> None:
    found = must_fix_findings(parse_case(_patrol(recorded=False)), ctx)
    assert cites_article(found, "evidence", f"{PENALTY_LAW}第五十五条")


def test_patrol_finding_with_record_is_no_defect(ctx: ReviewContext) -> None:
    found = must_fix_findings(parse_case(_patrol(recorded=True)), ctx)
    assert not cites_article(found, "evidence", f"{PENALTY_LAW}第五十五条")


def _order(contents: list[str]) -> dict:
    data = _data("48")
    for doc in data["documents"]:
        if doc["type"] == "责令改正通知书":
            doc["contents"] = contents
    return data


def test_order_without_period_where_penalty_turns_on_refusal(ctx: ReviewContext) -> None:
    found = must_fix_findings(parse_case(_order(["责令你公司改正违法行为"])), ctx)
    assert cites_article(found, "documents", f"{PENALTY_LAW}第二十八条")


def test_order_with_period_is_no_defect(ctx: ReviewContext) -> None:
    found = must_fix_findings(parse_case(_order(["责令你公司于2024年5月10日前改正"])), ctx)
    assert not cites_article(found, "documents", f"{PENALTY_LAW}第二十八条")


def test_order_to_correct_at_once_where_refusal_is_punished_is_no_defect(
    ctx: ReviewContext,
) -> None:
    found = must_fix_findings(parse_case(_order(["责令你公司立即改正违法行为"])), ctx)
    assert not cites_article(found, "documents", f"{PENALTY_LAW}第二十八条")

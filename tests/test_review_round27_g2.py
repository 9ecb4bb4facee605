"""Review round 27, engineer g2 (issue #18): 钓鱼执法 told in the investigation steps, 容留、
介绍卖淫 transfer thresholds, gains 追缴 under 治安管理处罚法, a minor fined the top of an
"X元以下" range, and police on-the-spot decisions on 赌博/毒品/卖淫 matters.
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh23 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext

ENTRAPMENT = "《中华人民共和国行政处罚法》第四十六条第三款"
TRANSFER = "《中华人民共和国行政处罚法》第二十七条第一款"
GAINS = "《中华人民共和国行政处罚法》第二十八条第二款"
MINOR_PO = "《中华人民共和国治安管理处罚法》第十二条"
NO_SPOT = "《公安机关办理行政案件程序规定》第三十七条第二款"
INTERPRETATION = "《最高人民法院、最高人民检察院关于办理组织、强迫、引诱、容留、介绍卖淫刑事案件"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


# --- 钓鱼执法 written in the investigation step, not the facts --------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "协管员王某依暗访方案假扮乘客，当事人先予拒绝，王某再三恳求并主动加价后当事人才同意搭载",
        "执法辅助人员乔装顾客，经多次央求、主动提出支付车费后当事人同意载客",
    ],
)
def test_entrapment_in_an_event_note_is_must_fix(ctx: ReviewContext, note: str) -> None:
    data = set_file_data("review_fresh23", "rf23a_07_*.yaml")
    data["events"][0]["note"] = note
    for item in data["evidence"]:
        item["obtained_by"] = "调取"
    assert ("evidence", ENTRAPMENT) in variant_findings(data, ctx)


def test_plain_covert_ride_is_no_entrapment(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh23", "rf23a_07_*.yaml")
    data["events"][0]["note"] = "执法人员暗访，当事人主动招揽并报价二百元，执法人员随车取证"
    for item in data["evidence"]:
        item["obtained_by"] = "暗访时录制"
    assert ("evidence", ENTRAPMENT) not in variant_findings(data, ctx)


# --- 容留、介绍卖淫: two persons or 10,000 yuan gained is a crime -------------------------------


def _harbouring(persons: int, gain: int) -> dict:
    data = set_file_data("review_fresh23", "rf23d_03_*.yaml")
    data["facts"]["quantities"] = {"介绍卖淫人数": persons}
    data["facts"]["amounts"] = {"违法所得": gain}
    data["facts"]["description"] = (
        f"经查，当事人在其经营的足浴店内介绍{persons}名女子卖淫，非法获利{gain}元，"
        "违法所得依法予以追缴。"
    )
    return data


@pytest.mark.parametrize(("persons", "gain"), [(2, 900), (3, 2500), (1, 12000)])
def test_harbouring_over_a_threshold_is_transfer(
    ctx: ReviewContext, persons: int, gain: int
) -> None:
    found = variant_findings(_harbouring(persons, gain), ctx)
    assert any(p == "transfer" and r.startswith(INTERPRETATION) for p, r in found)


def test_one_person_small_gain_is_no_transfer(ctx: ReviewContext) -> None:
    found = variant_findings(_harbouring(1, 600), ctx)
    assert not any(p == "transfer" for p, _ in found)


def test_gains_collected_are_not_kept(ctx: ReviewContext) -> None:
    assert ("law", GAINS) not in variant_findings(_harbouring(1, 600), ctx)


def test_gains_neither_collected_nor_confiscated_are_kept(ctx: ReviewContext) -> None:
    data = _harbouring(1, 600)
    data["facts"]["description"] = "经查，当事人介绍一名女子卖淫，非法获利600元。"
    assert ("law", GAINS) in variant_findings(data, ctx)


# --- 治安管理处罚法第十二条: a minor fined the top of "五百元以下" ------------------------------


@pytest.mark.parametrize(
    ("birth", "amount", "reduced"), [("2007-11-02", 500, False), ("2008-01-20", 200, True)]
)
def test_minor_fined_the_maximum_is_not_reduced(
    ctx: ReviewContext, birth: str, amount: int, reduced: bool
) -> None:
    data = set_file_data("review_fresh23", "rf23d_02_*.yaml")
    data["parties"] = [data["parties"][1]]
    data["parties"][0]["birth_date"] = birth
    data["parties"][0]["id_code"] = None
    data["penalty"]["amount"] = amount
    found = variant_findings(data, ctx)
    assert (("discretion", MINOR_PO) in found) is not reduced


# --- 程序规定第三十七条第二款: no on-the-spot decision on 赌博、毒品、卖淫嫖娼 -----------------------


@pytest.mark.parametrize(
    "description",
    [
        "三人在出租屋内以扑克“斗牛”方式赌博，每人赌资约三百元",
        "当事人在宾馆房间内嫖娼，被民警当场查获",
    ],
)
def test_police_on_the_spot_for_an_excluded_matter(ctx: ReviewContext, description: str) -> None:
    data = set_file_data("review_fresh23", "rf23d_01_*.yaml")
    data["violation"]["description"] = description
    data["facts"]["description"] = description
    assert cites_article(variant_findings(data, ctx), "procedure", NO_SPOT)


def test_police_on_the_spot_for_another_matter_is_lawful(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh23", "rf23d_01_*.yaml")
    text = "当事人在公园内焚烧垃圾，经劝阻仍不停止"
    data["violation"]["description"] = text
    data["facts"]["description"] = text
    assert not cites_article(variant_findings(data, ctx), "procedure", NO_SPOT)

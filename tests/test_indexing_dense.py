"""FAISS dense index: exact vs HNSW, deletes by id, filtered search, persistence."""

from __future__ import annotations

import numpy as np
import pytest

from indexing.dense_index import DenseIndex
from models.embedder import normalize_rows


def _vectors(n: int, dim: int = 16, seed: int = 0) -> np.ndarray:
    return normalize_rows(np.random.default_rng(seed).normal(size=(n, dim)).astype(np.float32))


def _brute(vectors, query, k, allowed=None):
    rows = np.arange(len(vectors)) if allowed is None else np.asarray(allowed)
    scores = vectors[rows] @ query
    return rows[np.argsort(-scores)[:k]]


@pytest.mark.parametrize("exact_max", [1000, 50])
def test_search_matches_brute_force(exact_max):
    vectors = _vectors(300)
    index = DenseIndex(16, exact_max=exact_max).build(np.arange(300), vectors)
    assert index.kind == ("flat" if exact_max >= 300 else "hnsw")
    query = vectors[7]
    ids, scores = index.search(query, 5)
    assert list(ids) == list(_brute(vectors, query, 5))
    assert scores[0] == pytest.approx(1.0, abs=1e-5)


@pytest.mark.parametrize("exact_max", [1000, 50])
def test_filtered_search_stays_inside_allowed(exact_max):
    vectors = _vectors(300)
    index = DenseIndex(16, exact_max=exact_max).build(np.arange(300), vectors)
    allowed = np.arange(100, 300, 3)
    ids, _ = index.search(vectors[7], 10, allowed)
    assert set(ids) <= set(allowed) and len(ids) == 10
    assert list(ids[:3]) == list(_brute(vectors, vectors[7], 3, allowed))


@pytest.mark.parametrize("exact_max", [1000, 50])
def test_remove_by_id(exact_max):
    vectors = _vectors(120)
    ids = np.arange(1000, 1120)
    index = DenseIndex(16, exact_max=exact_max).build(ids, vectors)
    assert index.remove(np.array([1007, 1008, 5])) == 2
    found, _ = index.search(vectors[7], 3)
    assert 1007 not in found and len(index) == 118
    assert index.score(vectors[9], np.array([1009]))[0] == pytest.approx(1.0, abs=1e-5)


def test_save_load_round_trip(tmp_path):
    vectors = _vectors(80)
    index = DenseIndex(16, exact_max=50).build(np.arange(80), vectors)
    index.save(tmp_path)
    loaded = DenseIndex.load(tmp_path, exact_max=50)
    assert loaded.kind == "hnsw" and len(loaded) == 80
    a, _ = index.search(vectors[3], 5)
    b, _ = loaded.search(vectors[3], 5)
    assert list(a) == list(b)


def test_duplicate_ids_rejected():
    with pytest.raises(ValueError):
        DenseIndex(16).build(np.array([1, 1]), _vectors(2))

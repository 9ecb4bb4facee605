"""The FAISS vector store behind the interface: exact results, deletes, filters, persistence."""

from __future__ import annotations

import numpy as np
import pytest

from indexing.faiss_store import FaissStore
from indexing.vector_store import (
    StoreOptions,
    VectorStoreError,
    create_vector_store,
    load_vector_store,
)
from tests.vector_store_fixtures import DIM, exact_top_k, seeded_ids, seeded_vectors


@pytest.fixture()
def data() -> tuple[np.ndarray, np.ndarray]:
    return seeded_ids(), seeded_vectors()


def test_factory_maps_config_string_to_backend() -> None:
    assert isinstance(create_vector_store(DIM, StoreOptions(backend="faiss")), FaissStore)
    with pytest.raises(VectorStoreError, match="未知的向量库后端"):
        create_vector_store(DIM, StoreOptions(backend="annoy"))


def test_search_equals_brute_force(data) -> None:
    ids, vectors = data
    store = create_vector_store(DIM).build(ids, vectors)
    for query in seeded_vectors(5, seed=99):
        got_ids, got_scores = store.search(query, 10)
        want_ids, want_scores = exact_top_k(ids, vectors, query, 10)
        assert list(got_ids) == list(want_ids)
        np.testing.assert_allclose(got_scores, want_scores, atol=1e-5)


def test_add_remove_and_filter(data) -> None:
    ids, vectors = data
    store = create_vector_store(DIM)
    store.add(ids[:300], vectors[:300])
    store.add(ids[300:], vectors[300:])
    assert len(store) == len(ids)
    assert store.remove(ids[:100]) == 100 and len(store) == len(ids) - 100
    query = vectors[150]
    allowed = ids[100:200]
    got_ids, _ = store.search(query, 5, allowed)
    want_ids, _ = exact_top_k(ids[100:200], vectors[100:200], query, 5)
    assert list(got_ids) == list(want_ids) and got_ids[0] == ids[150]
    assert not set(store.search(vectors[0], 20)[0]) & set(ids[:100])


def test_persistence_round_trip(data, tmp_path) -> None:
    ids, vectors = data
    store = create_vector_store(DIM).build(ids, vectors)
    store.save(tmp_path / "dense")
    loaded = load_vector_store(tmp_path / "dense")
    assert isinstance(loaded, FaissStore) and len(loaded) == len(ids)
    found, stored = loaded.get_vectors(ids[:3])
    assert list(found) == list(ids[:3])
    np.testing.assert_allclose(stored, vectors[:3])
    assert list(loaded.search(vectors[7], 5)[0]) == list(store.search(vectors[7], 5)[0])


@pytest.mark.parametrize("compact", [True, False], ids=["bitmap", "id-set"])
def test_hnsw_filter_keeps_only_allowed_ids_and_the_thread_setting(data, compact) -> None:
    """A filter wider than ``exact_max`` goes through HNSW with the allowed ids as a bitmap
    (compact ids, as an index's unit positions) or a hash set (sparse ids); the search runs
    single-threaded and leaves the caller's OpenMP setting as it was."""
    import faiss

    ids, vectors = data
    if compact:
        ids = np.arange(len(ids), dtype=np.int64)
    store = FaissStore(DIM, exact_max=10).build(ids, vectors)
    assert store.kind == "hnsw"
    allowed = ids[1::2]
    threads = faiss.omp_get_max_threads()
    for query in seeded_vectors(5, seed=7):
        got_ids, got_scores = store.search(query, 5, allowed)
        want_ids, want_scores = exact_top_k(allowed, vectors[1::2], query, 5)
        assert list(got_ids) == list(want_ids)
        np.testing.assert_allclose(got_scores, want_scores, atol=1e-5)
    assert faiss.omp_get_max_threads() == threads

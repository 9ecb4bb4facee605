"""The dense part of an index: the FAISS vector store under its historical name.

Kept so that callers written before the vector-store interface (``DenseIndex(dim,
exact_max).build(ids, vectors)``, ``DenseIndex.load(folder, exact_max)``) keep working;
the implementation lives in :mod:`indexing.faiss_store`.
"""

from __future__ import annotations

from indexing.faiss_store import HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH, HNSW_M, FaissStore

DenseIndex = FaissStore

__all__ = ["DenseIndex", "HNSW_EF_CONSTRUCTION", "HNSW_EF_SEARCH", "HNSW_M"]

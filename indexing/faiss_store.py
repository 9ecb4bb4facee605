"""Dense vectors in FAISS: exact inner product for small corpora, HNSW past a threshold.

Vectors are L2-normalised, so inner product is cosine. External ids (int64) are kept
with an IndexIDMap2 so a unit can be removed by id. The raw vectors are also kept (as
an .npy, memory-mapped on load): they give exact scores for any candidate and exact
search inside narrow filters, where HNSW's graph would miss the few allowed points.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import faiss
import numpy as np

from indexing.vector_store import STORE_FILE, StoreOptions, VectorStore

HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128
_BITMAP_BITS_PER_ID = 64


class FaissStore(VectorStore):
    """A FAISS index of (id, vector) pairs; ``exact_max`` decides Flat vs HNSW."""

    backend = "faiss"

    def __init__(self, dim: int, exact_max: int = 20000) -> None:
        self.dim = dim
        self.exact_max = exact_max
        self.ids = np.zeros(0, dtype=np.int64)
        self.vectors = np.zeros((0, dim), dtype=np.float32)
        self._faiss: faiss.IndexIDMap2 | None = None
        self._sorted: tuple[np.ndarray, np.ndarray] | None = None
        self.kind = "flat"

    @classmethod
    def create(cls, dim: int, options: StoreOptions) -> FaissStore:
        return cls(dim, options.exact_max)

    def __len__(self) -> int:
        return len(self.ids)

    def build(self, ids: np.ndarray, vectors: np.ndarray) -> FaissStore:
        """(Re)build from scratch with ``vectors[i]`` stored under ``ids[i]``."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        ids = np.asarray(ids, dtype=np.int64)
        if len(ids) != len(vectors) or len(np.unique(ids)) != len(ids):
            raise ValueError("ids must be unique and match the vectors")
        self.ids, self.vectors, self._sorted = ids, vectors, None
        self.kind = "flat" if len(ids) <= self.exact_max else "hnsw"
        inner = faiss.IndexFlatIP(self.dim) if self.kind == "flat" else _hnsw(self.dim)
        self._faiss = faiss.IndexIDMap2(inner)
        if len(vectors):
            self._faiss.add_with_ids(vectors, self.ids)
        return self

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Append pairs; crossing ``exact_max`` switches the index to HNSW (one rebuild)."""
        ids = np.asarray(ids, dtype=np.int64)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        if np.isin(ids, self.ids).any():
            raise ValueError("ids already stored: remove them first")
        if (
            self.kind == "flat"
            and self._faiss is not None
            and len(self) + len(ids) <= self.exact_max
        ):
            self._faiss.add_with_ids(vectors, ids)
            self.ids = np.concatenate([self.ids, ids])
            self.vectors, self._sorted = np.vstack([np.asarray(self.vectors), vectors]), None
            return
        self.build(np.concatenate([self.ids, ids]), np.vstack([np.asarray(self.vectors), vectors]))

    def clear(self) -> None:
        self.build(np.zeros(0, dtype=np.int64), np.zeros((0, self.dim), dtype=np.float32))

    def remove(self, ids: np.ndarray) -> int:
        """Delete vectors by id; HNSW cannot delete in place, so it is rebuilt from the rest."""
        drop = np.isin(self.ids, np.asarray(ids, dtype=np.int64))
        if not drop.any():
            return 0
        if self.kind == "flat" and self._faiss is not None:
            self._faiss.remove_ids(np.asarray(self.ids[drop], dtype=np.int64))
            self.ids, self.vectors = self.ids[~drop], np.ascontiguousarray(self.vectors[~drop])
            self._sorted = None
        else:
            self.build(self.ids[~drop], np.asarray(self.vectors)[~drop])
        return int(drop.sum())

    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Ids and scores of the ``k`` nearest vectors, best first; ``allowed``: ids to search in."""
        if not len(self.ids) or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        query = np.ascontiguousarray(query, dtype=np.float32).reshape(1, self.dim)
        if allowed is not None and (self.kind == "flat" or len(allowed) <= self.exact_max):
            return self._exact(query[0], np.asarray(allowed, dtype=np.int64), k)
        params = None
        if allowed is not None:
            allowed = np.asarray(allowed, dtype=np.int64)
            bitmap = _id_bitmap(allowed)  # alive until the search returns
            selector = (
                faiss.IDSelectorBatch(allowed) if bitmap is None else faiss.IDSelectorBitmap(bitmap)
            )
            params = faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, k))
        elif self.kind == "hnsw":
            params = faiss.SearchParametersHNSW(efSearch=max(HNSW_EF_SEARCH, k))
        with _single_threaded():
            scores, ids = self._require().search(query, min(k, len(self.ids)), params=params)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def get_vectors(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        rows = self._rows(np.asarray(ids, dtype=np.int64))
        return self.ids[rows], np.asarray(self.vectors[rows])

    def score(self, query: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """Exact inner product of ``query`` with the vectors stored under ``ids``."""
        rows = self._rows(np.asarray(ids, dtype=np.int64))
        return np.asarray(self.vectors[rows] @ np.asarray(query, dtype=np.float32).ravel())

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        faiss.write_index(self._require(), str(folder / "dense.faiss"))
        np.save(folder / "vectors.npy", np.asarray(self.vectors))
        np.save(folder / "ids.npy", self.ids)
        (folder / STORE_FILE).write_text(json.dumps(self.describe()), encoding="utf-8")

    @classmethod
    def load(
        cls,
        folder: Path,
        options: StoreOptions | int = StoreOptions(),
        exact_max: int | None = None,
    ) -> FaissStore:
        """Reopen a saved store; ``options`` may be just the exact/HNSW threshold."""
        if exact_max is None:
            exact_max = options if isinstance(options, int) else options.exact_max
        vectors = np.load(folder / "vectors.npy", mmap_mode="r")
        index = cls(int(vectors.shape[1]), exact_max)
        index.ids = np.load(folder / "ids.npy")
        index.vectors = vectors
        index._faiss = faiss.read_index(str(folder / "dense.faiss"))
        inner = faiss.downcast_index(index._faiss.index)
        index.kind = "flat" if isinstance(inner, faiss.IndexFlat) else "hnsw"
        return index

    def _exact(
        self, query: np.ndarray, allowed: np.ndarray, k: int
    ) -> tuple[np.ndarray, np.ndarray]:
        rows = self._rows(allowed)
        scores = np.asarray(self.vectors[rows] @ query)
        take = min(k, len(rows))
        if take == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        best = np.argpartition(-scores, take - 1)[:take]
        best = best[np.argsort(-scores[best], kind="stable")]
        return self.ids[rows[best]], scores[best]

    def _rows(self, ids: np.ndarray) -> np.ndarray:
        """Row positions of the stored ``ids`` (unknown ids are skipped)."""
        if self._sorted is None:
            order = np.argsort(self.ids, kind="stable")
            self._sorted = (order, self.ids[order])
        order, sorted_ids = self._sorted
        if not len(sorted_ids):
            return np.zeros(0, dtype=np.int64)
        pos = np.clip(np.searchsorted(sorted_ids, ids), 0, len(sorted_ids) - 1)
        return order[pos[sorted_ids[pos] == ids]]

    def _require(self) -> faiss.IndexIDMap2:
        if self._faiss is None:
            raise RuntimeError("dense index is empty: call build() first")
        return self._faiss


def _id_bitmap(allowed: np.ndarray) -> np.ndarray | None:
    """The allowed ids as FAISS's little-endian bitmap, or None when the ids are too sparse
    for one (at most ``_BITMAP_BITS_PER_ID`` bits per allowed id). The "in force today"
    filter allows ~60k of 65k unit ids: a hash set of them (IDSelectorBatch) costs ~5 ms
    to build per query and slows every membership test of the graph walk."""
    if not len(allowed) or allowed.min() < 0:
        return None
    size = int(allowed.max()) + 1
    if size > _BITMAP_BITS_PER_ID * len(allowed):
        return None
    bits = np.zeros(size, dtype=bool)
    bits[allowed] = True
    return np.packbits(bits, bitorder="little")


@contextmanager
def _single_threaded() -> Iterator[None]:
    """One query's search on the calling thread alone (the OpenMP setting is per thread).

    An OpenMP team for a single query costs more than it saves, and its spinning workers
    take CPU from the service's other requests: 9 → 1.5 ms per filtered HNSW search."""
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


def _hnsw(dim: int) -> faiss.Index:
    index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
    return index

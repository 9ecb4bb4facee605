"""The vector-store interface and the factory mapping a config string to a backend.

Retrieval code depends only on :class:`VectorStore`; whether vectors live in a FAISS
file beside the index (default) or in a Milvus collection (milvus-lite file or a
cluster) is a site's choice (``ZHIFA_VECTOR_BACKEND``), as in txtai. Backends are
imported lazily, so FAISS-only sites never import pymilvus.
"""

from __future__ import annotations

import importlib
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from corpus.errors import ErrorKind, ZhifaError
from indexing.settings import IndexingSettings

# config string → "module:Class"; strings, so importing this module imports no backend.
BACKENDS: dict[str, str] = {
    "faiss": "indexing.faiss_store:FaissStore",
    "milvus": "indexing.milvus_store:MilvusStore",
}
STORE_FILE = "store.json"


class VectorStoreError(
    ZhifaError, RuntimeError, kind=ErrorKind.UNAVAILABLE, code="vector_store_unavailable"
):
    """A backend cannot be created, reached or used; the message is Chinese."""


@dataclass(frozen=True)
class StoreOptions:
    """Which backend to use and how to reach it (from Settings at the edge)."""

    backend: str = "faiss"
    exact_max: int = 20000
    milvus_uri: str | None = None
    milvus_token: str | None = None
    milvus_collection: str = "zhifa_units"
    data_dir: Path | None = None

    @classmethod
    def from_settings(cls, settings: IndexingSettings, backend: str | None = None) -> StoreOptions:
        return cls(
            backend=backend or settings.vector_backend,
            exact_max=settings.faiss_exact_max,
            milvus_uri=settings.milvus_uri,
            milvus_token=settings.milvus_token,
            milvus_collection=settings.milvus_collection,
            data_dir=settings.data_dir,
        )

    def with_collection(self, name: str) -> StoreOptions:
        """These options aimed at another collection (one per index: units, cases…)."""
        return StoreOptions(
            self.backend,
            self.exact_max,
            self.milvus_uri,
            self.milvus_token,
            name,
            self.data_dir,
        )


class VectorStore(ABC):
    """(int64 id → L2-normalised float32 vector) with inner-product top-k search."""

    backend: str = ""
    dim: int
    kind: str

    @abstractmethod
    def __len__(self) -> int: ...

    @abstractmethod
    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Store ``vectors[i]`` under ``ids[i]`` (ids new to the store)."""

    def build(self, ids: np.ndarray, vectors: np.ndarray) -> VectorStore:
        """Replace the whole content with these pairs; returns self."""
        self.clear()
        self.add(ids, vectors)
        return self

    @abstractmethod
    def clear(self) -> None:
        """Remove every vector."""

    @abstractmethod
    def remove(self, ids: np.ndarray) -> int:
        """Delete vectors by id; returns how many were stored."""

    @abstractmethod
    def search(
        self, query: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Ids and inner-product scores of the ``k`` best vectors, best first;
        ``allowed``: only these ids are eligible."""

    @abstractmethod
    def get_vectors(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(found_ids, vectors)`` for the stored ids among ``ids`` (unknown ones skipped)."""

    def score(self, query: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """Exact inner product of ``query`` with the vectors stored under ``ids``."""
        _, vectors = self.get_vectors(np.asarray(ids, dtype=np.int64))
        return np.asarray(vectors @ np.asarray(query, dtype=np.float32).ravel())

    @abstractmethod
    def save(self, folder: Path) -> None:
        """Persist into ``folder`` (data, or for a server a pointer to the collection)."""

    @classmethod
    @abstractmethod
    def load(cls, folder: Path, options: StoreOptions) -> VectorStore:
        """Reopen what :meth:`save` wrote."""

    def describe(self) -> dict[str, Any]:
        """What an index manifest records about this store (never credentials)."""
        return {"backend": self.backend, "kind": self.kind, "dim": self.dim, "size": len(self)}

    def close(self) -> None:  # noqa: B027 — optional hook; FAISS holds no connection
        """Release connections; FAISS holds none."""


def _backend_class(backend: str) -> type[VectorStore]:
    target = BACKENDS.get(backend)
    if target is None:
        raise VectorStoreError(f"未知的向量库后端“{backend}”，可选：{'、'.join(sorted(BACKENDS))}")
    module_name, class_name = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise VectorStoreError(
            f"向量库后端“{backend}”缺少依赖（{exc.name}）：请安装 pip install '.[milvus]'"
        ) from exc
    return getattr(module, class_name)


def create_vector_store(dim: int, options: StoreOptions = StoreOptions()) -> VectorStore:
    """An empty store of the configured backend."""
    return _backend_class(options.backend).create(dim, options)  # type: ignore[attr-defined]


def load_vector_store(folder: Path, options: StoreOptions = StoreOptions()) -> VectorStore:
    """Reopen a saved store; the backend comes from ``folder/store.json`` (FAISS if absent)."""
    marker = Path(folder) / STORE_FILE
    backend = "faiss"
    if marker.is_file():
        backend = json.loads(marker.read_text(encoding="utf-8")).get("backend", "faiss")
    return _backend_class(backend).load(Path(folder), options)


def saved_backend(folder: Path) -> str:
    """The backend a saved store folder was written by."""
    marker = Path(folder) / STORE_FILE
    if not marker.is_file():
        return "faiss"
    return str(json.loads(marker.read_text(encoding="utf-8")).get("backend", "faiss"))

"""Open the persisted statute index the way IndexingSettings describe it.

Shared by the CLI, the assistant and the service so that each loads the same
folder with the same embedder and query-time fusion knobs.
"""

from __future__ import annotations

from dataclasses import dataclass

from indexing.hybrid_index import HybridIndex, IndexConfig, IndexError_, read_manifest
from indexing.settings import IndexingSettings
from indexing.storage import index_dir_for, recover
from indexing.vector_store import StoreOptions, saved_backend
from models.embedder import Embedder, embedder_from_settings
from models.query_embedding import QueryCachingEmbedder


@dataclass
class OpenedIndex:
    """The index and the best mode it supports (``bm25`` when built without vectors)."""

    index: HybridIndex
    mode: str

    @property
    def has_dense(self) -> bool:
        return self.mode != "bm25"


def open_index(
    settings: IndexingSettings, mode: str = "hybrid", backend: str | None = None
) -> OpenedIndex:
    """Load the index folder; falls back to BM25 when it holds no vectors.

    ``backend`` (faiss | milvus) must be the one the index was built with.

    Raises the indexing/model errors (IndexError_, EmbedderError, ModelMismatchError)
    with Chinese messages for the caller to show.
    """
    folder = recover(index_dir_for(settings))
    if read_manifest(folder)["model"] is None:
        mode = "bm25"
    built_with = saved_backend(folder / "dense")
    if backend is not None and mode != "bm25" and backend != built_with:
        raise IndexError_(
            f"索引的向量部分由 {built_with} 构建，不是 {backend}：请用 "
            f"`zhifa index build --backend {backend}` 重建。"
        )
    embedder = _query_embedder(settings) if mode != "bm25" else None
    options = StoreOptions.from_settings(settings, built_with)
    index = HybridIndex.load(folder, embedder, options, IndexConfig.from_settings(settings))
    return OpenedIndex(index=index, mode=mode)


def _query_embedder(settings: IndexingSettings) -> Embedder:
    """The configured embedder with its queries cached and concurrent ones run together."""
    return QueryCachingEmbedder(
        embedder_from_settings(settings),
        settings.query_cache_size,
        settings.query_max_batch,
        settings.query_parallel,
    )

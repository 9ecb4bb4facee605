"""Open the persisted statute index the way Settings describe it.

Shared by the CLI, the assistant and the service so that each loads the same
folder with the same embedder and query-time fusion knobs.
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus.settings import Settings
from indexing.hybrid_index import HybridIndex, IndexConfig, read_manifest
from indexing.storage import index_dir_for, recover
from models.embedder import embedder_from_settings


@dataclass
class OpenedIndex:
    """The index and the best mode it supports (``bm25`` when built without vectors)."""

    index: HybridIndex
    mode: str

    @property
    def has_dense(self) -> bool:
        return self.mode != "bm25"


def open_index(settings: Settings, mode: str = "hybrid") -> OpenedIndex:
    """Load the index folder; falls back to BM25 when it holds no vectors.

    Raises the indexing/model errors (IndexError_, EmbedderError, ModelMismatchError)
    with Chinese messages for the caller to show.
    """
    folder = recover(index_dir_for(settings))
    if read_manifest(folder)["model"] is None:
        mode = "bm25"
    embedder = embedder_from_settings(settings) if mode != "bm25" else None
    index = HybridIndex.load(folder, embedder)
    index.config = index.config.with_query_params(IndexConfig.from_settings(settings))
    return OpenedIndex(index=index, mode=mode)

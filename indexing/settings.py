"""The indexing layer's settings section: index folder, fusion knobs, vector store."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from models.settings import ModelSettings


class IndexingSettings(ModelSettings):
    """How the statute index is built, searched and where its vectors live."""

    index_dir: Path | None = Field(
        default=None, description="Retrieval index folder; None = data_dir/index."
    )
    rrf_k: int = Field(default=10, description="Reciprocal rank fusion constant (tuned on dev).")
    bm25_weight: float = Field(default=1.5, description="Weight of BM25 ranks in fusion.")
    dense_weight: float = Field(default=1.0, description="Weight of dense ranks in fusion.")
    fusion_candidates: int = Field(default=50, description="Candidates taken from each retriever.")
    query_focus: bool = Field(
        default=False,
        description="Lexical scorers weigh a question's last sentence twice (indexing/query_focus).",
    )
    faiss_exact_max: int = Field(
        default=20000, description="Up to this many vectors: exact search; past it: HNSW."
    )
    embed_max_chars: int = Field(default=400, description="Passage text truncated for embedding.")
    unit_max_chars: int = Field(default=600, description="Longer articles are split by 款.")
    embed_batch_size: int = Field(default=32, description="Texts per embedding batch.")
    vector_backend: str = Field(
        default="faiss", description="Vector store: faiss (file beside the index) | milvus."
    )
    milvus_uri: str | None = Field(
        default=None,
        description="Milvus cluster URI (http://host:19530); None = milvus-lite at data_dir/milvus.db.",
    )
    milvus_token: str | None = Field(default=None, description="Milvus token (user:password).")
    milvus_collection: str = Field(
        default="zhifa_units", description="Milvus collection holding the statute unit vectors."
    )
    # --- background vector build (issue 15) ---
    vector_chunk_units: int = Field(
        default=2000, description="Units embedded between two index swaps of the background build."
    )
    vector_priority_laws: list[str] = Field(
        default_factory=list,
        description="Laws embedded first; empty = indexing.vector_priority.DEFAULT_PRIORITY_LAWS.",
    )

    # ---- query vectors and law-aware retrieval (issue #16) ---------------------------
    query_cache_size: int = Field(
        default=1024, ge=0, description="Query vectors kept in the LRU cache (0 = none)."
    )
    query_max_batch: int = Field(
        default=16, gt=0, description="Concurrent queries embedded together, at most."
    )
    query_parallel: int | None = Field(
        default=None,
        gt=0,
        description="Query embeddings run side by side at most (backends that allow it, "
        "e.g. onnx-q4); unset = the number of CPUs.",
    )
    law_fusion_weights: Path | None = Field(
        default=None,
        description="Learned-fusion weights for law-aware search (e.g. "
        "indexing/weights/learned-fusion-dev2.json); unset = RRF, the default (README #16).",
    )

    hybrid_fusion: Literal["learned", "rrf"] = Field(
        default="learned",
        description="How hybrid search fuses BM25 and dense: learned (indexing/hybrid_fusion.py, "
        "weights fitted on dev+dev2, README #16) | rrf (rrf_k, bm25_weight, dense_weight).",
    )
    hybrid_fusion_weights: Path | None = Field(
        default=None,
        description="Weights of the learned hybrid fusion; None = the shipped "
        "indexing/weights/hybrid-learned-fusion.json.",
    )

    @property
    def resolved_index_dir(self) -> Path:
        """``index_dir`` or ``data_dir/index``."""
        return self.index_dir or self.data_layout.index_dir

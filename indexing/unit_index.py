"""The machinery every hybrid index shares, whatever its units are.

A unit kind (statute units, case facts…) says how a unit is written, read and what
of it BM25 and the embedder see; :class:`UnitIndex` does the rest the same way for
all kinds: jieba BM25, vectors in the configured store (FAISS or Milvus, through
one factory), the embedding cache, atomic saves, a manifest recording the model,
and loading with the query-time fusion knobs. Statutes (``indexing.hybrid_index``)
and similar cases (``assistant.cases.case_index``) differ only in their kind and in
how they rank and present hits.
"""

from __future__ import annotations

import copy
import json
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar, Generic, Self, TypeVar

import numpy as np

from corpus.errors import ZhifaError
from indexing.bm25_index import BM25Index, load_with_tokenizer, save_with_tokenizer
from indexing.embedding_cache import EmbeddingCache, EmbedStats, embed_texts, known_vectors
from indexing.fusion import FusionConfig
from indexing.settings import IndexingSettings
from indexing.storage import read_jsonl, recover, write_atomically, write_json, write_jsonl
from indexing.tokenizer import JiebaTokenizer
from indexing.units import text_hash
from indexing.vector_store import StoreOptions, VectorStore, create_vector_store, load_vector_store
from models.embedder import Embedder
from models.manifest import ModelManifest

U = TypeVar("U")


@dataclass(frozen=True)
class IndexConfig:
    """Build and fusion parameters (from settings at the edge, defaults in tests)."""

    rrf_k: int = 10
    bm25_weight: float = 1.5
    dense_weight: float = 1.0
    candidates: int = 50
    faiss_exact_max: int = 20000
    embed_max_chars: int = 400
    unit_max_chars: int = 600
    batch_size: int = 32
    query_focus: bool = False

    @classmethod
    def from_settings(cls, settings: IndexingSettings) -> IndexConfig:
        return cls(
            rrf_k=settings.rrf_k,
            bm25_weight=settings.bm25_weight,
            dense_weight=settings.dense_weight,
            candidates=settings.fusion_candidates,
            faiss_exact_max=settings.faiss_exact_max,
            embed_max_chars=settings.embed_max_chars,
            unit_max_chars=settings.unit_max_chars,
            batch_size=settings.embed_batch_size,
            query_focus=settings.query_focus,
        )

    def with_query_params(self, other: IndexConfig) -> IndexConfig:
        """This build config with ``other``'s query-time knobs (fusion, candidates)."""
        return replace(
            self,
            rrf_k=other.rrf_k,
            bm25_weight=other.bm25_weight,
            dense_weight=other.dense_weight,
            candidates=other.candidates,
            query_focus=other.query_focus,
        )

    def fusion(self) -> FusionConfig:
        return FusionConfig(self.rrf_k, {"bm25": self.bm25_weight, "dense": self.dense_weight})


@dataclass
class BuildInfo:
    """What a build cost: reported by ``zhifa index stats`` and the eval."""

    seconds: float = 0.0
    units: int = 0
    embed: EmbedStats = field(default_factory=EmbedStats)

    @property
    def units_per_second(self) -> float:
        return self.units / self.seconds if self.seconds > 0 else 0.0


class UnitKind(ABC, Generic[U]):
    """What one kind of unit looks like to the index; errors speak of that kind."""

    name: ClassVar[str]
    units_file: ClassVar[str]
    format_version: ClassVar[int] = 1

    @abstractmethod
    def to_dict(self, unit: U) -> dict[str, Any]: ...

    @abstractmethod
    def from_dict(self, row: dict[str, Any]) -> U: ...

    @abstractmethod
    def index_text(self, unit: U) -> str:
        """What BM25 reads of the unit."""

    @abstractmethod
    def embed_text(self, unit: U, max_chars: int) -> str:
        """What the embedder reads of the unit (the model sees ~512 tokens)."""

    @abstractmethod
    def error(self, message: str) -> ZhifaError:
        """This kind's error (statute index vs case index), with a Chinese message."""

    @abstractmethod
    def missing_message(self, folder: Path) -> str:
        """Why there is no index in ``folder`` and which command builds one."""

    def empty_message(self) -> str:
        return "没有可索引的内容。"


class UnitIndex(Generic[U]):
    """Units plus their BM25 and (optional) dense index; build once, then only read."""

    kind: ClassVar[UnitKind[Any]]

    def __init__(
        self,
        units: Sequence[U],
        bm25: BM25Index,
        dense: VectorStore | None,
        model: ModelManifest | None,
        config: IndexConfig,
        build_info: BuildInfo | None = None,
        embedder: Embedder | None = None,
        store_options: StoreOptions | None = None,
    ) -> None:
        self.units = list(units)
        self.bm25 = bm25
        self.dense = dense
        self.model = model
        self.config = config
        self.build_info = build_info or BuildInfo(units=len(self.units))
        self.embedder = embedder
        self.store_options = store_options or StoreOptions(exact_max=config.faiss_exact_max)

    # ---- building -------------------------------------------------------------------

    @classmethod
    def _from_units(
        cls,
        units: list[U],
        tokenizer: JiebaTokenizer,
        embedder: Embedder | None,
        config: IndexConfig,
        cache: EmbeddingCache | None,
        known: dict[str, np.ndarray] | None,
        show_progress: bool,
        store: StoreOptions | None,
        embed_only: Callable[[U], bool] | None = None,
    ) -> Self:
        """BM25 over the units' index texts; vectors (cache first) when there is an embedder.

        ``embed_only`` limits embedding to some units (an update's changed laws); the
        others keep a vector only where one is known or cached (the background build
        adds the rest), so the dense part may cover a subset of the units.
        """
        if not units:
            raise cls.kind.error(cls.kind.empty_message())
        store = store or StoreOptions(exact_max=config.faiss_exact_max)
        started = time.perf_counter()
        bm25 = BM25Index(tokenizer).index([cls.kind.index_text(u) for u in units], show_progress)
        dense, stats = None, EmbedStats(total=len(units))
        if embedder is not None:
            texts = [cls.kind.embed_text(u, config.embed_max_chars) for u in units]
            wanted = [
                t for t, u in zip(texts, units, strict=True) if not embed_only or embed_only(u)
            ]
            embedded, stats = embed_texts(
                wanted, embedder, cache, known, config.batch_size, show_progress
            )
            merged = {**(known or {}), **dict(zip(map(text_hash, wanted), embedded, strict=True))}
            ids, vectors = known_vectors(texts, embedder, cache, merged)
            dense = create_vector_store(embedder.dim, store)
            dense.build(ids, vectors)
            stats.total = len(units)
            stats.reused = sum(1 for text in texts if text_hash(text) in (known or {}))
            stats.cached = len(ids) - stats.reused - stats.embedded
        info = BuildInfo(time.perf_counter() - started, len(units), stats)
        model = embedder.manifest() if embedder is not None else None
        return cls(units, bm25, dense, model, config, info, embedder, store)

    def with_vectors(
        self,
        embedder: Embedder,
        cache: EmbeddingCache | None,
        query_embedder: Embedder | None = None,
    ) -> Self:
        """Same units and BM25; the dense part holds every unit whose vector is known.

        Vectors come from this index or the cache (the background build fills it), so
        the new index is ready to swap in without re-tokenising anything.
        """
        texts = [self.kind.embed_text(u, self.config.embed_max_chars) for u in self.units]
        known = self._known_vectors(texts) if self.model == embedder.manifest() else {}
        ids, vectors = known_vectors(texts, embedder, cache, known)
        dense = create_vector_store(embedder.dim, self.store_options)
        dense.build(ids, vectors)
        twin = type(self)(
            self.units,
            self.bm25,
            dense,
            embedder.manifest(),
            self.config,
            self.build_info,
            query_embedder or embedder,
            self.store_options,
        )
        twin._copy_extras(self)
        return twin

    def _copy_extras(self, other: Self) -> None:
        """Carry a kind's extra state into a twin made by :meth:`with_vectors` (none here)."""

    def _known_vectors(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        if self.dense is None:
            return {}
        ids, vectors = self.dense.get_vectors(np.arange(len(texts), dtype=np.int64))
        return {text_hash(texts[i]): vectors[row] for row, i in enumerate(ids)}

    def sharing_embedder(self, embedder: Embedder | None) -> Self:
        """This index answering queries with ``embedder`` (one per thread that embeds)."""
        twin = copy.copy(self)
        twin.embedder = embedder
        return twin

    @property
    def dense_units(self) -> int:
        """Units that have their vector (all of them once the background build is done)."""
        return len(self.dense) if self.dense is not None else 0

    @cached_property
    def _unit_has_vector(self) -> np.ndarray:
        covered = np.zeros(len(self.units), dtype=bool)
        if self.dense is not None and len(self.dense):
            ids = getattr(self.dense, "ids", None)
            if ids is None:
                ids, _ = self.dense.get_vectors(np.arange(len(self.units), dtype=np.int64))
            covered[np.asarray(ids, dtype=np.int64)] = True
        return covered

    def units_without_vector(self) -> np.ndarray:
        """Positions of the units still waiting for their vector."""
        return np.flatnonzero(~self._unit_has_vector)

    # ---- shared retrieval parts -------------------------------------------------------

    def query_vector(self, text: str) -> np.ndarray:
        """The query's embedding; a clear error when the index or caller has no model."""
        self.require_dense()
        if self.embedder is None:
            raise self.kind.error("向量检索需要嵌入模型：加载索引时请传入 embedder。")
        return self.embedder.embed_queries([text])[0]

    def require_dense(self) -> VectorStore:
        if self.dense is None:
            raise self.kind.error(self._no_dense_message())
        return self.dense

    def _no_dense_message(self) -> str:
        return "该索引未包含向量部分（仅 BM25）：请重建索引。"

    # ---- persistence ----------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write into a temporary sibling folder, then swap it in (see indexing.storage)."""
        write_atomically(Path(path), self._write)

    def _write(self, folder: Path) -> None:
        write_jsonl(folder / self.kind.units_file, (self.kind.to_dict(u) for u in self.units))
        save_with_tokenizer(self.bm25, folder)
        if self.dense is not None:
            self.dense.save(folder / "dense")
        self._write_extras(folder)
        write_json(folder / "manifest.json", self.manifest())

    def _write_extras(self, folder: Path) -> None:
        """Files a kind keeps beside the shared ones (none by default)."""

    def _read_extras(self, folder: Path) -> None:
        """Read back what :meth:`_write_extras` wrote."""

    def manifest(self) -> dict[str, Any]:
        """The model, config, vector store and cost of the build, plus the kind's own keys."""
        info = self.build_info
        return {
            "format": self.kind.format_version,
            "unit_kind": self.kind.name,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "model": self.model.to_dict() if self.model else None,
            "config": asdict(self.config),
            "dense_kind": self.dense.kind if self.dense is not None else None,
            "dense_units": self.dense_units,
            "vector_store": self.dense.describe() if self.dense is not None else None,
            **self._manifest_extras(),
            "build": {
                "seconds": round(info.seconds, 3),
                "units_per_second": round(info.units_per_second, 2),
                "embed": asdict(info.embed),
            },
        }

    def _manifest_extras(self) -> dict[str, Any]:
        return {}

    @classmethod
    def load(
        cls,
        path: Path,
        embedder: Embedder | None = None,
        store: StoreOptions | None = None,
        query: IndexConfig | None = None,
    ) -> Self:
        """Load a saved index; an ``embedder`` of another model raises ModelMismatchError.

        The vector backend is the one the index was built with (``dense/store.json``);
        ``store`` supplies how to reach it (a Milvus cluster URI and token). ``query``
        supplies the query-time knobs (fusion weights, candidates) that need no rebuild;
        the build parameters always come from the manifest.
        """
        folder = recover(Path(path))
        manifest = read_unit_manifest(folder, cls.kind)
        model = ModelManifest.from_dict(manifest["model"]) if manifest["model"] else None
        if model is not None and embedder is not None:
            model.check_compatible(embedder.manifest())
        config = IndexConfig(**manifest["config"])
        if query is not None:
            config = config.with_query_params(query)
        rows = read_jsonl(folder / cls.kind.units_file)
        units = [cls.kind.from_dict(row) for row in rows]
        bm25 = load_with_tokenizer(folder)
        store = store or StoreOptions(exact_max=config.faiss_exact_max)
        dense = load_vector_store(folder / "dense", store) if model else None
        build = manifest.get("build", {})
        info = BuildInfo(
            build.get("seconds", 0.0), len(units), EmbedStats(**build.get("embed", {}))
        )
        index = cls(units, bm25, dense, model, config, info, embedder, store)
        index._read_extras(folder)
        return index


def read_unit_manifest(folder: Path, kind: UnitKind[Any]) -> dict[str, Any]:
    """The manifest of the ``kind`` index in ``folder``; a clear error when there is none."""
    path = Path(folder) / "manifest.json"
    if not path.is_file():
        raise kind.error(kind.missing_message(Path(folder)))
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != kind.format_version:
        raise kind.error(f"索引格式版本 {manifest.get('format')} 不受支持，请重建索引。")
    if manifest.get("unit_kind", kind.name) != kind.name:
        raise kind.error(f"{folder} 是“{manifest['unit_kind']}”索引，不是“{kind.name}”索引。")
    return manifest

"""The hybrid retrieval index: jieba BM25 + dense vectors, fused by RRF — a tiny API.

``HybridIndex.build(records, embedder)`` → ``.retrieve(query, k)`` → ``.save(path)`` /
``HybridIndex.load(path, embedder)``; ``.update(...)`` re-indexes changed laws and
embeds only texts no vector is known for. Hits are articles: units of a split
article collapse back to it, and each hit carries every retriever's score.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from corpus.errors import ErrorKind, ZhifaError
from corpus.model import ArticleRecord
from indexing.bm25_index import BM25Index, load_with_tokenizer, save_with_tokenizer, top_k
from indexing.embedding_cache import EmbeddingCache, EmbedStats, embed_texts, known_vectors
from indexing.filters import SearchFilter, UnitTable
from indexing.fusion import FusionConfig, fuse_with_stand_in, reciprocal_rank_fusion
from indexing.settings import IndexingSettings
from indexing.storage import read_jsonl, recover, write_atomically, write_json, write_jsonl
from indexing.tokenizer import JiebaTokenizer
from indexing.units import RetrievalUnit, build_units, law_fingerprints, text_hash
from indexing.vector_store import (
    StoreOptions,
    VectorStore,
    create_vector_store,
    load_vector_store,
)
from models.embedder import Embedder
from models.manifest import ModelManifest

FORMAT_VERSION = 1
MODES: tuple[str, ...] = ("bm25", "dense", "hybrid")


class IndexError_(ZhifaError, RuntimeError, kind=ErrorKind.UNAVAILABLE, code="index_unavailable"):
    """The index is missing, corrupt or cannot serve the request; Chinese message."""


@dataclass(frozen=True)
class IndexConfig:
    """Build and fusion parameters (from Settings at the edge, defaults in tests)."""

    rrf_k: int = 10
    bm25_weight: float = 1.5
    dense_weight: float = 1.0
    candidates: int = 50
    faiss_exact_max: int = 20000
    embed_max_chars: int = 400
    unit_max_chars: int = 600
    batch_size: int = 32

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
        )

    def with_query_params(self, other: IndexConfig) -> IndexConfig:
        """This build config with ``other``'s query-time knobs (fusion, candidates)."""
        return replace(
            self,
            rrf_k=other.rrf_k,
            bm25_weight=other.bm25_weight,
            dense_weight=other.dense_weight,
            candidates=other.candidates,
        )

    def fusion(self) -> FusionConfig:
        return FusionConfig(self.rrf_k, {"bm25": self.bm25_weight, "dense": self.dense_weight})


@dataclass(frozen=True)
class Hit:
    """One retrieved article with its citation, text and each retriever's score."""

    article_id: str
    law: str
    title: str
    version: str
    number: int
    suffix: int
    citation: str
    headings: tuple[str, ...]
    text: str
    scores: dict[str, float | None]

    def to_json(self) -> dict[str, Any]:
        """The ``zhifa search --json`` shape."""
        return {
            "law": self.law,
            "version": self.version,
            "article": self.number,
            "citation": self.citation,
            "text": self.text,
            "scores": dict(self.scores),
        }


@dataclass
class BuildInfo:
    """What a build cost: reported by ``zhifa index stats`` and the eval."""

    seconds: float = 0.0
    units: int = 0
    embed: EmbedStats = field(default_factory=EmbedStats)

    @property
    def units_per_second(self) -> float:
        return self.units / self.seconds if self.seconds > 0 else 0.0


class HybridIndex:
    """Units plus their BM25 and (optional) dense index; immutable once built."""

    def __init__(
        self,
        units: Sequence[RetrievalUnit],
        bm25: BM25Index,
        dense: VectorStore | None,
        model: ModelManifest | None,
        config: IndexConfig,
        build_info: BuildInfo | None = None,
        embedder: Embedder | None = None,
        store_options: StoreOptions | None = None,
    ) -> None:
        self.units = list(units)
        self.store_options = store_options or StoreOptions(exact_max=config.faiss_exact_max)
        self.bm25 = bm25
        self.dense = dense
        self.model = model
        self.config = config
        self.build_info = build_info or BuildInfo(units=len(self.units))
        self.embedder = embedder
        self.table = UnitTable(self.units)
        article_ids = list(dict.fromkeys(u.article_id for u in self.units))
        position = {article_id: i for i, article_id in enumerate(article_ids)}
        self.article_ids = article_ids
        self.article_of = np.array([position[u.article_id] for u in self.units], dtype=np.int64)
        self.units_of: list[list[int]] = [[] for _ in article_ids]
        for unit_index, article_index in enumerate(self.article_of):
            self.units_of[article_index].append(unit_index)
        # units of one article are consecutive (build_units yields them so): a reduceat
        # collapses unit scores to article scores ~10x faster than np.maximum.at
        self._contiguous = bool(np.all(np.diff(self.article_of) >= 0))
        self._starts = np.array([units[0] for units in self.units_of], dtype=np.int64)

    # ---- building -------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        records: Iterable[ArticleRecord],
        embedder: Embedder | None,
        config: IndexConfig = IndexConfig(),
        cache: EmbeddingCache | None = None,
        show_progress: bool = False,
        store: StoreOptions | None = None,
    ) -> HybridIndex:
        """Index ``records``; with ``embedder=None`` only BM25 is built.

        ``store`` picks the vector backend (FAISS beside the index by default).
        """
        units = list(build_units(records, config.unit_max_chars))
        store = store or StoreOptions(exact_max=config.faiss_exact_max)
        return cls._from_units(units, embedder, config, cache, {}, show_progress, store)

    def update(
        self,
        records: Iterable[ArticleRecord],
        remove_laws: Iterable[str] = (),
        cache: EmbeddingCache | None = None,
        show_progress: bool = False,
    ) -> HybridIndex:
        """A new index where the laws in ``records`` are replaced and ``remove_laws`` dropped.

        Unchanged units keep their vectors (from this index or the cache): only new or
        changed texts are embedded.
        """
        fresh = list(build_units(records, self.config.unit_max_chars))
        replaced = {u.law for u in fresh} | set(remove_laws)
        units = [u for u in self.units if u.law not in replaced] + fresh
        known = self._vectors_by_hash()
        return self._from_units(
            units,
            self.embedder,
            self.config,
            cache,
            known,
            show_progress,
            self.store_options,
            embed_laws=replaced,
        )

    @classmethod
    def _from_units(
        cls,
        units: list[RetrievalUnit],
        embedder: Embedder | None,
        config: IndexConfig,
        cache: EmbeddingCache | None,
        known: dict[str, np.ndarray],
        show_progress: bool,
        store: StoreOptions,
        embed_laws: set[str] | None = None,
    ) -> HybridIndex:
        """``embed_laws``: embed only these laws' missing texts (the rest keep what is known)."""
        if not units:
            raise IndexError_("没有可索引的条文：请先导入法规（zhifa corpus init / import）。")
        _check_unique(units)
        started = time.perf_counter()
        tokenizer = JiebaTokenizer.for_units(units)
        bm25 = BM25Index(tokenizer).index([u.index_text() for u in units], show_progress)
        dense, stats = None, EmbedStats(total=len(units))
        if embedder is not None:
            texts = [u.embed_text(config.embed_max_chars) for u in units]
            wanted = [i for i, u in enumerate(units) if embed_laws is None or u.law in embed_laws]
            wanted_texts = [texts[i] for i in wanted]
            embedded, stats = embed_texts(
                wanted_texts, embedder, cache, known, config.batch_size, show_progress
            )
            merged = {**known, **dict(zip(map(text_hash, wanted_texts), embedded, strict=True))}
            ids, vectors = known_vectors(texts, embedder, cache, merged)
            dense = create_vector_store(embedder.dim, store)
            dense.build(ids, vectors)
            stats.total = len(units)
            stats.reused = sum(1 for text in texts if text_hash(text) in known)
            stats.cached = len(ids) - stats.reused - stats.embedded
        info = BuildInfo(time.perf_counter() - started, len(units), stats)
        model = embedder.manifest() if embedder is not None else None
        return cls(units, bm25, dense, model, config, info, embedder, store)

    def _vectors_by_hash(self) -> dict[str, np.ndarray]:
        if self.dense is None:
            return {}
        texts = [u.embed_text(self.config.embed_max_chars) for u in self.units]
        ids, vectors = self.dense.get_vectors(np.arange(len(texts), dtype=np.int64))
        return {text_hash(texts[i]): vectors[row] for row, i in enumerate(ids)}

    def with_vectors(
        self,
        embedder: Embedder,
        cache: EmbeddingCache | None,
        query_embedder: Embedder | None = None,
    ) -> HybridIndex:
        """Same units and BM25; the dense part holds every unit whose vector is known.

        Vectors come from this index or the cache (the background build fills it), so
        the new index is ready to swap in without re-tokenising anything.
        """
        texts = [u.embed_text(self.config.embed_max_chars) for u in self.units]
        known = self._vectors_by_hash() if self.model == embedder.manifest() else {}
        ids, vectors = known_vectors(texts, embedder, cache, known)
        dense = create_vector_store(embedder.dim, self.store_options)
        dense.build(ids, vectors)
        return HybridIndex(
            self.units,
            self.bm25,
            dense,
            embedder.manifest(),
            self.config,
            self.build_info,
            query_embedder or embedder,
            self.store_options,
        )

    def sharing_embedder(self, embedder: Embedder | None) -> HybridIndex:
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

    @cached_property
    def _article_has_vector(self) -> np.ndarray:
        covered = np.zeros(len(self.article_ids), dtype=bool)
        covered[self.article_of[self._unit_has_vector]] = True
        return covered

    def units_without_vector(self) -> np.ndarray:
        """Positions of the units still waiting for their vector."""
        return np.flatnonzero(~self._unit_has_vector)

    # ---- retrieval ------------------------------------------------------------------

    def retrieve(
        self,
        query: str,
        k: int = 10,
        query_filter: SearchFilter | None = None,
        mode: str = "hybrid",
    ) -> list[Hit]:
        """The ``k`` best articles for ``query`` by ``mode`` (bm25 | dense | hybrid)."""
        if mode not in MODES:
            raise IndexError_(f"未知的检索方式“{mode}”，可选：{'、'.join(MODES)}")
        if k <= 0:
            return []
        mask = self.table.mask(query_filter or SearchFilter())
        depth = max(k, self.config.candidates)
        bm25_articles = self._bm25_article_scores(query, mask)
        rankings: dict[str, list[int]] = {}
        if mode in ("bm25", "hybrid"):
            rankings["bm25"] = list(top_k(bm25_articles, depth)[0])
        query_vector, dense_best = None, {}
        if mode in ("dense", "hybrid"):
            query_vector = self._query_vector(query)
            dense_best = self._dense_article_scores(query_vector, mask, depth)
            rankings["dense"] = list(dense_best)
        if mode == "hybrid":
            fused = self._fuse(rankings)[:k]
        else:
            fused = [(a, None) for a in rankings[mode][:k]]
        return [
            self._hit(int(a), bm25_articles, query_vector, dense_best, score) for a, score in fused
        ]

    def _fuse(self, rankings: dict[str, list[int]]) -> list[tuple[int, float]]:
        """RRF; while vectors are still being built, an article without one takes its BM25
        rank as its dense rank, so it is neither favoured nor penalised for lacking one."""
        fusion = self.config.fusion()
        if self.dense_units >= len(self.units):
            return reciprocal_rank_fusion(rankings, fusion)  # type: ignore[return-value]
        return fuse_with_stand_in(
            rankings, fusion, "dense", "bm25", lambda a: not self._article_has_vector[a]
        )  # type: ignore[return-value]

    def _bm25_article_scores(self, query: str, mask: np.ndarray | None) -> np.ndarray:
        """Best BM25 score of each article over its units (0 where filtered out)."""
        unit_scores = self.bm25.scores(query)
        if mask is not None:
            unit_scores = np.where(mask, unit_scores, 0.0)
        if self._contiguous and len(unit_scores):
            return np.maximum.reduceat(unit_scores.astype(np.float32), self._starts)
        article_scores = np.zeros(len(self.article_ids), dtype=np.float32)
        np.maximum.at(article_scores, self.article_of, unit_scores)
        return article_scores

    def _dense_article_scores(
        self, query_vector: np.ndarray, mask: np.ndarray | None, depth: int
    ) -> dict[int, float]:
        """``{article: best cosine}`` for the top ``depth`` articles, best first."""
        dense = self._require_dense()
        allowed = None if mask is None else np.flatnonzero(mask)
        ids, scores = dense.search(query_vector, depth * 2, allowed)
        best: dict[int, float] = {}
        for unit_id, score in zip(ids, scores, strict=True):
            article = int(self.article_of[unit_id])
            if article not in best:
                best[article] = float(score)
        return dict(list(best.items())[:depth])

    def _query_vector(self, query: str) -> np.ndarray:
        self._require_dense()
        if self.embedder is None:
            raise IndexError_("向量检索需要嵌入模型：加载索引时请传入 embedder。")
        return self.embedder.embed_queries([query])[0]

    def _hit(
        self,
        article: int,
        bm25_articles: np.ndarray,
        query_vector: np.ndarray | None,
        dense_best: dict[int, float],
        hybrid: float | None,
    ) -> Hit:
        unit_indexes = self.units_of[article]
        first = self.units[unit_indexes[0]]
        dense_score = dense_best.get(article)
        if dense_score is None and query_vector is not None and self.dense is not None:
            unit_scores = self.dense.score(query_vector, np.array(unit_indexes))
            dense_score = float(unit_scores.max()) if len(unit_scores) else None
        return Hit(
            article_id=first.article_id,
            law=first.law,
            title=first.title,
            version=first.version,
            number=first.number,
            suffix=first.suffix,
            citation=first.citation,
            headings=first.headings,
            text="\n".join(self.units[i].text for i in unit_indexes),
            scores={
                "bm25": round(float(bm25_articles[article]), 6),
                "dense": None if dense_score is None else round(dense_score, 6),
                "hybrid": None if hybrid is None else round(hybrid, 6),
            },
        )

    def _require_dense(self) -> VectorStore:
        if self.dense is None:
            raise IndexError_("该索引未包含向量部分（仅 BM25）：请用 `zhifa index build` 重建。")
        return self.dense

    # ---- persistence ----------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write into a temporary sibling folder, then swap it in (see indexing.storage)."""
        write_atomically(Path(path), self._write)

    def _write(self, folder: Path) -> None:
        write_jsonl(folder / "units.jsonl", (unit.to_dict() for unit in self.units))
        save_with_tokenizer(self.bm25, folder)
        if self.dense is not None:
            self.dense.save(folder / "dense")
        write_json(folder / "manifest.json", self.manifest())

    def manifest(self) -> dict[str, Any]:
        """Everything needed to check, describe and incrementally update this index."""
        info = self.build_info
        return {
            "format": FORMAT_VERSION,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "model": self.model.to_dict() if self.model else None,
            "config": asdict(self.config),
            "units": len(self.units),
            "dense_units": self.dense_units,
            "articles": len(self.article_ids),
            "dense_kind": self.dense.kind if self.dense is not None else None,
            "vector_store": self.dense.describe() if self.dense is not None else None,
            "laws": law_fingerprints(self.units),
            "build": {
                "seconds": round(info.seconds, 3),
                "units_per_second": round(info.units_per_second, 2),
                "embed": asdict(info.embed),
            },
        }

    @classmethod
    def load(
        cls,
        path: Path,
        embedder: Embedder | None = None,
        store: StoreOptions | None = None,
        query: IndexConfig | None = None,
    ) -> HybridIndex:
        """Load a saved index; an ``embedder`` of another model raises ModelMismatchError.

        The vector backend is the one the index was built with (``dense/store.json``);
        ``store`` supplies how to reach it (a Milvus cluster URI and token). ``query``
        supplies the query-time knobs (fusion weights, candidates) that need no rebuild;
        the build parameters always come from the manifest.
        """
        folder = recover(Path(path))
        manifest = read_manifest(folder)
        model = ModelManifest.from_dict(manifest["model"]) if manifest["model"] else None
        if model is not None and embedder is not None:
            model.check_compatible(embedder.manifest())
        config = IndexConfig(**manifest["config"])
        if query is not None:
            config = config.with_query_params(query)
        units = [RetrievalUnit.from_dict(row) for row in read_jsonl(folder / "units.jsonl")]
        bm25 = load_with_tokenizer(folder)
        store = store or StoreOptions(exact_max=config.faiss_exact_max)
        dense = load_vector_store(folder / "dense", store) if model else None
        build = manifest.get("build", {})
        info = BuildInfo(
            build.get("seconds", 0.0), len(units), EmbedStats(**build.get("embed", {}))
        )
        return cls(units, bm25, dense, model, config, info, embedder, store)


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of the index in ``folder``; a clear error when there is none."""
    path = Path(folder) / "manifest.json"
    if not path.is_file():
        raise IndexError_(f"索引不存在或不完整：{folder}。请先运行 `zhifa index build`。")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT_VERSION:
        raise IndexError_(f"索引格式版本 {manifest.get('format')} 不受支持，请重建索引。")
    return manifest


def _check_unique(units: Sequence[RetrievalUnit]) -> None:
    seen: set[str] = set()
    for unit in units:
        if unit.unit_id in seen:
            raise IndexError_(f"条文单元重复：{unit.unit_id}")
        seen.add(unit.unit_id)

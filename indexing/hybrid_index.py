"""The statute retrieval index: jieba BM25 + dense vectors, fused by RRF — a tiny API.

``HybridIndex.build(records, embedder)`` → ``.retrieve(query, k)`` → ``.save(path)`` /
``HybridIndex.load(path, embedder)``; ``.update(...)`` re-indexes changed laws and
embeds only texts no vector is known for. Hits are articles: units of a split
article collapse back to it, and each hit carries every retriever's score. Building,
vector stores and persistence are the shared machinery of ``indexing.unit_index``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from corpus.errors import ErrorKind, ZhifaError
from corpus.model import ArticleRecord
from indexing.article_max import ArticleMax
from indexing.bm25_index import BM25Index, top_k
from indexing.embedding_cache import EmbeddingCache
from indexing.filters import SearchFilter, UnitTable
from indexing.fusion import fuse_with_stand_in, reciprocal_rank_fusion
from indexing.query_focus import emphasised
from indexing.recent_scores import RecentScores
from indexing.tokenizer import JiebaTokenizer
from indexing.unit_index import (
    BuildInfo,
    IndexConfig,
    UnitIndex,
    UnitKind,
    read_unit_manifest,
)
from indexing.units import RetrievalUnit, build_units, law_fingerprints, text_hash
from indexing.vector_store import StoreOptions, VectorStore
from models.embedder import Embedder
from models.manifest import ModelManifest

__all__ = [
    "ArticleRanking",
    "BuildInfo",
    "Hit",
    "HybridIndex",
    "IndexConfig",
    "IndexError_",
    "read_manifest",
]

FORMAT_VERSION = 1
MODES: tuple[str, ...] = ("bm25", "dense", "hybrid")


class IndexError_(ZhifaError, RuntimeError, kind=ErrorKind.UNAVAILABLE, code="index_unavailable"):
    """The index is missing, corrupt or cannot serve the request; Chinese message."""


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


@dataclass(frozen=True)
class ArticleRanking:
    """One retrieval's articles (positions in ``article_ids``) best first, and what their
    hits' scores come from: each article's BM25 under the filter, and on the dense side
    the query vector and the best cosines found; ``hybrid`` the fused scores."""

    articles: list[int]
    bm25: np.ndarray
    query_vector: np.ndarray | None = None
    dense_best: dict[int, float] = field(default_factory=dict)
    hybrid: dict[int, float] = field(default_factory=dict)


class StatuteUnits(UnitKind[RetrievalUnit]):
    """Statute retrieval units: articles, long ones split by 款."""

    name = "statute"
    units_file = "units.jsonl"
    format_version = FORMAT_VERSION

    def to_dict(self, unit: RetrievalUnit) -> dict[str, Any]:
        return unit.to_dict()

    def from_dict(self, row: dict[str, Any]) -> RetrievalUnit:
        return RetrievalUnit.from_dict(row)

    def index_text(self, unit: RetrievalUnit) -> str:
        return unit.index_text()

    def embed_text(self, unit: RetrievalUnit, max_chars: int) -> str:
        return unit.embed_text(max_chars)

    def error(self, message: str) -> ZhifaError:
        return IndexError_(message)

    def missing_message(self, folder: Path) -> str:
        return f"索引不存在或不完整：{folder}。请先运行 `zhifa index build`。"

    def empty_message(self) -> str:
        return "没有可索引的条文：请先导入法规（zhifa corpus init / import）。"


STATUTE_UNITS = StatuteUnits()


class HybridIndex(UnitIndex[RetrievalUnit]):
    """Statute units with BM25 and (optional) dense index; hits collapse to articles."""

    kind: ClassVar[UnitKind[RetrievalUnit]] = STATUTE_UNITS

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
        super().__init__(units, bm25, dense, model, config, build_info, embedder, store_options)
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
        self.article_max = ArticleMax(self.units_of)
        self._recent_bm25 = RecentScores()

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
        return cls._statutes(units, embedder, config, cache, {}, show_progress, store)

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
        return self._statutes(
            units,
            self.embedder,
            self.config,
            cache,
            known,
            show_progress,
            self.store_options,
            embed_only=lambda unit: unit.law in replaced,
        )

    @classmethod
    def _statutes(
        cls,
        units: list[RetrievalUnit],
        embedder: Embedder | None,
        config: IndexConfig,
        cache: EmbeddingCache | None,
        known: dict[str, np.ndarray],
        show_progress: bool,
        store: StoreOptions | None,
        embed_only: Callable[[RetrievalUnit], bool] | None = None,
    ) -> HybridIndex:
        if not units:
            raise IndexError_(STATUTE_UNITS.empty_message())
        _check_unique(units)
        tokenizer = JiebaTokenizer.for_units(units)
        return cls._from_units(
            units, tokenizer, embedder, config, cache, known, show_progress, store, embed_only
        )

    def _vectors_by_hash(self) -> dict[str, np.ndarray]:
        if self.dense is None:
            return {}
        texts = [u.embed_text(self.config.embed_max_chars) for u in self.units]
        ids, vectors = self.dense.get_vectors(np.arange(len(texts), dtype=np.int64))
        return {text_hash(texts[i]): vectors[row] for row, i in enumerate(ids)}

    # ---- retrieval ------------------------------------------------------------------

    def retrieve(
        self,
        query: str,
        k: int = 10,
        query_filter: SearchFilter | None = None,
        mode: str = "hybrid",
    ) -> list[Hit]:
        """The ``k`` best articles for ``query`` by ``mode`` (bm25 | dense | hybrid)."""
        ranking = self.rank(query, k, self.table.mask(query_filter or SearchFilter()), mode)
        return [self.hit(ranking, article) for article in ranking.articles]

    def rank(
        self,
        query: str,
        k: int,
        mask: np.ndarray | None,
        mode: str = "hybrid",
        bm25_articles: np.ndarray | None = None,
    ) -> ArticleRanking:
        """``retrieve`` without building hits: callers that pool several rankings (learned
        fusion) build hits, with their texts, only for the articles they show.
        ``bm25_articles`` passes in ``_bm25_article_scores(query, mask)`` already computed."""
        if mode not in MODES:
            raise IndexError_(f"未知的检索方式“{mode}”，可选：{'、'.join(MODES)}")
        if k <= 0:
            return ArticleRanking([], np.zeros(len(self.article_ids), dtype=np.float32))
        if bm25_articles is None:
            bm25_articles = self._bm25_article_scores(query, mask)
        depth = max(k, self.config.candidates)
        rankings: dict[str, list[int]] = {}
        if mode in ("bm25", "hybrid"):
            rankings["bm25"] = [int(a) for a in top_k(bm25_articles, depth)[0]]
        query_vector, dense_best = None, {}
        if mode in ("dense", "hybrid"):
            query_vector = self.query_vector(query)
            dense_best = self._dense_article_scores(query_vector, mask, depth)
            rankings["dense"] = list(dense_best)
        if mode != "hybrid":
            return ArticleRanking(rankings[mode][:k], bm25_articles, query_vector, dense_best)
        fused = self._fuse(rankings)[:k]
        hybrid = {int(a): score for a, score in fused}
        return ArticleRanking(list(hybrid), bm25_articles, query_vector, dense_best, hybrid)

    def hit(self, ranking: ArticleRanking, article: int) -> Hit:
        """The hit of ``article`` (a position in ``article_ids``) with the scores ``ranking`` gives it."""
        return self._hit(
            article,
            ranking.bm25,
            ranking.query_vector,
            ranking.dense_best,
            ranking.hybrid.get(article),
        )

    def first_unit(self, article: int) -> RetrievalUnit:
        """The first unit of ``article``: its law, level, headings and citation."""
        return self.units[self.units_of[article][0]]

    def _fuse(self, rankings: dict[str, list[int]]) -> list[tuple[int, float]]:
        """RRF; while vectors are still being built, an article without one takes its BM25
        rank as its dense rank, so it is neither favoured nor penalised for lacking one."""
        fusion = self.config.fusion()
        if self.dense_units >= len(self.units):
            return reciprocal_rank_fusion(rankings, fusion)  # type: ignore[return-value]
        return fuse_with_stand_in(
            rankings, fusion, "dense", "bm25", lambda a: not self._article_has_vector[a]
        )  # type: ignore[return-value]

    @cached_property
    def _article_has_vector(self) -> np.ndarray:
        covered = np.zeros(len(self.article_ids), dtype=bool)
        covered[self.article_of[self._unit_has_vector]] = True
        return covered

    def _bm25_article_scores(self, query: str, mask: np.ndarray | None) -> np.ndarray:
        """Best BM25 score of each article over its units (0 where filtered out)."""
        unit_scores = self._bm25_unit_scores(query)
        if mask is not None:
            unit_scores = np.where(mask, unit_scores, 0.0)
        if self._contiguous and len(unit_scores):
            return self.article_max.best(unit_scores.astype(np.float32))
        article_scores = np.zeros(len(self.article_ids), dtype=np.float32)
        np.maximum.at(article_scores, self.article_of, unit_scores)
        return article_scores

    def bm25_within_laws(self, article_scores: np.ndarray, laws: frozenset[str]) -> np.ndarray:
        """``_bm25_article_scores(query, within_laws(mask, laws))`` from the scores under
        ``mask`` already computed: every unit of an article is of the article's law, so
        narrowing to ``laws`` only zeroes the articles of other laws (no second pass)."""
        in_laws = self.table.law.isin(laws)[self.article_max.first]
        return np.where(in_laws, article_scores, article_scores.dtype.type(0))

    def _bm25_unit_scores(self, query: str) -> np.ndarray:
        """BM25 of every unit, remembered for recent queries: one learned-fusion search asks
        for the same query's scores four times (flat, bigram hits, within-laws, features)."""
        lexical = emphasised(query) if self.config.query_focus else query
        return self._recent_bm25.get(query, lambda: self.bm25.scores(lexical))

    def _dense_article_scores(
        self, query_vector: np.ndarray, mask: np.ndarray | None, depth: int
    ) -> dict[int, float]:
        """``{article: best cosine}`` for the top ``depth`` articles, best first."""
        dense = self.require_dense()
        allowed = None if mask is None else np.flatnonzero(mask)
        ids, scores = dense.search(query_vector, depth * 2, allowed)
        best: dict[int, float] = {}
        for unit_id, score in zip(ids, scores, strict=True):
            article = int(self.article_of[unit_id])
            if article not in best:
                best[article] = float(score)
        return dict(list(best.items())[:depth])

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

    def _no_dense_message(self) -> str:
        return "该索引未包含向量部分（仅 BM25）：请用 `zhifa index build` 重建。"

    def _manifest_extras(self) -> dict[str, Any]:
        """Counts and per-law fingerprints: what an incremental update compares."""
        return {
            "units": len(self.units),
            "articles": len(self.article_ids),
            "laws": law_fingerprints(self.units),
        }


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of the statute index in ``folder``; a clear error when there is none."""
    return read_unit_manifest(folder, STATUTE_UNITS)


def _check_unique(units: Sequence[RetrievalUnit]) -> None:
    seen: set[str] = set()
    for unit in units:
        if unit.unit_id in seen:
            raise IndexError_(f"条文单元重复：{unit.unit_id}")
        seen.add(unit.unit_id)

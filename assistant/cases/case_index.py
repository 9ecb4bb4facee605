"""The similar-case index: BM25 and dense vectors over case facts, fused by RRF.

The statute index's machinery (``indexing.unit_index``) with case facts as the unit
kind: the same jieba BM25, embedding cache, atomic saves and vector-store factory, so
case vectors live in FAISS or in Milvus (their own collection) as a site configures.
Each indexed case keeps what filters and explanations need (kind, domain, cited
articles, charges), so a search never touches the database.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from assistant.cases.model import Case
from corpus.errors import ErrorKind, ZhifaError
from indexing.bm25_index import top_k
from indexing.embedding_cache import EmbeddingCache
from indexing.fusion import reciprocal_rank_fusion
from indexing.tokenizer import JiebaTokenizer
from indexing.unit_index import IndexConfig, UnitIndex, UnitKind, read_unit_manifest
from indexing.vector_store import StoreOptions
from models.embedder import Embedder

CASE_INDEX_FORMAT = 1
CASE_MODES: tuple[str, ...] = ("bm25", "dense", "hybrid")


class CaseIndexError(
    ZhifaError, RuntimeError, kind=ErrorKind.UNAVAILABLE, code="case_index_missing"
):
    """The case index is missing or cannot serve a request; Chinese message."""


@dataclass(frozen=True)
class IndexedCase:
    """What the index keeps per case: filter columns and the cited articles (``law#n``)."""

    case_id: str
    kind: str
    domain: str
    laws: tuple[str, ...]
    articles: tuple[str, ...]
    charges: tuple[str, ...]
    facts: str

    @classmethod
    def of(cls, case: Case) -> IndexedCase:
        return cls(
            case_id=case.case_id,
            kind=case.kind.value,
            domain=case.domain or "",
            laws=tuple(case.cited_laws),
            articles=tuple(case.article_keys),
            charges=tuple(case.charges),
            facts=case.facts,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> IndexedCase:
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


@dataclass(frozen=True)
class CaseFilter:
    """Empty means any: case kinds, domains, and laws the case must cite."""

    kinds: frozenset[str] = frozenset()
    domains: frozenset[str] = frozenset()
    laws: frozenset[str] = frozenset()
    exclude_ids: frozenset[str] = frozenset()

    @property
    def is_empty(self) -> bool:
        return not (self.kinds or self.domains or self.laws or self.exclude_ids)


@dataclass(frozen=True)
class CaseQuery:
    """Facts to match, plus the articles (``law#n``) the query cites, if any."""

    facts: str
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class CaseMatch:
    """One ranked case with the evidence of why it matched."""

    case_id: str
    rank: int
    shared_articles: tuple[str, ...]
    shared_terms: tuple[str, ...]
    scores: dict[str, float | None]


def embed_text(facts: str, max_chars: int) -> str:
    """What the embedder reads of a case: the start of its facts (the model sees ~512 tokens)."""
    return facts[:max_chars]


class CaseUnits(UnitKind[IndexedCase]):
    """One unit per case: its facts are what BM25 and the embedder read."""

    name = "case"
    units_file = "cases.jsonl"
    format_version = CASE_INDEX_FORMAT

    def to_dict(self, unit: IndexedCase) -> dict[str, Any]:
        return asdict(unit)

    def from_dict(self, row: dict[str, Any]) -> IndexedCase:
        return IndexedCase.from_dict(row)

    def index_text(self, unit: IndexedCase) -> str:
        return unit.facts

    def embed_text(self, unit: IndexedCase, max_chars: int) -> str:
        return embed_text(unit.facts, max_chars)

    def error(self, message: str) -> ZhifaError:
        return CaseIndexError(message)

    def missing_message(self, folder: Path) -> str:
        return f"案例索引不存在：{folder}。请先运行 `zhifa cases init`。"

    def empty_message(self) -> str:
        return "案例库为空：请先运行 `zhifa cases init` 或 `zhifa cases import`。"


CASE_UNITS = CaseUnits()


class CaseIndex(UnitIndex[IndexedCase]):
    """BM25 (+ optional dense) over the facts of cases; positions address cases."""

    kind: ClassVar[UnitKind[IndexedCase]] = CASE_UNITS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.document_frequency: dict[str, int] = {}
        self.position = {case.case_id: i for i, case in enumerate(self.units)}
        self._kind = np.array([c.kind for c in self.units], dtype=object)
        self._domain = np.array([c.domain for c in self.units], dtype=object)

    @property
    def cases(self) -> list[IndexedCase]:
        return self.units

    # ---- building ---------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        cases: Iterable[Case],
        tokenizer: JiebaTokenizer,
        embedder: Embedder | None = None,
        config: IndexConfig = IndexConfig(),
        cache: EmbeddingCache | None = None,
        show_progress: bool = False,
        store: StoreOptions | None = None,
    ) -> CaseIndex:
        """Index the facts of ``cases`` (BM25 only when ``embedder`` is None).

        ``store`` picks the vector backend and collection (FAISS beside the index by default).
        """
        indexed = list({c.case_id: IndexedCase.of(c) for c in cases}.values())
        index = cls._from_units(
            indexed, tokenizer, embedder, config, cache, None, show_progress, store
        )
        index.document_frequency = dict(
            Counter(term for case in indexed for term in set(tokenizer(case.facts)))
        )
        return index

    # ---- searching --------------------------------------------------------------------

    def search(
        self,
        query: CaseQuery,
        k: int = 5,
        case_filter: CaseFilter | None = None,
        mode: str = "hybrid",
    ) -> list[CaseMatch]:
        """The ``k`` cases most similar to ``query`` by ``mode`` (bm25 | dense | hybrid).

        Hybrid fuses BM25, dense (when the index has vectors) and, when the query cites
        articles, the cases citing them.
        """
        if mode not in CASE_MODES:
            raise CaseIndexError(f"未知的检索方式“{mode}”，可选：{'、'.join(CASE_MODES)}")
        if mode == "dense" and self.dense is None:
            raise CaseIndexError("案例索引未包含向量部分：请重建案例索引（不加 --no-dense）。")
        mask = self.mask(case_filter or CaseFilter())
        depth = max(k, self.config.candidates)
        bm25_scores = self.bm25.scores(query.facts)
        if mask is not None:
            bm25_scores = np.where(mask, bm25_scores, 0.0)
        rankings: dict[str, list[int]] = {}
        if mode in ("bm25", "hybrid"):
            rankings["bm25"] = [int(i) for i in top_k(bm25_scores, depth)[0]]
        dense_scores: dict[int, float] = {}
        if mode == "dense" or (mode == "hybrid" and self.dense is not None):
            dense_scores = self._dense_scores(query.facts, mask, depth)
            rankings["dense"] = list(dense_scores)
        if query.articles and mode == "hybrid":
            rankings["cited"] = self._citing(query.articles, mask, bm25_scores, depth)
        fused = self._fuse(rankings, mode)[:k]
        query_terms = set(self.bm25.tokenizer(query.facts))
        return [
            self._match(position, rank, score, query, query_terms, bm25_scores, dense_scores)
            for rank, (position, score) in enumerate(fused, start=1)
        ]

    def mask(self, case_filter: CaseFilter) -> np.ndarray | None:
        """Boolean mask of the cases a filter allows (None: all)."""
        if case_filter.is_empty:
            return None
        mask = np.ones(len(self.cases), dtype=bool)
        if case_filter.kinds:
            mask &= np.isin(self._kind, list(case_filter.kinds))
        if case_filter.domains:
            mask &= np.isin(self._domain, list(case_filter.domains))
        if case_filter.laws:
            mask &= np.array([bool(case_filter.laws.intersection(c.laws)) for c in self.cases])
        for case_id in case_filter.exclude_ids:
            if case_id in self.position:
                mask[self.position[case_id]] = False
        return mask

    def _dense_scores(self, facts: str, mask: np.ndarray | None, depth: int) -> dict[int, float]:
        vector = self.query_vector(embed_text(facts, self.config.embed_max_chars))
        allowed = None if mask is None else np.flatnonzero(mask)
        ids, scores = self.require_dense().search(vector, depth, allowed)
        return {int(i): float(s) for i, s in zip(ids, scores, strict=True)}

    def _citing(
        self, articles: tuple[str, ...], mask: np.ndarray | None, bm25: np.ndarray, depth: int
    ) -> list[int]:
        """Cases citing the query's articles: most shared first, then by BM25."""
        wanted = set(articles)
        shared = np.array([len(wanted.intersection(c.articles)) for c in self.cases], dtype=float)
        if mask is not None:
            shared = np.where(mask, shared, 0.0)
        tie_break = 0.5 * bm25 / (1.0 + bm25.max(initial=0.0))
        score = np.where(shared > 0, shared + tie_break, 0.0)
        return [int(i) for i in top_k(score, depth)[0]]

    def _fuse(self, rankings: dict[str, list[int]], mode: str) -> list[tuple[int, float | None]]:
        if mode != "hybrid":
            return [(position, None) for position in rankings[mode]]
        config = self.config.fusion()
        return [(int(p), s) for p, s in reciprocal_rank_fusion(rankings, config)]

    def _match(
        self,
        position: int,
        rank: int,
        fused: float | None,
        query: CaseQuery,
        query_terms: set[str],
        bm25: np.ndarray,
        dense: dict[int, float],
    ) -> CaseMatch:
        case = self.cases[position]
        return CaseMatch(
            case_id=case.case_id,
            rank=rank,
            shared_articles=tuple(a for a in case.articles if a in set(query.articles)),
            shared_terms=self.salient_overlap(query_terms, case.facts),
            scores={
                "bm25": round(float(bm25[position]), 4),
                "dense": round(dense[position], 4) if position in dense else None,
                "hybrid": None if fused is None else round(fused, 6),
            },
        )

    def salient_overlap(self, query_terms: set[str], facts: str, limit: int = 8) -> tuple[str, ...]:
        """Terms query and case share, rarest (highest IDF) first: what BM25 matched on."""
        shared = query_terms.intersection(self.bm25.tokenizer(facts))
        total = len(self.cases)

        def idf(term: str) -> float:
            df = self.document_frequency.get(term, 0)
            return math.log(1 + (total - df + 0.5) / (df + 0.5))

        ranked = sorted(
            (t for t in shared if len(t) > 1 and not t.isdigit()), key=lambda t: (-idf(t), t)
        )
        return tuple(ranked[:limit])

    # ---- persistence ------------------------------------------------------------------

    def _no_dense_message(self) -> str:
        return "案例索引未包含向量部分：请重建案例索引（不加 --no-dense）。"

    def _write_extras(self, folder: Path) -> None:
        (folder / "term_df.json").write_text(
            json.dumps(self.document_frequency, ensure_ascii=False), encoding="utf-8"
        )

    def _read_extras(self, folder: Path) -> None:
        path = folder / "term_df.json"
        self.document_frequency = json.loads(path.read_text(encoding="utf-8"))

    def _manifest_extras(self) -> dict[str, Any]:
        return {
            "cases": len(self.units),
            "fingerprint": cases_fingerprint(c.case_id for c in self.units),
        }


def read_case_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of the case index in ``folder``; CaseIndexError when there is none."""
    return read_unit_manifest(folder, CASE_UNITS)


def cases_fingerprint(case_ids: Iterable[str]) -> str:
    """Identity of the indexed case set: a stale index is detected by comparing it."""
    digest = hashlib.sha256()
    for case_id in sorted(case_ids):
        digest.update(case_id.encode() + b"\n")
    return digest.hexdigest()

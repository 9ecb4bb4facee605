"""The similar-case index: BM25 and dense vectors over case facts, fused by RRF.

Built from indexing's parts (jieba tokenizer with a legal dictionary, bm25s, FAISS,
the embedding cache, reciprocal rank fusion), so cases are ranked exactly like
statutes are. Each indexed case keeps what filters and explanations need (kind,
domain, cited articles, charges), so a search never touches the database.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from assistant.cases.model import Case
from corpus.errors import ErrorKind, ZhifaError
from indexing.bm25_index import BM25Index, load_with_tokenizer, save_with_tokenizer, top_k
from indexing.dense_index import DenseIndex
from indexing.embedding_cache import EmbeddingCache, EmbedStats, embed_texts
from indexing.fusion import reciprocal_rank_fusion
from indexing.hybrid_index import IndexConfig
from indexing.storage import read_jsonl, recover, write_atomically, write_json, write_jsonl
from indexing.tokenizer import JiebaTokenizer
from models.embedder import Embedder
from models.manifest import ModelManifest

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


@dataclass
class CaseIndexInfo:
    seconds: float = 0.0
    embed: EmbedStats = field(default_factory=EmbedStats)


def embed_text(facts: str, max_chars: int) -> str:
    """What the embedder reads of a case: the start of its facts (the model sees ~512 tokens)."""
    return facts[:max_chars]


class CaseIndex:
    """BM25 (+ optional dense) over the facts of ``cases``; positions address cases."""

    def __init__(
        self,
        cases: Sequence[IndexedCase],
        bm25: BM25Index,
        document_frequency: dict[str, int],
        dense: DenseIndex | None,
        model: ModelManifest | None,
        config: IndexConfig,
        embedder: Embedder | None = None,
        info: CaseIndexInfo | None = None,
    ) -> None:
        self.cases = list(cases)
        self.bm25 = bm25
        self.document_frequency = document_frequency
        self.dense = dense
        self.model = model
        self.config = config
        self.embedder = embedder
        self.info = info or CaseIndexInfo()
        self.position = {case.case_id: i for i, case in enumerate(self.cases)}
        self._kind = np.array([c.kind for c in self.cases], dtype=object)
        self._domain = np.array([c.domain for c in self.cases], dtype=object)

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
    ) -> CaseIndex:
        """Index the facts of ``cases`` (BM25 only when ``embedder`` is None)."""
        indexed = list({c.case_id: IndexedCase.of(c) for c in cases}.values())
        if not indexed:
            raise CaseIndexError(
                "案例库为空：请先运行 `zhifa cases init` 或 `zhifa cases import`。"
            )
        started = time.perf_counter()
        facts = [case.facts for case in indexed]
        bm25 = BM25Index(tokenizer).index(facts, show_progress)
        frequency = Counter(term for text in facts for term in set(tokenizer(text)))
        dense, stats = None, EmbedStats(total=len(indexed))
        if embedder is not None:
            texts = [embed_text(text, config.embed_max_chars) for text in facts]
            vectors, stats = embed_texts(
                texts, embedder, cache, None, config.batch_size, show_progress
            )
            dense = DenseIndex(embedder.dim, config.faiss_exact_max)
            dense.build(np.arange(len(indexed), dtype=np.int64), vectors)
        info = CaseIndexInfo(time.perf_counter() - started, stats)
        model = embedder.manifest() if embedder is not None else None
        return cls(indexed, bm25, dict(frequency), dense, model, config, embedder, info)

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
        if self.embedder is None:
            raise CaseIndexError("向量检索需要嵌入模型：加载案例索引时请传入 embedder。")
        vector = self.embedder.embed_queries([embed_text(facts, self.config.embed_max_chars)])[0]
        allowed = None if mask is None else np.flatnonzero(mask)
        ids, scores = self.dense.search(vector, depth, allowed)  # type: ignore[union-attr]
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

    def save(self, path: Path) -> None:
        """Write into a temporary sibling folder, then swap it in (indexing.storage)."""
        write_atomically(Path(path), self._write)

    def _write(self, folder: Path) -> None:
        write_jsonl(folder / "cases.jsonl", (asdict(case) for case in self.cases))
        (folder / "term_df.json").write_text(
            json.dumps(self.document_frequency, ensure_ascii=False), encoding="utf-8"
        )
        save_with_tokenizer(self.bm25, folder)
        if self.dense is not None:
            self.dense.save(folder / "dense")
        write_json(folder / "manifest.json", self.manifest())

    def manifest(self) -> dict[str, Any]:
        return {
            "format": CASE_INDEX_FORMAT,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "model": self.model.to_dict() if self.model else None,
            "config": asdict(self.config),
            "cases": len(self.cases),
            "fingerprint": cases_fingerprint(c.case_id for c in self.cases),
            "build": {"seconds": round(self.info.seconds, 3), "embed": asdict(self.info.embed)},
        }

    @classmethod
    def load(cls, path: Path, embedder: Embedder | None = None) -> CaseIndex:
        """Load a saved case index; an embedder of another model raises ModelMismatchError."""
        folder = recover(Path(path))
        manifest = read_case_manifest(folder)
        model = ModelManifest.from_dict(manifest["model"]) if manifest["model"] else None
        if model is not None and embedder is not None:
            model.check_compatible(embedder.manifest())
        config = IndexConfig(**manifest["config"])
        cases = [IndexedCase.from_dict(row) for row in read_jsonl(folder / "cases.jsonl")]
        frequency = json.loads((folder / "term_df.json").read_text(encoding="utf-8"))
        bm25 = load_with_tokenizer(folder)
        dense = DenseIndex.load(folder / "dense", config.faiss_exact_max) if model else None
        return cls(cases, bm25, frequency, dense, model, config, embedder)


def read_case_manifest(folder: Path) -> dict[str, Any]:
    path = Path(folder) / "manifest.json"
    if not path.is_file():
        raise CaseIndexError(f"案例索引不存在：{folder}。请先运行 `zhifa cases init`。")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("format") != CASE_INDEX_FORMAT:
        raise CaseIndexError("案例索引格式版本不受支持，请重新运行 `zhifa cases init`。")
    return manifest


def cases_fingerprint(case_ids: Iterable[str]) -> str:
    """Identity of the indexed case set: a stale index is detected by comparing it."""
    import hashlib

    digest = hashlib.sha256()
    for case_id in sorted(case_ids):
        digest.update(case_id.encode() + b"\n")
    return digest.hexdigest()

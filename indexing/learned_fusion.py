"""Learned fusion: a small linear ranker over per-candidate features instead of RRF.

RRF adds ranks with hand-set weights; a linear model can weigh score gaps, law
priors and intent together. Candidates are the union of the flat BM25, bigram and
within-best-laws rankings; each gets a few features (below) and the score is
``w · x``. The weights live in a small JSON file (with how, when and on which set
they were fitted), never in code; ``eval.learned_fusion_cv`` fits them on one set
and reports them on the other.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from indexing.filters import SearchFilter
from indexing.hybrid_index import Hit, HybridIndex
from indexing.law_aware import LawAwareRetriever, _best_per_article, _laws_by_mass
from indexing.question_intent import asks_for_consequences, is_penalty_heading

FEATURES: tuple[str, ...] = (
    "bm25_norm",
    "bm25_rr",
    "bigram_norm",
    "bigram_rr",
    "within_rr",
    "law_mass_rr",
    "card_rr",
    "card_dense_rr",
    "named",
    "penalty",
)
_RR_K = 10
_MISSING_RANK = 1000
_LAW_DEPTH = 20


def _rr(rank: int | None) -> float:
    """Reciprocal rank 1/(k + rank), 0 for an absent item."""
    return 0.0 if rank is None else 1.0 / (_RR_K + rank)


@dataclass(frozen=True)
class Candidates:
    """The candidate articles of one question and their feature matrix (rows aligned)."""

    hits: list[Hit]
    features: np.ndarray


def _ranks(items: list[str]) -> dict[str, int]:
    ranks: dict[str, int] = {}
    for rank, item in enumerate(items, start=1):
        ranks.setdefault(item, rank)
    return ranks


def candidates(
    retriever: LawAwareRetriever,
    query: str,
    depth: int = 50,
    mode: str = "bm25",
    query_filter: SearchFilter | None = None,
    card_dense: bool = True,
) -> Candidates:
    """Union of the flat, bigram and within-best-laws rankings, with ``FEATURES`` per hit.

    ``card_dense=False`` leaves the dense law-card feature at 0 (no query embedding) for a
    ranker that gives it no weight.
    """
    base = query_filter or SearchFilter()
    flat = retriever.index.retrieve(query, depth, base, mode=mode)
    bigram = retriever.bigram_hits(query, base, depth)
    mass = _laws_by_mass(flat, _RR_K)[:_LAW_DEPTH]
    named = set(retriever.detector.laws(query))
    cards = retriever.cards
    card_rank = _ranks(cards.ranking(query, _LAW_DEPTH))
    use_dense = card_dense and cards.has_dense
    dense_rank = _ranks(cards.ranking(query, _LAW_DEPTH, dense=True)) if use_dense else {}
    best_laws = [law for law in (list(named) or mass[:5]) if not base.laws or law in base.laws]
    within = (
        retriever.index.retrieve(query, depth, replace(base, laws=frozenset(best_laws)), mode)
        if best_laws
        else []
    )
    lists = {"flat": flat, "bigram": bigram, "within": within}
    by_id: dict[str, Hit] = {}
    for hits in lists.values():
        for hit in hits:
            by_id.setdefault(hit.article_id, hit)
    rank = {name: _ranks([h.article_id for h in hits]) for name, hits in lists.items()}
    top_bm25 = max((h.scores["bm25"] or 0.0 for h in flat), default=0.0) or 1.0
    bigram_scores = _bigram_scores(retriever, query, bigram)
    top_bigram = max(bigram_scores.values(), default=0.0) or 1.0
    mass_rank = _ranks(mass)
    penalty_question = asks_for_consequences(query)
    rows = []
    hits = list(by_id.values())
    for hit in hits:
        rows.append(
            [
                (hit.scores["bm25"] or 0.0) / top_bm25,
                _rr(rank["flat"].get(hit.article_id)),
                bigram_scores.get(hit.article_id, 0.0) / top_bigram,
                _rr(rank["bigram"].get(hit.article_id)),
                _rr(rank["within"].get(hit.article_id)),
                _rr(mass_rank.get(hit.law)),
                _rr(card_rank.get(hit.law)),
                _rr(dense_rank.get(hit.law)),
                float(hit.law in named),
                float(penalty_question and is_penalty_heading(hit.headings)),
            ]
        )
    matrix = np.array(rows, dtype=np.float64).reshape(len(hits), len(FEATURES))
    return Candidates(hits, matrix)


def _bigram_scores(retriever: LawAwareRetriever, query: str, hits: list[Hit]) -> dict[str, float]:
    """Bigram BM25 score of each bigram hit (best unit of its article)."""
    if not hits:
        return {}
    articles = _best_per_article(retriever.index, retriever.bigrams.scores(query))
    position = retriever.article_position
    return {hit.article_id: float(articles[position[hit.article_id]]) for hit in hits}


@dataclass(frozen=True)
class LinearRanker:
    """Score ``w · x`` over ``FEATURES``; ``provenance`` says how the weights were fitted."""

    weights: tuple[float, ...]
    provenance: dict[str, Any]

    def __post_init__(self) -> None:
        if len(self.weights) != len(FEATURES) or not all(map(math.isfinite, self.weights)):
            raise ValueError(f"a ranker needs {len(FEATURES)} finite weights")

    def order(self, found: Candidates) -> list[Hit]:
        """The candidates best first (ties: the candidate order, flat ranking first)."""
        if not found.hits:
            return []
        scores = found.features @ np.array(self.weights)
        return [found.hits[i] for i in np.argsort(-scores, kind="stable")]

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(FEATURES),
            "weights": [round(w, 6) for w in self.weights],
            "provenance": self.provenance,
        }

    def save(self, path: Path) -> None:
        """Written atomically (temporary file, then rename)."""
        partial = path.with_name(path.name + ".partial")
        partial.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n")
        partial.replace(path)

    @classmethod
    def load(cls, path: Path) -> LinearRanker:
        """A clear error when the file is missing or was fitted on other features."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"无法读取融合权重文件 {path}：{exc}") from exc
        if data.get("features") != list(FEATURES):
            raise ValueError(f"融合权重文件 {path} 的特征与本版本不一致：{data.get('features')}")
        return cls(tuple(float(w) for w in data["weights"]), dict(data.get("provenance", {})))


class LearnedRetriever:
    """A LawAwareRetriever's candidates, ordered by a LinearRanker (same ``retrieve``)."""

    def __init__(self, aware: LawAwareRetriever, ranker: LinearRanker) -> None:
        self.aware = aware
        self.ranker = ranker

    def retrieve(
        self,
        query: str,
        k: int = 10,
        query_filter: SearchFilter | None = None,
        mode: str = "bm25",
    ) -> list[Hit]:
        dense = self.ranker.weights[FEATURES.index("card_dense_rr")] != 0
        found = candidates(self.aware, query, max(k, 50), mode, query_filter, dense)
        return self.ranker.order(found)[:k]


def law_aware_search(
    index: HybridIndex, cache_dir: Path | None, weights: Path | None
) -> LawAwareRetriever | LearnedRetriever:
    """The law-aware retriever the settings ask for: RRF, or learned fusion from ``weights``."""
    aware = LawAwareRetriever(index, cache_dir=cache_dir)
    return aware if weights is None else LearnedRetriever(aware, LinearRanker.load(weights))

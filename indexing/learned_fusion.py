"""Learned fusion: a small linear ranker over per-candidate features instead of RRF.

RRF adds ranks with hand-set weights; a linear model can weigh score gaps, law
priors and intent together. Candidates are the union of the flat BM25, bigram and
within-best-laws rankings (and, on an index with vectors, the dense top 50); each
gets a few features (below) and the score is ``w · x``. The dense features include
two products with the query's own BM25 confidence (how far its top BM25 score stands
above its fifth), so one linear model can lean on the dense side exactly when the
words are uninformative — query-adaptive weighting without naming any category. The weights live in a small JSON file (with how, when and on which set
they were fitted), never in code; ``eval.learned_fusion_cv`` fits them on one set
and reports them on the other.
"""

from __future__ import annotations

import json
import math
from collections.abc import Hashable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from indexing.filters import SearchFilter
from indexing.hybrid_index import ArticleRanking, Hit, HybridIndex
from indexing.law_aware import LawAwareRetriever, _best_per_article, _laws_by_mass
from indexing.question_intent import asks_for_consequences, is_penalty_heading
from indexing.storage import write_file_atomically

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
DENSE_FEATURES: tuple[str, ...] = (
    "dense_gap",
    "dense_rr",
    "dense_law_rr",
    "dense_rr_x_flat",
    "bm25_rr_x_conf",
)
# judicial interpretations restate a statute's offence in its own words and so outrank
# the statute article the officer must cite; the unit's level lets the ranker weigh that
LEVEL_FEATURES: tuple[str, ...] = ("interpretation",)
ALL_FEATURES: tuple[str, ...] = FEATURES + DENSE_FEATURES + LEVEL_FEATURES
_INTERPRETATION_LEVEL = "司法解释"
_CONFIDENCE_RANK = 5
_RR_K = 10
_MISSING_RANK = 1000
_LAW_DEPTH = 20


def _rr(rank: int | None) -> float:
    """Reciprocal rank 1/(k + rank), 0 for an absent item."""
    return 0.0 if rank is None else 1.0 / (_RR_K + rank)


def _columns(features: np.ndarray, have: tuple[str, ...], names: tuple[str, ...]) -> np.ndarray:
    """``features`` (one column per name in ``have``) restricted to ``names``, in that order."""
    if names == have:
        return features
    missing = [name for name in names if name not in have]
    if missing:
        raise ValueError(f"candidates lack features {missing}")
    return features[:, [have.index(name) for name in names]]


@dataclass(frozen=True, kw_only=True)
class CandidateFeatures:
    """The feature matrix of one question's candidates (one row per candidate).

    ``features`` has one column per name in ``names`` (``FEATURES``, or ``ALL_FEATURES``
    when dense features were computed); ``rankings`` keeps the flat BM25 and dense
    article-id rankings so RRF variants can be scored on the same question offline.
    """

    features: np.ndarray
    names: tuple[str, ...] = FEATURES
    rankings: dict[str, list[str]] = field(default_factory=dict)
    bm25_confidence: float = 0.0
    dense_scores: tuple[float, ...] = ()

    def columns(self, names: tuple[str, ...]) -> np.ndarray:
        """The feature matrix restricted to ``names`` (in that order)."""
        return _columns(self.features, self.names, names)


@dataclass(frozen=True, kw_only=True)
class Candidates(CandidateFeatures):
    """The candidate articles of one question as hits, rows aligned with ``features``."""

    hits: list[Hit]


@dataclass(frozen=True, kw_only=True)
class CandidatePool(CandidateFeatures):
    """``Candidates`` before their hits are built: the service ranks ~150 candidates per
    question and shows 10, so only those become hits (each carries its article's text).

    ``articles`` are positions in the index's ``article_ids``; ``sources[i]`` is the
    ranking candidate ``i`` was first found in, whose scores its hit carries.
    """

    articles: list[int]
    sources: list[ArticleRanking]

    def hit(self, index: HybridIndex, position: int) -> Hit:
        """The hit of candidate ``position``."""
        return index.hit(self.sources[position], self.articles[position])

    def with_hits(self, index: HybridIndex) -> Candidates:
        """Every candidate as a hit (offline evaluation keeps them all)."""
        return Candidates(
            hits=[self.hit(index, i) for i in range(len(self.articles))],
            features=self.features,
            names=self.names,
            rankings=self.rankings,
            bm25_confidence=self.bm25_confidence,
            dense_scores=self.dense_scores,
        )


def bm25_confidence(scores: list[float]) -> float:
    """How far the query's top BM25 score stands above its fifth: (s1 − s5) / s1 in [0, 1].

    Near 0: the words match many articles about equally (flat, uninformative); near 1:
    one article stands out. Computed from the query's own scores, no category involved.
    """
    if not scores or scores[0] <= 0:
        return 0.0
    fifth = scores[min(_CONFIDENCE_RANK, len(scores)) - 1]
    return float(min(max((scores[0] - fifth) / scores[0], 0.0), 1.0))


def _ranks(items: list[Hashable]) -> dict[Hashable, int]:
    ranks: dict[Hashable, int] = {}
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
    dense: bool = False,
) -> Candidates:
    """Union of the flat, bigram and within-best-laws rankings, with ``FEATURES`` per hit.

    ``card_dense=False`` leaves the dense law-card feature at 0 (no query embedding) for a
    ranker that gives it no weight. ``dense=True`` (an index with vectors) adds the dense
    top ``depth`` to the pool and ``DENSE_FEATURES`` to every row.
    """
    pool = candidate_pool(retriever, query, depth, mode, query_filter, card_dense, dense)
    return pool.with_hits(retriever.index)


def candidate_pool(
    retriever: LawAwareRetriever,
    query: str,
    depth: int = 50,
    mode: str = "bm25",
    query_filter: SearchFilter | None = None,
    card_dense: bool = True,
    dense: bool = False,
) -> CandidatePool:
    """``candidates`` without the hits. The query's BM25 and the filter's mask are
    computed once and shared by the flat, bigram, within-laws and dense rankings."""
    index = retriever.index
    base = query_filter or SearchFilter()
    mask = index.table.mask(base)
    words = index._bm25_article_scores(query, mask)
    flat = index.rank(query, depth, mask, mode, words)
    law_of = [index.first_unit(a).law for a in flat.articles]
    mass = _laws_by_mass(law_of, _RR_K)[:_LAW_DEPTH]
    named = set(retriever.detector.laws(query))
    best_laws = [law for law in (list(named) or mass[:5]) if not base.laws or law in base.laws]
    lists = {
        "flat": flat,
        "bigram": ArticleRanking(retriever.bigram_ranking(query, mask, depth), words),
    }
    lists["within"] = (
        index.rank(
            query,
            depth,
            index.table.within_laws(mask, frozenset(best_laws)),
            mode,
            index.bm25_within_laws(words, frozenset(best_laws)),
        )
        if best_laws
        else ArticleRanking([], words)
    )
    lists["dense"] = (
        index.rank(query, depth, mask, "dense", words) if dense else ArticleRanking([], words)
    )
    source: dict[int, ArticleRanking] = {}
    for ranking in lists.values():
        for article in ranking.articles:
            source.setdefault(article, ranking)
    articles = list(source)
    sources = list(source.values())
    bm25 = [round(float(src.bm25[a]), 6) for a, src in zip(articles, sources, strict=True)]
    flat_bm25 = [round(float(flat.bm25[a]), 6) for a in flat.articles]
    matrix = _base_features(
        retriever,
        query,
        articles,
        bm25,
        max(flat_bm25, default=0.0),
        lists,
        mass,
        named,
        card_dense,
    )
    confidence = bm25_confidence(flat_bm25)
    rankings = {"bm25": [index.article_ids[a] for a in flat.articles]}
    if not dense:
        return CandidatePool(
            articles=articles,
            sources=sources,
            features=matrix,
            rankings=rankings,
            bm25_confidence=confidence,
        )
    dense_side = lists["dense"]
    rankings["dense"] = [index.article_ids[a] for a in dense_side.articles]
    cosine = _dense_scores(index, dense_side.query_vector, articles)
    extra = _dense_features(index, articles, dense_side, cosine, lists, confidence)
    features = np.hstack([matrix, extra, _level_features(index, articles)])
    return CandidatePool(
        articles=articles,
        sources=sources,
        features=features,
        names=ALL_FEATURES,
        rankings=rankings,
        bm25_confidence=confidence,
        dense_scores=tuple(cosine),
    )


def _base_features(
    retriever: LawAwareRetriever,
    query: str,
    articles: list[int],
    bm25: list[float],
    top_bm25: float,
    lists: dict[str, ArticleRanking],
    mass: list[str],
    named: set[str],
    card_dense: bool,
) -> np.ndarray:
    """``FEATURES`` of every candidate (``bm25``: each one's BM25 as its hit shows it)."""
    index = retriever.index
    top_bm25 = top_bm25 or 1.0
    rank = {name: _ranks(ranking.articles) for name, ranking in lists.items()}
    bigram_scores = _bigram_scores(retriever, query, lists["bigram"].articles)
    top_bigram = max(bigram_scores.values(), default=0.0) or 1.0
    cards = retriever.cards
    card_rank = _ranks(cards.ranking(query, _LAW_DEPTH))
    use_dense = card_dense and cards.has_dense
    dense_rank = _ranks(cards.ranking(query, _LAW_DEPTH, dense=True)) if use_dense else {}
    mass_rank = _ranks(mass)
    penalty_question = asks_for_consequences(query)
    rows = []
    for article, score in zip(articles, bm25, strict=True):
        unit = index.first_unit(article)
        rows.append(
            [
                (score or 0.0) / top_bm25,
                _rr(rank["flat"].get(article)),
                bigram_scores.get(article, 0.0) / top_bigram,
                _rr(rank["bigram"].get(article)),
                _rr(rank["within"].get(article)),
                _rr(mass_rank.get(unit.law)),
                _rr(card_rank.get(unit.law)),
                _rr(dense_rank.get(unit.law)),
                float(unit.law in named),
                float(penalty_question and is_penalty_heading(unit.headings)),
            ]
        )
    return np.array(rows, dtype=np.float64).reshape(len(articles), len(FEATURES))


def _dense_features(
    index: HybridIndex,
    articles: list[int],
    dense_side: ArticleRanking,
    cosine: list[float],
    lists: dict[str, ArticleRanking],
    confidence: float,
) -> np.ndarray:
    """``DENSE_FEATURES`` of every candidate: cosine gap to the best dense hit, dense
    reciprocal rank, the law's rank in the dense side's law distribution, and the two
    confidence products (dense rank × BM25 flatness, BM25 rank × BM25 confidence)."""
    shown = [round(dense_side.dense_best[a], 6) for a in dense_side.articles]
    top = max((score or 0.0 for score in shown), default=max(cosine, default=0.0))
    laws = [index.first_unit(a).law for a in dense_side.articles]
    law_rank = _ranks(_laws_by_mass(laws, _RR_K)[:_LAW_DEPTH])
    dense_rank, flat_rank = _ranks(dense_side.articles), _ranks(lists["flat"].articles)
    rows = []
    for article, score in zip(articles, cosine, strict=True):
        dense_rr = _rr(dense_rank.get(article))
        rows.append(
            [
                score - top,
                dense_rr,
                _rr(law_rank.get(index.first_unit(article).law)),
                dense_rr * (1.0 - confidence),
                _rr(flat_rank.get(article)) * confidence,
            ]
        )
    return np.array(rows, dtype=np.float64).reshape(len(articles), len(DENSE_FEATURES))


def _level_features(index: HybridIndex, articles: list[int]) -> np.ndarray:
    """``LEVEL_FEATURES`` of every candidate: 1 for a judicial interpretation."""
    column = [float(index.first_unit(a).level == _INTERPRETATION_LEVEL) for a in articles]
    return np.array(column, dtype=np.float64).reshape(len(articles), len(LEVEL_FEATURES))


def _dense_scores(
    index: HybridIndex, vector: np.ndarray | None, articles: list[int]
) -> list[float]:
    """Best cosine of each candidate article over its units (the dense side's query vector)."""
    if not articles or vector is None:
        return []
    unit_lists = [index.units_of[a] for a in articles]
    unit_ids = np.array([u for units in unit_lists for u in units], dtype=np.int64)
    scores = index.require_dense().score(vector, unit_ids)
    starts = np.cumsum([0] + [len(units) for units in unit_lists[:-1]])
    return [float(x) for x in np.maximum.reduceat(scores, starts)]


def _bigram_scores(
    retriever: LawAwareRetriever, query: str, articles: list[int]
) -> dict[int, float]:
    """Bigram BM25 score of each bigram-ranked article (best unit of its article)."""
    if not articles:
        return {}
    best = _best_per_article(retriever.index, retriever.bigram_scores(query))
    return {a: float(best[a]) for a in articles}


@dataclass(frozen=True)
class LinearRanker:
    """Score ``w · x`` over ``features``; ``provenance`` says how the weights were fitted."""

    weights: tuple[float, ...]
    provenance: dict[str, Any]
    features: tuple[str, ...] = FEATURES

    def __post_init__(self) -> None:
        unknown = [name for name in self.features if name not in ALL_FEATURES]
        if unknown:
            raise ValueError(f"unknown fusion features {unknown}")
        if len(self.weights) != len(self.features) or not all(map(math.isfinite, self.weights)):
            raise ValueError(f"a ranker needs {len(self.features)} finite weights")

    @property
    def uses_dense(self) -> bool:
        """True when a dense feature carries weight (the query must be embedded)."""
        return any(
            w != 0
            for name, w in zip(self.features, self.weights, strict=True)
            if name in DENSE_FEATURES
        )

    @property
    def uses_card_dense(self) -> bool:
        return any(
            w != 0
            for name, w in zip(self.features, self.weights, strict=True)
            if name == "card_dense_rr"
        )

    def order(self, found: Candidates) -> list[Hit]:
        """The candidates best first (ties: the candidate order, flat ranking first)."""
        return [found.hits[i] for i, _ in self.scored(found)]

    def scored(self, found: Candidates | CandidatePool) -> list[tuple[int, float]]:
        """``(candidate position, w · x)`` best first; when the question names a law, that
        law's candidates come first (an explicit name is a filter, not a hint — and no
        fitting set names its law, so no weight could learn it)."""
        if not len(found.features):
            return []
        scores = found.columns(self.features) @ np.array(self.weights)
        order = np.argsort(-scores, kind="stable")
        named = found.columns(("named",))[:, 0] > 0
        if named.any():
            order = np.concatenate([order[named[order]], order[~named[order]]])
        return [(int(i), float(scores[i])) for i in order]

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "weights": [round(w, 6) for w in self.weights],
            "provenance": self.provenance,
        }

    def save(self, path: Path) -> None:
        """Written atomically (temporary file, then rename)."""
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n"
        write_file_atomically(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))

    @classmethod
    def load(cls, path: Path) -> LinearRanker:
        """A clear error when the file is missing or was fitted on other features."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"无法读取融合权重文件 {path}：{exc}") from exc
        features = data.get("features")
        known = isinstance(features, list) and set(features) <= set(ALL_FEATURES)
        if not known or len(set(features)) != len(features):
            raise ValueError(f"融合权重文件 {path} 的特征与本版本不一致：{features}")
        weights = tuple(float(w) for w in data.get("weights", ()))
        if len(weights) != len(features):
            raise ValueError(f"融合权重文件 {path} 的特征（{len(features)} 个）与权重个数不一致")
        return cls(weights, dict(data.get("provenance", {})), tuple(features))


class LearnedRetriever:
    """A LawAwareRetriever's candidates, ordered by a LinearRanker (same ``retrieve``).

    A ranker with dense features always takes its flat ranking from BM25 (as it was
    fitted) and adds the dense side itself, whatever ``mode`` asks.
    """

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
        dense = self.ranker.uses_dense
        flat_mode = "bm25" if dense else mode
        card_dense = self.ranker.uses_card_dense
        pool = candidate_pool(
            self.aware, query, max(k, 50), flat_mode, query_filter, card_dense, dense
        )
        best = self.ranker.scored(pool)[:k]
        index = self.aware.index
        if not dense:
            return [pool.hit(index, i) for i, _ in best]
        return [_with_scores(pool, index, i, score) for i, score in best]


def _with_scores(pool: CandidatePool, index: HybridIndex, position: int, score: float) -> Hit:
    """The candidate with its cosine and its fused score filled in (``scores["hybrid"]``)."""
    hit = pool.hit(index, position)
    scores = {
        **hit.scores,
        "dense": round(pool.dense_scores[position], 6),
        "hybrid": round(score, 6),
    }
    return replace(hit, scores=scores)


def law_aware_search(
    index: HybridIndex,
    cache_dir: Path | None,
    weights: Path | None,
    aware: LawAwareRetriever | None = None,
) -> LawAwareRetriever | LearnedRetriever:
    """The law-aware retriever the settings ask for: RRF, or learned fusion from ``weights``;
    over ``aware`` when given (a service shares one per index), else a new one."""
    aware = aware or LawAwareRetriever(index, cache_dir=cache_dir)
    return aware if weights is None else LearnedRetriever(aware, LinearRanker.load(weights))

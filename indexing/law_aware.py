"""Law-aware retrieval: decide which laws a question is about, then rank articles.

The flat article ranking confuses look-alike articles of different laws (every
law has a 监督检查 chapter). Two signals say which law is meant:
- a law the question names (``LawDetector``) — searched first, like a filter, with the
  flat ranking after it so a wrong or partial name never empties the answer;
- otherwise a soft prior: laws ranked by their title and chapter titles
  (``LawLevelIndex``) fused with the laws of the flat ranking's best articles; the
  articles of the top laws are retrieved again within those laws and fused with the
  flat ranking by RRF.
Two more optional rankings join the fusion: articles under a 法律责任 chapter when
the question asks for consequences (``question_intent``), and a character-bigram
BM25 that matches where jieba cut question and article differently.
Knobs live in ``LawAwareConfig``; their values are chosen on one question set and
reported on another (``eval.law_aware_cv``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import numpy as np

from indexing.bm25_index import top_k
from indexing.filters import SearchFilter
from indexing.fusion import FusionConfig, reciprocal_rank_fusion
from indexing.hybrid_index import Hit, HybridIndex
from indexing.law_cards import LawCardIndex
from indexing.law_detector import LawDetector
from indexing.law_prior import BigramBM25, LawLevelIndex
from indexing.query_focus import emphasised
from indexing.question_intent import asks_for_consequences, is_penalty_heading
from indexing.recent_scores import RecentScores

_LAW_DEPTH = 20


@dataclass(frozen=True)
class LawAwareConfig:
    """How strongly the law signals reorder the flat ranking (0 weights turn one off).

    Defaults: chosen on lawbench-3-2-dev2 (national corpus, BM25) by
    ``zhifa eval law-aware-cv``; on lawbench-3-2-dev, which took no part in the choice,
    they raise Hit@5 0.77 → 0.80 and MRR@10 0.655 → 0.689. ``named_weight`` no set could
    choose (no question names its law); 4 makes a named law rank first. On hybrid
    retrieval (sub-corpus with vectors) no config chosen on one set beat plain hybrid
    on the other, so these knobs are evidence-backed for BM25 only.
    """

    named_weight: float = 4.0
    top_laws: int = 5
    within_weight: float = 0.5
    title_weight: float = 0.0
    penalty_weight: float = 1.0
    bigram_weight: float = 1.0
    card_weight: float = 0.0
    card_dense_weight: float = 0.0
    rrf_k: int = 10
    depth: int = 50

    def __post_init__(self) -> None:
        if self.top_laws < 0 or self.depth <= 0 or self.rrf_k < 0:
            raise ValueError("top_laws >= 0, depth > 0 and rrf_k >= 0 are required")
        weights = (self.named_weight, self.within_weight, self.title_weight, self.card_weight)
        if min(*weights, self.penalty_weight, self.bigram_weight, self.card_dense_weight) < 0:
            raise ValueError("law-aware weights must be >= 0")

    @classmethod
    def off(cls) -> LawAwareConfig:
        """Every signal off: the flat ranking unchanged (the baseline of every comparison)."""
        return cls(named_weight=0, top_laws=0, penalty_weight=0, bigram_weight=0)


@dataclass(frozen=True)
class LawRouting:
    """What the law step decided for one question (shown by ``zhifa search --explain``)."""

    named: tuple[str, ...]
    prior: tuple[str, ...]


class LawAwareRetriever:
    """Wraps a HybridIndex; same ``retrieve`` signature, law-aware ranking."""

    def __init__(
        self,
        index: HybridIndex,
        config: LawAwareConfig = LawAwareConfig(),
        detector: LawDetector | None = None,
        law_index: LawLevelIndex | None = None,
        bigrams: BigramBM25 | None = None,
        cache_dir: Path | None = None,
        cards: LawCardIndex | None = None,
    ) -> None:
        self.index = index
        self.config = config
        titles = {(u.law, u.title) for u in index.units}
        self.detector = detector or LawDetector.from_laws(sorted(titles))
        self.law_index = law_index or LawLevelIndex.from_units(index.units)
        self._bigrams = bigrams
        self.cache_dir = cache_dir
        self._cards = cards
        self._recent_bigram = RecentScores()
        if config.card_dense_weight > 0 and not (cards and cards.has_dense):
            raise ValueError("card_dense_weight > 0 needs law cards built with an embedder")

    def with_config(self, config: LawAwareConfig) -> LawAwareRetriever:
        """The same detector and indexes under other knobs (cross-validation)."""
        return LawAwareRetriever(
            self.index, config, self.detector, self.law_index, self._bigrams, cards=self._cards
        )

    @cached_property
    def article_position(self) -> dict[str, int]:
        """``{article id: position in index.article_ids}`` (built once, ~64k entries)."""
        return {article_id: i for i, article_id in enumerate(self.index.article_ids)}

    @property
    def cards(self) -> LawCardIndex:
        """The law-card index (BM25 only unless one with vectors was passed in)."""
        if self._cards is None:
            self._cards = LawCardIndex.from_units(self.index.units)
        return self._cards

    @property
    def bigrams(self) -> BigramBM25:
        """Bigram BM25 over the units, loaded from ``cache_dir`` or built on first use
        (~15 s for the national corpus)."""
        if self._bigrams is None:
            texts = [unit.index_text() for unit in self.index.units]
            self._bigrams = BigramBM25.cached(texts, self.cache_dir)
        return self._bigrams

    def bigram_scores(self, query: str) -> np.ndarray:
        """Bigram BM25 of every unit, remembered for recent queries (read-only): the
        learned fusion needs them twice per search (hits, then their scores)."""
        lexical = emphasised(query) if self.index.config.query_focus else query
        return self._recent_bigram.get(query, lambda: self.bigrams.scores(lexical))

    def bigram_hits(self, query: str, query_filter: SearchFilter, depth: int) -> list[Hit]:
        """The ``depth`` best articles by bigram BM25 (best unit per article)."""
        index = self.index
        mask = index.table.mask(query_filter)
        best = self.bigram_ranking(query, mask, depth)
        if not best:
            return []
        words = index._bm25_article_scores(query, mask)
        return [index._hit(a, words, None, {}, None) for a in best]

    def bigram_ranking(self, query: str, mask: np.ndarray | None, depth: int) -> list[int]:
        """Positions of the ``depth`` best articles by bigram BM25 within ``mask``."""
        unit_scores = self.bigram_scores(query)
        if mask is not None:
            unit_scores = np.where(mask, unit_scores, 0.0)
        articles = _best_per_article(self.index, unit_scores.astype(np.float32))
        return [int(a) for a in top_k(articles, depth)[0]]

    def route(self, query: str, flat: list[Hit]) -> LawRouting:
        """Laws named by the question, else the top laws by the prior."""
        named = self.detector.laws(query)
        if named and self.config.named_weight > 0:
            return LawRouting(named=named, prior=())
        if self.config.top_laws == 0 or self.config.within_weight == 0:
            return LawRouting(named=(), prior=())
        rankings = {"flat": _laws_by_mass([h.law for h in flat], self.config.rrf_k)[:_LAW_DEPTH]}
        config = self.config
        if config.title_weight > 0:
            rankings["title"] = self.law_index.ranking(query, _LAW_DEPTH)
        if config.card_weight > 0:
            rankings["card"] = self.cards.ranking(query, _LAW_DEPTH)
        if config.card_dense_weight > 0:
            rankings["card_dense"] = self.cards.ranking(query, _LAW_DEPTH, dense=True)
        weights = {
            "title": config.title_weight,
            "card": config.card_weight,
            "card_dense": config.card_dense_weight,
        }
        fusion = FusionConfig(k=config.rrf_k, weights=weights)
        laws = [law for law, _ in reciprocal_rank_fusion(rankings, fusion)]
        return LawRouting(named=(), prior=tuple(laws[: self.config.top_laws]))

    def retrieve(
        self,
        query: str,
        k: int = 10,
        query_filter: SearchFilter | None = None,
        mode: str = "hybrid",
    ) -> list[Hit]:
        """The ``k`` best articles, reordered by the laws the question is about."""
        config = self.config
        base = query_filter or SearchFilter()
        depth = max(k, config.depth)
        flat = self.index.retrieve(query, depth, base, mode=mode)
        if config.bigram_weight > 0:
            bigram = self.bigram_hits(query, base, depth)
            flat = _fuse({"flat": (flat, 1.0), "bigram": (bigram, config.bigram_weight)}, config)
            flat = flat[:depth]
        routing = self.route(query, flat)
        laws = routing.named or routing.prior
        if base.laws:
            laws = tuple(law for law in laws if law in base.laws)
        lists: dict[str, tuple[list[Hit], float]] = {"flat": (flat, 1.0)}
        if laws:
            within_filter = replace(base, laws=frozenset(laws))
            within = self.index.retrieve(query, depth, within_filter, mode=mode)
            weight = config.named_weight if routing.named else config.within_weight
            lists["within"] = (within, weight)
        if config.penalty_weight > 0 and asks_for_consequences(query):
            candidates = [hit for hits, _ in lists.values() for hit in hits]
            penalty = [hit for hit in candidates if is_penalty_heading(hit.headings)]
            lists["penalty"] = (penalty, config.penalty_weight)
        if len(lists) == 1:
            return flat[:k]
        return _fuse(lists, config)[:k]


def _best_per_article(index: HybridIndex, unit_scores: np.ndarray) -> np.ndarray:
    """Each article's best unit score (a reduceat when units are stored article by article)."""
    if len(unit_scores) and index._contiguous:
        return index.article_max.best(unit_scores)
    articles = np.zeros(len(index.article_ids), dtype=np.float32)
    np.maximum.at(articles, index.article_of, unit_scores)
    return articles


def _laws_by_mass(laws: list[str], rrf_k: int) -> list[str]:
    """Laws ordered by Σ 1/(k + rank) over their articles in a ranking (``laws``: the law
    of each ranked article, best first).

    A law with several good articles outranks one with a single lucky hit.
    """
    mass: dict[str, float] = {}
    for rank, law in enumerate(laws, start=1):
        mass[law] = mass.get(law, 0.0) + 1.0 / (rrf_k + rank)
    return sorted(mass, key=lambda law: -mass[law])


def _fuse(lists: dict[str, tuple[list[Hit], float]], config: LawAwareConfig) -> list[Hit]:
    """RRF of ``{name: (hits best first, weight)}``, as hits (the first copy of each)."""
    by_id: dict[str, Hit] = {}
    for hits, _ in lists.values():
        for hit in hits:
            by_id.setdefault(hit.article_id, hit)
    rankings = {name: [hit.article_id for hit in hits] for name, (hits, _) in lists.items()}
    weights = {name: weight for name, (_, weight) in lists.items()}
    fused = reciprocal_rank_fusion(rankings, FusionConfig(k=config.rrf_k, weights=weights))
    return [by_id[str(article_id)] for article_id, _ in fused]

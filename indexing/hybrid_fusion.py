"""The default hybrid search: learned fusion over BM25, bigram, law-prior and dense features.

On the national corpus with real vectors, a linear ranker over the candidates of both
sides beat RRF (shipped k=10 / BM25 weight 1.5, and RRF weights chosen by CV) on the set
it was not fitted on, in both directions, and on an independent set (README, issue #16).
So ``mode="hybrid"`` goes through it when every unit has a vector. While vectors are
still being built the ranker's dense features would be wrong for the uncovered
articles, so hybrid falls back to the index's own RRF (with its BM25 stand-in); bm25 and
dense modes are the index's own. The weights ship in ``indexing/weights/``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from indexing.filters import SearchFilter
from indexing.hybrid_index import Hit, HybridIndex
from indexing.law_aware import LawAwareRetriever
from indexing.learned_fusion import LearnedRetriever, LinearRanker

SHIPPED_WEIGHTS = Path(__file__).parent / "weights" / "hybrid-learned-fusion.json"
FUSIONS: tuple[str, ...] = ("learned", "rrf")
LawAwareSource = LawAwareRetriever | Callable[[], LawAwareRetriever]
"""A law-aware retriever, or how to get one when first needed (a service's shared one)."""


class FusedSearch:
    """``retrieve`` like a HybridIndex; hybrid mode ranked by the learned fusion."""

    def __init__(
        self,
        index: HybridIndex,
        ranker: LinearRanker,
        aware: LawAwareSource | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self.index = index
        self.ranker = ranker
        self._aware = aware
        self.cache_dir = cache_dir

    @cached_property
    def learned(self) -> LearnedRetriever:
        """Built on the first learned search, not per index swap: while the background
        build swaps in a new index every chunk, hybrid answers by RRF and needs none of it."""
        source = self._aware
        if source is None:
            aware = LawAwareRetriever(self.index, cache_dir=self.cache_dir)
        else:
            aware = source() if callable(source) else source
        return LearnedRetriever(aware, self.ranker)

    def learned_applies(self, mode: str) -> bool:
        """Hybrid mode on an index whose every unit has its vector."""
        index = self.index
        return (
            mode == "hybrid" and index.dense is not None and index.dense_units >= len(index.units)
        )

    def retrieve(
        self,
        query: str,
        k: int = 10,
        query_filter: SearchFilter | None = None,
        mode: str = "hybrid",
    ) -> list[Hit]:
        if not self.learned_applies(mode):
            return self.index.retrieve(query, k, query_filter, mode=mode)
        return self.learned.retrieve(query, k, query_filter, mode="bm25")


def hybrid_search(
    index: HybridIndex,
    fusion: str,
    weights: Path | None,
    cache_dir: Path | None,
    aware: LawAwareSource | None = None,
) -> HybridIndex | FusedSearch:
    """The statute search the settings ask for: ``rrf`` = the index itself; ``learned`` =
    FusedSearch with ``weights`` (default: the shipped file) over ``aware`` (a retriever
    over ``index`` shared with the law-aware search; its own when None). Clear error on
    a bad name."""
    if fusion not in FUSIONS:
        raise ValueError(f"未知的混合检索融合方式“{fusion}”，可选：{'、'.join(FUSIONS)}")
    if fusion == "rrf":
        return index
    ranker = LinearRanker.load(weights or SHIPPED_WEIGHTS)
    return FusedSearch(index, ranker, aware, cache_dir)

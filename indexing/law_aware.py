"""Law-aware retrieval: decide which laws a question is about, then rank articles.

The flat article ranking confuses look-alike articles of different laws (every
law has a 监督检查 chapter). Two signals say which law is meant:
- a law the question names (``LawDetector``) — searched first, like a filter, with the
  flat ranking after it so a wrong or partial name never empties the answer;
- otherwise a soft prior: laws ranked by their title and chapter titles
  (``LawLevelIndex``) fused with the laws of the flat ranking's best articles; the
  articles of the top laws are retrieved again within those laws and fused with the
  flat ranking by RRF.
Knobs live in ``LawAwareConfig``; their values are chosen on one question set and
reported on another (``eval.law_aware_cv``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from indexing.filters import SearchFilter
from indexing.fusion import FusionConfig, reciprocal_rank_fusion
from indexing.hybrid_index import Hit, HybridIndex
from indexing.law_detector import LawDetector
from indexing.law_prior import LawLevelIndex

_LAW_DEPTH = 20


@dataclass(frozen=True)
class LawAwareConfig:
    """How strongly the law signals reorder the flat ranking (0 weights turn one off)."""

    named_weight: float = 4.0
    top_laws: int = 3
    within_weight: float = 1.0
    title_weight: float = 1.0
    rrf_k: int = 10
    depth: int = 50

    def __post_init__(self) -> None:
        if self.top_laws < 0 or self.depth <= 0 or self.rrf_k < 0:
            raise ValueError("top_laws >= 0, depth > 0 and rrf_k >= 0 are required")
        if min(self.named_weight, self.within_weight, self.title_weight) < 0:
            raise ValueError("law-aware weights must be >= 0")


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
    ) -> None:
        self.index = index
        self.config = config
        titles = {(u.law, u.title) for u in index.units}
        self.detector = detector or LawDetector.from_laws(sorted(titles))
        self.law_index = law_index or LawLevelIndex.from_units(index.units)

    def with_config(self, config: LawAwareConfig) -> LawAwareRetriever:
        """The same detector and law index under other knobs (cross-validation)."""
        return LawAwareRetriever(self.index, config, self.detector, self.law_index)

    def route(self, query: str, flat: list[Hit]) -> LawRouting:
        """Laws named by the question, else the top laws by the prior."""
        named = self.detector.laws(query)
        if named and self.config.named_weight > 0:
            return LawRouting(named=named, prior=())
        if self.config.top_laws == 0 or self.config.within_weight == 0:
            return LawRouting(named=(), prior=())
        rankings = {"flat": list(dict.fromkeys(hit.law for hit in flat))[:_LAW_DEPTH]}
        if self.config.title_weight > 0:
            rankings["title"] = self.law_index.ranking(query, _LAW_DEPTH)
        fusion = FusionConfig(k=self.config.rrf_k, weights={"title": self.config.title_weight})
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
        base = query_filter or SearchFilter()
        flat = self.index.retrieve(query, max(k, self.config.depth), base, mode=mode)
        routing = self.route(query, flat)
        laws = routing.named or routing.prior
        if base.laws:
            laws = tuple(law for law in laws if law in base.laws)
        if not laws:
            return flat[:k]
        within = self.index.retrieve(
            query, self.config.depth, replace(base, laws=frozenset(laws)), mode=mode
        )
        weight = self.config.named_weight if routing.named else self.config.within_weight
        return _fuse(flat, within, weight, self.config.rrf_k)[:k]


def _fuse(flat: list[Hit], within: list[Hit], weight: float, rrf_k: int) -> list[Hit]:
    """RRF of the flat and within-law rankings, as hits."""
    by_id = {hit.article_id: hit for hit in (*within, *flat)}
    rankings = {
        "flat": [hit.article_id for hit in flat],
        "within": [hit.article_id for hit in within],
    }
    fused = reciprocal_rank_fusion(rankings, FusionConfig(k=rrf_k, weights={"within": weight}))
    return [by_id[str(article_id)] for article_id, _ in fused]

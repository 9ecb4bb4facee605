"""Two-fold choice of the law-aware knobs: choose on one set, report on the other.

A knob picked on the set it is reported on flatters the system. Every config of a
small grid is scored on both sets; the config that is best on set A (by Hit@5 +
MRR@10 — Hit@5 alone swings on one question in a hundred — then the earlier, simpler,
grid entry) is reported on set B, and the reverse. Retrievals are memoised: the flat ranking of a question does not depend on
the knobs, and the within-law ranking depends only on which laws were chosen.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from eval.lawbench import EvalQuestion
from eval.retrieval_eval import by_category, evaluate_mode, score_rankings
from indexing.filters import SearchFilter
from indexing.hybrid_index import Hit, HybridIndex
from indexing.law_aware import LawAwareConfig, LawAwareRetriever
from indexing.law_cards import LawCardIndex
from indexing.law_prior import LawLevelIndex

Progress = Callable[[int], None]


class MemoIndex:
    """``retrieve`` remembered by its arguments (filters are frozen, so hashable)."""

    def __init__(self, index: HybridIndex) -> None:
        self.index = index
        self.units = index.units
        self._seen: dict[tuple[Any, ...], list[Hit]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self.index, name)

    def retrieve(
        self,
        query: str,
        k: int = 10,
        query_filter: SearchFilter | None = None,
        mode: str = "hybrid",
    ) -> list[Hit]:
        key = (query, k, query_filter, mode)
        if key not in self._seen:
            self._seen[key] = self.index.retrieve(query, k, query_filter, mode=mode)
        return self._seen[key]


class MemoLawIndex(LawLevelIndex):
    """A LawLevelIndex whose rankings are remembered per query."""

    def __init__(self, inner: LawLevelIndex) -> None:  # noqa: D107 - wraps, no rebuild
        self.inner = inner
        self.laws = inner.laws
        self._seen: dict[tuple[str, int], list[str]] = {}

    def ranking(self, query: str, depth: int) -> list[str]:
        if (query, depth) not in self._seen:
            self._seen[(query, depth)] = self.inner.ranking(query, depth)
        return self._seen[(query, depth)]


class MemoLawAware(LawAwareRetriever):
    """Bigram rankings remembered per query, shared by every config of the grid."""

    _bigram_seen: dict[tuple[str, SearchFilter, int], list[Hit]]

    def with_config(self, config: LawAwareConfig) -> MemoLawAware:
        aware = MemoLawAware(
            self.index, config, self.detector, self.law_index, self._bigrams, cards=self._cards
        )
        aware._bigram_seen = self._seen_bigrams()
        return aware

    def _seen_bigrams(self) -> dict[tuple[str, SearchFilter, int], list[Hit]]:
        if not hasattr(self, "_bigram_seen"):
            self._bigram_seen = {}
        return self._bigram_seen

    def bigram_hits(self, query: str, query_filter: SearchFilter, depth: int) -> list[Hit]:
        seen = self._seen_bigrams()
        key = (query, query_filter, depth)
        if key not in seen:
            seen[key] = super().bigram_hits(query, query_filter, depth)
            self._bigrams = self.bigrams
        return seen[key]


def default_grid() -> list[LawAwareConfig]:
    """Everything off first (the flat baseline); then every combination of the signals.

    The named-law weight stays at its default: no question of the LawBench sets names
    its law, so no set can choose it.
    """
    priors = [(0, 1.0, 0.0)] + list(itertools.product((2, 5), (0.5, 1.0), (0.0, 1.0, 2.0)))
    grid = [LawAwareConfig.off()]
    for (top, within, title), penalty, bigram in itertools.product(
        priors, (0.0, 0.5, 1.0), (0.0, 1.0, 2.0)
    ):
        config = LawAwareConfig(4.0, top, within, title, penalty, bigram)
        if config != LawAwareConfig(4.0, 0, 1.0, 0.0, 0.0, 0.0):
            grid.append(config)
    return grid


def card_grid() -> list[LawAwareConfig]:
    """``default_grid()`` plus the law-card rankings (BM25 and dense) at several weights.

    The card configs keep the shipped knobs and add the two card rankings to the law
    prior; they compete with every config of the default grid, so they are chosen only
    where they beat the law-aware ranking without cards.
    """
    grid = default_grid()
    for card, dense in itertools.product((0.0, 0.5, 1.0, 2.0), (0.0, 0.5, 1.0, 2.0)):
        if card or dense:
            grid.append(LawAwareConfig(card_weight=card, card_dense_weight=dense))
    return grid


@dataclass(frozen=True)
class FoldResult:
    """The config chosen on ``tuned_on`` and its figures on every set."""

    tuned_on: str
    config: LawAwareConfig
    figures: dict[str, dict[str, float]]

    def to_json(self) -> dict[str, Any]:
        return {
            "tuned_on": self.tuned_on,
            "config": asdict(self.config),
            "figures": {
                name: {key: round(value, 4) for key, value in row.items()}
                for name, row in self.figures.items()
            },
        }


def score_grid(
    retriever: LawAwareRetriever,
    sets: dict[str, Sequence[EvalQuestion]],
    grid: Sequence[LawAwareConfig],
    mode: str,
    progress: Progress | None = None,
) -> list[dict[str, dict[str, float]]]:
    """``[{set name: metrics}]`` aligned with ``grid``."""
    scored = []
    for config in grid:
        aware = retriever.with_config(config)
        row = {}
        for name, questions in sets.items():
            rankings = [
                [(h.law, h.number) for h in aware.retrieve(q.question, 30, None, mode)]
                for q in questions
            ]
            row[name] = score_rankings(rankings, [q.relevant for q in questions])
        scored.append(row)
        if progress is not None:
            progress(1)
    return scored


def cross_validate(
    index: HybridIndex,
    sets: dict[str, Sequence[EvalQuestion]],
    mode: str = "bm25",
    grid: Sequence[LawAwareConfig] | None = None,
    progress: Progress | None = None,
    cards: LawCardIndex | None = None,
) -> tuple[list[FoldResult], FoldResult]:
    """Each set's chosen config reported on all sets; plus the flat baseline (grid[0])."""
    grid = list(grid or default_grid())
    memo = MemoIndex(index)
    plain = MemoLawAware(memo, grid[0])  # type: ignore[arg-type] - same retrieve()
    base = MemoLawAware(
        memo,  # type: ignore[arg-type]
        grid[0],
        plain.detector,
        MemoLawIndex(plain.law_index),
        cards=cards,
    )
    scored = score_grid(base, sets, grid, mode, progress)
    folds = []
    for name in sets:
        best = max(
            range(len(grid)),
            key=lambda i: (scored[i][name]["hit@5"] + scored[i][name]["mrr@10"], -i),
        )
        folds.append(FoldResult(name, grid[best], scored[best]))
    return folds, FoldResult("（不调参：平铺排序）", grid[0], scored[0])


def fold_categories(
    index: HybridIndex,
    sets: dict[str, Sequence[EvalQuestion]],
    config: LawAwareConfig,
    category_of: Callable[[str], str],
    mode: str = "bm25",
    cards: LawCardIndex | None = None,
) -> dict[str, dict[str, dict[str, float]]]:
    """``{set: {category: metrics}}`` of one chosen config (the per-category table)."""
    aware = LawAwareRetriever(index, config, cards=cards)
    table = {}
    for name, questions in sets.items():
        result = evaluate_mode(aware, questions, mode)
        table[name] = by_category(result, questions, category_of)
    return table

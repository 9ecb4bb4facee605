"""Two-fold choice of the law-aware knobs: choose on one set, report on the other.

A knob picked on the set it is reported on flatters the system. Every config of a
small grid is scored on both sets; the config that is best on set A (Hit@5, then
MRR@10, then the earlier — simpler — grid entry) is reported on set B, and the
reverse. Retrievals are memoised: the flat ranking of a question does not depend on
the knobs, and the within-law ranking depends only on which laws were chosen.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from eval.lawbench import EvalQuestion
from eval.retrieval_eval import score_rankings
from indexing.filters import SearchFilter
from indexing.hybrid_index import Hit, HybridIndex
from indexing.law_aware import LawAwareConfig, LawAwareRetriever
from indexing.law_prior import LawLevelIndex

Progress = Callable[[int], None]


class MemoIndex:
    """``retrieve`` remembered by its arguments (filters are frozen, so hashable)."""

    def __init__(self, index: HybridIndex) -> None:
        self.index = index
        self.units = index.units
        self._seen: dict[tuple[Any, ...], list[Hit]] = {}

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


def default_grid() -> list[LawAwareConfig]:
    """Off first (the flat baseline), then named-law only, then named + prior."""
    grid = [LawAwareConfig(named_weight=0, top_laws=0)]
    grid += [LawAwareConfig(named_weight=w, top_laws=0) for w in (1.0, 4.0)]
    for named, top, within, title in itertools.product(
        (0.0, 4.0), (1, 2, 3, 5), (0.5, 1.0, 2.0, 4.0), (0.0, 1.0, 2.0)
    ):
        grid.append(LawAwareConfig(named, top, within, title))
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
            row[name] = score_rankings(rankings, [{q.gold.key} for q in questions])
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
) -> tuple[list[FoldResult], FoldResult]:
    """Each set's chosen config reported on all sets; plus the flat baseline (grid[0])."""
    grid = list(grid or default_grid())
    memo = MemoIndex(index)
    base = LawAwareRetriever(memo, grid[0])  # type: ignore[arg-type] - same retrieve()
    base = LawAwareRetriever(memo, grid[0], base.detector, MemoLawIndex(base.law_index))  # type: ignore[arg-type]
    scored = score_grid(base, sets, grid, mode, progress)
    folds = []
    for name in sets:
        best = max(
            range(len(grid)),
            key=lambda i: (scored[i][name]["hit@5"], scored[i][name]["mrr@10"], -i),
        )
        folds.append(FoldResult(name, grid[best], scored[best]))
    return folds, FoldResult("（不调参：平铺排序）", grid[0], scored[0])

"""Reciprocal rank fusion: combines rankings whose scores are not comparable.

BM25 scores and cosine similarities live on different scales; RRF uses only ranks,
``score(d) = Σ_r w_r / (k + rank_r(d))`` (rank from 1), so no calibration is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FusionConfig:
    """RRF constant ``k`` and a weight per retriever (missing retrievers weigh 1)."""

    k: int = 60
    weights: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.k < 0:
            raise ValueError("RRF k must be >= 0")
        if any(weight < 0 for weight in self.weights.values()):
            raise ValueError("fusion weights must be >= 0")


def reciprocal_rank_fusion(
    rankings: Mapping[str, Sequence[Hashable]], config: FusionConfig = FusionConfig()
) -> list[tuple[Hashable, float]]:
    """Fuse ``{retriever: ids best first}`` into ``[(id, score)]`` best first (ties: first seen)."""
    fused: dict[Hashable, float] = {}
    for name, ranking in rankings.items():
        weight = config.weights.get(name, 1.0)
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + weight / (config.k + rank)
    return sorted(fused.items(), key=lambda pair: -pair[1])


def fuse_with_stand_in(
    rankings: Mapping[str, Sequence[Hashable]],
    config: FusionConfig,
    missing: str,
    stand_in: str,
    lacks: Callable[[Hashable], bool],
) -> list[tuple[Hashable, float]]:
    """RRF where items that ``lacks`` cannot appear in ``missing`` take their ``stand_in`` rank.

    While dense vectors are built in the background, an article without a vector would
    otherwise get one fused term where covered articles get two; standing in its BM25
    rank for the dense rank keeps the fused scale the same for both.
    """
    fused = dict(reciprocal_rank_fusion(rankings, config))
    weight = config.weights.get(missing, 1.0)
    for rank, item in enumerate(rankings.get(stand_in, ()), start=1):
        if lacks(item):
            fused[item] = fused.get(item, 0.0) + weight / (config.k + rank)
    return sorted(fused.items(), key=lambda pair: -pair[1])

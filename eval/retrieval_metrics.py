"""Ranking metrics for retrieval: Hit@k, Recall@k, MRR@k, nDCG@k (binary relevance).

Haystack-evaluator style: each metric is a small component with validated inputs and
a ``run`` that returns the mean ``score`` and the ``individual_scores`` per query.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

Ranking = Sequence[Hashable]
Relevant = set[Hashable] | frozenset[Hashable]


def _validate(retrieved: Sequence[Ranking], relevant: Sequence[Relevant], k: int) -> None:
    if k <= 0:
        raise ValueError("k must be a positive integer")
    if len(retrieved) != len(relevant):
        raise ValueError(
            f"retrieved ({len(retrieved)}) and relevant ({len(relevant)}) must have the same length"
        )
    if any(not gold for gold in relevant):
        raise ValueError("every query needs at least one relevant item")


def _dedup(ranking: Ranking, k: int) -> list[Hashable]:
    """First ``k`` distinct items: a duplicate cannot be relevant twice."""
    return list(dict.fromkeys(ranking))[:k]


def hit_at_k(ranking: Ranking, relevant: Relevant, k: int) -> float:
    """1 if any relevant item is in the top ``k``."""
    return float(any(item in relevant for item in _dedup(ranking, k)))


def recall_at_k(ranking: Ranking, relevant: Relevant, k: int) -> float:
    """Share of the relevant items found in the top ``k``."""
    return sum(item in relevant for item in _dedup(ranking, k)) / len(relevant)


def mrr_at_k(ranking: Ranking, relevant: Relevant, k: int) -> float:
    """1 / rank of the first relevant item in the top ``k`` (0 if none)."""
    for rank, item in enumerate(_dedup(ranking, k), start=1):
        if item in relevant:
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranking: Ranking, relevant: Relevant, k: int) -> float:
    """DCG of the top ``k`` (gain 1 / log2(rank + 1)) over the ideal DCG."""
    dcg = sum(
        1.0 / math.log2(rank + 1)
        for rank, item in enumerate(_dedup(ranking, k), start=1)
        if item in relevant
    )
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(relevant), k) + 1))
    return dcg / ideal


_METRICS = {"hit": hit_at_k, "recall": recall_at_k, "mrr": mrr_at_k, "ndcg": ndcg_at_k}


@dataclass(frozen=True)
class RankingEvaluator:
    """One metric at one cutoff, e.g. ``RankingEvaluator("mrr", 10)`` → ``mrr@10``."""

    metric: str
    k: int

    def __post_init__(self) -> None:
        if self.metric not in _METRICS:
            raise ValueError(f"unknown metric {self.metric!r}; choose from {sorted(_METRICS)}")
        if self.k <= 0:
            raise ValueError("k must be a positive integer")

    @property
    def name(self) -> str:
        return f"{self.metric}@{self.k}"

    def run(self, retrieved: Sequence[Ranking], relevant: Sequence[Relevant]) -> dict[str, Any]:
        """``{"score": mean, "individual_scores": [...]}`` over the queries."""
        _validate(retrieved, relevant, self.k)
        function = _METRICS[self.metric]
        scores = [function(r, g, self.k) for r, g in zip(retrieved, relevant, strict=True)]
        return {"score": sum(scores) / len(scores) if scores else 0.0, "individual_scores": scores}


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (numpy's default), ``q`` in [0, 100]."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError("q must be within [0, 100]")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)

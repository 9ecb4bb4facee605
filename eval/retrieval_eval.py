"""Runs an evaluation set through each retrieval mode of one index, side by side.

Rankings are lists of distinct (law, article number) keys, since a hit is "same law,
same article" whatever version of the law it came from.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from eval.lawbench import EvalQuestion
from eval.retrieval_metrics import RankingEvaluator, percentile
from indexing.filters import SearchFilter
from indexing.hybrid_index import Hit, HybridIndex

Key = tuple[str, int]
Progress = Callable[[int], None]


class Retriever(Protocol):
    """What an evaluation needs: HybridIndex and LawAwareRetriever both fit."""

    def retrieve(
        self, query: str, k: int = 10, query_filter: SearchFilter | None = None, mode: str = ...
    ) -> list[Hit]: ...


METRICS: tuple[RankingEvaluator, ...] = (
    RankingEvaluator("hit", 1),
    RankingEvaluator("hit", 5),
    RankingEvaluator("hit", 10),
    RankingEvaluator("recall", 10),
    RankingEvaluator("mrr", 10),
    RankingEvaluator("ndcg", 10),
)
JSON_KEYS: tuple[str, ...] = ("hit@1", "hit@5", "hit@10", "mrr@10", "ndcg@10")


@dataclass(frozen=True)
class ModeResult:
    """Mean metrics and per-query latencies of one mode."""

    mode: str
    metrics: dict[str, float]
    latencies_ms: list[float]
    rankings: list[list[Key]] = field(default_factory=list)
    relevant: list[set[Key]] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        """The ``zhifa eval retrieval --json`` shape of one mode."""
        out = {key: round(self.metrics[key], 4) for key in JSON_KEYS}
        out["latency_ms_p50"] = round(percentile(self.latencies_ms, 50), 2)
        out["latency_ms_p95"] = round(percentile(self.latencies_ms, 95), 2)
        return out


def covered(index: HybridIndex, questions: Sequence[EvalQuestion]) -> list[EvalQuestion]:
    """Questions whose gold law is in the index at all."""
    laws = {unit.law for unit in index.units}
    return [q for q in questions if q.gold.law in laws]


def score_rankings(rankings: Sequence[list[Key]], relevant: Sequence[set[Key]]) -> dict[str, float]:
    """Mean of every metric in ``METRICS``."""
    return {m.name: m.run(rankings, relevant)["score"] for m in METRICS}


def evaluate_mode(
    index: Retriever,
    questions: Sequence[EvalQuestion],
    mode: str,
    query_filter: SearchFilter | None = None,
    depth: int = 30,
    clock: Callable[[], float] = time.perf_counter,
    progress: Progress | None = None,
) -> ModeResult:
    """Retrieve ``depth`` articles per question (deduplicated to keys) and score them.

    One untimed warm-up query first: the first call pays one-off costs (model pages,
    FAISS and BLAS set-up) that no later query pays. ``progress(1)`` after each question.
    """
    if questions:
        index.retrieve(questions[0].question, depth, query_filter, mode=mode)
    rankings: list[list[Key]] = []
    latencies: list[float] = []
    for question in questions:
        started = clock()
        hits = index.retrieve(question.question, depth, query_filter, mode=mode)
        latencies.append((clock() - started) * 1000)
        rankings.append([(hit.law, hit.number) for hit in hits])
        if progress is not None:
            progress(1)
    relevant = [q.relevant for q in questions]
    return ModeResult(mode, score_rankings(rankings, relevant), latencies, rankings, relevant)


def by_category(
    result: ModeResult, questions: Sequence[EvalQuestion], category_of: Callable[[str], str]
) -> dict[str, dict[str, float]]:
    """Metrics per category of the gold law, with the question count as ``n``."""
    groups: dict[str, list[int]] = {}
    for position, question in enumerate(questions):
        groups.setdefault(category_of(question.gold.law), []).append(position)
    table: dict[str, dict[str, float]] = {}
    for category in sorted(groups, key=lambda c: (-len(groups[c]), c)):
        members = groups[category]
        metrics = score_rankings(
            [result.rankings[i] for i in members], [result.relevant[i] for i in members]
        )
        table[category] = {"n": float(len(members)), **metrics}
    return table

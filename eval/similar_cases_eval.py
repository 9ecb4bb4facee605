"""Similar-case precision on CAIL: leave-one-out, same charge = relevant.

For a seeded sample of CAIL cases, each case's facts query the other cases; a
retrieved case is relevant when it shares at least one accusation. Reported for a
plain BM25 baseline (bm25s over default-jieba tokens: no legal dictionary, no stop
words, no filters) and for our BM25, dense and hybrid retrieval, in the same run.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import jieba

from assistant.cases.case_index import CaseFilter, CaseIndex, CaseQuery
from assistant.cases.model import Case
from indexing.bm25_index import BM25Index, top_k

BASELINE = "plain_bm25"


@dataclass(frozen=True)
class ModeResult:
    """Precision and latency of one retriever over the sampled queries."""

    mode: str
    precision_at_k: float
    hit_at_k: float
    queries: int
    mean_ms: float
    p95_ms: float


@dataclass(frozen=True)
class SimilarCaseReport:
    cases: int
    queries: int
    k: int
    seed: int
    results: list[ModeResult]

    def as_json(self) -> dict:
        return {**asdict(self), "results": [asdict(r) for r in self.results]}


class PlainJiebaTokenizer:
    """The baseline's tokenizer: jieba's default dictionary, precise mode, nothing removed."""

    def __init__(self) -> None:
        self._jieba = jieba.Tokenizer()

    def __call__(self, text: str) -> list[str]:
        return [token for token in self._jieba.lcut(text) if token.strip()]


def sample_queries(cases: Sequence[Case], n: int, seed: int) -> list[Case]:
    """A seeded sample of ``n`` cases (all when ``n`` ≥ their number)."""
    if n >= len(cases):
        return list(cases)
    return random.Random(seed).sample(list(cases), n)


def evaluate_similar_cases(
    cases: Sequence[Case],
    index: CaseIndex,
    n: int = 300,
    k: int = 5,
    seed: int = 13,
    modes: Sequence[str] = ("bm25", "dense", "hybrid"),
) -> SimilarCaseReport:
    """P@k of the baseline and of ``modes`` on the same leave-one-out queries."""
    charges = {case.case_id: set(case.charges) for case in cases}
    queries = sample_queries(cases, n, seed)
    retrievers: dict[str, Callable[[Case], list[str]]] = {BASELINE: _plain_bm25(index, k)}
    for mode in modes:
        retrievers[mode] = _ours(index, k, mode)
    results = [_run(name, run, queries, charges, k) for name, run in retrievers.items()]
    return SimilarCaseReport(len(index.cases), len(queries), k, seed, results)


def _plain_bm25(index: CaseIndex, k: int) -> Callable[[Case], list[str]]:
    bm25 = BM25Index(PlainJiebaTokenizer()).index([c.facts for c in index.cases])
    ids = [c.case_id for c in index.cases]

    def retrieve(query: Case) -> list[str]:
        scores = bm25.scores(query.facts)
        own = index.position.get(query.case_id)
        if own is not None:
            scores[own] = 0.0
        return [ids[i] for i in top_k(scores, k)[0]]

    return retrieve


def _ours(index: CaseIndex, k: int, mode: str) -> Callable[[Case], list[str]]:
    def retrieve(query: Case) -> list[str]:
        leave_out = CaseFilter(exclude_ids=frozenset({query.case_id}))
        return [m.case_id for m in index.search(CaseQuery(query.facts), k, leave_out, mode)]

    return retrieve


def _run(
    name: str,
    retrieve: Callable[[Case], list[str]],
    queries: Sequence[Case],
    charges: dict[str, set[str]],
    k: int,
) -> ModeResult:
    precisions, hits, latencies = [], [], []
    for query in queries:
        started = time.perf_counter()
        retrieved = retrieve(query)[:k]
        latencies.append((time.perf_counter() - started) * 1000)
        relevant = [bool(charges.get(case_id, set()) & set(query.charges)) for case_id in retrieved]
        precisions.append(sum(relevant) / k)
        hits.append(float(any(relevant)))
    return ModeResult(
        mode=name,
        precision_at_k=round(statistics.fmean(precisions), 4),
        hit_at_k=round(statistics.fmean(hits), 4),
        queries=len(queries),
        mean_ms=round(statistics.fmean(latencies), 2),
        p95_ms=round(sorted(latencies)[int(0.95 * (len(latencies) - 1))], 2),
    )

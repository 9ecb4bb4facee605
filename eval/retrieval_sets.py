"""``zhifa eval retrieval`` over several question sets: each mode, each set, each category.

A figure measured on the set a knob was tuned on flatters the system, so every
set is reported on its own, side by side, never pooled. Progress goes to stderr
(one bar per set and mode) so a long run on the national corpus is never silent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from tqdm import tqdm

from eval.law_categories import LawCategories, categories_from_folder, categories_from_levels
from eval.lawbench import EvalQuestion, load_lawbench, set_name
from eval.lawbench_audit import audited_set
from eval.retrieval_eval import ModeResult, Retriever, by_category, covered, evaluate_mode
from indexing.filters import SearchFilter
from indexing.hybrid_index import MODES, HybridIndex
from indexing.index_loader import OpenedIndex
from indexing.law_aware import LawAwareRetriever
from indexing.learned_fusion import LearnedRetriever, LinearRanker

LAW_SUFFIX = "+law"
LEARNED_SUFFIX = "+learned"
RRF_LABEL = "hybrid-rrf"
AUDITED_SUFFIX = "·审定"


@dataclass
class SetReport:
    """Every mode's result on one question set."""

    name: str
    questions: list[EvalQuestion]
    skipped: int
    in_index: int
    results: dict[str, ModeResult] = field(default_factory=dict)
    categories: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """``{mode: summary}``; with categories each summary gains ``by_category``."""
        out: dict[str, Any] = {}
        for mode, result in self.results.items():
            out[mode] = result.summary()
            if mode in self.categories:
                out[mode]["by_category"] = {
                    category: {key: round(value, 4) for key, value in row.items()}
                    for category, row in self.categories[mode].items()
                }
        return out


def law_categories_for(index: HybridIndex, laws_dir: Path | None) -> LawCategories:
    """Folder categories when a laws folder is given, the units' levels otherwise."""
    by_folder = categories_from_folder(laws_dir) if laws_dir is not None else {}
    return LawCategories(by_folder, categories_from_levels(index.units))


def retrievers_for(
    opened: OpenedIndex,
    law_aware: bool,
    cache_dir: Path | None = None,
    ranker: LinearRanker | None = None,
    search: Retriever | None = None,
) -> dict[str, tuple[Retriever, str]]:
    """``{label: (retriever, mode)}``: plain modes, their law-aware versions, and with a
    ranker their learned-fusion versions. With ``search`` (the default statute search,
    learned hybrid fusion) ``hybrid`` is that search and ``hybrid-rrf`` the index's RRF."""
    modes = MODES if opened.has_dense else ("bm25",)
    plan: dict[str, tuple[Retriever, str]] = {mode: (opened.index, mode) for mode in modes}
    if search is not None and search is not opened.index and "hybrid" in plan:
        plan["hybrid"] = (search, "hybrid")
        plan[RRF_LABEL] = (opened.index, "hybrid")
    if not law_aware and ranker is None:
        return plan
    aware = LawAwareRetriever(opened.index, cache_dir=cache_dir)
    for mode in (m for m in modes if m != "dense"):
        if law_aware:
            plan[mode + LAW_SUFFIX] = (aware, mode)
        if ranker is not None:
            plan[mode + LEARNED_SUFFIX] = (LearnedRetriever(aware, ranker), mode)
    return plan


def evaluate_sets(
    opened: OpenedIndex,
    paths: Sequence[Path],
    query_filter: SearchFilter | None,
    covered_only: bool,
    limit: int | None,
    law_aware: bool,
    categories: LawCategories | None,
    cache_dir: Path | None = None,
    ranker: LinearRanker | None = None,
    search: Retriever | None = None,
    audited: bool = False,
) -> list[SetReport]:
    """Run every planned retriever over every set; with ``audited``, each set that has a
    shipped audit is run a second time on its audited golds (``<name>·审定``)."""
    plan = retrievers_for(opened, law_aware, cache_dir, ranker, search)
    reports: list[SetReport] = []
    for path in paths:
        versions = [(set_name(path), *load_lawbench(path))]
        checked = audited_set(path) if audited else None
        if checked is not None:
            versions.append((set_name(path) + AUDITED_SUFFIX, *checked))
        for name, loaded, skipped in versions:
            in_index = covered(opened.index, loaded)
            questions = (in_index if covered_only else loaded)[:limit]
            report = SetReport(name, questions, skipped, len(in_index))
            _run_plan(plan, report, mode_filter=query_filter, categories=categories)
            reports.append(report)
    return reports


def _run_plan(
    plan: dict[str, tuple[Retriever, str]],
    report: SetReport,
    mode_filter: SearchFilter | None,
    categories: LawCategories | None,
) -> None:
    """Every planned retriever over the report's questions, results into the report."""
    for label, (retriever, mode) in plan.items():
        if not report.questions:
            break
        with tqdm(total=len(report.questions), desc=f"{report.name} {label}", unit="题") as bar:
            result = evaluate_mode(
                retriever, report.questions, mode, mode_filter, progress=bar.update
            )
        result = replace(result, mode=label)
        report.results[label] = result
        if categories is not None:
            report.categories[label] = by_category(result, report.questions, categories.of)


_HEADER = (
    f"{'方式':<14}{'hit@1':>8}{'hit@5':>8}{'hit@10':>8}{'recall@10':>10}"
    f"{'mrr@10':>8}{'ndcg@10':>9}{'p50ms':>8}{'p95ms':>8}"
)


def _skip_word(name: str) -> str:
    """Audited sets leave out disputed and basis-less questions, raw ones unparsable golds."""
    return "审定未计入" if name.endswith(AUDITED_SUFFIX) else "解析失败"


def format_set_report(report: SetReport, index: HybridIndex) -> str:
    """The plain-text table of one set (and its per-category tables)."""
    build = index.build_info
    lines = [
        f"【{report.name}】题目 {len(report.questions)}（{_skip_word(report.name)} {report.skipped}，"
        f"标准答案法规在索引中 {report.in_index}）；索引 {len(index.article_ids)} 条文 / "
        f"{len(index.units)} 单元，构建 {build.seconds:.1f} 秒",
        _HEADER,
    ]
    for label, result in report.results.items():
        m, s = result.metrics, result.summary()
        lines.append(
            f"{label:<14}{m['hit@1']:>8.3f}{m['hit@5']:>8.3f}{m['hit@10']:>8.3f}"
            f"{m['recall@10']:>10.3f}{m['mrr@10']:>8.3f}{m['ndcg@10']:>9.3f}"
            f"{s['latency_ms_p50']:>8.1f}{s['latency_ms_p95']:>8.1f}"
        )
    for label, table in report.categories.items():
        lines.append(f"  按类别（{label}）：类别 题数 hit@1 hit@5 mrr@10")
        for category, row in table.items():
            lines.append(
                f"  {category:<12}{int(row['n']):>4}{row['hit@1']:>8.3f}"
                f"{row['hit@5']:>8.3f}{row['mrr@10']:>8.3f}"
            )
    return "\n".join(lines)

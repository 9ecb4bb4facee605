"""``zhifa eval retrieval|run|compare``: retrieval metrics, full reports, report deltas."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import typer
from pydantic import ValidationError
from tqdm import tqdm

from api.cli.output import components_from, emit_json, fail, parse_date_option, settings_from
from eval.law_aware_cv import card_grid, cross_validate, default_grid, fold_categories
from eval.lawbench import load_lawbench, set_name
from eval.report_compare import compare_reports, format_comparison, load_report
from eval.report_config import load_report_config
from eval.report_html import render_html
from eval.report_runner import run_report
from eval.retrieval_sets import evaluate_sets, format_set_report, law_categories_for
from indexing.filters import SearchFilter
from indexing.hybrid_index import HybridIndex, IndexError_
from indexing.law_cards import LawCardIndex
from indexing.learned_fusion import LinearRanker
from indexing.vector_store import VectorStoreError
from models.embedder import EmbedderError
from models.manifest import ModelMismatchError
from models.query_embedding import QueryCachingEmbedder


def retrieval_command(
    ctx: typer.Context,
    eval_sets: list[Path] = typer.Option(
        ..., "--set", help="LawBench 3-2 格式的评测集 JSON；可重复，每个集合分别报告。"
    ),
    on_date: str | None = typer.Option(
        None, "--date", help="只检索该日期有效的版本；默认检索所有版本。"
    ),
    covered_only: bool = typer.Option(
        False, "--covered-only", help="只评测标准答案所属法规已在索引中的题目。"
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="只评测前 N 题。"),
    law_aware: bool = typer.Option(
        False, "--law-aware", help="另加“识别法律 + 法律先验”的检索方式（bm25+law、hybrid+law）。"
    ),
    by_category: bool = typer.Option(
        False,
        "--by-category",
        help="按标准答案所属法律的类别（民法商法、社会法、行政法…）分列指标。",
    ),
    laws_dir: Path | None = typer.Option(
        None, "--laws-dir", help="按子目录给出法律类别的法规目录（如 ../shared/data/laws）。"
    ),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出各检索方式的指标。"),
    fusion_weights: Path | None = typer.Option(
        None,
        "--fusion-weights",
        help="另加“学习融合”检索方式（bm25+learned），权重文件见 indexing/weights/。",
    ),
    audited: bool = typer.Option(
        False,
        "--audited",
        help="另按审定后的标准答案评测（两名独立审定人一致认可的条文，见 eval/sets/lawbench_audit/）。",
    ),
) -> None:
    for path in eval_sets:
        if not path.is_file():
            fail(f"找不到评测集：{path}")
    ranker = None
    if fusion_weights is not None:
        try:
            ranker = LinearRanker.load(fusion_weights)
        except ValueError as exc:
            fail(str(exc))
    if laws_dir is not None and not laws_dir.is_dir():
        fail(f"找不到法规目录：{laws_dir}")
    components = components_from(ctx)
    opened = components.statute_index()
    day = parse_date_option(on_date)
    query_filter = SearchFilter(on_date=day) if day else None
    categories = law_categories_for(opened.index, laws_dir) if by_category else None
    cache = components.settings.data_layout.cache_dir("retrieval")
    try:
        search = components.statute_search()
    except ValueError as exc:
        fail(str(exc))
    reports = evaluate_sets(
        opened,
        eval_sets,
        query_filter,
        covered_only,
        limit,
        law_aware,
        categories,
        cache,
        ranker,
        search,
        audited,
    )
    if not any(report.questions for report in reports):
        fail("评测集中没有可评测的题目。")
    if as_json:
        payloads = {report.name: report.to_json() for report in reports}
        emit_json(next(iter(payloads.values())) if len(payloads) == 1 else payloads)
        return
    for report in reports:
        typer.echo(format_set_report(report, opened.index))


def law_aware_cv_command(
    ctx: typer.Context,
    eval_sets: list[Path] = typer.Option(
        ..., "--set", help="评测集（至少两个，LawBench 3-2 格式）。"
    ),
    mode: str = typer.Option("bm25", "--mode", help="底层检索方式：bm25 或 hybrid。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出每折的参数与指标。"),
    cards: bool = typer.Option(
        False,
        "--cards",
        help="参数网格另加“法规卡片”先验（BM25 与向量；首次需嵌入约 1,400 张卡片）。",
    ),
    laws_dir: Path | None = typer.Option(
        None, "--laws-dir", help="按类别报告每折所选参数（类别取自该法规目录的子目录）。"
    ),
) -> None:
    if len(eval_sets) < 2:
        fail("交叉验证至少需要两个评测集（--set 重复两次）。")
    missing = [str(path) for path in eval_sets if not path.is_file()]
    if missing:
        fail(f"找不到评测集：{'、'.join(missing)}")
    opened = components_from(ctx).statute_index()
    if mode not in ("bm25", "hybrid") or (mode == "hybrid" and not opened.has_dense):
        fail(f"检索方式“{mode}”不可用：可选 bm25，或在含向量的索引上选 hybrid。")
    sets = {set_name(path): load_lawbench(path)[0] for path in eval_sets}
    grid = card_grid() if cards else default_grid()
    card_index = law_card_index(ctx, opened.index) if cards else None
    with tqdm(total=len(grid), desc="参数网格", unit="组") as bar:
        folds, baseline = cross_validate(opened.index, sets, mode, grid, bar.update, card_index)
    categories: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    if laws_dir is not None:
        category_of = law_categories_for(opened.index, laws_dir).of
        for fold in (baseline, *folds):
            categories[fold.tuned_on] = fold_categories(
                opened.index, sets, fold.config, category_of, mode, card_index
            )
    if as_json:
        folds_json = [{**f.to_json(), "by_category": categories.get(f.tuned_on)} for f in folds]
        base_json = {**baseline.to_json(), "by_category": categories.get(baseline.tuned_on)}
        emit_json({"baseline": base_json, "folds": folds_json})
        return
    for fold in (baseline, *folds):
        typer.echo(f"选参集：{fold.tuned_on}；参数：{fold.config}")
        for name, row in fold.figures.items():
            mark = "（选参集）" if name == fold.tuned_on else "（未参与选参）"
            typer.echo(
                f"  {name}{mark}：hit@1 {row['hit@1']:.3f}  hit@5 {row['hit@5']:.3f}  "
                f"hit@10 {row['hit@10']:.3f}  mrr@10 {row['mrr@10']:.3f}"
            )
            for category, cell in categories.get(fold.tuned_on, {}).get(name, {}).items():
                typer.echo(
                    f"    {category:<10}{int(cell['n']):>4} 题  hit@1 {cell['hit@1']:.3f}  "
                    f"hit@5 {cell['hit@5']:.3f}  mrr@10 {cell['mrr@10']:.3f}"
                )


def run_command(
    ctx: typer.Context,
    config_path: Path = typer.Argument(..., help="评测配置（YAML 或 JSON），见 eval/configs/。"),
    out: Path = typer.Option(Path("var/eval/report"), "--out", help="报告输出目录。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出报告路径与主要指标。"),
) -> None:
    settings = settings_from(ctx)
    if not config_path.is_file():
        fail(f"找不到评测配置：{config_path}")
    try:
        config = load_report_config(config_path)
    except (ValidationError, ValueError) as exc:
        fail(f"评测配置有误：{exc}")
    out.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix="zhifa-eval-") as work:
            report = run_report(
                config, settings, Path(work), lambda line: typer.echo(line, err=True)
            )
    except (EmbedderError, IndexError_, ModelMismatchError, VectorStoreError, ValueError) as exc:
        fail(str(exc))
    (out / "report.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    (out / "report.html").write_text(render_html(report), encoding="utf-8")
    summary = _run_summary(report, out)
    if as_json:
        emit_json(summary)
        return
    typer.echo(f"已写出 {out / 'report.json'} 与 {out / 'report.html'}")
    for line in summary["lines"]:
        typer.echo(line)


def _run_summary(report: dict, out: Path) -> dict:
    lines, metrics = [], {}
    for system in report["configurations"]:
        for name, result in system["results"].get("retrieval", {}).items():
            m = result["metrics"]
            metrics.setdefault(system["name"], {})[name] = m
            lines.append(
                f"  {system['name']} / {name}：hit@10 {m['hit@10']:.3f}  mrr@10 {m['mrr@10']:.3f}  "
                f"ndcg@10 {m['ndcg@10']:.3f}  p95 {result['latency']['p95_ms']:.1f} ms"
            )
    lines += [
        f"  未运行：{s['benchmark']} {s['configuration']}（{s['reason']}）"
        for s in report["skipped"]
    ]
    return {
        "report_json": str(out / "report.json"),
        "report_html": str(out / "report.html"),
        "retrieval": metrics,
        "skipped": report["skipped"],
        "lines": lines,
    }


def compare_command(
    report_a: Path = typer.Argument(..., help="报告 A（report.json 或其目录）。"),
    report_b: Path = typer.Argument(..., help="报告 B（report.json 或其目录）。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出比较结果。"),
) -> None:
    try:
        comparison = compare_reports(load_report(report_a), load_report(report_b))
    except (FileNotFoundError, json.JSONDecodeError, KeyError) as exc:
        fail(f"无法比较报告：{exc}")
    if as_json:
        emit_json(comparison)
        return
    typer.echo(format_comparison(comparison))


def law_card_index(ctx: typer.Context, index: HybridIndex) -> LawCardIndex:
    """Law cards of the index, embedded once (cached under the data folder's cache)."""
    components = components_from(ctx)
    cache = components.settings.data_layout.cache_dir("retrieval")
    embedder = QueryCachingEmbedder(components.embedder, capacity=4096)
    typer.echo("正在准备法规卡片（首次需嵌入，约数分钟）…", err=True)
    try:
        return LawCardIndex.from_units(index.units, embedder, cache)
    except EmbedderError as exc:
        fail(str(exc))

"""``zhifa eval retrieval|run|compare``: retrieval metrics, full reports, report deltas."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import typer

from api.cli.output import components_from, emit_json, fail, parse_date_option, settings_from
from eval.lawbench import load_lawbench
from eval.retrieval_eval import covered, evaluate_mode
from indexing.filters import SearchFilter
from indexing.hybrid_index import MODES, IndexError_
from indexing.vector_store import VectorStoreError
from models.embedder import EmbedderError
from models.manifest import ModelMismatchError


def retrieval_command(
    ctx: typer.Context,
    eval_set: Path = typer.Option(..., "--set", help="LawBench 3-2 格式的评测集 JSON。"),
    on_date: str | None = typer.Option(
        None, "--date", help="只检索该日期有效的版本；默认检索所有版本。"
    ),
    covered_only: bool = typer.Option(
        False, "--covered-only", help="只评测标准答案所属法规已在索引中的题目。"
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="只评测前 N 题。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出各检索方式的指标。"),
) -> None:
    if not eval_set.is_file():
        fail(f"找不到评测集：{eval_set}")
    day = parse_date_option(on_date)
    questions, skipped = load_lawbench(eval_set)
    opened = components_from(ctx).statute_index()
    index, has_dense = opened.index, opened.has_dense
    in_index = covered(index, questions)
    questions = (in_index if covered_only else questions)[:limit]
    if not questions:
        fail("评测集中没有可评测的题目。")
    query_filter = SearchFilter(on_date=day) if day else None
    modes = MODES if has_dense else ("bm25",)
    results = {mode: evaluate_mode(index, questions, mode, query_filter) for mode in modes}
    if as_json:
        emit_json({mode: result.summary() for mode, result in results.items()})
        return
    build = index.build_info
    typer.echo(
        f"题目 {len(questions)}（解析失败 {skipped}，标准答案法规在索引中 {len(in_index)}）；"
        f"索引 {len(index.article_ids)} 条文 / {len(index.units)} 单元，"
        f"构建 {build.seconds:.1f} 秒（{build.units_per_second:.1f} 单元/秒）"
    )
    typer.echo(
        f"{'方式':<8}{'hit@1':>8}{'hit@5':>8}{'hit@10':>8}{'recall@10':>10}{'mrr@10':>8}{'ndcg@10':>9}{'p50ms':>8}{'p95ms':>8}"
    )
    for mode, result in results.items():
        m, s = result.metrics, result.summary()
        typer.echo(
            f"{mode:<8}{m['hit@1']:>8.3f}{m['hit@5']:>8.3f}{m['hit@10']:>8.3f}{m['recall@10']:>10.3f}"
            f"{m['mrr@10']:>8.3f}{m['ndcg@10']:>9.3f}{s['latency_ms_p50']:>8.1f}{s['latency_ms_p95']:>8.1f}"
        )


def run_command(
    ctx: typer.Context,
    config_path: Path = typer.Argument(..., help="评测配置（YAML 或 JSON），见 eval/configs/。"),
    out: Path = typer.Option(Path("var/eval/report"), "--out", help="报告输出目录。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出报告路径与主要指标。"),
) -> None:
    from pydantic import ValidationError

    from eval.report_config import load_report_config
    from eval.report_html import render_html
    from eval.report_runner import run_report

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
            report = run_report(config, settings, Path(work))
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
    from eval.report_compare import compare_reports, format_comparison, load_report

    try:
        comparison = compare_reports(load_report(report_a), load_report(report_b))
    except (FileNotFoundError, json.JSONDecodeError, KeyError) as exc:
        fail(f"无法比较报告：{exc}")
    if as_json:
        emit_json(comparison)
        return
    typer.echo(format_comparison(comparison))

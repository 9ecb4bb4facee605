"""``zhifa eval retrieval``: Hit@k / MRR / nDCG and latency of bm25, dense and hybrid."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from api.cli_output import emit_json, fail, settings_from
from eval.lawbench import load_lawbench
from eval.retrieval_eval import covered, evaluate_mode
from indexing.filters import SearchFilter
from indexing.hybrid_index import MODES, HybridIndex, IndexConfig, IndexError_, read_manifest
from indexing.storage import index_dir_for, recover
from models.embedder import EmbedderError, embedder_from_settings
from models.manifest import ModelMismatchError

eval_app = typer.Typer(help="评测：检索质量与速度。", no_args_is_help=True)


@eval_app.command("retrieval", help="在评测集上并列比较 bm25、dense、hybrid 的命中率与延迟。")
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
    settings = settings_from(ctx)
    if not eval_set.is_file():
        fail(f"找不到评测集：{eval_set}")
    questions, skipped = load_lawbench(eval_set)
    folder = recover(index_dir_for(settings))
    try:
        has_dense = read_manifest(folder)["model"] is not None
        index = HybridIndex.load(folder, embedder_from_settings(settings) if has_dense else None)
        index.config = index.config.with_query_params(IndexConfig.from_settings(settings))
    except (EmbedderError, IndexError_, ModelMismatchError) as exc:
        fail(str(exc))
    in_index = covered(index, questions)
    questions = (in_index if covered_only else questions)[:limit]
    if not questions:
        fail("评测集中没有可评测的题目。")
    query_filter = SearchFilter(on_date=date.fromisoformat(on_date)) if on_date else None
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

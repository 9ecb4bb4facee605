"""``zhifa eval cases``: similar-case precision on CAIL, plain BM25 baseline against ours."""

from __future__ import annotations

import typer

from api.cli.output import components_from, emit_json, fail
from api.settings import Settings
from assistant.cases.cail_loader import load_cail_cases
from assistant.cases.case_index import CaseIndex
from assistant.cases.case_store import CaseStore
from assistant.cases.case_tokenizer import case_tokenizer
from assistant.cases.model import Case, CaseKind
from assistant.cases.similar_cases import case_index_config
from eval.similar_cases_eval import evaluate_similar_cases
from indexing.embedding_cache import EmbeddingCache
from indexing.storage import embedding_cache_path


def cases_command(
    ctx: typer.Context,
    n: int = typer.Option(300, "--n", min=1, help="抽样查询数。"),
    k: int = typer.Option(5, "-k", min=1, max=50, help="取前 k 件计算 P@k。"),
    seed: int = typer.Option(13, "--seed", help="抽样随机种子。"),
    no_dense: bool = typer.Option(False, "--no-dense", help="只评测 BM25（不计算向量）。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    components = components_from(ctx)
    settings = components.settings
    cases = _cail_cases(settings)
    embedder = None if no_dense else components.embedder
    tokenizer = case_tokenizer(components.store, cases, settings.unit_max_chars)
    with EmbeddingCache(embedding_cache_path(settings)) as cache:
        index = CaseIndex.build(
            cases, tokenizer, embedder, case_index_config(settings), cache, not as_json
        )
    modes = ("bm25",) if embedder is None else ("bm25", "dense", "hybrid")
    report = evaluate_similar_cases(cases, index, n, k, seed, modes)
    if as_json:
        emit_json(report.as_json())
        return
    typer.echo(
        f"CAIL 留一法：{report.cases} 件，查询 {report.queries} 件，k={report.k}，种子 {report.seed}"
    )
    typer.echo(f"{'方法':<12}{'P@k':>8}{'Hit@k':>8}{'平均ms':>10}{'p95ms':>10}")
    for row in report.results:
        typer.echo(
            f"{row.mode:<12}{row.precision_at_k:>8.4f}{row.hit_at_k:>8.4f}{row.mean_ms:>10.2f}{row.p95_ms:>10.2f}"
        )


def _cail_cases(settings: Settings) -> list[Case]:
    """CAIL cases of the case base, or the shipped CAIL file when none were imported."""
    stored = list(CaseStore(settings).iter_cases([CaseKind.CRIMINAL]))
    if stored:
        return stored
    shipped = settings.cases_dir / "cail2018-criminal-train.json"
    if not shipped.is_file():
        fail("案例库中没有 CAIL 刑事案例，也找不到随项目分发的 CAIL 文件")
    return list({c.case_id: c for c in load_cail_cases(shipped)}.values())

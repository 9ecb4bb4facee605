"""``zhifa search "…"``: hybrid retrieval of statute articles from the command line."""

from __future__ import annotations

from datetime import date

import typer

from api.cli.output import components_from, emit_json, fail, parse_date_option
from corpus.law_names import short_name
from indexing.filters import SearchFilter
from indexing.hybrid_index import MODES
from indexing.learned_fusion import law_aware_search


def search_command(
    ctx: typer.Context,
    query: str = typer.Argument(..., help="检索内容，如“饮酒后驾驶机动车如何处罚”。"),
    on_date: str | None = typer.Option(
        None, "--date", help="只检索该日期（YYYY-MM-DD）有效的版本；默认今天。"
    ),
    laws: list[str] = typer.Option([], "--law", help="限定法规（简称或全称），可重复。"),
    k: int = typer.Option(10, "-k", "--top-k", min=1, max=200, help="返回条数。"),
    mode: str = typer.Option("hybrid", "--mode", help="检索方式：hybrid、bm25、dense。"),
    all_versions: bool = typer.Option(False, "--all-versions", help="检索所有版本（忽略日期）。"),
    backend: str | None = typer.Option(
        None, "--backend", help="向量库：faiss 或 milvus（须与构建索引时一致）；默认按索引。"
    ),
    law_aware: bool = typer.Option(
        False,
        "--law-aware",
        help="识别问题点名或暗示的法律、偏重罚则条文并加字二元组检索（首次使用需数秒建立索引）。",
    ),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出命中列表（按相关度排序）。"),
) -> None:
    if mode not in MODES:
        fail(f"未知的检索方式“{mode}”，可选：{'、'.join(MODES)}")
    query_filter = SearchFilter(
        laws=frozenset(short_name(law) for law in laws),
        on_date=None if all_versions else (parse_date_option(on_date) or date.today()),
    )
    components = components_from(ctx)
    opened = components.statute_index(backend)
    if not opened.has_dense and mode != "bm25":
        typer.echo("提示：索引仅含 BM25，改用 BM25 检索。", err=True)
        mode = "bm25"
    cache = components.settings.data_layout.cache_dir("retrieval")
    weights = components.settings.law_fusion_weights
    try:
        retriever = (
            law_aware_search(opened.index, cache, weights)
            if law_aware
            else components.statute_search()
        )
    except ValueError as exc:
        fail(str(exc))
    hits = retriever.retrieve(query, k, query_filter, mode=mode)
    if as_json:
        emit_json([hit.to_json() for hit in hits])
        return
    if not hits:
        typer.echo("未找到相关条文。")
    for rank, hit in enumerate(hits, start=1):
        scores = "  ".join(
            f"{name}={value:.4f}" for name, value in hit.scores.items() if value is not None
        )
        typer.echo(f"{rank}. {hit.citation}（{hit.version} 施行版本）  {scores}")
        typer.echo(f"   {hit.text[:160].replace(chr(10), ' ')}")

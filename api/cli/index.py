"""``zhifa index build|update|stats``: the retrieval index over the statute base."""

from __future__ import annotations

from pathlib import Path

import typer

from api.cli.output import components_from, emit_json, fail, settings_from
from corpus.model import ArticleRecord
from indexing.embedding_cache import EmbeddingCache
from indexing.hybrid_index import HybridIndex, IndexConfig, read_manifest
from indexing.storage import embedding_cache_path, index_dir_for, recover
from indexing.units import build_units, law_fingerprints
from indexing.vector_store import StoreOptions

index_app = typer.Typer(
    help="检索索引（BM25 + 向量）：构建、增量更新、统计。", no_args_is_help=True
)


@index_app.command("build", help="从法规库全量构建检索索引（已嵌入的条文从缓存复用，可断点续建）。")
def build_command(
    ctx: typer.Context,
    bm25_only: bool = typer.Option(False, "--bm25-only", help="只构建 BM25，跳过向量嵌入。"),
    backend: str | None = typer.Option(
        None,
        "--backend",
        help="向量库：faiss（默认）或 milvus（milvus-lite 或 ZHIFA_MILVUS_URI 集群）。",
    ),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出构建摘要。"),
) -> None:
    components = components_from(ctx)
    settings = components.settings
    records = list(components.store.iter_articles())
    if not records:
        fail("法规库为空：请先运行 `zhifa corpus init` 或 `zhifa corpus import 路径`。")
    embedder = None if bm25_only else components.embedder
    with EmbeddingCache(embedding_cache_path(settings)) as cache:
        index = HybridIndex.build(
            records,
            embedder,
            IndexConfig.from_settings(settings),
            cache,
            show_progress=True,
            store=StoreOptions.from_settings(settings, backend),
        )
    index.save(index_dir_for(settings))
    _report(index.manifest(), index_dir_for(settings), as_json, "已构建索引")


@index_app.command("update", help="增量更新：只重建有变化的法规，只嵌入新增或修改的条文。")
def update_command(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出更新摘要。"),
) -> None:
    components = components_from(ctx)
    settings = components.settings
    folder = recover(index_dir_for(settings))
    manifest = read_manifest(folder)
    old = components.statute_index().index
    records = list(components.store.iter_articles())
    changed, removed = _diff(old, records, manifest["laws"])
    if not changed and not removed:
        typer.echo("索引已是最新，无需更新。")
        return
    by_law = [r for r in records if r.law in changed]
    with EmbeddingCache(embedding_cache_path(settings)) as cache:
        index = old.update(by_law, removed, cache, show_progress=True)
    index.save(folder)
    typer.echo(f"已更新 {len(changed)} 部法规，移除 {len(removed)} 部。", err=as_json)
    _report(index.manifest(), folder, as_json, "已更新索引")


@index_app.command("stats", help="显示索引规模、模型、构建速度与磁盘占用。")
def stats_command(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    settings = settings_from(ctx)
    folder = recover(index_dir_for(settings))
    manifest = read_manifest(folder)
    _report(manifest, folder, as_json, "索引")


def _diff(
    old: HybridIndex, records: list[ArticleRecord], indexed: dict[str, str]
) -> tuple[set[str], set[str]]:
    """Laws whose units differ from the index (new or changed), and laws no longer stored."""
    fresh = law_fingerprints(build_units(records, old.config.unit_max_chars))
    changed = {law for law, digest in fresh.items() if indexed.get(law) != digest}
    return changed, set(indexed) - set(fresh)


def _report(manifest: dict, folder: Path, as_json: bool, title: str) -> None:
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    summary = {
        "path": str(folder),
        "units": manifest["units"],
        "articles": manifest["articles"],
        "laws": len(manifest["laws"]),
        "model": manifest["model"],
        "dense_kind": manifest["dense_kind"],
        "build": manifest["build"],
        "disk_mb": round(size / 2**20, 1),
    }
    if as_json:
        emit_json(summary)
        return
    build = manifest["build"]
    model = manifest["model"]
    typer.echo(f"{title}：{folder}")
    typer.echo(
        f"  法规 {summary['laws']} 部，条文 {summary['articles']} 条，检索单元 {summary['units']} 个"
    )
    typer.echo(
        "  向量："
        + (
            f"{model['backend']}:{model['model_id']}（{model['dim']} 维，{manifest['dense_kind']}）"
            if model
            else "无（仅 BM25）"
        )
    )
    embed = build.get("embed", {})
    typer.echo(
        f"  构建耗时 {build['seconds']} 秒（{build['units_per_second']} 单元/秒）；"
        f"新嵌入 {embed.get('embedded', 0)}，缓存命中 {embed.get('cached', 0)}，复用 {embed.get('reused', 0)}"
    )
    typer.echo(f"  磁盘占用 {summary['disk_mb']} MB")

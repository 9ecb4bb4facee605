"""``zhifa index build|update|stats``: the retrieval index over the statute base."""

from __future__ import annotations

from pathlib import Path

import typer

from api.cli.output import components_from, emit_json, fail, settings_from
from corpus.model import ArticleRecord
from indexing.embedding_cache import EmbeddingCache
from indexing.hybrid_index import HybridIndex, IndexConfig, read_manifest
from indexing.index_lock import index_write_lock
from indexing.settings import IndexingSettings
from indexing.storage import embedding_cache_path, index_dir_for, recover
from indexing.units import build_units, law_fingerprints
from indexing.vector_backfill import BackfillOptions, VectorBackfill
from indexing.vector_progress import VectorProgress, read_progress
from indexing.vector_store import StoreOptions
from indexing.vector_transfer import export_vectors, import_vectors
from models.embedder import Embedder

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
    with (
        index_write_lock(index_dir_for(settings)),
        EmbeddingCache(embedding_cache_path(settings)) as cache,
    ):
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
    with index_write_lock(folder):
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
    _report(manifest, folder, as_json, "索引", read_progress(settings.data_layout.vector_progress))


@index_app.command(
    "vectors",
    help="补建向量：按优先顺序（行政处罚法等常用执法法律在前）嵌入尚无向量的条文，"
    "每批写入嵌入缓存并原子替换索引；中断后重跑即续建（zhifa serve 在后台自动运行）。",
)
def vectors_command(
    ctx: typer.Context,
    limit: int | None = typer.Option(None, "--limit", min=1, help="最多嵌入这么多个单元后停止"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出进度。"),
) -> None:
    components = components_from(ctx)
    settings = components.settings
    read_manifest(recover(index_dir_for(settings)))
    options = BackfillOptions.from_settings(settings, limit)
    progress = VectorBackfill(settings, components.embedder, options=options).run()
    if as_json:
        emit_json(progress.to_dict())
    else:
        typer.echo(progress.describe())


@index_app.command(
    "export-vectors", help="导出嵌入缓存中当前模型的全部向量（供离线站点导入，免去重新嵌入）。"
)
def export_vectors_command(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="输出文件（.npz）"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    components = components_from(ctx)
    with EmbeddingCache(embedding_cache_path(components.settings)) as cache:
        report = export_vectors(cache, components.embedder, path)
    if as_json:
        emit_json(report.as_dict())
    else:
        typer.echo(f"已导出 {report.vectors} 个向量（{report.model}）到 {report.path}")


@index_app.command(
    "import-vectors",
    help="导入 export-vectors 生成的向量文件（核对模型指纹与校验和），并立即挂到现有索引上。",
)
def import_vectors_command(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="向量文件（.npz）"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    components = components_from(ctx)
    embedder = components.embedder
    with EmbeddingCache(embedding_cache_path(components.settings)) as cache:
        report = import_vectors(cache, embedder, path)
    with_vector, units = _attach_cached(components.settings, embedder)
    result = {**report.as_dict(), "index_units": units, "index_units_with_vector": with_vector}
    if as_json:
        emit_json(result)
    else:
        typer.echo(f"已导入 {report.vectors} 个向量；索引中 {with_vector}/{units} 个单元已有向量。")


def _attach_cached(settings: IndexingSettings, embedder: Embedder) -> tuple[int, int]:
    """Give the saved index every cached vector (no embedding); (with vector, units)."""
    if not (recover(index_dir_for(settings)) / "manifest.json").is_file():
        return 0, 0
    backfill = VectorBackfill(settings, embedder, options=BackfillOptions(limit=0))
    with EmbeddingCache(embedding_cache_path(settings)) as cache:
        index, _ = backfill.attach(cache)
    return index.dense_units, len(index.units)


def _diff(
    old: HybridIndex, records: list[ArticleRecord], indexed: dict[str, str]
) -> tuple[set[str], set[str]]:
    """Laws whose units differ from the index (new or changed), and laws no longer stored."""
    fresh = law_fingerprints(build_units(records, old.config.unit_max_chars))
    changed = {law for law, digest in fresh.items() if indexed.get(law) != digest}
    return changed, set(indexed) - set(fresh)


def _report(
    manifest: dict,
    folder: Path,
    as_json: bool,
    title: str,
    progress: VectorProgress | None = None,
) -> None:
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    summary = {
        "path": str(folder),
        "units": manifest["units"],
        "dense_units": manifest.get("dense_units", manifest["units"] if manifest["model"] else 0),
        "articles": manifest["articles"],
        "laws": len(manifest["laws"]),
        "model": manifest["model"],
        "dense_kind": manifest["dense_kind"],
        "build": manifest["build"],
        "disk_mb": round(size / 2**20, 1),
    }
    if progress is not None:
        progress.total, progress.with_vector = summary["units"], summary["dense_units"]
        summary["vectors"] = progress.to_dict()
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
    if progress is not None:
        typer.echo(f"  {progress.describe()}")

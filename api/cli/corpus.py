"""``zhifa corpus …`` and ``zhifa cite``: the statute base on the command line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer
from tqdm import tqdm

from api.cli.output import components_from, emit_json, fail, parse_date_option, settings_from
from corpus.citation_resolver import CitationError, ResolvedCitation
from corpus.import_record import (
    file_fingerprint,
    folder_fingerprint,
    import_unless_unchanged,
)
from corpus.ingest import IngestReport, ProgressCallback, ingest_archive, ingest_paths
from corpus.loaders import LoadError
from corpus.national_archive import NationalArchive
from corpus.store import VersionSummary

corpus_app = typer.Typer(help="法规语料库：导入、查看版本与统计。", no_args_is_help=True)

JSON_HELP = "以 JSON 输出（机器可读）"


def _import_with_progress(
    run: Callable[[ProgressCallback], IngestReport], label: str = "导入法规"
) -> IngestReport:
    with tqdm(desc=label, unit="件", disable=None) as bar:

        def progress(done: int, total: int, path: Path) -> None:
            bar.total = total
            bar.set_postfix_str(path.name[:30])
            bar.update(done - bar.n)

        return run(progress)


def _run_import(ctx: typer.Context, paths: list[Path], as_json: bool) -> IngestReport:
    store = components_from(ctx).store
    report = _import_with_progress(lambda progress: ingest_paths(store, paths, progress))
    _show(report, as_json)
    return report


def _show(report: IngestReport, as_json: bool) -> None:
    if as_json:
        emit_json(report.as_dict())
    else:
        _print_report(report)


def _print_report(report: IngestReport) -> None:
    typer.echo(
        f"文件 {report.files} 个，解析 {report.parsed_files} 个；写入版本 {report.versions_written} 个，"
        f"未变化 {report.versions_unchanged} 个；条文 {report.articles} 条；用时 {report.seconds:.1f} 秒。"
    )
    if report.duplicates:
        typer.echo(f"重复副本 {len(report.duplicates)} 个（内容相同，只保存一份）。")
    if report.without_articles:
        typer.echo(
            f"无“第X条”结构、未导入的文件 {len(report.without_articles)} 个（如修正案文本）。"
        )
    if report.removed:
        shown = "、".join(report.removed[:5]) + ("等" if len(report.removed) > 5 else "")
        typer.echo(f"删除语料已不再包含的版本 {len(report.removed)} 个：{shown}。")
    for failure in report.failures:
        typer.echo(f"失败：{failure.path}：{failure.reason}", err=True)


@corpus_app.command("init")
def init_command(
    ctx: typer.Context,
    national: bool = typer.Option(
        True,
        "--national/--no-national",
        help="是否导入全国法规语料包（--no-national 只导入核心小语料）",
    ),
    force: bool = typer.Option(
        False, "--force", help="即使语料包与解析程序都未变化，也重新解析导入"
    ),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """导入随项目分发的语料：全国法律法规、司法解释、部门规章与广东规章（未变化的语料包整体跳过）。"""
    settings = settings_from(ctx)
    store = components_from(ctx).store
    archive = settings.national_corpus_archive
    report, skipped = IngestReport(), []
    core_dir = settings.default_corpus_dir
    core = import_unless_unchanged(
        store,
        "core",
        folder_fingerprint(core_dir, exclude=archive.parent if archive else None),
        lambda: ingest_paths(store, [core_dir], prune=True),
        force,
    )
    if core is None:
        skipped.append("core")
    else:
        report.absorb(core)
    if national and archive is not None:
        try:
            source = NationalArchive(archive)
        except LoadError as exc:
            fail(exc.message)
        imported = import_unless_unchanged(
            store,
            "national",
            file_fingerprint(archive),
            lambda: _import_with_progress(
                lambda progress: ingest_archive(store, source, progress), "导入全国法规"
            ),
            force,
        )
        if imported is None:
            skipped.append("national")
        else:
            report.absorb(imported)
    _show_init(report, skipped, as_json)
    if report.failures:
        fail(f"默认语料有 {len(report.failures)} 个文件导入失败")


_SKIPPED_LABELS = {"core": "核心小语料", "national": "全国法规语料包"}


def _show_init(report: IngestReport, skipped: list[str], as_json: bool) -> None:
    if as_json:
        emit_json({**report.as_dict(), "skipped": skipped})
        return
    for source in skipped:
        typer.echo(
            f"{_SKIPPED_LABELS[source]}与解析程序均未变化，已导入过，跳过（--force 重新导入）。"
        )
    if report.files or not skipped:
        _print_report(report)


@corpus_app.command("import")
def import_command(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="法规文件或目录（.md/.txt/.docx/.pdf）"),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """导入法规文件或整个目录；坏文件逐个报告并跳过，不会半途写入。"""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(
            f"路径不存在：{'、'.join(missing)}。全国法规已随项目分发（zhifa corpus init 导入）；"
            "本地法规请给出 .md/.txt/.docx/.pdf 文件或目录"
        )
    report = _run_import(ctx, paths, as_json)
    if report.versions_written + report.versions_unchanged == 0:
        fail("没有导入任何法规")


@corpus_app.command("stats")
def stats_command(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help=JSON_HELP)
) -> None:
    """语料库中的法律、版本、条文数量。"""
    stats = components_from(ctx).store.stats()
    if as_json:
        emit_json(stats)
    else:
        typer.echo(
            f"法律 {stats['laws']} 部，版本 {stats['versions']} 个，条文 {stats['articles']} 条。"
        )


@corpus_app.command("list")
def list_command(
    ctx: typer.Context,
    level: str | None = typer.Option(
        None, "--level", help="只列出该效力级别（如 法律、行政法规、部门规章）"
    ),
    name: str | None = typer.Option(None, "--name", help="名称包含该文字"),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """列出语料库中的法律法规及其各版本（施行日期、失效日期）。"""
    laws: dict[str, list[VersionSummary]] = {}
    for version in components_from(ctx).store.all_versions():
        if (level and version.level != level) or (name and name not in version.law):
            continue
        laws.setdefault(version.law, []).append(version)
    rows = [
        {
            "law": law,
            "level": versions[-1].level,
            "versions": [
                {
                    "version": v.effective_date.isoformat(),
                    "effective_to": v.effective_to.isoformat() if v.effective_to else None,
                    "articles": v.article_count,
                }
                for v in versions
            ],
        }
        for law, versions in laws.items()
    ]
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        spans = "；".join(
            f"{v['version']}起" + (f"至{v['effective_to']}" if v["effective_to"] else "")
            for v in row["versions"]
        )
        typer.echo(f"{row['law']}（{row['level'] or '未知级别'}）：{spans}")
    typer.echo(f"共 {len(rows)} 部。", err=True)


@corpus_app.command("versions")
def versions_command(
    ctx: typer.Context,
    law: str = typer.Argument(..., help="法律名称（全称、简称或常用别称）"),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """列出一部法律的全部版本及其施行、失效日期。"""
    components = components_from(ctx)
    store = components.store
    name = components.resolver.law_name(law)
    rows = [
        {
            "law": v.law,
            "title": v.title,
            "published": v.version_date.isoformat(),
            "version": v.effective_date.isoformat(),
            "effective_to": v.effective_to.isoformat() if v.effective_to else None,
            "level": v.level,
            "articles": v.article_count,
        }
        for v in store.versions(name)
    ]
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        until = f"至 {row['effective_to']}" if row["effective_to"] else "至今有效"
        typer.echo(
            f"《{row['title']}》 公布 {row['published']}，施行 {row['version']} {until}，{row['articles']} 条"
        )


def _print_citation(resolved: ResolvedCitation) -> None:
    typer.echo(f"{resolved.citation}（{resolved.version.isoformat()} 起施行的版本）")
    typer.echo(resolved.text)
    for warning in resolved.warnings:
        typer.echo(f"提示：{warning}", err=True)


def cite_command(
    ctx: typer.Context,
    citation: str = typer.Argument(
        ..., help="法条引用，如“《行政处罚法》第三十二条第一款第（二）项”"
    ),
    on: str | None = typer.Option(
        None, "--date", help="行为发生日期 YYYY-MM-DD，默认今天；按该日有效版本解析"
    ),
    law: str | None = typer.Option(None, "--law", help="“本法/同法”或未写法律名称时所指的法律"),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """解析法条引用，输出指定日期有效版本的条文；引用不存在时给出准确原因。"""
    resolver = components_from(ctx).resolver
    results = resolver.resolve_text(citation, parse_date_option(on), law)
    errors = [r for r in results if isinstance(r, CitationError)]
    resolved = [r for r in results if isinstance(r, ResolvedCitation)]
    if as_json and resolved:
        payload = [r.as_json() for r in resolved]
        emit_json(payload[0] if len(payload) == 1 else payload)
    elif resolved:
        for item in resolved:
            _print_citation(item)
    if errors:
        fail("；".join(e.message for e in errors))

"""``zhifa cases``: the case base — import, similar-case search, show, stats."""

from __future__ import annotations

from pathlib import Path

import typer

from api.cli.output import components_from, emit_json, fail, settings_from
from api.components import Components
from assistant.cases.case_import import import_paths
from assistant.cases.case_index import CASE_MODES
from assistant.cases.case_store import CaseImportReport, CaseStore
from assistant.cases.model import Case, CaseKind
from assistant.cases.similar_cases import (
    SimilarCase,
    build_case_index,
    case_index_dir,
)
from models.embedder import Embedder

cases_app = typer.Typer(
    help="案例库：导入处罚决定书、法院案例、CAIL 刑事案例；类案检索（显示时隐去当事人信息）。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
_KINDS = {kind.value: kind for kind in CaseKind}


def _embedder(components: Components, no_dense: bool) -> Embedder | None:
    return None if no_dense else components.embedder


BACKEND_HELP = (
    "案例向量存放的向量库：faiss（索引目录内的文件）或 milvus；默认取 ZHIFA_VECTOR_BACKEND。"
)


def _import(
    components: Components,
    paths: list[Path],
    domain: str | None,
    no_dense: bool,
    as_json: bool,
    backend: str | None = None,
) -> None:
    settings = components.settings
    case_store = CaseStore(settings)
    report = import_paths(case_store, components.resolver, paths, domain)
    index_built = False
    stale = report.added or not (case_index_dir(settings) / "manifest.json").is_file()
    if stale and case_store.count():
        typer.echo(f"正在建立案例索引（{case_store.count()} 件）…", err=True)
        embedder = _embedder(components, no_dense)
        build_case_index(settings, case_store, components.store, embedder, not as_json, backend)
        index_built = True
    _print_import(report, index_built, as_json)
    if report.failures and not report.added and not report.unchanged:
        fail("没有导入任何案例")


def _print_import(report: CaseImportReport, index_built: bool, as_json: bool) -> None:
    if as_json:
        emit_json(report.as_json() | {"index_built": index_built})
        return
    kinds = "，".join(f"{kind} {count}" for kind, count in report.by_kind.items())
    typer.echo(
        f"新增案例 {report.added} 件{f'（{kinds}）' if kinds else ''}，未变化 {report.unchanged} 件"
    )
    for path, reason in report.failures:
        typer.echo(f"  跳过 {path}：{reason}", err=True)
    if index_built:
        typer.echo("案例索引已更新。")


@cases_app.command(
    "init", help="导入随项目分发的案例（法院案例 52 件、CAIL 刑事案例），并建立类案索引。"
)
def init_command(
    ctx: typer.Context,
    no_dense: bool = typer.Option(False, "--no-dense", help="只建 BM25 索引（不计算向量）。"),
    backend: str | None = typer.Option(None, "--backend", help=BACKEND_HELP),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出导入结果。"),
) -> None:
    components = components_from(ctx)
    cases_dir = components.settings.cases_dir
    if not cases_dir.is_dir():
        fail(f"案例目录不存在：{cases_dir}")
    _import(components, [cases_dir], None, no_dense, as_json, backend)


@cases_app.command(
    "import", help="导入案例：处罚决定书（.txt/.docx/.pdf）、法院案例（.md 或目录）、CAIL 文件。"
)
def import_command(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="文件或目录，可多个。"),
    domain: str | None = typer.Option(
        None, "--domain", help="指定领域（如 生态环境），默认自动判断。"
    ),
    no_dense: bool = typer.Option(False, "--no-dense", help="只建 BM25 索引（不计算向量）。"),
    backend: str | None = typer.Option(None, "--backend", help=BACKEND_HELP),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出导入结果。"),
) -> None:
    _import(components_from(ctx), paths, domain, no_dense, as_json, backend)


@cases_app.command(
    "search", help="类案检索：输入案情，返回相似案例及匹配原因（同引法条、共同要素）。"
)
def search_command(
    ctx: typer.Context,
    facts: str = typer.Argument(..., help="案情描述，如“被告人在超市内趁无人看管盗走手机一部”。"),
    laws: list[str] = typer.Option([], "--law", help="只看引用该法律的案例（如 刑法），可重复。"),
    kinds: list[str] = typer.Option(
        [], "--kind", help="案例类型：处罚决定、判决、刑事案例，可重复。"
    ),
    domains: list[str] = typer.Option(
        [], "--domain", help="领域（如 生态环境、消费购物、刑事），可重复。"
    ),
    citations: list[str] = typer.Option(
        [], "--cite", help="本案适用的法条（如“刑法第二百六十四条”），可重复。"
    ),
    k: int = typer.Option(5, "-k", "--top-k", min=1, max=100, help="返回件数。"),
    mode: str = typer.Option("hybrid", "--mode", help="检索方式：hybrid、bm25、dense。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    if mode not in CASE_MODES:
        fail(f"未知的检索方式“{mode}”，可选：{'、'.join(CASE_MODES)}")
    unknown = [kind for kind in kinds if kind not in _KINDS]
    if unknown:
        fail(f"未知的案例类型“{unknown[0]}”，可选：{'、'.join(_KINDS)}")
    search = components_from(ctx).case_search
    try:
        results = search.search(facts, k, laws, kinds, domains, citations, mode)
    except LookupError as exc:  # index and case store out of step
        fail(str(exc))
    if as_json:
        emit_json([result.to_json() for result in results])
        return
    if not results:
        typer.echo("未找到相似案例。")
    for result in results:
        _print_result(result)


def _print_result(result: SimilarCase) -> None:
    scores = "  ".join(f"{n}={v:.4f}" for n, v in result.scores.items() if v is not None)
    typer.echo(
        f"{result.rank}. [{result.case_id}] {result.title}（{result.kind}，{result.domain or '未分类'}）  {scores}"
    )
    if result.charges:
        typer.echo(f"   罪名：{'、'.join(result.charges)}")
    for reason in result.reasons:
        typer.echo(f"   {reason}")
    typer.echo(f"   案情：{result.excerpt}")


@cases_app.command("show", help="显示一个案例（当事人信息已隐去）。")
def show_command(
    ctx: typer.Context,
    case_id: str = typer.Argument(..., help="案例编号，如 xs-49816416f390"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    components = components_from(ctx)
    case = CaseStore(components.settings).get(case_id)
    if case is None:
        fail(f"没有编号为 {case_id} 的案例")
    shown = components.case_display.case(case)
    if as_json:
        emit_json(shown.model_dump(mode="json"))
        return
    _print_case(shown)


def _print_case(case: Case) -> None:
    typer.echo(f"{case.case_id} {case.title}（{case.kind.value}）")
    for label, value in (
        ("机关/法院", case.agency),
        ("日期", case.date.isoformat() if case.date else None),
        ("领域", case.domain),
        ("当事人", "、".join(case.parties)),
        ("罪名", "、".join(case.charges)),
    ):
        if value:
            typer.echo(f"{label}：{value}")
    typer.echo(f"案情：{case.facts}")
    if case.evidence:
        typer.echo("证据：" + "；".join(case.evidence))
    for cited in case.cited:
        status = cited.unit_id or f"未核验：{cited.error}"
        typer.echo(f"引用：{cited.citation or cited.written}（{status}）")
    if case.decision:
        typer.echo(f"决定/裁判：{case.decision}")
    if not case.penalty.is_empty:
        typer.echo(f"处罚：{case.penalty.model_dump(exclude_defaults=True)}")


@cases_app.command("stats", help="案例库统计：按类型、领域、罪名、引用法律。")
def stats_command(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    stats = CaseStore(settings_from(ctx)).stats()
    if as_json:
        emit_json(stats)
        return
    typer.echo(f"案例 {stats['cases']} 件")
    for title, key in (
        ("类型", "by_kind"),
        ("领域", "by_domain"),
        ("常见罪名", "top_charges"),
        ("常引法律", "top_cited_laws"),
    ):
        typer.echo(
            f"{title}：" + "，".join(f"{name} {count}" for name, count in stats[key].items())
        )

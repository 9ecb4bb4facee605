"""``zhifa audit-file`` (案卷评查) and ``zhifa supervise`` (执法监督: filing, counts, warnings, export)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from api.cli.output import components_from, emit_json, fail, parse_date_option, settings_from
from assistant.case_file import read_case_data
from assistant.supervision.audit_report import report_markdown, write_report
from assistant.supervision.case_register import SUFFIXES, CaseRegister
from assistant.supervision.export import export_all
from assistant.supervision.file_audit import FileAudit, FileAuditor
from assistant.supervision.overview import SupervisionView, build_view
from assistant.supervision.rubric import DEFAULT_RUBRIC, rubric_path
from assistant.supervision.warnings import WarningKind

EXAMPLE_CLOSED_CASE = DEFAULT_RUBRIC.parent / "example_closed_case.yaml"

supervise_app = typer.Typer(
    help="执法监督：登记案卷、统计分析、关键环节预警（办案期限、送达、公示、法制审核、集体讨论、证件、记录校验）、导出。",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _auditor(ctx: typer.Context, rubric: Path | None) -> FileAuditor:
    components = components_from(ctx)
    return FileAuditor.from_settings(components.settings, components.review_context, rubric)


def _data_for(ctx: typer.Context, target: str) -> object:
    """A case-file path, or the case number of a filed case."""
    path = Path(target)
    if path.suffix.lower() in SUFFIXES or path.exists():
        return read_case_data(path)
    return CaseRegister(settings_from(ctx)).get(target).data


def _print_audit(result: FileAudit) -> None:
    typer.echo(report_markdown(result, date.today()), nl=False)


def audit_file_command(
    ctx: typer.Context,
    target: str | None = typer.Argument(None, help="案卷文件（JSON/YAML），或已登记案卷的案号。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出评查结果。"),
    report: Path | None = typer.Option(None, "--report", help="另存案卷评查表（.docx 或 .md）。"),
    rubric: Path | None = typer.Option(
        None, "--rubric", help="评查标准 YAML（默认 ZHIFA_AUDIT_RUBRIC_PATH 或随项目标准）。"
    ),
    example: bool = typer.Option(False, "--example", help="输出一份已结案、无问题的示例案卷。"),
    show_rubric: bool = typer.Option(False, "--show-rubric", help="输出正在使用的评查标准 YAML。"),
) -> None:
    """Score, 不合格卷 reasons and every deduction with its rule and evidence."""
    if example:
        typer.echo(EXAMPLE_CLOSED_CASE.read_text(encoding="utf-8"), nl=False)
        return
    if show_rubric:
        path = rubric or rubric_path(settings_from(ctx))
        _auditor(ctx, path)  # refuse a rubric whose rules do not resolve
        typer.echo(path.read_text(encoding="utf-8"), nl=False)
        return
    if target is None:
        fail("请提供案卷文件或已登记的案号，或使用 --example 查看示例")
    result = _auditor(ctx, rubric).audit_data(_data_for(ctx, target))
    if report is not None:
        write_report(result, date.today(), report)
    if as_json:
        emit_json(result.as_json())
        return
    _print_audit(result)


def _today(text: str | None) -> date:
    return parse_date_option(text, "检查日期") or date.today()


def _view(
    ctx: typer.Context, today: str | None, within: int | None, kinds: set[WarningKind] | None = None
) -> SupervisionView:
    components = components_from(ctx)
    return build_view(components.settings, components.review_context, _today(today), within, kinds)


@supervise_app.command("file", help="登记（归档）案卷，供统计与预警使用；同一案号再次登记即更新。")
def file_command(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="案卷文件（JSON/YAML），可多个。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    register = CaseRegister(settings_from(ctx))
    filed = [register.file(read_case_data(path)) for path in paths]
    if as_json:
        emit_json([{"case_id": f.case.case_id, "path": str(f.path)} for f in filed])
        return
    for item in filed:
        typer.echo(f"已登记：{item.case.case_id} → {item.path}")


@supervise_app.command(
    "cases", help="列出执法监督所见的全部案件（登记的案卷与全过程记录中的案件）。"
)
def cases_command(
    ctx: typer.Context,
    today: str | None = typer.Option(None, "--today", help="检查日期 YYYY-MM-DD，默认今天。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    view = _view(ctx, today, None)
    if as_json:
        emit_json(
            {
                "cases": [t.as_json() for t in view.timelines],
                "problems": [p.as_json() for p in view.problems],
            }
        )
        return
    for t in view.timelines:
        dates = "，".join(f"{k} {v}" for k, v in t.dates.items() if k in ("立案", "决定", "公示"))
        typer.echo(f"{t.case_id}\t{t.agency or '未载明'}\t{dates or '无日期'}")
    _echo_problems(view)


def _echo_problems(view: SupervisionView) -> None:
    for problem in view.problems:
        typer.echo(f"提示：无法读取登记的案卷 {problem.path.name}：{problem.reason}", err=True)


@supervise_app.command(
    "stats", help="统计：按执法主体、案件类型、立案月份、处理结果、办理状态计数。"
)
def stats_command(
    ctx: typer.Context,
    today: str | None = typer.Option(None, "--today", help="检查日期 YYYY-MM-DD，默认今天。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    view = _view(ctx, today, None)
    if as_json:
        emit_json(view.stats_json())
        return
    typer.echo(f"案件共 {len(view.timelines)} 件（截至 {view.today}）")
    for dimension, counts in view.counts.items():
        typer.echo(f"{dimension}：" + "，".join(f"{k} {n}" for k, n in sorted(counts.items())))
    _echo_problems(view)


@supervise_app.command("warnings", help="关键环节预警：N 日内到期或已逾期的事项，以及缺少的环节。")
def warnings_command(
    ctx: typer.Context,
    within: int | None = typer.Option(
        None,
        "--within",
        min=0,
        max=3650,
        help="提前预警天数（默认 ZHIFA_SUPERVISION_WARNING_DAYS=15）。",
    ),
    today: str | None = typer.Option(None, "--today", help="检查日期 YYYY-MM-DD，默认今天。"),
    kind: list[WarningKind] = typer.Option([], "--kind", help="只看某类预警，可多次给出。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    view = _view(ctx, today, within, set(kind) or None)
    if as_json:
        emit_json(view.warnings_json())
        return
    for w in view.warnings:
        due = (
            f"期限 {w.due}（{'已逾期' if w.overdue else '剩'} {abs(w.days_left)} 日）"
            if w.due and w.days_left is not None
            else "期限 —"
        )
        typer.echo(
            f"【{w.kind.label}】{w.case_id or w.subject or ''}\t{due}\t{w.message}\t依据：{w.rule}"
        )
    typer.echo(
        f"共 {len(view.warnings)} 项预警（{view.within} 日内到期或已逾期，截至 {view.today}）。"
    )
    _echo_problems(view)


@supervise_app.command("export", help="导出统计与预警：CSV、XLSX 与 PNG 统计图。")
def export_command(
    ctx: typer.Context,
    out_dir: Path = typer.Option(..., "--out", help="输出目录。"),
    within: int | None = typer.Option(None, "--within", min=0, max=3650, help="提前预警天数。"),
    today: str | None = typer.Option(None, "--today", help="检查日期 YYYY-MM-DD，默认今天。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出写出的文件。"),
) -> None:
    try:
        written = export_all(_view(ctx, today, within), out_dir)
    except OSError as exc:
        fail(f"无法写入导出文件：{exc}")
    if as_json:
        emit_json(written)
        return
    for key, value in written.items():
        if key != "warnings":
            typer.echo(f"{key}：{value}")
    for warning in written["warnings"]:
        typer.echo(f"提示：{warning}", err=True)

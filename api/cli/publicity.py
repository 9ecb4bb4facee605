"""``zhifa publicity``: deadlines, redaction, public entries, overdue lists, yearly report."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import typer
from pydantic import TypeAdapter, ValidationError

from api.cli.output import components_from, emit_json, fail, parse_date_option, settings_from
from assistant.publicity.annual_report import annual_statistics, write_report
from assistant.publicity.basis_check import CorpusBasisChecker
from assistant.publicity.deadlines import CalendarRangeError, DecisionKind, deadline_for
from assistant.publicity.overdue import overdue_items
from assistant.publicity.public_entry import CaseDecision, public_entry

publicity_app = typer.Typer(
    help="执法公示：公开与撤下期限、个人信息隐去、公示条目、逾期清单、年度数据报告。",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _day(text: str, label: str) -> date:
    parsed = parse_date_option(text, label)
    assert parsed is not None
    return parsed


def _cases(path: Path) -> list[CaseDecision]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data if isinstance(data, list) else [data]
        return TypeAdapter(list[CaseDecision]).validate_python(items)
    except OSError as exc:
        fail(f"无法读取案件文件：{path}（{exc.strerror}）")
    except (ValueError, ValidationError) as exc:
        fail(f"案件文件格式不正确：{path}（{str(exc).splitlines()[0]}）")


@publicity_app.command(
    "deadline", help="计算决定信息的公开期限（工作日，含法定节假日与调休），撤销后计算撤下期限。"
)
def deadline_command(
    ctx: typer.Context,
    decided: str = typer.Option(..., "--decided", help="决定作出日期 YYYY-MM-DD。"),
    kind: DecisionKind = typer.Option(
        ..., "--kind", help="penalty（行政处罚）、permit（行政许可）或 other。"
    ),
    revoked: str | None = typer.Option(
        None, "--revoked", help="收到撤销/变更/确认违法文书的日期。"
    ),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    """due = publication deadline; with --revoked, the withdrawal deadline."""
    settings = settings_from(ctx)
    try:
        deadline = deadline_for(
            _day(decided, "决定日期"),
            kind,
            settings,
            _day(revoked, "撤销日期") if revoked else None,
        )
    except (CalendarRangeError, ValueError) as exc:
        fail(str(exc))
    if as_json:
        emit_json(deadline.as_json())
        return
    typer.echo(
        f"应于 {deadline.publish_due} 前公开（{deadline.publish_days} 个工作日，公示办法第二十一条）"
    )
    if deadline.withdraw_due:
        typer.echo(
            f"应于 {deadline.withdraw_due} 前撤下（{deadline.withdraw_days} 个工作日，第二十四条）"
        )
    for warning in deadline.warnings:
        typer.echo(f"警告：{warning}", err=True)


@publicity_app.command(
    "redact", help="隐去标准输入文本中的自然人姓名、身份证号、电话、住址、银行账号、车牌等。"
)
def redact_command(
    ctx: typer.Context,
    keep: list[str] = typer.Option([], "--keep", help="不隐去的姓名（如执法人员），可多次给出。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出 {text, spans}。"),
) -> None:
    """Read stdin, print the redacted text (or JSON with the spans)."""
    text = sys.stdin.read()
    result = components_from(ctx).redactor.redact(text, frozenset(keep))
    if as_json:
        emit_json({"text": result.text, "spans": result.spans_json()})
    else:
        sys.stdout.write(result.text)


@publicity_app.command(
    "entry", help="由案件 JSON 生成公示条目（信息摘要，已隐去个人信息，依据经语料核验）。"
)
def entry_command(
    ctx: typer.Context,
    case_file: Path = typer.Argument(..., help="案件 JSON 文件（一个案件或案件列表）。"),
) -> None:
    settings = settings_from(ctx)
    cases = _cases(case_file)
    components = components_from(ctx)
    checker = CorpusBasisChecker(components.resolver)
    redactor = components.redactor
    entries = [public_entry(c, redactor, settings, checker) for c in cases]
    emit_json(entries[0] if len(entries) == 1 else entries)


@publicity_app.command("overdue", help="列出逾期未公开、未按时撤下的决定。")
def overdue_command(
    ctx: typer.Context,
    case_file: Path = typer.Option(..., "--in", help="案件 JSON 列表。"),
    today: str | None = typer.Option(None, "--today", help="检查日期，默认今天。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    settings = settings_from(ctx)
    on = _day(today, "检查日期") if today else date.today()
    items = overdue_items(_cases(case_file), on, settings)
    if as_json:
        emit_json({"today": on.isoformat(), "overdue": [i.as_json() for i in items]})
        return
    for item in items:
        typer.echo(
            f"{item.case_no}\t应{item.action}期限 {item.due}\t实际 {item.done or '尚未办理'}"
        )
    typer.echo(f"共 {len(items)} 项逾期。")


@publicity_app.command(
    "report", help="生成年度行政执法数据报告（CSV、XLSX、PNG 图表），应于次年1月31日前公开。"
)
def report_command(
    ctx: typer.Context,
    year: int = typer.Option(..., "--year", help="统计年度。"),
    case_file: Path = typer.Option(..., "--in", help="案件 JSON 列表。"),
    out_dir: Path = typer.Option(Path("."), "--out", help="输出目录。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    settings = settings_from(ctx)
    try:
        written = write_report(annual_statistics(_cases(case_file), year, settings), out_dir)
    except CalendarRangeError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"无法写入报告：{exc}")
    if as_json:
        emit_json(written)
        return
    for key in ("csv", "xlsx", "chart"):
        typer.echo(f"{key}：{written[key]}")
    for warning in written["warnings"]:
        typer.echo(f"提示：{warning}", err=True)

"""``zhifa review``: 法制审核 of a case file — major-decision test, flags, written opinion."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from api.cli.output import components_from, emit_json, fail
from assistant.case_file import EXAMPLE_CASE, load_case
from assistant.review.engine import review
from assistant.review.opinion import opinion_markdown, write_opinion_docx


def review_command(
    ctx: typer.Context,
    case_file: Path | None = typer.Argument(None, help="案卷文件（JSON 或 YAML）。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出审核结果。"),
    opinion: Path | None = typer.Option(
        None, "--opinion", help="另存法制审核意见书（.docx 或 .md）。"
    ),
    example: bool = typer.Option(False, "--example", help="输出一个完整、无问题的示例案卷。"),
) -> None:
    if example:
        typer.echo(EXAMPLE_CASE.read_text(encoding="utf-8"), nl=False)
        return
    if case_file is None:
        fail("请提供案卷文件，或使用 --example 查看示例")
    case = load_case(case_file)
    report = review(case, components_from(ctx).review_context)
    if opinion is not None:
        _write_opinion(report, opinion)
    if as_json:
        emit_json(report.as_json())
        return
    typer.echo(opinion_markdown(report, date.today()), nl=False)


def _write_opinion(report: object, path: Path) -> None:
    if path.suffix.lower() == ".docx":
        write_opinion_docx(report, date.today(), path)
    elif path.suffix.lower() == ".md":
        path.write_text(opinion_markdown(report, date.today()), encoding="utf-8")
    else:
        fail(f"意见书只能保存为 .docx 或 .md：{path}")

"""``zhifa draft``: an enforcement document drafted from a case file (DOCX, text or JSON)."""

from __future__ import annotations

from pathlib import Path

import typer

from api.cli.output import components_from, emit_json, fail
from assistant.drafting.details import load_drafting_input
from assistant.drafting.document_types import DOCUMENT_TYPES, document_type
from assistant.drafting.drafter import Draft
from transcription.record_draft import InterviewDraft, load_draft_json


def _list_types(as_json: bool) -> None:
    if as_json:
        emit_json([{"type": k.name, "aliases": list(k.aliases)} for k in DOCUMENT_TYPES])
        return
    for kind in DOCUMENT_TYPES:
        typer.echo(f"{kind.name}（简称：{'、'.join(kind.aliases)}）")


def _transcript(path: Path | None) -> InterviewDraft | None:
    return None if path is None else load_draft_json(path)


def _write(draft: Draft, out: Path) -> None:
    suffix = out.suffix.lower()
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".docx":
        out.write_bytes(draft.docx)
    elif suffix in (".md", ".txt"):
        out.write_text(draft.markup if suffix == ".md" else draft.text, encoding="utf-8")
    else:
        fail(f"文书只能保存为 .docx、.md 或 .txt：{out}")


def draft_command(
    ctx: typer.Context,
    case_file: Path | None = typer.Argument(
        None, help="案卷文件（JSON 或 YAML，格式见 zhifa review --example）。"
    ),
    kind: str | None = typer.Option(
        None,
        "--type",
        "-t",
        help="文书类型：决定书、告知书、听证告知书、立案审批表……（--list 查看）。",
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="保存为 .docx（或 .md、.txt）。"),
    transcript: Path | None = typer.Option(
        None, "--transcript", help="询问笔录草稿 JSON（zhifa transcribe 生成的 *.笔录.json）。"
    ),
    as_json: bool = typer.Option(
        False, "--json", help="以 JSON 输出：type、text、warnings、citations。"
    ),
    list_types: bool = typer.Option(False, "--list", help="列出支持的文书类型。"),
) -> None:
    if list_types:
        _list_types(as_json)
        return
    if case_file is None or kind is None:
        fail("请提供案卷文件和 --type 文书类型（zhifa draft --list 查看可选类型）")
    doc_type = document_type(kind)
    case, details = load_drafting_input(case_file)
    drafter = components_from(ctx).drafter
    draft = drafter.draft(case, doc_type, details, _transcript(transcript))
    if out is not None:
        _write(draft, out)
    if as_json:
        emit_json(draft.as_json())
        return
    if out is None:
        typer.echo(draft.text, nl=False)
    for warning in draft.warnings:
        typer.echo(f"提示：{warning}", err=True)

"""``zhifa record`` for the whole-process record: add events, attach files, list, export, verify.

Registered on the same ``record_app`` as the audio-record commands. ``record verify``
serves both: an argument ending in ``.audio.json`` is an audio record (SHA-256 of the
recording), anything else is a case number (hash chain of its events).
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from api.cli.output import emit_json, fail, settings_from
from api.cli.transcribe import record_app, verify_command
from assistant.case_record.event_log import CaseRecordStore, EventType
from assistant.case_record.verification import verify_events

AUDIO_RECORD_SUFFIX = ".audio.json"


def _payload(text: str | None, path: Path | None) -> dict[str, object]:
    try:
        raw = path.read_text(encoding="utf-8") if path else text or "{}"
        value = json.loads(raw)
    except OSError as exc:
        fail(f"无法读取记录内容文件：{path}（{exc.strerror}）")
    except ValueError as exc:
        fail(f"记录内容不是合法的 JSON：{exc}")
    if not isinstance(value, dict):
        fail('记录内容应为 JSON 对象，例如 {"摘要": "现场检查"}')
    return value


def _append(
    ctx: typer.Context,
    case: str,
    stage: EventType,
    actor: str,
    time: str | None,
    payload: dict[str, object],
    files: list[Path],
    as_json: bool,
) -> None:
    store = CaseRecordStore(settings_from(ctx))
    event = store.append(case, stage, actor, payload, time, files)
    if as_json:
        emit_json(event.as_json())
        return
    typer.echo(f"已记录：{case} 第{event.seq}条（{event.event_type}，{event.actor}）")
    typer.echo(f"链头哈希（请留存为回执）：{event.event_hash}")


@record_app.command(
    "add-event",
    help="向案件全过程记录追加一条记录（启动、调查取证、审核、决定、送达、执行、公示、撤回）。",
)
def add_event_command(
    ctx: typer.Context,
    case: str = typer.Argument(..., help="案件编号。"),
    stage: EventType = typer.Option(..., "--type", help="执法环节。"),
    actor: str = typer.Option(..., "--actor", help="记录人（执法人员姓名或执法证号）。"),
    time: str | None = typer.Option(None, "--time", help="发生时间（ISO 8601），默认现在。"),
    payload: str | None = typer.Option(None, "--payload", help="记录内容 JSON 对象。"),
    payload_file: Path | None = typer.Option(None, "--payload-file", help="记录内容 JSON 文件。"),
    attach: list[Path] = typer.Option(
        [], "--attach", help="附件（录音、照片、文书），可多次给出。"
    ),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    _append(ctx, case, stage, actor, time, _payload(payload, payload_file), attach, as_json)


@record_app.command("attach", help="为案件登记附件（按 SHA-256 保存），作为一条新记录追加。")
def attach_command(
    ctx: typer.Context,
    case: str = typer.Argument(..., help="案件编号。"),
    files: list[Path] = typer.Argument(..., help="附件文件。"),
    actor: str = typer.Option(..., "--actor", help="记录人。"),
    stage: EventType = typer.Option(EventType.INVESTIGATION, "--type", help="所属执法环节。"),
    note: str = typer.Option("", "--note", help="说明（如证明对象）。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    payload: dict[str, object] = {"说明": note} if note else {}
    _append(ctx, case, stage, actor, None, payload, files, as_json)


@record_app.command("log", help="列出案件的全过程记录。")
def log_command(
    ctx: typer.Context,
    case: str = typer.Argument(..., help="案件编号。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    events = CaseRecordStore(settings_from(ctx)).events(case)
    if as_json:
        emit_json([e.as_json() for e in events])
        return
    if not events:
        typer.echo(f"案件 {case} 没有全过程记录。")
    for e in events:
        files = f"\t附件 {len(e.attachments)} 个" if e.attachments else ""
        typer.echo(
            f"{e.seq}\t{e.occurred_at}\t{e.event_type}\t{e.actor}\t{e.event_hash[:16]}…{files}"
        )


@record_app.command("export", help="导出案件全过程记录（含哈希链与链头哈希）为 JSON，便于归档。")
def export_command(
    ctx: typer.Context,
    case: str = typer.Argument(..., help="案件编号。"),
    out: Path | None = typer.Option(None, "--out", help="输出文件，默认标准输出。"),
) -> None:
    store = CaseRecordStore(settings_from(ctx))
    events = store.events(case)
    if not events:
        fail(f"案件 {case} 没有全过程记录")
    report = verify_events(case, events, store.head(case))
    document = {"verification": report.as_json(), "events": [e.as_json() for e in events]}
    if out is None:
        emit_json(document)
        return
    out.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    typer.echo(f"已导出：{out}")


def _verify_case(ctx: typer.Context, case: str, receipt: str | None, as_json: bool) -> None:
    store = CaseRecordStore(settings_from(ctx))
    report = verify_events(case, store.events(case), store.head(case), receipt)
    if as_json:
        emit_json(report.as_json())
    if not report.ok:
        if as_json:
            raise typer.Exit(1)
        for problem in report.problems:
            typer.echo(f"第{problem.seq}条：{problem.message}（{problem.kind.value}）", err=True)
        fail(f"案件 {case} 的全过程记录未通过校验（{len(report.problems)} 处问题）")
    if not as_json:
        typer.echo(f"案件 {case} 的 {report.event_count} 条记录完整，链头哈希 {report.head_hash}")


@record_app.command(
    "verify",
    help="校验：给出 *.audio.json 时核对录音 SHA-256；给出案件编号时校验全过程记录哈希链与附件。",
)
def verify_dispatch_command(
    ctx: typer.Context,
    target: str = typer.Argument(..., help="音频记录文件（*.audio.json）或案件编号。"),
    audio: Path | None = typer.Option(None, "--audio", help="（音频记录）要核验的录音。"),
    receipt: str | None = typer.Option(None, "--receipt", help="（案件）留存的链头哈希回执。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    if target.endswith(AUDIO_RECORD_SUFFIX):
        verify_command(record=Path(target), audio=audio, as_json=as_json)
        return
    _verify_case(ctx, target, receipt, as_json)

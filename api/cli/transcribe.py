"""``zhifa transcribe`` and ``zhifa record``: recording → transcript → 询问笔录 draft."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from tqdm import tqdm

from api.cli.output import components_from, emit_json, fail, settings_from
from api.components import Components
from transcription.audio_record import (
    AudioRecordError,
    CollectionInfo,
    list_audio_records,
    read_audio_record,
    records_root,
    verify_audio_record,
)
from transcription.case_filing import FiledTranscription, file_with_case
from transcription.pipeline import (
    PipelineConfig,
    ProgressCallback,
    config_from_settings,
    transcribe_file,
)
from transcription.record_draft import (
    DraftError,
    InterviewHeader,
    parse_renames,
    rerender_draft,
)
from transcription.speaker_encoder import SpeakerEncoder, SpeakerEncoderError
from transcription.transcript import TranscriptionResult

record_app = typer.Typer(
    help="执法全过程记录：案件事件哈希链（添加、附件、导出、校验）与音频记录、询问笔录（校验、重新生成、列出）。",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def transcribe_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="录音或视频文件（wav、mp3、m4a、amr、mp4 等）。"),
    case: str | None = typer.Option(
        None, "--case", help="案件编号；给出时生成音频记录和笔录草稿。"
    ),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出转写结果。"),
    collected_at: str = typer.Option("", "--collected-at", help="采集时间。"),
    location: str = typer.Option("", "--location", help="采集地点（也作笔录地点）。"),
    collector: str = typer.Option("", "--collector", help="采集人。"),
    proof: str = typer.Option("", "--proof", help="证明对象。"),
    interviewer: str = typer.Option("", "--interviewer", help="询问人（多人用顿号分隔）。"),
    recorder: str = typer.Option("", "--recorder", help="记录人。"),
    interviewee: str = typer.Option("", "--interviewee", help="被询问人姓名。"),
    header_file: Path | None = typer.Option(
        None, "--header", help="笔录表头 JSON（性别、身份证件号码、住址等字段）。"
    ),
    hotword: list[str] = typer.Option(
        [], "--hotword", help="热词（当事人姓名、法律术语），可多次给出。"
    ),
    allow_truncated: bool = typer.Option(
        False, "--allow-truncated", help="文件被截断时仍转写可解码的部分。"
    ),
    no_cache: bool = typer.Option(False, "--no-cache", help="不使用断点续转缓存。"),
    verbatim: bool | None = typer.Option(
        None, "--verbatim/--no-verbatim", help="逐字记录“嗯、啊、呃”等语气词（默认按站点设置）。"
    ),
) -> None:
    """Transcribe FILE; with --case also write the audio record and the 笔录 draft."""
    if not file.is_file():  # before the model loads: a typo should not cost seconds
        fail(f"找不到音频文件：{file}")
    settings = settings_from(ctx)
    header = _load_header(header_file).__dict__ | _nonempty(
        case_id=case or "",
        time=collected_at,
        location=location,
        interviewers=interviewer,
        recorder=recorder,
        interviewee=interviewee,
    )
    config = config_from_settings(
        settings,
        hotwords=hotword,
        verbatim=verbatim,
        cache_root=settings.data_layout.cache_dir("transcription") if not no_cache else None,
        allow_truncated=allow_truncated,
    )
    result = _run_transcription(components_from(ctx), file, config, as_json)
    filed = None
    if case:
        collection = CollectionInfo(case, collected_at, location, collector, proof)
        try:
            filed = file_with_case(
                result, file, collection, InterviewHeader(**header), records_root(settings)
            )
        except (AudioRecordError, OSError) as exc:
            fail(f"保存案件记录失败：{exc}")
    _report(result, filed, as_json)


def _nonempty(**values: str) -> dict[str, str]:
    return {k: v for k, v in values.items() if v}


def _load_header(path: Path | None) -> InterviewHeader:
    if path is None:
        return InterviewHeader()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        known = InterviewHeader.__dataclass_fields__
        return InterviewHeader(**{k: str(v) for k, v in data.items() if k in known})
    except (OSError, ValueError, AttributeError) as exc:
        fail(f"笔录表头文件无法读取：{path}（{exc}）")


def _run_transcription(
    components: Components, file: Path, config: PipelineConfig, quiet: bool
) -> TranscriptionResult:
    engine = components.transcription_engine
    voices = _load_voices(components)
    with tqdm(total=0.0, unit="秒", desc="转写", disable=quiet or None, leave=False) as bar:
        return transcribe_file(engine, file, config, _progress_updater(bar), voices)


def _load_voices(components: Components) -> SpeakerEncoder | None:
    """The speaker encoder; without one, roles fall back to the question heuristic (warned)."""
    try:
        return components.speaker_encoder
    except SpeakerEncoderError as exc:
        typer.echo(f"警告：{exc} 本次按问句与停顿规则区分询问人与被询问人。", err=True)
        return None


def _progress_updater(bar: tqdm) -> ProgressCallback:
    def update(done: float, total: float) -> None:
        bar.total = round(total, 1)
        bar.n = round(done, 1)
        bar.refresh()

    return update


def _report(result: TranscriptionResult, filed: FiledTranscription | None, as_json: bool) -> None:
    if as_json:
        payload = result.to_json()
        if filed:
            payload["record"] = str(filed.record_path)
            payload["draft"] = {k: str(v) for k, v in filed.draft_paths.items()}
        emit_json(payload)
        return
    if not result.segments:
        typer.echo("（未检测到语音，转写结果为空）")
    for s in result.segments:
        typer.echo(f"[{s.start:7.2f}–{s.end:7.2f}] {s.speaker}：{s.text}")
    typer.echo(
        f"时长 {result.duration_s:.1f} 秒，实时率 {result.rtf:.3f}，模型 {result.model}，"
        f"SHA-256 {result.sha256}"
    )
    if filed:
        typer.echo(f"音频记录：{filed.record_path}")
        for kind, path in filed.draft_paths.items():
            typer.echo(f"笔录草稿（{kind}）：{path}")


def verify_command(
    record: Path = typer.Argument(..., help="音频记录文件（*.audio.json）。"),
    audio: Path | None = typer.Option(None, "--audio", help="要核验的录音（默认为记录中的路径）。"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    """Exit 0 when the audio still matches its record, 1 otherwise."""
    outcome = verify_audio_record(read_audio_record(record), audio)
    if as_json:
        emit_json(
            {
                "ok": outcome.ok,
                "audio": str(outcome.audio_path),
                "expected_sha256": outcome.expected_sha256,
                "actual_sha256": outcome.actual_sha256,
                "message": outcome.message,
            }
        )
    if not outcome.ok:
        fail(outcome.message)
    if not as_json:
        typer.echo(outcome.message)


@record_app.command("render", help="按人工修改后的笔录 JSON 重新生成 Markdown 和 DOCX。")
def render_command(
    draft: Path = typer.Argument(..., help="笔录草稿 JSON（*.笔录.json）。"),
    rename: list[str] = typer.Option(
        [],
        "--rename",
        help="说话人改名“原名=新名”（如 记录人=被询问人、被询问人=王五），可多次给出；改名写回 JSON。",
    ),
) -> None:
    """Re-render the draft after the clerk edited speakers or wording."""
    try:
        paths = rerender_draft(draft, parse_renames(rename))
    except (DraftError, OSError) as exc:
        fail(str(exc))
    for kind, path in paths.items():
        typer.echo(f"{kind}：{path}")


@record_app.command("list", help="列出某案件的全部音频记录。")
def list_command(
    ctx: typer.Context,
    case: str = typer.Option(..., "--case", help="案件编号。"),
) -> None:
    """One line per audio record of the case."""
    paths = list_audio_records(records_root(settings_from(ctx)), case)
    records = [(p, read_audio_record(p)) for p in paths]
    if not records:
        typer.echo(f"案件 {case} 没有音频记录。")
    for path, rec in records:
        typer.echo(f"{rec.file_name}\t{rec.duration_s:.1f} 秒\t{rec.sha256[:16]}…\t{path}")

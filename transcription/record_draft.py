"""询问笔录 draft: header, rights notice, Q/A body with time ranges, signature lines.

The draft is kept as an editable JSON document (header + turns): the clerk fixes
speaker roles or wording there and re-renders, so the DOCX and Markdown never drift
from the JSON. Every Q/A line carries the time range it came from in the recording,
so a reviewer can check it against the audio.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from io import BytesIO
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from corpus.errors import ErrorKind, ZhifaError
from transcription.atomic_files import write_bytes_atomic, write_json_atomic
from transcription.turns import INTERVIEWEE, INTERVIEWER, Turn

DRAFT_FORMAT = 1
BLANK = "＿＿＿＿＿＿"
DRAFT_NOTICE = (
    "（本笔录为语音自动转写草稿，须经询问人核对录音、被询问人阅看确认并签名后方可作为正式笔录。）"
)
_SPEAKER_PREFIX = {INTERVIEWER: "问", INTERVIEWEE: "答"}


class DraftError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_transcript"):
    """The turns JSON cannot be read; the message is Chinese for end users."""


@dataclass(frozen=True)
class InterviewHeader:
    """The 笔录 header fields; empty ones render as blanks for handwriting."""

    case_id: str = ""
    agency: str = ""
    case_cause: str = ""
    time: str = ""
    location: str = ""
    interviewers: str = ""
    credential_numbers: str = ""
    recorder: str = ""
    interviewee: str = ""
    gender: str = ""
    age: str = ""
    id_number: str = ""
    workplace: str = ""
    address: str = ""
    phone: str = ""
    relation: str = ""


@dataclass(frozen=True)
class AudioSource:
    """Which recording the draft was transcribed from."""

    file_name: str = ""
    sha256: str = ""
    duration_s: float = 0.0
    record_path: str = ""


@dataclass(frozen=True)
class DraftTurn:
    """One editable line of the body: speaker, time range, text."""

    speaker: str
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class InterviewDraft:
    """The whole editable draft; the JSON of this is what the clerk corrects."""

    header: InterviewHeader
    turns: list[DraftTurn]
    audio: AudioSource = field(default_factory=AudioSource)
    format: int = DRAFT_FORMAT


def draft_from_turns(
    header: InterviewHeader, turns: list[Turn], audio: AudioSource
) -> InterviewDraft:
    """A draft from the transcript's turns (roles from the voices or the heuristic)."""
    body = [DraftTurn(t.speaker, round(t.start, 2), round(t.end, 2), t.text) for t in turns]
    return InterviewDraft(header=header, turns=body, audio=audio)


def save_draft_json(draft: InterviewDraft, path: Path) -> Path:
    """Write the editable JSON atomically."""
    return write_json_atomic(path, asdict(draft))


def load_draft_json(path: Path) -> InterviewDraft:
    """Read a (possibly hand-edited) draft JSON, tolerating unknown extra keys."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return InterviewDraft(
            header=_build(InterviewHeader, data.get("header", {})),
            turns=[_build(DraftTurn, t) for t in data["turns"]],
            audio=_build(AudioSource, data.get("audio", {})),
        )
    except FileNotFoundError as exc:
        raise DraftError(f"找不到笔录文件：{path}") from exc
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise DraftError(f"笔录 JSON 格式错误：{path}（{exc}）") from exc


def _build(cls: type, data: dict[str, Any]) -> Any:
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in known})


def format_timestamp(seconds: float) -> str:
    """``HH:MM:SS`` of a position in the recording."""
    total = int(round(seconds))
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def time_range(turn: DraftTurn) -> str:
    """``[HH:MM:SS–HH:MM:SS]`` shown after each body line."""
    return f"[{format_timestamp(turn.start)}–{format_timestamp(turn.end)}]"


def speaker_prefix(speaker: str) -> str:
    """问 / 答 for the two roles; any other role (翻译人员 …) is written out."""
    return _SPEAKER_PREFIX.get(speaker, speaker)


def header_lines(h: InterviewHeader) -> list[str]:
    """The header block, one labelled line each."""

    def v(value: str) -> str:
        return value or BLANK

    return [
        f"案件编号：{v(h.case_id)}　　案由：{v(h.case_cause)}",
        f"时间：{v(h.time)}",
        f"地点：{v(h.location)}",
        f"询问人：{v(h.interviewers)}　　执法证号：{v(h.credential_numbers)}",
        f"记录人：{v(h.recorder)}",
        f"被询问人：{v(h.interviewee)}　　性别：{v(h.gender)}　　年龄：{v(h.age)}",
        f"身份证件号码：{v(h.id_number)}　　联系电话：{v(h.phone)}",
        f"工作单位及职务：{v(h.workplace)}",
        f"住址：{v(h.address)}",
        f"与本案关系：{v(h.relation)}",
    ]


def rights_notice(h: InterviewHeader) -> str:
    """The notice read out before questioning (行政处罚法 第七条、第四十三条、第五十五条)."""
    agency = h.agency or BLANK
    officers = h.interviewers or BLANK
    cause = h.case_cause or BLANK
    return (
        f"我们是{agency}的执法人员{officers}，现向你出示执法证件。"
        f"我们依法就{cause}一案进行调查询问。根据《中华人民共和国行政处罚法》，"
        "你享有陈述权、申辩权（第七条）；认为执法人员与本案有直接利害关系或者有其他关系"
        "可能影响公正执法的，有权申请回避（第四十三条）；你应当如实回答询问，协助调查，"
        "不得拒绝或者阻挠（第五十五条）。你是否听清楚？是否申请回避？"
    )


def signature_lines() -> list[str]:
    """Where the interviewee confirms and everyone signs."""
    return [
        f"被询问人核对意见：{BLANK}{BLANK}",
        f"被询问人签名（捺印）：{BLANK}　　　　年　　月　　日",
        f"询问人签名：{BLANK}　　　　年　　月　　日",
        f"记录人签名：{BLANK}　　　　年　　月　　日",
    ]


def source_line(audio: AudioSource) -> str:
    """Which file (and which exact bytes) the body was transcribed from."""
    if not audio.file_name:
        return ""
    return (
        f"录音文件：{audio.file_name}　时长：{format_timestamp(audio.duration_s)}　"
        f"SHA-256：{audio.sha256}"
    )


def body_line(turn: DraftTurn) -> str:
    """``问：…… [00:00:01–00:00:05]``."""
    return f"{speaker_prefix(turn.speaker)}：{turn.text}　{time_range(turn)}"


def _title(h: InterviewHeader) -> str:
    return f"{h.agency}询问笔录" if h.agency else "询问笔录"


def render_markdown(draft: InterviewDraft) -> str:
    """The draft as Markdown."""
    h = draft.header
    parts = [f"# {_title(h)}", "", DRAFT_NOTICE, ""]
    parts += [f"{line}  " for line in header_lines(h)]
    if source := source_line(draft.audio):
        parts += [f"{source}  "]
    parts += ["", "## 告知", "", f"问：{rights_notice(h)}", "", "## 询问内容", ""]
    parts += [f"{body_line(turn)}\n" for turn in draft.turns]
    parts += ["（以下空白）", "", "## 签名", ""]
    parts += [f"{line}  " for line in signature_lines()]
    return "\n".join(parts) + "\n"


def render_docx(draft: InterviewDraft, path: Path) -> Path:
    """The draft as a DOCX (python-docx), written atomically."""
    document = Document()
    _set_chinese_font(document)
    h = draft.header
    title = document.add_heading(_title(h), level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _gray(document.add_paragraph().add_run(DRAFT_NOTICE))
    for line in header_lines(h) + ([source_line(draft.audio)] if draft.audio.file_name else []):
        document.add_paragraph(line)
    document.add_heading("告知", level=2)
    document.add_paragraph(f"问：{rights_notice(h)}")
    document.add_heading("询问内容", level=2)
    for turn in draft.turns:
        paragraph = document.add_paragraph(f"{speaker_prefix(turn.speaker)}：{turn.text}")
        _gray(paragraph.add_run(f"　{time_range(turn)}"))
    document.add_paragraph("（以下空白）")
    document.add_heading("签名", level=2)
    for line in signature_lines():
        document.add_paragraph(line)
    return _save_docx(document, path)


def _set_chinese_font(document: Any) -> None:
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia", "宋体"
    )


def _gray(run: Any) -> None:
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)


def _save_docx(document: Any, path: Path) -> Path:
    buffer = BytesIO()
    document.save(buffer)
    return write_bytes_atomic(path, buffer.getvalue())


def write_draft_files(draft: InterviewDraft, stem: Path) -> dict[str, Path]:
    """Write ``<stem>.笔录.json`` (editable), ``.md`` and ``.docx``; return their paths."""
    json_path = save_draft_json(draft, stem.with_name(f"{stem.name}.笔录.json"))
    md_path = write_bytes_atomic(
        stem.with_name(f"{stem.name}.笔录.md"), render_markdown(draft).encode("utf-8")
    )
    docx_path = render_docx(draft, stem.with_name(f"{stem.name}.笔录.docx"))
    return {"json": json_path, "markdown": md_path, "docx": docx_path}


def draft_stem(json_path: Path) -> Path:
    """``x/name.笔录.json`` → ``x/name`` (where the sibling .md and .docx go)."""
    name = json_path.name.removesuffix(".json").removesuffix(".笔录")
    return json_path.with_name(name)


def rename_speakers(draft: InterviewDraft, renames: dict[str, str]) -> InterviewDraft:
    """Every turn of speaker ``old`` given to ``new`` (a role: 被询问人, or a name).

    Renaming a voice to an existing role merges them: the fix when the voice model
    heard one person as two.
    """
    present = {t.speaker for t in draft.turns}
    unknown = [old for old in renames if old not in present]
    if unknown:
        raise DraftError(
            f"笔录中没有说话人：{'、'.join(unknown)}（现有：{'、'.join(sorted(present))}）"
        )
    if any(not new.strip() for new in renames.values()):
        raise DraftError("新的说话人名称不能为空")
    turns = [replace(t, speaker=renames.get(t.speaker, t.speaker).strip()) for t in draft.turns]
    return replace(draft, turns=turns)


def parse_renames(pairs: list[str]) -> dict[str, str]:
    """``旧=新`` strings → mapping; a clear error for any other form."""
    renames: dict[str, str] = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise DraftError(f"说话人改名格式应为“原名=新名”：{pair}")
        renames[old.strip()] = new.strip()
    return renames


def rerender_draft(json_path: Path, renames: dict[str, str] | None = None) -> dict[str, Path]:
    """Re-render Markdown and DOCX after the clerk edited the JSON (or renamed speakers)."""
    draft = load_draft_json(json_path)
    if renames:
        draft = rename_speakers(draft, renames)
        save_draft_json(draft, json_path)
    stem = draft_stem(json_path)
    md_path = write_bytes_atomic(
        stem.with_name(f"{stem.name}.笔录.md"), render_markdown(draft).encode("utf-8")
    )
    docx_path = render_docx(draft, stem.with_name(f"{stem.name}.笔录.docx"))
    return {"json": json_path, "markdown": md_path, "docx": docx_path}

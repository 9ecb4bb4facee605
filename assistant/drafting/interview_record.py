"""询问笔录 from the transcription draft (``*.笔录.json``): the clerk-corrected turns, reused.

The body lines, rights notice and source line come from transcription/record_draft,
so the drafted 笔录 says exactly what ``zhifa transcribe`` / ``record render`` say;
header fields the recording did not capture are taken from the case file.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from assistant.case_file import CaseFile, Event
from assistant.drafting.missing import MissingLog, present
from transcription.record_draft import (
    DRAFT_NOTICE,
    AudioSource,
    DraftError,
    DraftTurn,
    InterviewDraft,
    InterviewHeader,
    body_line,
    rights_notice,
    source_line,
)

NO_TRANSCRIPT = "询问内容（可用 zhifa transcribe 生成笔录草稿，再以 --transcript 载入）"


def _known(cls: type, data: Any) -> Any:
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__} 应为对象")
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def interview_draft_from_data(data: object) -> InterviewDraft:
    """A draft posted as JSON (the same shape ``record_draft.save_draft_json`` writes)."""
    try:
        if not isinstance(data, dict):
            raise TypeError("笔录应为对象")
        return InterviewDraft(
            header=_known(InterviewHeader, data.get("header", {})),
            turns=[_known(DraftTurn, t) for t in data["turns"]],
            audio=_known(AudioSource, data.get("audio", {})),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DraftError(f"笔录 JSON 格式错误（{exc}）") from exc


def _with_case_header(
    header: InterviewHeader, case: CaseFile, event: Event | None
) -> InterviewHeader:
    """Header blanks the recording left, filled from the case file."""
    names = event.officers if event else []
    officers = [case.officer(n) for n in names]
    numbers = "、".join(o.certificate_no for o in officers if o and o.certificate_no)
    return replace(
        header,
        case_id=header.case_id or case.case_id,
        agency=header.agency or case.agency.name,
        case_cause=header.case_cause or case.title,
        interviewers=header.interviewers or "、".join(names),
        credential_numbers=header.credential_numbers or numbers,
    )


def interview_section(
    case: CaseFile, event: Event | None, draft: InterviewDraft | None, log: MissingLog
) -> dict[str, object]:
    """The ``interview`` context: header fields, rights notice and Q/A lines."""
    header = _with_case_header(draft.header if draft else InterviewHeader(), case, event)
    section: dict[str, object] = {
        name: present(getattr(header, name), label, log) for name, label in _HEADER_LABELS.items()
    }
    section["rights_notice"] = rights_notice(header)
    if draft is None:
        section["lines"] = present([], NO_TRANSCRIPT, log)
        section["source"] = ""
        section["notice"] = ""
        return section
    section["lines"] = present([body_line(t) for t in draft.turns], "询问内容", log)
    section["source"] = source_line(draft.audio)
    section["notice"] = DRAFT_NOTICE
    return section


_HEADER_LABELS = {
    "case_id": "案件编号",
    "case_cause": "案由",
    "time": "询问时间",
    "location": "询问地点",
    "interviewers": "询问人",
    "credential_numbers": "询问人执法证号",
    "recorder": "记录人",
    "interviewee": "被询问人",
    "gender": "被询问人性别",
    "age": "被询问人年龄",
    "id_number": "被询问人身份证件号码",
    "workplace": "被询问人工作单位及职务",
    "address": "被询问人住址",
    "phone": "被询问人联系电话",
    "relation": "被询问人与本案关系",
    "agency": "行政机关名称",
}

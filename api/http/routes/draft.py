"""文书生成 over HTTP: a case file and a document type in, a DOCX (or its text as JSON) out.

Officers and reviewers (and admins). The drafter is the process's shared one
(``api.components.Components.drafter``), the same ``zhifa draft`` uses.
"""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.components import Components
from api.http.auth import AnyUser
from api.http.errors import ApiError, ErrorBody
from assistant.case_file import CaseFileError
from assistant.drafting.details import parse_drafting_input
from assistant.drafting.document_types import UnknownDocumentType, document_type
from assistant.drafting.interview_record import interview_draft_from_data
from transcription.record_draft import DraftError

router = APIRouter(tags=["文书生成"])
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 422, 503)
}


class DraftIn(BaseModel):
    type: str = Field(..., description="文书类型（全称或简称：决定书、告知书、听证告知书……）")
    case_file: dict[str, Any] = Field(
        ..., description="案卷（格式见 zhifa review --example；可另含 drafting 段）"
    )
    transcript: dict[str, Any] | None = Field(
        default=None, description="询问笔录草稿 JSON（仅询问笔录使用）"
    )


class CitationOut(BaseModel):
    citation: str
    law: str
    version: str
    unit_id: str
    role: str


class DraftOut(BaseModel):
    type: str
    text: str
    warnings: list[str]
    citations: list[CitationOut]


def _content_disposition(name: str) -> str:
    return f"attachment; filename=draft.docx; filename*=UTF-8''{quote(name + '.docx')}"


@router.post(
    "/draft",
    summary="文书生成：按案卷起草执法文书（默认下载 DOCX；format=json 返回文本、待补充提示与引用）",
    responses={**_ERRORS, 200: {"content": {DOCX_MEDIA_TYPE: {}}, "model": DraftOut}},
    response_model=None,
)
def draft_document(
    request: Request,
    _: AnyUser,
    body: DraftIn = Body(...),
    format: Literal["docx", "json"] = Query("docx", description="docx 下载文件；json 返回文本"),
) -> Response | DraftOut:
    try:
        kind = document_type(body.type)
        case, details = parse_drafting_input(body.case_file)
        transcript = (
            interview_draft_from_data(body.transcript) if body.transcript is not None else None
        )
    except UnknownDocumentType as exc:
        raise ApiError(422, "unknown_document_type", str(exc), field="body.type") from exc
    except CaseFileError as exc:
        raise ApiError(422, "invalid_case_file", str(exc), field="body.case_file") from exc
    except DraftError as exc:
        raise ApiError(422, "invalid_transcript", str(exc), field="body.transcript") from exc
    components: Components = request.app.state.components
    draft = components.drafter.draft(case, kind, details, transcript)
    if format == "json":
        return DraftOut(**draft.as_json())
    return Response(
        content=draft.docx,
        media_type=DOCX_MEDIA_TYPE,
        headers={
            "Content-Disposition": _content_disposition(f"{case.case_id}-{kind.name}"),
            "X-Zhifa-Warnings": str(len(draft.warnings)),
        },
    )

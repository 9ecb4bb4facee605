"""文书生成 over HTTP: a case file and a document type in, a DOCX (or its text as JSON) out.

Officers and reviewers (and admins). The drafter is the process's shared one
(``api.components.Components.drafter``), the same ``zhifa draft`` uses.
"""

from __future__ import annotations

import json
from typing import Any, Literal
from urllib.parse import quote

import yaml
from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.components import Components
from api.http.auth import AnyUser
from api.http.errors import ApiError, ErrorBody
from assistant.case_file import EXAMPLE_CASE, CaseFileError, read_case_data, rejoin_thousands
from assistant.drafting.details import parse_drafting_input
from assistant.drafting.document_types import (
    DOCUMENT_TYPES,
    UnknownDocumentType,
    document_type,
)
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
    markup: str = Field(
        default="",
        description="带行标记的文本（# 标题、## 小标题、^ 居中、> 右对齐），供网页预览版式",
    )


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


class CaseFileText(BaseModel):
    text: str = Field(..., max_length=1_000_000, description="案卷文件内容（YAML 或 JSON）")


@router.get("/draft/types", summary="可起草的文书类型（全称与简称）", responses=_ERRORS)
def draft_types(_: AnyUser) -> list[dict[str, object]]:
    return [{"type": k.name, "aliases": list(k.aliases)} for k in DOCUMENT_TYPES]


@router.get(
    "/draft/example", summary="一个完整的示例案卷（JSON），供起草文书时参照", responses=_ERRORS
)
def draft_example(_: AnyUser) -> dict[str, Any]:
    return _json_safe(read_case_data(EXAMPLE_CASE))


@router.post(
    "/draft/case-file",
    summary="读取上传的案卷文件（YAML 或 JSON 文本）为 JSON，指出格式错误所在行",
    responses=_ERRORS,
)
def read_case_file(_: AnyUser, body: CaseFileText) -> dict[str, Any]:
    try:
        data = rejoin_thousands(yaml.safe_load(body.text))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"：第{mark.line + 1}行" if mark else ""
        raise ApiError(
            422, "invalid_case_file", f"案卷文件不是有效的 YAML 或 JSON{where}", "body.text"
        ) from exc
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_case_file", "案卷文件的顶层应为对象（键值对）", "body.text")
    return _json_safe(data)


def _json_safe(data: dict[str, Any]) -> dict[str, Any]:
    """YAML dates → ISO strings, as the case-file parser accepts them back."""
    return json.loads(json.dumps(data, ensure_ascii=False, default=str))

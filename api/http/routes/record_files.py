"""Whole-process record files over HTTP: the case list, attachments (hashed on arrival) and
the archival export with its verification.

The same ``CaseRecordStore`` calls ``zhifa record attach|export`` make. An attachment
keeps the name the officer uploaded (its SHA-256 names the stored copy); the upload's
server-side temp name never reaches the record.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.http.auth import AnyUser
from api.http.errors import ApiError, ErrorBody
from api.http.routes.records import CaseNo
from api.http.uploads import (
    AUDIO_TYPES,
    STATUTE_TYPES,
    UploadPolicy,
    multipart_upload_schema,
    receive_upload,
)
from assistant.case_record.event_log import CaseRecordError, CaseRecordStore, EventType
from assistant.case_record.verification import verify_events

router = APIRouter(prefix="/records", tags=["全过程记录"])
ATTACHMENT_MAX_BYTES = 200 * 1024 * 1024
MAX_NAME_BYTES = 200
ATTACHMENT_TYPES = {
    **AUDIO_TYPES,
    **STATUTE_TYPES,
    ".jpg": lambda head: head[:3] == b"\xff\xd8\xff",
    ".jpeg": lambda head: head[:3] == b"\xff\xd8\xff",
    ".png": lambda head: head[:8] == b"\x89PNG\r\n\x1a\n",
}
"""Photos, recordings and videos, documents (PDF, DOCX, text)."""
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 404, 413, 415, 422)
}
_ATTACH_BODY = multipart_upload_schema(
    type={"type": "string", "enum": [t.value for t in EventType]},
    note={"type": "string", "description": "说明（如证明对象）"},
)


def _store(request: Request) -> CaseRecordStore:
    return request.app.state.components.case_records


@router.get("", summary="有全过程记录的案件（编号、记录数、链头哈希）", responses=_ERRORS)
def cases(request: Request, _: AnyUser) -> list[dict[str, object]]:
    return [
        {"case": case, "events": count, "head_hash": head}
        for case, count, head in _store(request).cases()
    ]


def _stage(value: str) -> EventType:
    try:
        return EventType(value.strip() or EventType.INVESTIGATION.value)
    except ValueError as exc:
        names = "、".join(e.value for e in EventType)
        raise ApiError(422, "invalid_request", f"执法环节应为：{names}", "type") from exc


def _append_named(
    store: CaseRecordStore,
    case_no: str,
    stage: EventType,
    actor: str,
    note: str,
    upload: Path,
    name: str,
) -> dict[str, object]:
    """Append the upload under the officer's file name (a private temp folder holds it)."""
    safe = name if name not in {".", ".."} else "attachment" + upload.suffix
    if len(safe.encode("utf-8")) > MAX_NAME_BYTES:  # file systems stop at 255 bytes
        suffix = Path(safe).suffix[:16]
        safe = (
            safe.encode("utf-8")[: MAX_NAME_BYTES - len(suffix) - 4].decode("utf-8", "ignore")
            + suffix
        )
    with tempfile.TemporaryDirectory(dir=upload.parent) as folder:
        named = Path(folder) / safe
        shutil.move(upload, named)
        payload: dict[str, object] = {"说明": note} if note else {}
        return store.append(case_no, stage, actor, payload, None, [named]).as_json()


@router.post(
    "/{case_no}/attachments",
    summary="上传附件（照片、录音录像、文书），按 SHA-256 保存并作为一条新记录追加",
    openapi_extra=_ATTACH_BODY,
    responses=_ERRORS,
)
async def attach(request: Request, user: AnyUser, case_no: str = CaseNo) -> dict[str, object]:
    policy = UploadPolicy(ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, "附件")
    folder = request.app.state.settings.data_layout.uploads_dir("attachments")
    folder.mkdir(parents=True, exist_ok=True)
    upload = await receive_upload(request, policy, folder)
    try:
        stage = _stage(upload.fields.get("type", ""))
        note = upload.fields.get("note", "").strip()
        return await run_in_threadpool(
            _append_named,
            _store(request),
            case_no,
            stage,
            user.name,
            note,
            upload.path,
            upload.display_name,
        )
    except CaseRecordError as exc:
        raise ApiError(422, "invalid_event", str(exc)) from exc
    finally:
        upload.path.unlink(missing_ok=True)


@router.get(
    "/{case_no}/export",
    summary="导出全过程记录（JSON：全部记录、哈希链、链头哈希与校验结果），用于归档",
    responses=_ERRORS,
)
def export(request: Request, _: AnyUser, case_no: str = CaseNo) -> Response:
    store = _store(request)
    events = store.events(case_no)
    if not events:
        raise ApiError(404, "not_found", f"没有案件 {case_no} 的记录")
    report = verify_events(case_no, events, store.head(case_no))
    document = {"verification": report.as_json(), "events": [e.as_json() for e in events]}
    name = quote(f"{case_no}-全过程记录.json")
    return Response(
        json.dumps(document, ensure_ascii=False, indent=2),
        media_type="application/json",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"},
    )

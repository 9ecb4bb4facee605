"""The whole-process record over HTTP: append events, read a case's chain, verify it.

Append-only by construction: there is no endpoint that edits or deletes an event.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, Field

from api.http.auth import AnyUser
from api.http.errors import ApiError, ErrorBody
from assistant.case_record.event_log import CaseRecordError, CaseRecordStore, EventType
from assistant.case_record.verification import verify_events
from corpus.field_types import OccurredAt

router = APIRouter(prefix="/records", tags=["全过程记录"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 404, 422)
}
CaseNo = Path(min_length=1, max_length=100, description="案件编号")


class EventIn(BaseModel):
    type: EventType = Field(description="启动、调查取证、审核、决定、送达、执行、公示、撤回")
    payload: dict[str, Any] = Field(default_factory=dict, description="事件内容（不可再修改）")
    occurred_at: OccurredAt | None = Field(
        default=None, description="发生时间（ISO 8601 日期或时间），默认当前时间"
    )


def _store(request: Request) -> CaseRecordStore:
    return request.app.state.components.case_records


@router.post(
    "/{case_no}/events", summary="追加一个事件（哈希链，记录人为当前用户）", responses=_ERRORS
)
def append_event(
    request: Request, user: AnyUser, body: EventIn, case_no: str = CaseNo
) -> dict[str, object]:
    try:
        event = _store(request).append(
            case_no, body.type, user.name, body.payload, body.occurred_at
        )
    except CaseRecordError as exc:
        raise ApiError(422, "invalid_event", str(exc)) from exc
    return event.as_json()


@router.get("/{case_no}", summary="一个案件的全部事件（按顺序）", responses=_ERRORS)
def case_log(request: Request, _: AnyUser, case_no: str = CaseNo) -> list[dict[str, object]]:
    events = _store(request).events(case_no)
    if not events:
        raise ApiError(404, "not_found", f"没有案件 {case_no} 的记录")
    return [event.as_json() for event in events]


@router.get(
    "/{case_no}/verify",
    summary="校验哈希链：编辑、删除、重排、插入、附件替换均可发现",
    responses=_ERRORS,
)
def verify(request: Request, _: AnyUser, case_no: str = CaseNo) -> dict[str, object]:
    store = _store(request)
    return verify_events(case_no, store.events(case_no), store.head(case_no)).as_json()

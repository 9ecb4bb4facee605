"""Publicity over HTTP: deadlines in working days and redaction of personal data.

The publicity platform of a province calls these before it publishes a decision;
the LAC model behind redaction loads once per process, on first use
(``api.components.Components.redactor``).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from api.components import Components
from api.http.auth import AnyUser
from api.http.errors import ApiError, ErrorBody
from assistant.publicity.deadlines import CalendarRangeError, DecisionKind, deadline_for
from corpus.field_types import BoundedDate

router = APIRouter(prefix="/publicity", tags=["执法公示"])
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (401, 403, 422)}


class DeadlineRequest(BaseModel):
    decided: BoundedDate = Field(description="决定日期")
    kind: DecisionKind = Field(description="penalty（处罚）| permit（许可）| other（其他）")
    revoked: BoundedDate | None = Field(default=None, description="收到撤销/变更文书的日期")


class RedactRequest(BaseModel):
    text: str = Field(max_length=200_000, description="待公开的文本")
    keep: list[str] = Field(
        default_factory=list, max_length=50, description="不隐去的姓名（如执法人员）"
    )


class RedactResponse(BaseModel):
    text: str
    spans: list[dict[str, Any]]


@router.post(
    "/deadline", summary="公开期限与撤下期限（工作日，含法定节假日与调休）", responses=_ERRORS
)
def deadline(request: Request, _: AnyUser, body: DeadlineRequest) -> dict[str, object]:
    try:
        result = deadline_for(body.decided, body.kind, request.app.state.settings, body.revoked)
    except (CalendarRangeError, ValueError) as exc:
        raise ApiError(422, "invalid_dates", str(exc)) from exc
    return result.as_json()


@router.post(
    "/redact",
    response_model=RedactResponse,
    summary="隐去自然人个人信息（保留法人名称与统一社会信用代码）",
    responses=_ERRORS,
)
def redact(request: Request, _: AnyUser, body: RedactRequest) -> RedactResponse:
    components: Components = request.app.state.components
    result = components.redactor.redact(body.text, frozenset(body.keep))
    return RedactResponse(text=result.text, spans=result.spans_json())

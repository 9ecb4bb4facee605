"""The audit log over HTTP, for admins only."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from api.audit_writer import BackgroundAuditLog
from api.http.auth import Admin
from api.http.errors import ErrorBody

router = APIRouter(tags=["审计"])
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (401, 403, 422)}


class AuditEntryOut(BaseModel):
    time: datetime
    user: str | None
    role: str | None
    method: str
    path: str
    status: int
    outcome: str
    client_ip: str | None
    duration_ms: float


@router.get(
    "/audit",
    response_model=list[AuditEntryOut],
    summary="最近的审计记录（管理员）",
    responses=_ERRORS,
)
async def audit_tail(
    request: Request,
    _: Admin,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    user: Annotated[str | None, Query(max_length=64)] = None,
) -> list[AuditEntryOut]:
    audit: BackgroundAuditLog = request.app.state.audit
    entries = await run_in_threadpool(audit.tail, limit, user)
    return [AuditEntryOut(**e.__dict__) for e in entries]

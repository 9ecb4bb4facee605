"""ASGI middleware writing one audit row per request, whatever its outcome.

A plain ASGI wrapper (not BaseHTTPMiddleware) so upload bodies stream through
untouched; the authenticated principal is read from the request state that the
auth dependency fills in. Each entry is committed by ``BackgroundAuditLog``'s writer
(group commit) before the request's handling ends.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.audit_log import AuditEntry, outcome_of
from api.audit_writer import BackgroundAuditLog

PRINCIPAL_KEY = "principal"


class RequestAuditMiddleware:
    """Time each HTTP request and append (who, what, when, outcome) to the audit log."""

    def __init__(self, app: ASGIApp, audit: BackgroundAuditLog) -> None:
        self.app = app
        self.audit = audit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state: dict[str, Any] = scope.setdefault("state", {})
        status = {"code": 500}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            entry = _entry(scope, state, status["code"], time.perf_counter() - started)
            done = self.audit.submit(entry)
            if done is None:  # writer behind: wait for room off the loop
                await run_in_threadpool(self.audit.append, entry)
            else:  # committed (with whatever queued meanwhile) before the request ends
                await asyncio.wrap_future(done)


def _entry(scope: Scope, state: dict[str, Any], status: int, seconds: float) -> AuditEntry:
    principal = state.get(PRINCIPAL_KEY)
    client = scope.get("client")
    return AuditEntry(
        time=datetime.now(UTC),
        user=getattr(principal, "name", None),
        role=getattr(getattr(principal, "role", None), "value", None),
        method=scope.get("method", ""),
        path=scope.get("path", "")[:300],
        status=status,
        outcome=outcome_of(status),
        client_ip=client[0] if client else None,
        duration_ms=round(seconds * 1000, 2),
    )

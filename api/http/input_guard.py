"""Refuse hostile input before any route sees it: one check for every endpoint.

Python's JSON parser accepts what nothing downstream can handle: ``"\\ud800"`` (a lone
surrogate: UTF-8 encoding fails when it is stored or echoed), ``Infinity``/``NaN``
(numeral conversion and arithmetic blow up) and integers of any size (SQLite stops at
2**63-1). Control characters cannot go into DOCX/XML and, in a path or a name, hide
what is really stored ("adm1\\n" shows as "adm1"). JSON bodies are also capped, and the
cap is checked on the declared length before reading. Each refusal is a 4xx with a
stable code and a Chinese message naming the field; field-specific ranges (dates,
amounts) are the models' bounded types (``corpus.field_types``).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.http.errors import error_response
from corpus.field_types import SQL_INT_MAX, text_problem

_PATH_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class InputRefused(Exception):
    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field


def _reject_constant(name: str) -> float:
    raise InputRefused(422, "invalid_number", f"请求参数无效：不支持 {name}，数值应为有限数")


def _walk(value: Any, where: str) -> Iterator[tuple[str, Any]]:
    yield where, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{where}.{key}", str(key)
            yield from _walk(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{where}.{index}")


def check_json_body(raw: bytes) -> None:
    """Raise InputRefused for lone surrogates, control characters, non-finite or huge numbers.

    Malformed JSON is left to FastAPI (422 ``json_invalid``)."""
    try:
        data = json.loads(raw, parse_constant=_reject_constant)
    except (ValueError, RecursionError):
        return
    for where, value in _walk(data, "body"):
        if isinstance(value, str):
            problem = text_problem(value, single_line=False)
            if problem:
                raise InputRefused(422, "invalid_text", f"请求参数无效：{where}{problem}", where)
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int) and abs(value) > SQL_INT_MAX:
            raise InputRefused(422, "number_out_of_range", f"请求参数无效：{where}数值过大", where)
        elif isinstance(value, float) and not math.isfinite(value):
            raise InputRefused(422, "invalid_number", f"请求参数无效：{where}应为有限数", where)


def check_path_and_query(scope: Scope) -> None:
    """No control characters in a path (ids, case numbers) or a query value."""
    if _PATH_CONTROL.search(scope.get("path", "")):
        raise InputRefused(422, "invalid_text", "请求路径含有控制字符", "path")
    query = scope.get("query_string", b"").decode("latin-1")
    for key, value in parse_qsl(query, keep_blank_values=True, errors="surrogateescape"):
        problem = text_problem(key + value, single_line=False)
        if problem:
            raise InputRefused(422, "invalid_text", f"查询参数 {key}{problem}", f"query.{key}")


class InputGuardMiddleware:
    """Pure ASGI: JSON bodies are buffered (capped), checked, then replayed to the app."""

    def __init__(self, app: ASGIApp, max_json_bytes: int) -> None:
        self.app = app
        self.max_json_bytes = max_json_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            check_path_and_query(scope)
            if not _is_json(scope):
                await self.app(scope, receive, send)
                return
            body = await self._read_json_body(scope, receive)
            check_json_body(body)
        except InputRefused as refused:
            await _refuse(refused, scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read_json_body(self, scope: Scope, receive: Receive) -> bytes:
        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_json_bytes:
            raise _too_large(self.max_json_bytes)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise InputRefused(400, "bad_request", "请求未发送完整")
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_json_bytes:
                raise _too_large(self.max_json_bytes)
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)


def _too_large(limit: int) -> InputRefused:
    return InputRefused(413, "body_too_large", f"请求内容超过大小限制（最大 {limit // 1024} KB）")


def _is_json(scope: Scope) -> bool:
    content_type = dict(scope.get("headers", [])).get(b"content-type", b"").lower()
    return scope.get("method") in ("POST", "PUT", "PATCH") and b"json" in content_type


def _replay(body: bytes, receive: Receive) -> Receive:
    """The buffered body once, then the client's own channel (for disconnect notices)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse(refused: InputRefused, scope: Scope, receive: Receive, send: Send) -> None:
    """The error body; a refused body that was not read closes the connection."""
    headers = {"Connection": "close"} if refused.status == 413 else None
    response = error_response(refused.status, refused.code, refused.message, refused.field, headers)
    await response(scope, receive, send)

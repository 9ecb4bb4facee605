"""One error shape for the whole service: ``{"code", "message"[, "field"]}``.

Clients branch on the stable English ``code``; people read the Chinese ``message``.
No handler ever returns a stack trace or an exception's text from library code
that was not written for end users.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from corpus.errors import ErrorKind, ZhifaError

log = logging.getLogger("zhifa.api")

_STATUS_CODES: dict[int, tuple[str, str]] = {
    400: ("bad_request", "请求格式错误"),
    401: ("unauthenticated", "未登录或令牌无效，请提供有效的访问令牌"),
    403: ("forbidden", "当前角色无权执行此操作"),
    404: ("not_found", "请求的资源不存在"),
    405: ("method_not_allowed", "不支持该请求方法"),
    406: ("not_acceptable", "无法提供所请求的格式"),
    408: ("request_timeout", "请求发送超时"),
    413: ("upload_too_large", "上传内容超过大小限制"),
    415: ("unsupported_media_type", "不支持的文件类型"),
    422: ("invalid_request", "请求参数无效"),
    429: ("too_many_requests", "请求过于频繁，请稍后再试"),
    503: ("unavailable", "服务暂不可用，请稍后再试"),
}

UNREAD_BODY_STATUSES = (408, 413, 415)
"""Refusals sent before the body was read: the connection is closed, not drained."""

KIND_STATUS: dict[ErrorKind, int] = {
    ErrorKind.NOT_FOUND: 404,
    ErrorKind.INVALID: 422,
    ErrorKind.UNAVAILABLE: 503,
    ErrorKind.CONFLICT: 409,
    ErrorKind.FORBIDDEN: 403,
}
"""The one place a domain error's kind becomes an HTTP status."""

_VALIDATION_MESSAGES: dict[str, str] = {
    "missing": "缺少必填项",
    "string_too_short": "内容过短",
    "string_too_long": "内容过长",
    "string_type": "应为文本",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD",
    "date_parsing": "日期格式应为 YYYY-MM-DD",
    "date_type": "日期格式应为 YYYY-MM-DD",
    "greater_than_equal": "数值过小",
    "greater_than": "数值过小",
    "less_than_equal": "数值过大",
    "less_than": "数值过大",
    "literal_error": "取值不在允许范围内",
    "enum": "取值不在允许范围内",
    "json_invalid": "JSON 格式错误",
    "model_attributes_type": "应为 JSON 对象",
    "dict_type": "应为 JSON 对象",
    "list_type": "应为列表",
    "extra_forbidden": "不允许的字段",
    "value_error": "取值无效",
    "string_pattern_mismatch": "格式不正确",
    "finite_number": "应为有限数值",
    "int_from_float": "应为整数",
}


class ErrorBody(BaseModel):
    """The JSON body of every error response (documented in the OpenAPI schema)."""

    code: str
    message: str
    field: str | None = None


class ApiError(Exception):
    """An error with a stable code and a Chinese message, returned as JSON."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field


def error_response(
    status: int,
    code: str,
    message: str,
    field: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """The one place an error body is built."""
    body = ErrorBody(code=code, message=message, field=field)
    return JSONResponse(
        status_code=status, content=body.model_dump(exclude_none=True), headers=headers
    )


def _field_name(location: tuple[Any, ...]) -> str:
    """``("query", "q")`` → ``query.q``; the body prefix is kept so clients know where."""
    return ".".join(str(part) for part in location)


def _validation_message(error: dict[str, Any]) -> str:
    reason = _VALIDATION_MESSAGES.get(error.get("type", ""), "取值无效")
    if error.get("type") == "value_error" and "error" in error.get("ctx", {}):
        reason = str(error["ctx"]["error"])  # the bounded types (corpus.field_types) say why
    return f"请求参数无效：{_field_name(tuple(error.get('loc', ())))}（{reason}）"


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers for our errors, domain errors, HTTP errors, validation, the rest."""

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        if exc.status in UNREAD_BODY_STATUSES:
            headers = {"Connection": "close"}
        return error_response(exc.status, exc.code, exc.message, exc.field, headers)

    @app.exception_handler(ZhifaError)
    async def domain_error(_: Request, exc: ZhifaError) -> JSONResponse:
        return error_response(KIND_STATUS[exc.kind], exc.error_code, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        first = errors[0] if errors else {}
        return error_response(
            422, "invalid_request", _validation_message(first), _field_name(first.get("loc", ()))
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _STATUS_CODES.get(exc.status_code, ("http_error", "请求无法完成"))
        return error_response(exc.status_code, code, message, headers=exc.headers)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error: %s", type(exc).__name__, exc_info=exc)
        return error_response(500, "internal_error", "服务器内部错误，请联系管理员")

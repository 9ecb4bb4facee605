"""Who am I, and user management for admins (add users, issue and revoke tokens)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from api.http.auth import Admin, AnyUser
from api.http.errors import ApiError, ErrorBody
from api.users import ROLE_LABELS, Role, UserError, UserInfo, UserStore
from corpus.field_types import RowId

router = APIRouter(tags=["用户与令牌"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 404, 409, 422)
}


class MeOut(BaseModel):
    name: str
    role: Role
    role_label: str


class UserOut(BaseModel):
    name: str
    role: Role
    created: datetime
    active_tokens: int
    last_used: datetime | None


class NewUser(BaseModel):
    name: str = Field(..., min_length=1, max_length=64, description="用户名")
    role: Role = Field(..., description="officer（执法人员）、reviewer（法制审核）、admin")


class TokenOut(BaseModel):
    user: str
    token_id: int
    token: str = Field(..., description="只显示这一次；服务器只保存其 SHA-256")


class RevokeRequest(BaseModel):
    token_id: RowId | None = Field(None, description="不填则吊销该用户全部令牌")


class RevokeOut(BaseModel):
    user: str
    revoked: int


def _users(request: Request) -> UserStore:
    return request.app.state.users


def _user_out(info: UserInfo) -> UserOut:
    return UserOut(**info.__dict__)


def _user_error(exc: UserError) -> ApiError:
    message = str(exc)
    if message.startswith("用户不存在"):
        return ApiError(404, "user_not_found", message)
    if message.startswith("用户已存在"):
        return ApiError(409, "user_exists", message)
    return ApiError(422, "invalid_request", message, "body.name")


@router.get("/me", response_model=MeOut, summary="当前令牌对应的用户与角色", responses=_ERRORS)
def me(principal: AnyUser) -> MeOut:
    return MeOut(name=principal.name, role=principal.role, role_label=ROLE_LABELS[principal.role])


@router.get("/users", response_model=list[UserOut], summary="用户列表（管理员）", responses=_ERRORS)
async def list_users(request: Request, _: Admin) -> list[UserOut]:
    return [_user_out(u) for u in await run_in_threadpool(_users(request).list_users)]


@router.post(
    "/users",
    response_model=UserOut,
    status_code=201,
    summary="新增用户（管理员）",
    responses=_ERRORS,
)
async def add_user(request: Request, body: NewUser, _: Admin) -> UserOut:
    try:
        info = await run_in_threadpool(_users(request).add_user, body.name, body.role)
    except UserError as exc:
        raise _user_error(exc) from exc
    return _user_out(info)


@router.post(
    "/users/{name}/tokens",
    response_model=TokenOut,
    status_code=201,
    summary="为用户签发新令牌（管理员；令牌只显示一次）",
    responses=_ERRORS,
)
async def issue_token(request: Request, name: str, _: Admin) -> TokenOut:
    try:
        issued = await run_in_threadpool(_users(request).issue_token, name)
    except UserError as exc:
        raise _user_error(exc) from exc
    return TokenOut(user=issued.user, token_id=issued.token_id, token=issued.token)


@router.post(
    "/users/{name}/revoke",
    response_model=RevokeOut,
    summary="吊销用户的令牌（管理员）",
    responses=_ERRORS,
)
async def revoke(request: Request, name: str, body: RevokeRequest, _: Admin) -> RevokeOut:
    try:
        count = await run_in_threadpool(_users(request).revoke, name, body.token_id)
    except UserError as exc:
        raise _user_error(exc) from exc
    return RevokeOut(user=name, revoked=count)

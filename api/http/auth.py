"""Bearer-token authentication and role rules as FastAPI dependencies.

No token or an unknown/revoked one is 401 (``unauthenticated``); a valid token
whose role may not do the thing is 403 (``forbidden``). Admins may do everything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from api.http.errors import ApiError
from api.http.request_audit import PRINCIPAL_KEY
from api.users import ROLE_LABELS, Principal, Role, UserStore

bearer_scheme = HTTPBearer(auto_error=False, description="访问令牌（zhifa user token 生成）")


async def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> Principal:
    """The caller behind the Bearer token; also recorded for the audit log."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, "unauthenticated", "未登录：请在 Authorization 头中提供 Bearer 令牌")
    users: UserStore = request.app.state.users
    principal = users.remembered(credentials.credentials) or await run_in_threadpool(
        users.authenticate, credentials.credentials
    )
    if principal is None:
        raise ApiError(401, "unauthenticated", "令牌无效或已被吊销，请重新获取令牌")
    setattr(request.state, PRINCIPAL_KEY, principal)
    return principal


def require_roles(*roles: Role) -> Callable[..., object]:
    """A dependency allowing ``roles`` (and always admins)."""
    allowed = {*roles, Role.ADMIN}
    labels = "、".join(ROLE_LABELS[r] for r in Role if r in allowed)

    async def dependency(
        principal: Annotated[Principal, Depends(current_principal)],
    ) -> Principal:
        if principal.role not in allowed:
            raise ApiError(403, "forbidden", f"无权执行此操作：仅限{labels}")
        return principal

    return dependency


AnyUser = Annotated[Principal, Depends(require_roles(Role.OFFICER, Role.REVIEWER))]
"""Any signed-in user (officer, reviewer, admin)."""
Officer = Annotated[Principal, Depends(require_roles(Role.OFFICER))]
"""Officers and admins: case work such as transcribing interviews."""
Reviewer = Annotated[Principal, Depends(require_roles(Role.REVIEWER))]
"""Reviewers and admins: 法制审核."""
Admin = Annotated[Principal, Depends(require_roles())]
"""Admins only: corpus import, users, audit log."""

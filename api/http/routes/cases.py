"""Similar-case search over HTTP: facts in, redacted cases with their reasons out.

The case search is the process's shared one (``api.components.Components.case_search``),
the same ``zhifa cases search`` and the assistant use.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from api.components import Components
from api.http.auth import AnyUser
from api.http.errors import ErrorBody

router = APIRouter(prefix="/cases", tags=["类案"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 422, 503)
}


@router.get(
    "/search", summary="类案检索：相似案例及匹配原因（当事人信息已脱敏）", responses=_ERRORS
)
def search_cases(
    request: Request,
    _: AnyUser,
    q: Annotated[str, Query(min_length=2, max_length=2000, description="案情描述")],
    k: Annotated[int, Query(ge=1, le=20, description="返回条数")] = 5,
    law: Annotated[
        list[str] | None, Query(max_length=10, description="只看引用该法律的案例")
    ] = None,
) -> list[dict[str, Any]]:
    components: Components = request.app.state.components
    search = components.case_search
    mode = (
        "hybrid" if search.index.dense is not None and search.index.embedder is not None else "bm25"
    )
    with components.query_lock:
        found = search.search(q, k=k, laws=law or [], mode=mode)
    return [case.to_json() for case in found]

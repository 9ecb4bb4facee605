"""Similar-case search over HTTP: facts in, redacted cases with their reasons out."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from api.http.auth import AnyUser
from api.http.errors import ApiError, ErrorBody
from api.http.routes.publicity import RedactorHolder
from api.http.routes.search import SearchIndexHolder
from assistant.cases.case_index import CaseIndexError
from assistant.cases.display import CaseDisplay
from assistant.cases.similar_cases import SimilarCaseSearch, open_similar_case_search
from corpus.settings import Settings
from models.manifest import ModelMismatchError

router = APIRouter(prefix="/cases", tags=["类案"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 422, 503)
}


class CaseSearchHolder:
    """The case index and store (``app.state.cases``), opened on first use."""

    def __init__(
        self, settings: Settings, search: SearchIndexHolder, redactor: RedactorHolder
    ) -> None:
        self.settings, self.search, self.redactor = settings, search, redactor
        self._search: SimilarCaseSearch | None = None
        self._lock = threading.Lock()

    def get(self) -> SimilarCaseSearch:
        with self._lock:
            if self._search is None:
                self._search = self._open()
            return self._search

    def _open(self) -> SimilarCaseSearch:
        try:
            embedder = self.search.get().embedder
        except ApiError:
            embedder = None
        try:
            display = CaseDisplay(self.redactor.get())
            return open_similar_case_search(self.settings, embedder, display)
        except (CaseIndexError, ModelMismatchError) as exc:
            raise ApiError(
                503, "case_index_missing", f"案例索引不可用（{exc}），请管理员运行 zhifa cases init"
            ) from exc


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
    holder: CaseSearchHolder = request.app.state.cases
    search = holder.get()
    mode = (
        "hybrid" if search.index.dense is not None and search.index.embedder is not None else "bm25"
    )
    with holder.search.query_lock:
        found = search.search(q, k=k, laws=law or [], mode=mode)
    return [case.to_json() for case in found]

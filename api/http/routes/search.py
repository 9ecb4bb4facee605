"""Hybrid statute search over HTTP (BM25 + vectors, the index ``zhifa index build`` writes).

The index is the process's shared one (``api.components.Components.statute_index``):
opened on the first query after it appears, queries one at a time because the
embedding model is not known to be thread-safe. No index → 503 ``index_missing``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from api.components import Components
from api.http.auth import AnyUser
from api.http.errors import ErrorBody
from corpus.field_types import BoundedDate
from corpus.law_names import short_name
from indexing.filters import SearchFilter

router = APIRouter(tags=["法规"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 422, 503)
}
Mode = Literal["hybrid", "bm25", "dense"]


class SearchHitOut(BaseModel):
    law: str
    title: str
    version: str
    article: int
    article_suffix: int
    citation: str
    headings: list[str]
    text: str
    scores: dict[str, float | None]


class SearchResponse(BaseModel):
    query: str
    mode: Mode
    on_date: date | None
    hits: list[SearchHitOut]


@router.get(
    "/search",
    response_model=SearchResponse,
    summary="混合检索法条（BM25 + 向量），默认只检索今天有效的版本",
    responses=_ERRORS,
)
def search(
    request: Request,
    _: AnyUser,
    q: Annotated[str, Query(min_length=1, max_length=500, description="检索内容")],
    on: Annotated[
        BoundedDate | None, Query(alias="date", description="只检索该日有效的版本")
    ] = None,
    law: Annotated[list[str] | None, Query(max_length=20, description="限定法规，可重复")] = None,
    k: Annotated[int, Query(ge=1, le=50, description="返回条数")] = 10,
    mode: Annotated[Mode, Query(description="检索方式")] = "hybrid",
    all_versions: Annotated[bool, Query(description="检索所有版本（忽略日期）")] = False,
    law_aware: Annotated[
        bool, Query(description="识别问题点名或暗示的法律、偏重罚则条文并加字二元组检索")
    ] = False,
) -> SearchResponse:
    components: Components = request.app.state.components
    opened = components.statute_index()
    if not opened.has_dense:
        mode = "bm25"
    query_filter = SearchFilter(
        laws=frozenset(short_name(name) for name in law or [] if name.strip()),
        on_date=None if all_versions else (on or date.today()),
    )
    retriever = components.law_aware_retriever() if law_aware else components.statute_search()
    # no route lock: the index's query embedder already runs one model call at a time and
    # batches concurrent queries (models/query_embedding.py); BM25 and FAISS only read
    hits = retriever.retrieve(q, k, query_filter, mode=mode)
    return SearchResponse(
        query=q,
        mode=mode,
        on_date=query_filter.on_date,
        hits=[
            SearchHitOut(
                law=h.law,
                title=h.title,
                version=h.version,
                article=h.number,
                article_suffix=h.suffix,
                citation=h.citation,
                headings=list(h.headings),
                text=h.text,
                scores=h.scores,
            )
            for h in hits
        ],
    )

"""Hybrid statute search over HTTP (BM25 + vectors, the index ``zhifa index build`` writes).

The index is loaded once (at startup when present, else on the first query after it
appears) and shared; queries run one at a time because the embedding model is not
known to be thread-safe. No index → 503 ``index_missing`` with a Chinese message.
"""

from __future__ import annotations

import contextlib
import threading
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel

from api.http.auth import AnyUser
from api.http.errors import ApiError, ErrorBody
from corpus.law_names import short_name
from corpus.settings import Settings
from indexing.filters import SearchFilter
from indexing.hybrid_index import HybridIndex, IndexConfig, IndexError_, read_manifest
from indexing.storage import index_dir_for, recover
from models.embedder import EmbedderError, embedder_from_settings
from models.manifest import ModelMismatchError

router = APIRouter(tags=["法规"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 422, 503)
}
Mode = Literal["hybrid", "bm25", "dense"]


class SearchIndexHolder:
    """The loaded index (``app.state.search``); loading errors become 503s."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._index: HybridIndex | None = None
        self._load_lock = threading.Lock()
        self.query_lock = threading.Lock()

    def warm(self) -> None:
        """Load now if the index exists (called at startup), never raise."""
        with contextlib.suppress(ApiError):
            self.get()

    def get(self) -> HybridIndex:
        with self._load_lock:
            if self._index is None:
                self._index = self._load()
            return self._index

    def _load(self) -> HybridIndex:
        folder = recover(index_dir_for(self.settings))
        if not (folder / "manifest.json").is_file():
            raise ApiError(
                503, "index_missing", "检索索引尚未建立，请管理员运行 zhifa index build 后重试"
            )
        try:
            has_dense = read_manifest(folder)["model"] is not None
            embedder = embedder_from_settings(self.settings) if has_dense else None
            index = HybridIndex.load(folder, embedder)
        except (EmbedderError, IndexError_, ModelMismatchError, OSError, ValueError) as exc:
            raise ApiError(503, "index_unavailable", f"检索索引无法加载：{exc}") from exc
        index.config = index.config.with_query_params(IndexConfig.from_settings(self.settings))
        return index


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
    on: Annotated[date | None, Query(alias="date", description="只检索该日有效的版本")] = None,
    law: Annotated[list[str] | None, Query(max_length=20, description="限定法规，可重复")] = None,
    k: Annotated[int, Query(ge=1, le=50, description="返回条数")] = 10,
    mode: Annotated[Mode, Query(description="检索方式")] = "hybrid",
    all_versions: Annotated[bool, Query(description="检索所有版本（忽略日期）")] = False,
) -> SearchResponse:
    holder: SearchIndexHolder = request.app.state.search
    index = holder.get()
    if index.dense is None:
        mode = "bm25"
    query_filter = SearchFilter(
        laws=frozenset(short_name(name) for name in law or [] if name.strip()),
        on_date=None if all_versions else (on or date.today()),
    )
    try:
        with holder.query_lock:
            hits = index.retrieve(q, k, query_filter, mode=mode)
    except IndexError_ as exc:
        raise ApiError(503, "index_unavailable", str(exc)) from exc
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

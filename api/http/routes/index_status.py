"""``GET /api/ready``: is search up, and how far the background vector build has got.

BM25 answers over every unit from the start; ``vectors`` says how many units are
embedded (``with_vector``; the cache runs ahead of the index between two swaps), how
many already take part in hybrid retrieval (``searchable_with_vector``), at what rate
the rest are being embedded and when the build should finish (the web page shows
"向量 37 % · 预计 …").
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from api.components import Components
from api.http.auth import AnyUser
from api.http.errors import ErrorBody
from corpus.errors import ZhifaError
from indexing.vector_progress import read_progress

router = APIRouter(tags=["运维"])
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (401, 403)}


class IndexStatusOut(BaseModel):
    units: int
    with_vector: int
    searchable_with_vector: int
    percent: float
    mode: str
    build_state: str
    units_per_second: float
    eta_seconds: float | None
    summary: str


class ReadinessOut(BaseModel):
    ready: bool
    laws: int
    articles: int
    search_index: bool
    vectors: IndexStatusOut | None


def index_status(components: Components) -> IndexStatusOut | None:
    """The live index's vector coverage plus the build's rate and ETA; None without an index."""
    try:
        opened = components.statute_index()
    except ZhifaError:
        return None
    index = opened.index
    progress = read_progress(components.settings.data_layout.vector_progress)
    progress.total = len(index.units)
    if progress.state != "running" or progress.with_vector < index.dense_units:
        progress.with_vector = index.dense_units  # between swaps the cache runs ahead
    if index.dense_units >= progress.total:
        progress.state, progress.with_vector = "done", progress.total
    return IndexStatusOut(
        units=progress.total,
        with_vector=progress.with_vector,
        searchable_with_vector=index.dense_units,
        percent=progress.percent,
        mode=opened.mode,
        build_state=progress.state,
        units_per_second=progress.units_per_second,
        eta_seconds=progress.eta_seconds if progress.state == "running" else None,
        summary=progress.describe(),
    )


@router.get(
    "/ready",
    response_model=ReadinessOut,
    summary="就绪检查：语料、检索索引与后台向量构建进度",
    responses=_ERRORS,
)
def readiness(request: Request, _: AnyUser) -> JSONResponse:
    components: Components = request.app.state.components
    stats = components.store.stats()
    status = index_status(components)
    body = ReadinessOut(
        ready=stats["articles"] > 0 and status is not None,
        laws=stats["laws"],
        articles=stats["articles"],
        search_index=status is not None,
        vectors=status,
    )
    return JSONResponse(status_code=200 if body.ready else 503, content=body.model_dump())

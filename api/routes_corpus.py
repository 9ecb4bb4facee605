"""HTTP endpoints of the statute base: citation lookup and law versions."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from corpus.citation_resolver import CitationError, CitationResolver, ResolvedCitation

corpus_router = APIRouter(tags=["法规"])


class CitationOut(BaseModel):
    law: str
    version: date
    article: int
    article_suffix: int
    paragraph: int | None
    item: int | None
    citation: str
    text: str
    unit_id: str
    warnings: list[str]


class CitationErrorOut(BaseModel):
    code: str
    message: str


class CiteResponse(BaseModel):
    results: list[CitationOut]
    errors: list[CitationErrorOut]


def _out(resolved: ResolvedCitation) -> CitationOut:
    return CitationOut(**resolved.as_json())


@corpus_router.get(
    "/cite", response_model=CiteResponse, summary="解析法条引用并返回该日有效版本的条文"
)
def cite(
    request: Request,
    q: str = Query(..., min_length=1, max_length=500, description="法条引用文本"),
    on: date | None = Query(None, alias="date", description="行为发生日期，默认今天"),
    law: str | None = Query(None, max_length=100, description="“本法”所指的法律"),
) -> JSONResponse | CiteResponse:
    results = CitationResolver(request.app.state.store).resolve_text(q, on, law)
    response = CiteResponse(
        results=[_out(r) for r in results if isinstance(r, ResolvedCitation)],
        errors=[
            CitationErrorOut(code=e.code.value, message=e.message)
            for e in results
            if isinstance(e, CitationError)
        ],
    )
    if not response.results:
        return JSONResponse(status_code=404, content=response.model_dump(mode="json"))
    return response

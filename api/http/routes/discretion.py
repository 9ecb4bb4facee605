"""Discretion standards (裁量基准) over HTTP: search, show, evaluate facts, coverage.

The same catalogue and decision rules as ``zhifa discretion``: the process's shared
catalogue (``api.components.Components.standards``), loaded on first use.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from api.components import Components
from api.http.auth import AnyUser
from api.http.errors import ApiError, ErrorBody
from assistant.discretion.catalogue import StandardsCatalogue
from assistant.discretion.conditions import CaseFacts
from assistant.discretion.coverage import coverage_report
from assistant.discretion.model import Violation
from assistant.discretion.tier_decision import Decision, decide
from corpus.numerals import parse_number

router = APIRouter(prefix="/discretion", tags=["裁量基准"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 404, 422, 503)
}
Source = Literal["jiangmen", "guangdong"]


class ViolationSummary(BaseModel):
    id: str
    source: str
    title: str
    category: str
    mode: str
    legal_basis: list[str]
    score: float


class EvaluateRequest(BaseModel):
    """The violation and the facts the officer established."""

    violation_id: str = Field(..., min_length=1, max_length=40, description="如 JM-2-5、GD-1.1")
    facts: CaseFacts = Field(default_factory=CaseFacts)


class CoverageOut(BaseModel):
    source: str
    violations: int
    rows_total: int
    rows_parsed: int
    fraction: float
    unparsed: list[dict[str, str]]


def _catalogue(request: Request) -> StandardsCatalogue:
    components: Components = request.app.state.components
    return components.standards


def _summary(violation: Violation, score: float) -> ViolationSummary:
    return ViolationSummary(
        id=violation.id,
        source=violation.source,
        title=violation.title,
        category=violation.category,
        mode=violation.mode,
        legal_basis=[b.raw for b in violation.legal_basis],
        score=round(score, 3),
    )


def _article_number(text: str) -> int:
    try:
        return parse_number(re.sub(r"^第|条$", "", text.strip()))
    except (ValueError, KeyError, IndexError) as exc:
        raise ApiError(422, "invalid_request", f"无法识别的条号：{text}", "query.article") from exc


@router.get(
    "/search",
    response_model=list[ViolationSummary],
    summary="按违法行为描述或“法律+条号”检索裁量基准",
    responses=_ERRORS,
)
def search(
    request: Request,
    _: AnyUser,
    q: Annotated[str, Query(max_length=200, description="违法行为描述")] = "",
    law: Annotated[str | None, Query(max_length=100, description="法律名称")] = None,
    article: Annotated[str | None, Query(max_length=20, description="条号，如 83")] = None,
    source: Annotated[Source | None, Query(description="裁量基准来源")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[ViolationSummary]:
    catalogue = _catalogue(request)
    if law and article:
        found = catalogue.search_article(law, _article_number(article), source=source)
        return [_summary(v, 1.0) for v in found[:limit]]
    if q.strip():
        return [_summary(h.violation, h.score) for h in catalogue.search_text(q, limit, source)]
    raise ApiError(
        422, "invalid_request", "请提供违法行为描述 q，或同时提供 law 与 article", "query.q"
    )


@router.get(
    "/violations/{violation_id}",
    response_model=Violation,
    summary="一个违法行为的全部档次或裁量要素",
    responses=_ERRORS,
)
def show(request: Request, violation_id: str, _: AnyUser) -> Violation:
    violation = _catalogue(request).get(violation_id)
    if violation is None:
        raise ApiError(404, "violation_not_found", f"没有编号为 {violation_id} 的违法行为")
    return violation


@router.post(
    "/evaluate",
    response_model=Decision,
    summary="根据案件事实计算档次、罚款幅度、决定因素和免罚情形",
    responses=_ERRORS,
)
def evaluate(request: Request, body: EvaluateRequest, _: AnyUser) -> Decision:
    catalogue = _catalogue(request)
    violation = catalogue.get(body.violation_id)
    if violation is None:
        raise ApiError(404, "violation_not_found", f"没有编号为 {body.violation_id} 的违法行为")
    return decide(violation, body.facts, catalogue.exemptions)


@router.get(
    "/coverage",
    response_model=list[CoverageOut],
    summary="各裁量基准解析为数字的比例与未解析的行",
    responses=_ERRORS,
)
def coverage(request: Request, _: AnyUser) -> list[CoverageOut]:
    report = coverage_report(_catalogue(request).model)
    return [
        CoverageOut(
            source=item.source,
            violations=item.violations,
            rows_total=item.rows_total,
            rows_parsed=item.rows_parsed,
            fraction=round(item.fraction, 4),
            unparsed=[row.model_dump() for row in item.unparsed],
        )
        for item in report
    ]

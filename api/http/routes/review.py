"""法制审核 over HTTP: a case file in, the major-decision test and flags by review point out.

Reviewers (and admins) only; the review context (corpus, norm graphs, standards,
catalogue, criminal case base when indexed) is the process's shared one
(``api.components.Components.review_context``), the same ``zhifa review`` uses.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi import APIRouter, Body, Request
from pydantic import BaseModel

from api.components import Components
from api.http.auth import Reviewer
from api.http.errors import ErrorBody
from assistant.case_file import EXAMPLE_CASE, parse_case, read_case_data
from assistant.review.engine import review
from assistant.review.opinion import conclusion, opinion_markdown

router = APIRouter(tags=["法制审核"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 422, 503)
}


class FlagOut(BaseModel):
    point: str
    severity: str
    reason: str
    rule: str
    also_cites: list[str] = []  # the 刑法 article / 司法解释 line beside ``rule``, each resolved
    evidence: str


class ReviewOut(BaseModel):
    case_id: str
    major: bool
    major_reasons: list[str]
    flags: list[FlagOut]
    conclusion: str
    opinion: str


@router.get("/review/example", summary="一个完整、无问题的示例案卷（JSON）", responses=_ERRORS)
def example_case(_: Reviewer) -> dict[str, Any]:
    data = read_case_data(EXAMPLE_CASE)
    return json.loads(json.dumps(data, ensure_ascii=False, default=str))


@router.post(
    "/review",
    response_model=ReviewOut,
    summary="法制审核：重大执法决定判断与逐项审核要点",
    responses=_ERRORS,
)
def review_case(
    request: Request,
    _: Reviewer,
    case_file: dict[str, Any] = Body(..., description="案卷（格式见 zhifa review --example）"),
) -> ReviewOut:
    case = parse_case(case_file)
    components: Components = request.app.state.components
    report = review(case, components.review_context)
    return ReviewOut(
        **report.as_json(),
        conclusion=conclusion(report),
        opinion=opinion_markdown(report, date.today()),
    )

"""法制审核 over HTTP: a case file in, the major-decision test and flags by review point out.

Reviewers (and admins) only; the review context (corpus, norm graphs, standards,
catalogue, criminal case base when indexed) is built once per app.
"""

from __future__ import annotations

import json
import threading
from datetime import date
from typing import Any

from fastapi import APIRouter, Body, Request
from pydantic import BaseModel

from api.http.auth import Reviewer
from api.http.errors import ApiError, ErrorBody
from assistant.cases.case_index import CaseIndexError
from assistant.cases.similar_cases import open_similar_case_search
from assistant.review.case_file import EXAMPLE_CASE, CaseFileError, parse_case, read_case_data
from assistant.review.context import ReviewContext
from assistant.review.engine import review
from assistant.review.major_decision import CatalogueError
from assistant.review.opinion import conclusion, opinion_markdown
from corpus.settings import Settings
from corpus.store import CorpusStore
from models.manifest import ModelMismatchError

router = APIRouter(tags=["法制审核"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 422, 503)
}


class ReviewContextHolder:
    """The review context (``app.state.review``), built on first use."""

    def __init__(self, settings: Settings, store: CorpusStore) -> None:
        self.settings, self.store = settings, store
        self._context: ReviewContext | None = None
        self._lock = threading.Lock()

    def get(self) -> ReviewContext:
        with self._lock:
            if self._context is None:
                self._context = self._build()
            return self._context

    def _build(self) -> ReviewContext:
        try:
            cases = open_similar_case_search(self.settings, None)
        except (CaseIndexError, ModelMismatchError):
            cases = None  # supporting evidence only: transfer flags rest on thresholds
        try:
            return ReviewContext.build(self.settings, self.store, cases)
        except CatalogueError as exc:
            raise ApiError(503, "review_catalogue_invalid", str(exc)) from exc


class FlagOut(BaseModel):
    point: str
    severity: str
    reason: str
    rule: str
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
    try:
        case = parse_case(case_file)
    except CaseFileError as exc:
        raise ApiError(422, "invalid_case_file", str(exc)) from exc
    holder: ReviewContextHolder = request.app.state.review
    report = review(case, holder.get())
    return ReviewOut(
        **report.as_json(),
        conclusion=conclusion(report),
        opinion=opinion_markdown(report, date.today()),
    )

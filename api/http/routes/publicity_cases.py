"""Publicity work on decided cases over HTTP: public entries, the overdue list, the yearly
report, and the working-day calendar behind a deadline.

Thin doors onto ``assistant.publicity`` (the same functions ``zhifa publicity`` calls);
any signed-in user, like the deadline and redaction endpoints.
"""

from __future__ import annotations

import base64
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.http.auth import AnyUser
from api.http.errors import ApiError, ErrorBody
from api.http.routes.corpus import resolver
from assistant.publicity.annual_report import annual_statistics, write_report
from assistant.publicity.basis_check import CorpusBasisChecker
from assistant.publicity.deadlines import CalendarRangeError
from assistant.publicity.overdue import overdue_items
from assistant.publicity.public_entry import CaseDecision, public_entry
from assistant.publicity.working_calendar import calendar_days
from corpus.field_types import BoundedDate

router = APIRouter(prefix="/publicity", tags=["执法公示"])
_ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody} for code in (401, 403, 422)}
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class OverdueIn(BaseModel):
    cases: list[CaseDecision] = Field(max_length=20000, description="已作出的决定")
    today: BoundedDate | None = Field(default=None, description="检查日期，默认今天")


class ReportIn(BaseModel):
    year: int = Field(ge=2004, le=2100, description="统计年度")
    cases: list[CaseDecision] = Field(max_length=20000, description="已作出的决定")


def _calendar_error(exc: ValueError) -> ApiError:
    return ApiError(422, "invalid_dates", str(exc))


def _check_dates(cases: list[CaseDecision], field: str) -> None:
    """Name the decision whose revocation predates it, before any deadline is computed."""
    for number, case in enumerate(cases):
        if case.revoked is not None and case.revoked < case.decided:
            raise ApiError(
                422,
                "invalid_dates",
                f"{case.case_no}：撤销/变更文书收到日期 {case.revoked} 早于决定日期 {case.decided}",
                field.format(number),
            )


@router.get(
    "/calendar", summary="两日之间的工作日日历（法定节假日、调休、计数）", responses=_ERRORS
)
def calendar(
    _: AnyUser,
    start: BoundedDate = Query(..., description="起算日（不计入）"),
    end: BoundedDate = Query(..., description="截止日"),
) -> list[dict[str, object]]:
    try:
        return [day.as_json() for day in calendar_days(start, end)]
    except ValueError as exc:
        raise _calendar_error(exc) from exc


@router.post(
    "/entry", summary="公示条目：信息摘要（隐去个人信息，依据经语料核验）", responses=_ERRORS
)
def entry(request: Request, _: AnyUser, body: CaseDecision) -> dict[str, object]:
    _check_dates([body], "body.revoked")
    checker = CorpusBasisChecker(resolver(request))
    try:
        return public_entry(
            body, request.app.state.components.redactor, request.app.state.settings, checker
        )
    except CalendarRangeError as exc:
        raise _calendar_error(exc) from exc


@router.post("/overdue", summary="逾期未公开、未按时撤下的决定", responses=_ERRORS)
def overdue(request: Request, _: AnyUser, body: OverdueIn) -> dict[str, object]:
    on = body.today or date.today()
    _check_dates(body.cases, "body.cases[{}].revoked")
    try:
        items = overdue_items(body.cases, on, request.app.state.settings)
    except CalendarRangeError as exc:
        raise _calendar_error(exc) from exc
    return {"today": on.isoformat(), "overdue": [item.as_json() for item in items]}


@router.post(
    "/report",
    summary="年度行政执法数据报告（JSON 含图表 PNG；format=xlsx 下载表格）",
    responses={**_ERRORS, 200: {"content": {XLSX_MEDIA_TYPE: {}}}},
    response_model=None,
)
def report(
    request: Request,
    _: AnyUser,
    body: ReportIn,
    format: Literal["json", "xlsx"] = Query("json", description="json 或 xlsx"),
) -> dict[str, object] | Response:
    _check_dates(body.cases, "body.cases[{}].revoked")
    try:
        stats = annual_statistics(body.cases, body.year, request.app.state.settings)
    except CalendarRangeError as exc:
        raise _calendar_error(exc) from exc
    with tempfile.TemporaryDirectory(prefix="report-") as folder:
        written = write_report(stats, Path(folder))
        if format == "xlsx":
            name = quote(Path(str(written["xlsx"])).name)
            return Response(
                Path(str(written["xlsx"])).read_bytes(),
                media_type=XLSX_MEDIA_TYPE,
                headers={"Content-Disposition": f"attachment; filename*=UTF-8''{name}"},
            )
        chart = base64.b64encode(Path(str(written["chart"])).read_bytes()).decode("ascii")
    return {**stats.as_json(), "chart_png_base64": chart, "warnings": written["warnings"]}

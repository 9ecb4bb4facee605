"""Enforcement administration over HTTP: rosters, pre-enforcement lists, draws, AV list.

Everyone signed in may read rosters and lists (they are published anyway); only
admins change rosters; officers (and admins) make draws, which are recorded in
the whole-process log under the caller's name.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from api.components import Components
from api.http.auth import Admin, AnyUser, Officer
from api.http.errors import ApiError, ErrorBody
from api.http.routes.corpus import resolver
from api.http.uploads import UploadPolicy, multipart_upload_schema, receive_upload
from assistant.administration.av_recording_list import AvListError, av_list_for
from assistant.administration.draw_publication import draw_public_entry, record_draw
from assistant.administration.enforcement_lists import PublicList, agency_lists
from assistant.administration.procedure_flowchart import FlowchartError, penalty_flowchart_svg
from assistant.administration.random_draw import DrawError, DrawRequest, DrawTarget, draw
from assistant.administration.roster import RosterError, RosterStore
from assistant.administration.roster_import import ImportReport
from assistant.administration.roster_records import (
    AgencyRecord,
    OfficerRecord,
    PowerRecord,
    RosterKind,
)
from assistant.administration.tabular_files import TableFileError, html_table, write_table
from assistant.case_record.event_log import CaseRecordError
from corpus.field_types import BoundedDate

router = APIRouter(tags=["执法管理"])
ROSTER_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 404, 422)
}
_ROSTER_TYPES = {
    ".csv": lambda head: b"\x00" not in head,
    ".xlsx": lambda head: head[:4] == b"PK\x03\x04",
}
_IMPORT_BODY: dict[str, Any] = multipart_upload_schema(
    kind={"type": "string", "enum": [k.value for k in RosterKind]},
    date={"type": "string", "format": "date"},
)
ListName = Literal["行政执法事项清单", "随机抽查事项清单", "执法人员清单", "音像记录事项清单"]
_MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _roster(request: Request) -> RosterStore:
    """The process's roster store (``api.components.Components.roster``)."""
    components: Components = request.app.state.components
    return components.roster


def _report_response(report: ImportReport) -> JSONResponse | dict[str, object]:
    if report.ok:
        return report.as_json()
    body = {
        "code": "roster_rows_invalid",
        "message": report.summary().splitlines()[0].rstrip("："),
        "field": "file",
        "report": report.as_json(),
    }
    return JSONResponse(status_code=422, content=body)


# -- roster: read (any user) ------------------------------------------------------------
@router.get(
    "/roster/agencies", response_model=list[AgencyRecord], summary="执法主体", responses=_ERRORS
)
def roster_agencies(request: Request, _: AnyUser) -> list[AgencyRecord]:
    return _roster(request).agencies()


@router.get(
    "/roster/powers", response_model=list[PowerRecord], summary="执法事项", responses=_ERRORS
)
def roster_powers(
    request: Request, _: AnyUser, agency: str | None = Query(None, max_length=200)
) -> list[PowerRecord]:
    return _roster(request).powers(agency)


@router.get(
    "/roster/officers",
    response_model=list[OfficerRecord],
    summary="执法人员与法制审核人员",
    responses=_ERRORS,
)
def roster_officers(
    request: Request, _: AnyUser, agency: str | None = Query(None, max_length=200)
) -> list[OfficerRecord]:
    return _roster(request).officers(agency)


@router.get("/roster/expiring", summary="已过期或即将到期的执法证", responses=_ERRORS)
def roster_expiring(
    request: Request,
    _: AnyUser,
    within: int | None = Query(None, ge=0, le=3650, description="天数，默认取设置"),
    on: BoundedDate | None = Query(None, alias="date"),
) -> list[dict[str, object]]:
    days = within if within is not None else request.app.state.settings.certificate_warning_days
    return [w.as_json() for w in _roster(request).expiring(on or dt.date.today(), days)]


@router.get(
    "/roster/ratio", summary="法制审核人员比例（粤审核办法第八条，不少于5%）", responses=_ERRORS
)
def roster_ratio(
    request: Request, _: AnyUser, on: BoundedDate | None = Query(None, alias="date")
) -> list[dict[str, object]]:
    minimum = request.app.state.settings.reviewer_ratio_min
    return [r.as_json() for r in _roster(request).reviewer_ratios(on or dt.date.today(), minimum)]


# -- roster: write (admins) -------------------------------------------------------------
@router.post(
    "/roster/imports",
    summary="导入人员库表格（CSV/XLSX；有错则整表不导入；仅限管理员）",
    openapi_extra=_IMPORT_BODY,
    responses={code: {"model": ErrorBody} for code in (401, 403, 413, 415, 422)},
)
async def roster_import(request: Request, _: Admin) -> Any:
    settings = request.app.state.settings
    policy = UploadPolicy(ROSTER_UPLOAD_MAX_BYTES, _ROSTER_TYPES, "人员库表格")
    upload = await receive_upload(
        request,
        policy,
        settings.data_layout.uploads_dir("roster"),
        idle_timeout_s=settings.upload_idle_timeout_s,
    )
    try:
        kind = _kind(upload.fields.get("kind", "officers"))
        on = _form_date(upload.fields.get("date", ""))
        report = await run_in_threadpool(
            _roster(request).import_file, upload.path, kind, resolver(request), on
        )
    except TableFileError as exc:
        raise ApiError(422, "invalid_table", str(exc), "file") from exc
    finally:
        upload.path.unlink(missing_ok=True)
    return _report_response(report)


class RosterRowsIn(BaseModel):
    rows: list[dict[str, str | int | float | bool | None]] = Field(
        max_length=5000, description="每行一个对象，键为表头（如“姓名”“执法证号”）"
    )
    date: BoundedDate | None = Field(default=None, description="核验法律依据的日期，默认今天")


@router.put(
    "/roster/{kind}",
    summary="按行写入人员库（与导入相同的校验，有错则全部不写；仅限管理员）",
    responses=_ERRORS,
)
def roster_put(request: Request, kind: RosterKind, body: RosterRowsIn, _: Admin) -> Any:
    rows = [(n, dict(row)) for n, row in enumerate(body.rows, start=2)]
    on = body.date or dt.date.today()
    return _report_response(_roster(request).import_rows(rows, kind, resolver(request), on))


def _kind(value: str) -> RosterKind:
    try:
        return RosterKind(value.strip())
    except ValueError as exc:
        raise ApiError(
            422, "invalid_request", "kind 应为 officers、agencies 或 powers", "kind"
        ) from exc


def _form_date(value: str) -> dt.date:
    if not value.strip():
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ApiError(422, "invalid_request", "date 应为 YYYY-MM-DD", "date") from exc


# -- lists ------------------------------------------------------------------------------
def _lists(request: Request, agency: str, on: dt.date) -> list[PublicList]:
    settings = request.app.state.settings
    try:
        return agency_lists(_roster(request), resolver(request), av_list_for(settings), agency, on)
    except RosterError as exc:
        raise ApiError(404, "unknown_agency", str(exc), "agency") from exc
    except AvListError as exc:
        raise ApiError(503, "av_list_invalid", str(exc)) from exc


@router.get("/lists", summary="一个执法主体的事前公开清单（JSON）", responses=_ERRORS)
def lists(
    request: Request,
    _: AnyUser,
    agency: str = Query(..., min_length=1, max_length=200),
    on: BoundedDate | None = Query(None, alias="date"),
) -> list[dict[str, object]]:
    return [x.as_json() for x in _lists(request, agency, on or dt.date.today())]


@router.get(
    "/lists/file",
    summary="下载一张清单（xlsx、csv 或 html）",
    response_class=Response,
    responses={**_ERRORS, 200: {"content": {m: {} for m in _MEDIA.values()}}},
)
def list_file(
    request: Request,
    _: AnyUser,
    agency: str = Query(..., min_length=1, max_length=200),
    name: ListName = Query(..., description="清单名称"),
    fmt: Literal["xlsx", "csv", "html"] = Query("xlsx", alias="format"),
    on: BoundedDate | None = Query(None, alias="date"),
) -> Response:
    chosen = next(x for x in _lists(request, agency, on or dt.date.today()) if x.stem == name)
    if fmt == "html":
        content = html_table(chosen.headers, chosen.rows, chosen.title).encode("utf-8")
    else:
        folder = request.app.state.settings.data_layout.exports_dir
        folder.mkdir(parents=True, exist_ok=True)
        path = write_table(
            folder / f"{chosen.stem}.{fmt}", chosen.headers, chosen.rows, chosen.title
        )
        content = path.read_bytes()
    disposition = f"attachment; filename*=UTF-8''{quote(chosen.stem)}.{fmt}"
    return Response(content, media_type=_MEDIA[fmt], headers={"Content-Disposition": disposition})


@router.get(
    "/lists/flowchart.svg",
    summary="行政处罚流程图（SVG，逐项标注条文）",
    response_class=Response,
    responses={**_ERRORS, 200: {"content": {"image/svg+xml": {}}}},
)
def flowchart(
    request: Request, _: AnyUser, on: BoundedDate | None = Query(None, alias="date")
) -> Response:
    try:
        svg = penalty_flowchart_svg(resolver(request), on or dt.date.today())
    except FlowchartError as exc:
        raise ApiError(422, "flowchart_unavailable", str(exc), "date") from exc
    return Response(svg, media_type="image/svg+xml")


# -- draws ------------------------------------------------------------------------------
class DrawIn(BaseModel):
    agency: str = Field(min_length=1, max_length=200)
    matter: str = Field(default="", max_length=200, description="抽查事项")
    date: BoundedDate
    count: int = Field(ge=1, le=10000)
    seed: str = Field(min_length=1, max_length=200, description="公开的随机种子")
    targets: list[DrawTarget] = Field(max_length=20000)
    officers: list[OfficerRecord] | None = Field(
        default=None, max_length=5000, description="不给则取人员库中该执法主体的人员"
    )
    draw_id: str | None = Field(default=None, max_length=100, description="默认 抽查-年份-序号")
    dry_run: bool = Field(default=False, description="只复现计算，不写入全过程记录")


@router.post("/draws", summary="双随机抽查：抽取、记入全过程记录并生成公示条目", responses=_ERRORS)
def make_draw(request: Request, body: DrawIn, principal: Officer) -> dict[str, object]:
    officers = body.officers
    if officers is None:
        try:
            _roster(request).agency(body.agency)
        except RosterError as exc:
            raise ApiError(404, "unknown_agency", str(exc), "agency") from exc
        officers = _roster(request).officers(body.agency)
    request_ = DrawRequest(
        agency=body.agency,
        matter=body.matter,
        on=body.date,
        count=body.count,
        seed=body.seed,
        targets=body.targets,
        officers=officers,
    )
    settings = request.app.state.settings
    try:
        result = draw(request_)
        if not body.dry_run:
            record_draw(
                request.app.state.components.case_records, result, principal.name, body.draw_id
            )
    except (DrawError, CaseRecordError) as exc:
        raise ApiError(422, "draw_impossible", str(exc)) from exc
    return {"draw": result.as_json(), "public_entry": draw_public_entry(result, settings)}


# -- audio-visual recording list --------------------------------------------------------
@router.get("/av-recording-list", summary="行政执法全过程音像记录清单", responses=_ERRORS)
def av_recording_list(request: Request, _: AnyUser) -> dict[str, object]:
    try:
        av_list = av_list_for(request.app.state.settings)
    except AvListError as exc:
        raise ApiError(503, "av_list_invalid", str(exc)) from exc
    return av_list.model_dump() | {"problems": av_list.unresolved_rules(resolver(request))}

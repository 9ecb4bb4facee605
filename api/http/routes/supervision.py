"""执法监督 over HTTP: 案卷评查 of a case file, filing, counts, warnings and exports.

Reviewers (and admins) only. The review context is the process's shared one
(``Components.review_context``); the rubric is loaded per request so an edited
rubric file takes effect without a restart (and is re-verified against the corpus).
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote

import yaml
from fastapi import APIRouter, Body, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from pydantic import BaseModel

from api.components import Components
from api.http.auth import Reviewer
from api.http.errors import ErrorBody
from assistant.supervision.audit_report import report_markdown, write_report_docx
from assistant.supervision.case_register import CaseRegister, FiledCaseNotFound
from assistant.supervision.export import write_charts, write_csvs, write_xlsx
from assistant.supervision.file_audit import FileAudit, FileAuditor
from assistant.supervision.overview import SupervisionView, build_view
from assistant.supervision.rubric import DEFAULT_RUBRIC, rubric_path
from assistant.supervision.warnings import WarningKind

router = APIRouter(prefix="/supervision", tags=["执法监督"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 404, 422, 503)
}
DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXAMPLE_CLOSED_CASE = DEFAULT_RUBRIC.parent / "example_closed_case.yaml"
CaseId = PathParam(min_length=1, max_length=120, description="案号")
Today = Query(None, description="检查日期 YYYY-MM-DD，默认今天")
Within = Query(None, ge=0, le=3650, description="提前预警天数，默认 ZHIFA_SUPERVISION_WARNING_DAYS")
AuditFormat = Query("json", description="json 返回评查结果；md、docx 下载评查表")


class AuditOut(BaseModel):
    case_id: str
    title: str
    rubric: str
    score: float
    layout_score: float
    content_score: float
    full_marks: float
    grade: str
    failed: bool
    failures: list[dict[str, Any]]
    items: list[dict[str, Any]]
    deductions: list[dict[str, Any]]
    unscored: list[dict[str, Any]]
    report: str


def _components(request: Request) -> Components:
    return request.app.state.components


def _auditor(request: Request) -> FileAuditor:
    components = _components(request)
    return FileAuditor.from_settings(components.settings, components.review_context)


def _attachment(name: str, suffix: str) -> dict[str, str]:
    return {
        "Content-Disposition": f"attachment; filename=file{suffix}; filename*=UTF-8''{quote(name + suffix)}"
    }


def _audit_response(result: FileAudit, format: str) -> Response | AuditOut:
    today = date.today()
    if format == "md":
        return Response(
            report_markdown(result, today).encode("utf-8"),
            media_type="text/markdown; charset=utf-8",
            headers=_attachment(f"{result.case_id}-案卷评查表", ".md"),
        )
    if format == "docx":
        with tempfile.TemporaryDirectory() as folder:
            path = write_report_docx(result, today, Path(folder) / "report.docx")
            content = path.read_bytes()
        return Response(
            content,
            media_type=DOCX_MEDIA_TYPE,
            headers=_attachment(f"{result.case_id}-案卷评查表", ".docx"),
        )
    return AuditOut(**result.as_json(), report=report_markdown(result, today))


def _view(
    request: Request, today: date | None, within: int | None, kinds: set[WarningKind] | None = None
) -> SupervisionView:
    components = _components(request)
    return build_view(
        components.settings, components.review_context, today or date.today(), within, kinds
    )


@router.get("/rubric", summary="正在使用的案卷评查标准（已逐条核验依据）", responses=_ERRORS)
def rubric(request: Request, _: Reviewer) -> dict[str, Any]:
    auditor = _auditor(request)
    return {"path": str(rubric_path(auditor.settings)), **auditor.rubric.model_dump(mode="json")}


@router.get(
    "/example", summary="一份已结案、无问题的示例案卷（含卷宗 dossier 段）", responses=_ERRORS
)
def example(_: Reviewer) -> dict[str, Any]:
    data = yaml.safe_load(EXAMPLE_CLOSED_CASE.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, ensure_ascii=False, default=str))


@router.post(
    "/audit",
    summary="案卷评查：得分、不合格卷理由、每项扣分及其依据与案卷出处",
    response_model=None,
    responses={
        **_ERRORS,
        200: {"model": AuditOut, "content": {DOCX_MEDIA_TYPE: {}, "text/markdown": {}}},
    },
)
def audit(
    request: Request,
    _: Reviewer,
    case_file: dict[str, Any] = Body(..., description="案卷（格式见 zhifa audit-file --example）"),
    format: Literal["json", "md", "docx"] = AuditFormat,
) -> Response | AuditOut:
    return _audit_response(_auditor(request).audit_data(case_file), format)


@router.post("/cases", summary="登记（归档）一份案卷，供统计与预警使用", responses=_ERRORS)
def file_case(
    request: Request,
    _: Reviewer,
    case_file: dict[str, Any] = Body(..., description="案卷（格式见 zhifa audit-file --example）"),
) -> dict[str, str]:
    filed = CaseRegister(_components(request).settings).file(case_file)
    return {
        "case_id": filed.case.case_id,
        "link": f"/api/supervision/cases/{quote(filed.case.case_id, safe='')}",
    }


@router.get("/cases", summary="执法监督所见的全部案件（登记的案卷与全过程记录）", responses=_ERRORS)
def cases(request: Request, _: Reviewer, today: date | None = Today) -> dict[str, Any]:
    view = _view(request, today, None)
    return {
        "cases": [t.as_json() for t in view.timelines],
        "problems": [p.as_json() for p in view.problems],
    }


@router.get("/cases/{case_id}", summary="一个案件：关键日期、来源与预警", responses=_ERRORS)
def case(
    request: Request, _: Reviewer, case_id: str = CaseId, today: date | None = Today
) -> dict[str, Any]:
    view = _view(request, today, None)
    found = next((t for t in view.timelines if t.case_id == case_id), None)
    if found is None:
        raise FiledCaseNotFound(f"没有案号为 {case_id} 的案件（未登记案卷，也没有全过程记录）")
    warnings = [w.as_json() for w in view.warnings if w.case_id == case_id]
    return {
        **found.as_json(),
        "warnings": warnings,
        "audit_link": f"/api/supervision/cases/{quote(case_id, safe='')}/audit"
        if found.filed
        else None,
    }


@router.get(
    "/cases/{case_id}/audit",
    summary="已登记案卷的评查结果（json）或评查表（md、docx）",
    response_model=None,
    responses={
        **_ERRORS,
        200: {"model": AuditOut, "content": {DOCX_MEDIA_TYPE: {}, "text/markdown": {}}},
    },
)
def case_audit(
    request: Request,
    _: Reviewer,
    case_id: str = CaseId,
    format: Literal["json", "md", "docx"] = AuditFormat,
) -> Response | AuditOut:
    filed = CaseRegister(_components(request).settings).get(case_id)
    return _audit_response(_auditor(request).audit_data(filed.data), format)


@router.get(
    "/stats", summary="统计：按执法主体、案件类型、立案月份、处理结果、办理状态", responses=_ERRORS
)
def stats(request: Request, _: Reviewer, today: date | None = Today) -> dict[str, Any]:
    return _view(request, today, None).stats_json()


@router.get(
    "/warnings",
    summary="关键环节预警（到期日、剩余天数与工作日、依据、案件链接）",
    responses=_ERRORS,
)
def warnings(
    request: Request,
    _: Reviewer,
    within: int | None = Within,
    today: date | None = Today,
    kind: list[WarningKind] = Query([], description="只看某类预警"),
) -> dict[str, Any]:
    return _view(request, today, within, set(kind) or None).warnings_json()


ExportName = Literal["warnings.csv", "counts.csv", "cases.csv", "supervision.xlsx", "chart.png"]
_CSV_KEYS = {"warnings.csv": "warnings_csv", "counts.csv": "counts_csv", "cases.csv": "cases_csv"}
_MEDIA = {".csv": "text/csv; charset=utf-8", ".xlsx": XLSX_MEDIA_TYPE, ".png": "image/png"}


@router.get(
    "/export/{name}",
    summary="导出：预警清单、统计、案件清单（CSV）、工作簿（XLSX）、统计图（PNG）",
    response_model=None,
    responses={**_ERRORS, 200: {"content": {"text/csv": {}, XLSX_MEDIA_TYPE: {}, "image/png": {}}}},
)
def export(
    request: Request,
    _: Reviewer,
    name: ExportName,
    within: int | None = Within,
    today: date | None = Today,
) -> Response:
    view = _view(request, today, within)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        if name in _CSV_KEYS:
            path = Path(write_csvs(view, out)[_CSV_KEYS[name]])
        elif name == "supervision.xlsx":
            path = write_xlsx(view, out / name)
        else:
            path = write_charts(view, out / name)[0]
        content = path.read_bytes()
    suffix = Path(name).suffix
    return Response(
        content,
        media_type=_MEDIA[suffix],
        headers=_attachment(f"执法监督-{Path(name).stem}", suffix),
    )

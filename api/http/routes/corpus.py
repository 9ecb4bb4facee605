"""HTTP endpoints of the statute base: citation lookup, law versions, admin import."""

from __future__ import annotations

import shutil
from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from api.components import Components
from api.http.auth import Admin, AnyUser
from api.http.errors import ApiError, ErrorBody
from api.http.uploads import STATUTE_TYPES, UploadPolicy, multipart_upload_schema, receive_upload
from corpus.citation_resolver import CitationError, CitationResolver, ResolvedCitation
from corpus.field_types import BoundedDate
from corpus.ingest import ingest_paths
from corpus.store import CorpusStore

corpus_router = APIRouter(tags=["法规"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 404, 422)
}
_IMPORT_BODY: dict[str, Any] = multipart_upload_schema(
    version_date={
        "type": "string",
        "format": "date",
        "description": "公布日期（文件内容未写明时）",
    },
)


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


class VersionOut(BaseModel):
    law: str
    title: str
    published: date
    version: date
    effective_to: date | None
    level: str | None
    region: str | None
    articles: int


class ImportFailureOut(BaseModel):
    file: str
    reason: str


class ImportReportOut(BaseModel):
    file_name: str
    versions_written: int
    versions_unchanged: int
    articles: int
    failures: list[ImportFailureOut]
    without_articles: int
    note: str


def _statute_file_name(stem: str, extension: str, fields: dict[str, str]) -> str:
    """Server-made name; the importer reads a publication date from ``name(YYYY-MM-DD)``."""
    raw = fields.get("version_date", "").strip()
    if not raw:
        return f"{stem}{extension}"
    try:
        published = date.fromisoformat(raw)
    except ValueError as exc:
        raise ApiError(
            422, "invalid_request", "version_date 应为 YYYY-MM-DD", "version_date"
        ) from exc
    return f"{stem}({published.isoformat()}){extension}"


def _components(request: Request) -> Components:
    return request.app.state.components


def resolver(request: Request) -> CitationResolver:
    """The shared resolver; rebuilt after an import so new law names resolve."""
    return _components(request).resolver


def _out(resolved: ResolvedCitation) -> CitationOut:
    return CitationOut(**resolved.as_json())


@corpus_router.get(
    "/cite",
    response_model=CiteResponse,
    summary="解析法条引用并返回该日有效版本的条文",
    responses={**_ERRORS, 404: {"model": CiteResponse}},
)
def cite(
    request: Request,
    _: AnyUser,
    q: str = Query(..., min_length=1, max_length=500, description="法条引用文本"),
    on: BoundedDate | None = Query(None, alias="date", description="行为发生日期，默认今天"),
    law: str | None = Query(None, max_length=100, description="“本法”所指的法律"),
) -> JSONResponse | CiteResponse:
    results = resolver(request).resolve_text(q, on, law)
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


@corpus_router.get(
    "/laws/{law}/versions",
    response_model=list[VersionOut],
    summary="一部法律的全部版本及其施行、失效日期",
    responses=_ERRORS,
)
def versions(request: Request, law: str, _: AnyUser) -> list[VersionOut]:
    try:
        name = resolver(request).law_name(law)
    except CitationError as exc:
        raise ApiError(404, exc.code.value, exc.message) from exc
    store: CorpusStore = _components(request).store
    return [
        VersionOut(
            law=v.law,
            title=v.title,
            published=v.version_date,
            version=v.effective_date,
            effective_to=v.effective_to,
            level=v.level,
            region=v.region,
            articles=v.article_count,
        )
        for v in store.versions(name)
    ]


@corpus_router.post(
    "/corpus/import",
    response_model=ImportReportOut,
    summary="导入一个法规文件（md、txt、docx、pdf；仅限管理员）",
    openapi_extra=_IMPORT_BODY,
    responses={code: {"model": ErrorBody} for code in (401, 403, 413, 415, 422)},
)
async def import_statute(request: Request, _: Admin) -> ImportReportOut:
    settings = request.app.state.settings
    policy = UploadPolicy(settings.corpus_upload_max_mb * 1024 * 1024, STATUTE_TYPES, "法规文件")
    upload = await receive_upload(
        request,
        policy,
        settings.data_layout.uploads_dir("statutes"),
        idle_timeout_s=settings.upload_idle_timeout_s,
    )
    try:
        name = _statute_file_name(upload.path.stem, upload.extension, upload.fields)
    except ApiError:
        upload.path.unlink(missing_ok=True)
        raise
    folder = upload.path.with_suffix("")  # its own folder: the importer scans folders
    folder.mkdir()
    target = folder / name
    upload.path.rename(target)
    try:
        report = await run_in_threadpool(ingest_paths, _components(request).store, [target])
    except Exception:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    _components(request).corpus_changed()
    return ImportReportOut(
        file_name=upload.display_name,
        versions_written=report.versions_written,
        versions_unchanged=report.versions_unchanged,
        articles=report.articles,
        failures=[
            ImportFailureOut(file=upload.display_name, reason=f.reason) for f in report.failures
        ],
        without_articles=len(report.without_articles),
        note="检索索引需管理员运行 zhifa index update 后才包含新导入的条文",
    )

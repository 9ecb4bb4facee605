"""The FastAPI application: one factory, settings passed in, one router per capability.

A new capability is one module ``api/http/routes/<capability>.py`` exposing ``router``
(protected with the role dependencies of ``api.http.auth``), added to ``CAPABILITY_ROUTERS``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

from api.audit_log import AuditLog
from api.audit_writer import BackgroundAuditLog
from api.components import Components
from api.http.auth import AnyUser
from api.http.errors import ApiError, install_error_handlers
from api.http.input_guard import InputGuardMiddleware
from api.http.jobs import JobRunner, JobStore
from api.http.request_audit import RequestAuditMiddleware
from api.http.routes import (
    admin,
    assist,
    audit,
    cases,
    discretion,
    draft,
    publicity,
    publicity_cases,
    record_files,
    records,
    review,
    search,
    supervision,
    transcription,
    users,
)
from api.http.routes import (
    index_status as index_status_routes,
)
from api.http.routes.corpus import corpus_router
from api.http.routes.index_status import IndexStatusOut, index_status
from api.http.security_headers import SecurityHeadersMiddleware
from api.http.transcription_service import TRANSCRIPTION_JOB, TranscriptionService
from api.service_db import open_service_db
from api.settings import Settings
from api.users import REVOCATION_MARKER, UserStore
from api.vector_worker import BackgroundVectors

__all__ = ["ApiError", "CAPABILITY_ROUTERS", "app_from_environment", "create_app"]

log = logging.getLogger("zhifa.api")
STATIC_DIR = Path(__file__).resolve().parent / "static"
SWAGGER_UI_DIR = Path(str(resources.files("fastapi_swagger") / "resources"))
"""Swagger UI 5 (reads OpenAPI 3.1, which FastAPI emits), shipped in the fastapi-swagger wheel."""
CAPABILITY_ROUTERS: tuple[APIRouter, ...] = (
    corpus_router,
    search.router,
    index_status_routes.router,
    assist.router,
    cases.router,
    publicity.router,
    publicity_cases.router,
    records.router,
    record_files.router,
    review.router,
    draft.router,
    supervision.router,
    admin.router,
    discretion.router,
    transcription.router,
    users.router,
    audit.router,
)
"""Mounted under /api; each requires a token through its endpoints' role dependencies."""


class HealthOut(BaseModel):
    status: str


class ReadyOut(BaseModel):
    ready: bool
    laws: int
    versions: int
    articles: int
    search_index: bool
    vectors: IndexStatusOut | None = None


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    app.state.components.has_statute_index()  # load now when present, never fail startup
    _recover_jobs(app)
    vectors = BackgroundVectors(app.state.components)
    if app.state.background_vectors:
        vectors.start()
    yield
    vectors.stop()
    app.state.jobs.shutdown()
    app.state.audit.close()  # last: the writer thread stops after the final commit


def create_app(
    settings: Settings, components: Components | None = None, background_vectors: bool = False
) -> FastAPI:
    """Build the app around one Settings object; shared objects live in ``app.state.components``.

    ``components`` lets a caller that already built them (``zhifa serve``) share them;
    ``background_vectors`` starts the vector build thread (``zhifa serve`` only).
    """
    app = FastAPI(
        title="执法智助 API",
        version="0.1.0",
        description="行政执法离线法律助手：法条核验与检索、裁量基准、询问录音转写。"
        "除 /health 外的接口都需要 Bearer 令牌（zhifa user token 生成）。",
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    _attach_state(app, components or Components(settings))
    app.state.background_vectors = background_vectors
    install_error_handlers(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(InputGuardMiddleware, max_json_bytes=settings.json_body_max_kb * 1024)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(RequestAuditMiddleware, audit=app.state.audit)
    _add_service_routes(app)
    for router in CAPABILITY_ROUTERS:
        app.include_router(router, prefix="/api")
    return app


def app_from_environment() -> FastAPI:
    """For ``uvicorn --factory api.http.app:app_from_environment``: Settings from ZHIFA_* env."""
    return create_app(Settings())


def _attach_state(app: FastAPI, components: Components) -> None:
    settings = components.settings
    engine = open_service_db(settings)
    app.state.settings = settings
    app.state.components = components
    app.state.users = UserStore(
        engine, settings.auth_recent_s, settings.data_dir / REVOCATION_MARKER
    )
    app.state.audit = BackgroundAuditLog(AuditLog(engine))
    app.state.jobs = JobRunner(JobStore(engine), settings.job_workers, settings.jobs_kept)
    app.state.transcription = TranscriptionService(components)
    app.state.jobs.register(TRANSCRIPTION_JOB, app.state.transcription.work_for)


def _recover_jobs(app: FastAPI) -> None:
    """After a restart: run unfinished jobs again (or fail them), drop dead partial uploads."""
    settings: Settings = app.state.settings
    resumed, failed = app.state.jobs.resume()
    swept = app.state.transcription.sweep_orphaned_uploads(settings.upload_idle_timeout_s)
    app.state.jobs.prune_stored()
    if resumed or failed or swept:
        log.info("jobs resumed %d, failed %d; orphaned uploads removed %d", resumed, failed, swept)


def _add_service_routes(app: FastAPI) -> None:
    """Health, readiness, the web page and the offline API docs."""

    @app.get("/health", tags=["运维"], summary="存活检查（无需令牌）", response_model=HealthOut)
    def health() -> HealthOut:
        return HealthOut(status="ok")

    @app.get("/ready", tags=["运维"], summary="就绪检查：语料已导入", response_model=ReadyOut)
    def ready(request: Request, _: AnyUser) -> JSONResponse:
        components: Components = request.app.state.components
        stats = components.store.stats()
        status = index_status(components)
        body = ReadyOut(
            ready=stats["articles"] > 0, search_index=status is not None, vectors=status, **stats
        )
        return JSONResponse(status_code=200 if body.ready else 503, content=body.model_dump())

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="执法智助 API 文档",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.mount("/docs-assets", StaticFiles(directory=SWAGGER_UI_DIR), name="docs")

"""The FastAPI application: one factory, settings passed in, routers per capability."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse

from api.routes_corpus import corpus_router
from corpus.settings import Settings
from corpus.store import CorpusStore

STATIC_DIR = Path(__file__).resolve().parent / "static"


class ApiError(Exception):
    """An error with a stable code and a Chinese message, returned as JSON."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def create_app(settings: Settings) -> FastAPI:
    """Build the app around one Settings object and one CorpusStore."""
    app = FastAPI(title="执法智助 API", version="0.1.0")
    app.state.settings = settings
    app.state.store = CorpusStore(settings)

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(
            status_code=exc.status, content={"code": exc.code, "message": exc.message}
        )

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(
            status_code=500, content={"code": "internal_error", "message": "服务器内部错误"}
        )

    @app.get("/health", tags=["运维"], summary="存活检查")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/ready", tags=["运维"], summary="就绪检查：语料已导入")
    def ready() -> JSONResponse:
        stats = app.state.store.stats()
        status = 200 if stats["articles"] > 0 else 503
        return JSONResponse(status_code=status, content={"ready": status == 200, **stats})

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    app.include_router(corpus_router, prefix="/api")
    return app

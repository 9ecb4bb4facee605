"""``zhifa serve``: run the HTTP service with the web page."""

from __future__ import annotations

import typer
import uvicorn

from api.cli.output import components_from, fail


def serve_command(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="监听地址"),
    port: int = typer.Option(8000, help="监听端口"),
) -> None:
    """启动 HTTP 服务与网页（默认 http://127.0.0.1:8000）。"""
    from api.http.app import create_app

    components = components_from(ctx)
    settings = components.settings
    app = create_app(settings, components, background_vectors=settings.background_vectors)
    if components.store.stats()["articles"] == 0:
        fail("语料库为空，请先运行 zhifa corpus init")
    if app.state.users.count() == 0:
        typer.echo(
            "提示：尚无用户，除 /health 外的接口都需要令牌。请运行 "
            "zhifa user add 名称 --role admin 与 zhifa user token 名称。",
            err=True,
        )
    typer.echo(f"执法智助服务已启动：http://{host}:{port}/")
    uvicorn.run(app, host=host, port=port, log_level="info")

"""``zhifa audit tail``: read the service's audit log on the server (admins' shell)."""

from __future__ import annotations

import typer

from api.audit_log import AuditLog
from api.cli.output import emit_json, settings_from
from api.service_db import open_service_db

audit_app = typer.Typer(
    help="服务审计日志：每个请求的用户、操作、时间与结果。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


@audit_app.command("tail", help="显示最近的审计记录（旧的在前）。")
def tail_command(
    ctx: typer.Context,
    limit: int = typer.Option(50, "-n", "--lines", min=1, max=10000, help="显示条数"),
    user: str | None = typer.Option(None, "--user", help="只看该用户"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
) -> None:
    entries = AuditLog(open_service_db(settings_from(ctx))).tail(limit, user)
    if as_json:
        emit_json([e.to_json() for e in entries])
        return
    if not entries:
        typer.echo("审计日志为空。")
    for e in entries:
        who = f"{e.user}（{e.role}）" if e.user else "匿名"
        typer.echo(
            f"{e.time.isoformat(timespec='seconds')}\t{who}\t{e.method} {e.path}\t"
            f"{e.status} {e.outcome}\t{e.duration_ms:.0f} ms\t{e.client_ip or '-'}"
        )

"""``zhifa user``: add users, issue tokens (shown once), list and revoke."""

from __future__ import annotations

import typer

from api.cli.output import emit_json, fail, settings_from
from api.service_db import open_service_db
from api.users import REVOCATION_MARKER, ROLE_LABELS, Role, UserStore

user_app = typer.Typer(
    help="服务用户与访问令牌：新增用户、签发令牌（只显示一次）、列出、吊销。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _store(ctx: typer.Context) -> UserStore:
    settings = settings_from(ctx)
    # the marker tells a running service on this data folder to forget remembered tokens
    return UserStore(
        open_service_db(settings), revocation_marker=settings.data_dir / REVOCATION_MARKER
    )


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        fail(f"未知角色：{value}（可选：officer、reviewer、admin）")


@user_app.command(
    "add", help="新增用户（角色：officer 执法人员、reviewer 法制审核、admin 管理员）。"
)
def add_command(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="用户名"),
    role: str = typer.Option(..., "--role", help="officer、reviewer 或 admin"),
) -> None:
    info = _store(ctx).add_user(name, _role(role))
    typer.echo(
        f"已新增用户 {info.name}（{ROLE_LABELS[info.role]}）；用 zhifa user token {name} 签发令牌"
    )


@user_app.command("token", help="为用户签发新令牌并打印一次；服务器只保存其哈希。")
def token_command(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="用户名"),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出"),
) -> None:
    issued = _store(ctx).issue_token(name)
    if as_json:
        emit_json({"user": issued.user, "token_id": issued.token_id, "token": issued.token})
        return
    typer.echo(issued.token)
    typer.echo(f"（令牌编号 {issued.token_id}；只显示这一次，请妥善保存）", err=True)


@user_app.command("list", help="列出用户、角色、有效令牌数与最近使用时间。")
def list_command(
    ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")
) -> None:
    users = _store(ctx).list_users()
    if as_json:
        emit_json([u.__dict__ for u in users])
        return
    if not users:
        typer.echo("尚无用户；用 zhifa user add 名称 --role admin 新增管理员。")
    for u in users:
        used = u.last_used.isoformat(timespec="seconds") if u.last_used else "从未使用"
        typer.echo(f"{u.name}\t{u.role.value}\t有效令牌 {u.active_tokens}\t最近使用 {used}")


@user_app.command("revoke", help="吊销用户的全部令牌，或用 --token-id 只吊销一个。")
def revoke_command(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="用户名"),
    token_id: int | None = typer.Option(None, "--token-id", help="只吊销这一个令牌"),
) -> None:
    count = _store(ctx).revoke(name, token_id)
    if token_id is not None and count == 0:
        fail(f"用户 {name} 没有编号为 {token_id} 的有效令牌")
    typer.echo(f"已吊销 {name} 的 {count} 个令牌")

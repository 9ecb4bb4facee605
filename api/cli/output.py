"""Shared output conventions of every ``zhifa`` command.

Success exits 0; failure prints one Chinese line ``错误：…`` to stderr and exits
non-zero; ``--json`` output is a single JSON document on stdout, UTF-8, unescaped.
A domain error (``corpus.errors.ZhifaError``) raised anywhere under a command is
turned into that line here, once, by the root group (``ZhifaGroup``).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup

from api.components import Components
from api.settings import Settings
from corpus.errors import ZhifaError

DOMAIN_ERROR_EXIT_CODE = 1


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line Chinese error and exit with a non-zero code."""
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(code)


def emit_json(payload: Any) -> None:
    """Print one JSON document (Chinese kept readable) on stdout."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


class ZhifaGroup(TyperGroup):
    """The root command group: maps every domain error to one ``错误：…`` line and exit 1."""

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ZhifaError as exc:
            fail(str(exc), DOMAIN_ERROR_EXIT_CODE)


def components_from(ctx: typer.Context) -> Components:
    """The shared objects created once by the root command (from ``Settings()``)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Components):
        root.obj = Components(Settings())
    return root.obj


def settings_from(ctx: typer.Context) -> Settings:
    """The Settings object the root command's components were built from."""
    return components_from(ctx).settings


def parse_date_option(value: str | None, label: str = "日期") -> date | None:
    """``--date`` values: ISO dates only, a one-line Chinese error otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{label}格式应为 YYYY-MM-DD：{value}")

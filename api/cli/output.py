"""Shared output conventions of every ``zhifa`` command.

Success exits 0; failure prints one Chinese line ``错误：…`` to stderr and exits
non-zero; ``--json`` output is a single JSON document on stdout, UTF-8, unescaped.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any, NoReturn

import typer

from corpus.settings import Settings


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line Chinese error and exit with a non-zero code."""
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(code)


def emit_json(payload: Any) -> None:
    """Print one JSON document (Chinese kept readable) on stdout."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def settings_from(ctx: typer.Context) -> Settings:
    """The Settings object created once by the root command."""
    obj = ctx.find_root().obj
    if not isinstance(obj, Settings):
        obj = Settings()
        ctx.find_root().obj = obj
    return obj


def parse_date_option(value: str | None, label: str = "日期") -> date | None:
    """``--date`` values: ISO dates only, a one-line Chinese error otherwise."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{label}格式应为 YYYY-MM-DD：{value}")

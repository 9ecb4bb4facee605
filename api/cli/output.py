"""Shared output conventions of every ``zhifa`` command.

Success exits 0; failure prints one Chinese line ``错误：…`` to stderr and exits
non-zero; ``--json`` output is a single JSON document on stdout, UTF-8, unescaped.
A domain error (``corpus.errors.ZhifaError``) raised anywhere under a command is
turned into that line here, once, by the root group (``ZhifaGroup``).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from datetime import date
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup
from typer.exceptions import TyperException

from api.components import Components
from api.settings import Settings
from corpus.errors import ZhifaError

DOMAIN_ERROR_EXIT_CODE = 1
UNEXPECTED_EXIT_CODE = 2
INTERRUPTED_EXIT_CODE = 130


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line Chinese error and exit with a non-zero code."""
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(code)


def emit_json(payload: Any) -> None:
    """Print one JSON document (Chinese kept readable) on stdout."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


class ZhifaGroup(TyperGroup):
    """The root command group: every failure under a command becomes one ``错误：…`` line.

    Domain errors carry their own Chinese message; file-system errors name the file; any
    other exception is a defect, reported in one line with its type (``ZHIFA_DEBUG=1``
    prints the traceback too) rather than as a traceback an officer cannot act on.
    """

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ZhifaError as exc:
            fail(str(exc), DOMAIN_ERROR_EXIT_CODE)
        except (TyperException, typer.Exit, typer.Abort):  # usage errors, exits: click's own
            raise
        except KeyboardInterrupt:
            fail("已中断", INTERRUPTED_EXIT_CODE)
        except OSError as exc:
            fail(os_error_message(exc), DOMAIN_ERROR_EXIT_CODE)
        except UnicodeDecodeError:
            fail("文件不是 UTF-8 文本，无法读取", DOMAIN_ERROR_EXIT_CODE)
        except Exception as exc:
            if os.environ.get("ZHIFA_DEBUG"):
                traceback.print_exc()
            first_line = (str(exc).splitlines() or [""])[0][:200]
            fail(
                f"命令执行失败（{type(exc).__name__}：{first_line}）；"
                "设置 ZHIFA_DEBUG=1 可查看详细信息",
                UNEXPECTED_EXIT_CODE,
            )


def os_error_message(exc: OSError) -> str:
    """A file-system error in one Chinese line naming the file."""
    name = exc.filename if exc.filename is not None else ""
    if isinstance(exc, FileNotFoundError):
        return f"文件或目录不存在：{name}"
    if isinstance(exc, PermissionError):
        return f"没有权限访问：{name}"
    if isinstance(exc, IsADirectoryError):
        return f"应为文件，却是目录：{name}"
    if isinstance(exc, NotADirectoryError):
        return f"路径中有一段不是目录：{name}"
    return f"读写文件失败：{name}（{exc.strerror or type(exc).__name__}）"


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

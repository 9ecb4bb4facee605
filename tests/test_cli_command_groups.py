"""Command groups of higher layers join ``zhifa`` through the ``zhifa.cli`` entry points.

The loader is exercised on hand-made entry points (no install needed); the last test needs
the installed metadata of this checkout (``make install`` / ``pip install -e .``).
"""

from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest
import typer
from typer.testing import CliRunner

from api.cli import app
from api.cli.command_groups import CLI_ENTRY_POINT_GROUP, add_command_groups

EXTRA_APP = typer.Typer(help="额外命令组。", no_args_is_help=True)
NOT_AN_APP = object()


@EXTRA_APP.command("hello", help="打个招呼。")
def _hello() -> None:
    typer.echo("你好")


def _entry(name: str, attribute: str) -> EntryPoint:
    return EntryPoint(name, f"{__name__}:{attribute}", CLI_ENTRY_POINT_GROUP)


def _root() -> typer.Typer:
    root = typer.Typer(no_args_is_help=True)
    root.command("cite")(lambda: None)
    return root


def test_an_entry_point_becomes_a_sub_command() -> None:
    root = _root()
    add_command_groups(root, [_entry("extra", "EXTRA_APP")])
    result = CliRunner().invoke(root, ["extra", "hello"])
    assert result.exit_code == 0 and result.stdout == "你好\n"


def test_a_name_already_taken_is_refused() -> None:
    with pytest.raises(ValueError, match="cite"):
        add_command_groups(_root(), [_entry("cite", "EXTRA_APP")])
    with pytest.raises(ValueError, match="extra"):
        add_command_groups(_root(), [_entry("extra", "EXTRA_APP"), _entry("extra", "EXTRA_APP")])


def test_an_entry_point_that_is_not_a_typer_app_is_refused() -> None:
    with pytest.raises(TypeError, match="NOT_AN_APP"):
        add_command_groups(_root(), [_entry("broken", "NOT_AN_APP")])


def test_zhifa_eval_is_registered_from_the_installed_entry_point() -> None:
    result = CliRunner().invoke(app, ["eval", "--help"])
    assert result.exit_code == 0, (
        "zhifa eval is missing: re-install this checkout (make install, or pip install -e .) "
        f"so that its zhifa.cli entry points are registered\n{result.output}"
    )
    for command in ("retrieval", "run", "compare", "cases", "review", "redaction"):
        assert command in result.stdout, command

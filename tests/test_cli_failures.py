"""Every command, given a missing file or a bad value, fails with one ``错误：…`` line.

The list of commands is read from the CLI itself, so a new command is covered the day it
is added: each is run with its required arguments and options set to a file that does
not exist, and every ``--date`` option is run with an impossible date. None may print a
traceback; a failure must exit non-zero and say ``错误：`` with a reason (the catch-all
"命令执行失败（类型）" line for unexpected exceptions counts as a defect here).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from api.cli import app

MISSING = "缺失的文件.json"
SUCCEEDS_ON_UNKNOWN_NAMES = {
    ("record", "list"),  # an unknown case simply has no recordings: exit 0, empty list
    ("record", "log"),  # likewise: "案件 … 没有全过程记录。"
}
"""Commands for which a name that matches nothing is a valid query, not an error."""


def _leaf_commands() -> Iterator[tuple[tuple[str, ...], typer.core.TyperCommand]]:
    def walk(command: object, path: tuple[str, ...]) -> Iterator:
        children = getattr(command, "commands", None)
        if children:
            for name, child in children.items():
                yield from walk(child, (*path, name))
        else:
            yield path, command

    yield from walk(typer.main.get_command(app), ())


def _missing_file_invocations() -> list[list[str]]:
    runs = []
    for path, command in _leaf_commands():
        required = [p for p in command.params if p.required]
        if not required or path in SUCCEEDS_ON_UNKNOWN_NAMES:
            continue
        args = list(path)
        for param in required:
            if param.param_type_name == "option":
                args.append(param.opts[0])
            args.append(MISSING)
        runs.append(args)
    return runs


def _bad_date_invocations() -> list[list[str]]:
    runs = []
    for path, command in _leaf_commands():
        if not any("--date" in p.opts for p in command.params):
            continue
        args = list(path)
        for param in command.params:
            if param.required:
                args += [param.opts[0], "x"] if param.param_type_name == "option" else ["x"]
        runs.append([*args, "--date", "2024-13-45"])
    return runs


BAD_VALUES = [
    ["publicity", "deadline", "--decided", "9999-12-31", "--kind", "penalty"],
    ["publicity", "deadline", "--decided", "昨天", "--kind", "penalty"],
    ["publicity", "report", "--year", "两千", "--in", MISSING],
    ["search", "罚款", "-k", "不是数字"],
    ["user", "add", "adm1\n", "--role", "officer"],
    ["user", "revoke", "无此人", "--token-id", str(10**23)],
    ["record", "add-event", "粤环罚\x07号", "--type", "启动", "--actor", "张三"],
    ["record", "add-event", "粤环罚1号", "--type", "启动", "--actor", "张三", "--time", "昨天"],
    ["transcribe", "missing.wav"],
]


@pytest.fixture()
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("ZHIFA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    return CliRunner()


def _assert_one_clear_error(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, (args, output[-2000:])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        repr(result.exception),
    )
    assert result.exit_code != 0, (args, output[-500:])
    assert any(line.startswith("错误：") for line in result.stderr.splitlines()), (args, output)
    assert "命令执行失败" not in result.stderr, (args, result.stderr)  # a defect, not a reason


@pytest.mark.parametrize("args", _missing_file_invocations(), ids=" ".join)
def test_missing_file_or_unknown_name_is_one_error_line(runner: CliRunner, args: list[str]) -> None:
    _assert_one_clear_error(runner, args)


@pytest.mark.parametrize("args", _bad_date_invocations(), ids=" ".join)
def test_impossible_date_is_one_error_line(runner: CliRunner, args: list[str]) -> None:
    _assert_one_clear_error(runner, args)


@pytest.mark.parametrize("args", BAD_VALUES, ids=" ".join)
def test_bad_value_is_one_error_line(runner: CliRunner, args: list[str]) -> None:
    _assert_one_clear_error(runner, args)


def test_the_sweep_covers_the_commands() -> None:
    assert len(_missing_file_invocations()) >= 30
    assert ["transcribe", MISSING] in _missing_file_invocations()

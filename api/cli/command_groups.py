"""Command groups that a higher layer registers with ``zhifa`` (the ``zhifa.cli`` entry points).

eval/ sits above api/ in the layering, so api/ must not import it; eval/ declares its typer
app in pyproject.toml instead and the root command line adds every group installed there.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points

import typer

CLI_ENTRY_POINT_GROUP = "zhifa.cli"


def installed_command_groups() -> list[EntryPoint]:
    """The ``zhifa.cli`` entry points of the installed distributions, by name."""
    return sorted(entry_points(group=CLI_ENTRY_POINT_GROUP), key=lambda entry: entry.name)


def add_command_groups(app: typer.Typer, entries: Iterable[EntryPoint]) -> None:
    """Load each entry point's typer app and add it under the entry point's name."""
    taken = _names_in_use(app)
    for entry in entries:
        if entry.name in taken:
            raise ValueError(f"zhifa.cli entry point {entry.name!r} clashes with a command")
        group = entry.load()
        if not isinstance(group, typer.Typer):
            raise TypeError(f"zhifa.cli entry point {entry.value!r} is not a typer.Typer")
        app.add_typer(group, name=entry.name)
        taken.add(entry.name)


def _names_in_use(app: typer.Typer) -> set[str]:
    groups = {info.name for info in app.registered_groups}
    commands = {info.name for info in app.registered_commands}
    return {name for name in groups | commands if name}

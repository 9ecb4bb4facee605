"""Missing data is never a silent blank: it prints as 【待补充：…】 and joins the warning list.

Two ways a datum can be absent from a draft: the case file lacks it (the context
holds a ``MissingValue`` with a Chinese label), or an agency template names a field
the context does not have (Jinja2 hands back an ``Undefined``). Both print the same
visible marker and record the label, so the officer sees and is told what to fill in.
"""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import ChainableUndefined
from jinja2.sandbox import SecurityError

MARKER_PREFIX = "【待补充："


def marker(label: str) -> str:
    """The visible placeholder for a missing datum."""
    return f"{MARKER_PREFIX}{label}】"


class MissingLog:
    """The labels of everything a draft lacked, once each, in the order first met."""

    def __init__(self) -> None:
        self._labels: list[str] = []

    def note(self, label: str) -> str:
        """Record ``label`` and return its marker."""
        if label not in self._labels:
            self._labels.append(label)
        return marker(label)

    @property
    def labels(self) -> list[str]:
        return list(self._labels)


class MissingValue:
    """A datum the case file lacks: falsy, iterates as empty, prints (and logs) its marker."""

    __slots__ = ("label", "_log")

    def __init__(self, label: str, log: MissingLog) -> None:
        self.label = label
        self._log = log

    def __str__(self) -> str:
        return self._log.note(self.label)

    def __bool__(self) -> bool:
        return False

    def __len__(self) -> int:
        return 0

    def __iter__(self) -> Iterator[object]:
        return iter(())

    def __getattr__(self, name: str) -> MissingValue:
        """``party.address.city`` of a missing party stays the party's marker."""
        if name.startswith("_"):
            raise AttributeError(name)
        return self

    def __getitem__(self, key: object) -> MissingValue:
        return self


def present(value: object, label: str, log: MissingLog) -> object:
    """``value`` when the file has it; a ``MissingValue`` for None, blank text or empty lists."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return MissingValue(label, log)
    if isinstance(value, list | tuple | dict) and not value:
        return MissingValue(label, log)
    return value


def tracking_undefined(log: MissingLog) -> type[ChainableUndefined]:
    """An ``Undefined`` class for one render: unknown fields print markers into ``log``.

    Access the sandbox refused (dunder attributes and the like) is not a missing
    datum: printing or calling it raises the sandbox's ``SecurityError``.
    """

    class TrackedUndefined(ChainableUndefined):
        __slots__ = ()

        def __str__(self) -> str:
            if issubclass(self._undefined_exception, SecurityError):
                self._fail_with_undefined_error()
            name = self._undefined_name or "未知字段"
            return log.note(f"{name}（模板字段未定义）")

    return TrackedUndefined

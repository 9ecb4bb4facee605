"""The one base class of every domain error, so each door maps errors in one place.

A component raises a ``ZhifaError`` subclass whose ``str()`` is one Chinese line for
end users; the service turns its ``kind`` into an HTTP status and its ``error_code``
into the stable English code of the error body, the command line prints ``错误：…``
and exits non-zero. Subclasses keep their historical builtin base (ValueError,
RuntimeError, LookupError) so existing ``except`` clauses still catch them, and state
kind and code on their ``class`` line:
``class CaseFileError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_case_file")``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar


class ErrorKind(StrEnum):
    """What went wrong, independent of the door that reports it."""

    NOT_FOUND = "not_found"  # the named thing does not exist
    INVALID = "invalid"  # the caller's input is wrong
    UNAVAILABLE = "unavailable"  # a resource (index, model, catalogue) is missing or unusable
    CONFLICT = "conflict"  # the request clashes with the current state
    FORBIDDEN = "forbidden"  # not allowed for this caller


class ZhifaError(Exception):
    """A domain error with a Chinese message (``str(error)``), a kind and a stable code."""

    kind: ClassVar[ErrorKind] = ErrorKind.INVALID
    error_code: ClassVar[str] = "invalid"

    def __init_subclass__(
        cls, kind: ErrorKind | None = None, code: str | None = None, **kwargs: object
    ) -> None:
        super().__init_subclass__(**kwargs)
        if kind is not None:
            cls.kind = kind
        if code is not None:
            cls.error_code = code

"""Shared by the review tests: the shipped example case file, edited field by field."""

from __future__ import annotations

from pathlib import Path

from assistant.case_file import CaseFile, read_case_data

EXAMPLE = (
    Path(__file__).resolve().parent.parent / "assistant" / "data" / "review" / "example_case.yaml"
)


def edited_example(**changes: object) -> CaseFile:
    """The example with ``a__b=value`` setting ``data["a"]["b"]`` (``__`` walks into dicts/lists by key)."""
    data = read_case_data(EXAMPLE)
    for dotted, value in changes.items():
        target = data
        *path, last = dotted.split("__")
        for key in path:
            target = target[key]
        target[last] = value
    return CaseFile.model_validate(data)

"""The bound file (卷宗) of a closed case: cover, table of contents, pages, closing date.

It is read from the optional ``dossier`` section of a case file; the review engine
ignores that section, as it ignores ``drafting``. Only 案卷评查 reads it, for the
卷面 items a reviewer checks on paper.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field, ValidationError, field_validator

from assistant.case_file import CaseFileError, describe_error


class TocEntry(BaseModel):
    """One line of the 卷内目录: the material's title and its first and last page."""

    title: str
    pages: tuple[int, int] | None = None

    @field_validator("pages", mode="before")
    @classmethod
    def _one_page(cls, value: object) -> object:
        return (value, value) if isinstance(value, int) else value


class Dossier(BaseModel):
    """What the bound file shows; every field optional, absence is what the rubric tests."""

    closed: dt.date | None = None
    cover: dict[str, str | dt.date | int | None] = Field(default_factory=dict)
    cases_bound: list[str] = Field(default_factory=list)
    contents: list[TocEntry] | None = None


def parse_dossier(data: object) -> Dossier:
    """The ``dossier`` section of raw case-file data (empty when absent)."""
    section = data.get("dossier") if isinstance(data, dict) else None
    if section is None:
        return Dossier()
    if not isinstance(section, dict):
        raise CaseFileError("案卷字段 dossier：应为对象（键值对）")
    try:
        return Dossier.model_validate(section)
    except ValidationError as exc:
        raise CaseFileError(describe_error(exc).replace("案卷字段 ", "案卷字段 dossier.")) from exc

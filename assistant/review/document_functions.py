"""The procedural functions a case file's documents must fulfil (立案, 告知, 决定, 送达…)
and every agency's titles for them, from an editable YAML catalogue.

The law requires a filing, a notice, a decision and proof of delivery, not one
agency's form names: a police 受案登记表 files a case as a 立案审批表 does.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError

from assistant.case_file import CaseFile, Document
from assistant.settings import AssistantSettings
from assistant.shipped_data import DOCUMENT_FUNCTIONS
from corpus.errors import ErrorKind, ZhifaError

DEFAULT_DOCUMENT_FUNCTIONS = DOCUMENT_FUNCTIONS


class DocumentFunctionError(
    ZhifaError, ValueError, kind=ErrorKind.UNAVAILABLE, code="document_functions_invalid"
):
    """The catalogue cannot be read; Chinese message."""


class DocumentFunction(BaseModel):
    """One function, the event that calls for it, and the titles that fulfil it."""

    function: str
    label: str
    rule: str
    titles: list[str]
    trigger: str | None = None
    required: bool = True
    # a record filed among the evidence (现场笔录, 询问笔录…) is itself in the case file
    evidence_titles: list[str] = Field(default_factory=list)
    # the triggering step itself done in a way the law accepts without a further document
    # (行政处罚法第六十一条第一款: 宣告后当场交付 needs no 送达回证)
    event_words: list[str] = Field(default_factory=list)

    def fulfilled_by(self, case: CaseFile) -> Document | None:
        return next((d for d in case.documents if any(t in d.type for t in self.titles)), None)

    def fulfilled(self, case: CaseFile) -> bool:
        """A document of the file, or an evidence record this function accepts, serves it."""
        if self.fulfilled_by(case) is not None:
            return True
        if self.trigger and any(
            w in f"{e.method or ''}{e.note}"
            for e in case.events_of(self.trigger)
            for w in self.event_words
        ):
            return True
        return any(t in f"{e.type}{e.name}" for e in case.evidence for t in self.evidence_titles)

    def required_in(self, case: CaseFile) -> bool:
        return self.required and (self.trigger is None or bool(case.events_of(self.trigger)))


class DocumentFunctions(BaseModel):
    functions: list[DocumentFunction] = Field(default_factory=list)

    @classmethod
    def load(cls, settings: AssistantSettings) -> DocumentFunctions:
        """The agency's catalogue (settings.review_documents_path) or the shipped one."""
        path = Path(settings.review_documents_path or DEFAULT_DOCUMENT_FUNCTIONS)
        try:
            return cls.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        except (OSError, yaml.YAMLError, ValidationError) as exc:
            raise DocumentFunctionError(
                f"无法读取文书功能目录 {path}：{type(exc).__name__}"
            ) from exc

    def missing(self, case: CaseFile) -> list[DocumentFunction]:
        """Functions the file's steps call for that no document of the file fulfils."""
        return [f for f in self.functions if f.required_in(case) and not f.fulfilled(case)]

    def get(self, function: str) -> DocumentFunction | None:
        return next((f for f in self.functions if f.function == function), None)

"""Drafter: case file (+ transcript) → one document as text and DOCX, with its warnings.

The order of a draft: build the context (verified citations, discretion, review),
render the agency's (or the shipped) template in the sandbox, audit the result so
no unverifiable article is printed, check the document's required fields, and
write the DOCX. Missing data is listed in ``warnings`` and marked in the text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from assistant.case_file import CaseFile
from assistant.drafting.details import DraftingDetails
from assistant.drafting.document_types import DocumentType, RequiredField, document_type
from assistant.drafting.docx_writer import docx_bytes, plain_text
from assistant.drafting.draft_context import (
    ContextBuilder,
    DraftRequest,
    document_date,
    standard_titles,
)
from assistant.drafting.missing import MissingLog, MissingValue, marker, tracking_undefined
from assistant.drafting.template_env import render, sandbox
from assistant.drafting.verified_citations import CitationLedger, UsedCitation
from assistant.review.context import ReviewContext
from assistant.settings import AssistantSettings
from transcription.record_draft import InterviewDraft

OMITTED_HEADING = "## 待补充事项"


@dataclass(frozen=True)
class Draft:
    """One drafted document: plain text, DOCX bytes, what is missing, what it cites."""

    kind: str
    text: str
    markup: str
    docx: bytes
    warnings: list[str] = field(default_factory=list)
    citations: list[UsedCitation] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        """The documented ``zhifa draft --json`` shape."""
        return {
            "type": self.kind,
            "text": self.text,
            "warnings": self.warnings,
            "citations": [c.as_json() for c in self.citations],
        }


def _lookup(context: dict[str, object], path: str) -> object:
    value: object = context
    for key in path.split("."):
        if isinstance(value, MissingValue) or value is None:
            return value
        value = value.get(key) if isinstance(value, dict) else getattr(value, key, None)
    return value


class Drafter:
    """Drafts documents against one review context (corpus, standards, catalogue)."""

    def __init__(
        self, settings: AssistantSettings, context: ReviewContext, today: date | None = None
    ) -> None:
        self.settings = settings
        self.context = context
        self.today = today

    def draft(
        self,
        case: CaseFile,
        kind: str | DocumentType,
        details: DraftingDetails | None = None,
        transcript: InterviewDraft | None = None,
    ) -> Draft:
        kind = document_type(kind) if isinstance(kind, str) else kind
        today = self.today or date.today()
        request = DraftRequest(case, details or DraftingDetails(), kind, transcript)
        log = MissingLog()
        dates = (case.act_date, document_date(case, kind) or today)
        ledger = CitationLedger(
            self.context.resolver, log, tuple(dict.fromkeys(dates)), standard_titles(self.context)
        )
        builder = ContextBuilder(request, self.context, ledger, log, today)
        context = builder.build()
        context["cite"] = builder.cite
        env = sandbox(self.settings, tracking_undefined(log), _finalizer(log))
        markup = ledger.audit(render(env, kind.template, context))
        markup, omitted = _check_required(kind.required, context, markup, log)
        warnings = [f"待补充：{label}" for label in log.labels] + omitted + ledger.notes
        return Draft(
            kind=kind.name,
            text=plain_text(markup),
            markup=markup,
            docx=docx_bytes(markup, kind.name),
            warnings=warnings,
            citations=ledger.printed,
        )


def _finalizer(log: MissingLog) -> Callable[[object], object]:
    """``None`` printed by a template is a missing datum too, never the word None."""

    def finalize(value: object) -> object:
        return log.note("空值（模板字段无数据）") if value is None else value

    return finalize


def _check_required(
    required: tuple[RequiredField, ...], context: dict[str, object], markup: str, log: MissingLog
) -> tuple[str, list[str]]:
    """Every required datum is printed, or marked missing; an edited template that
    dropped one gets a warning (and missing ones are listed at the end of the text)."""
    unprinted: list[str] = []
    omitted: list[str] = []
    for need in required:
        value = _lookup(context, need.path)
        if value is None:
            continue  # not applicable to this case (e.g. no money penalty, no account)
        if isinstance(value, MissingValue):
            shown = marker(value.label)
            log.note(value.label)
            if shown not in markup:
                unprinted.append(shown)
        elif str(value) not in markup:
            where = f"（{need.element}）" if need.element else ""
            omitted.append(f"文书模板未载明必备事项：{need.label}{where}")
    if unprinted:
        markup = markup.rstrip("\n") + f"\n\n{OMITTED_HEADING}\n\n" + "\n".join(unprinted) + "\n"
    return markup, omitted

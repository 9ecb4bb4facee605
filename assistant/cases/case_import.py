"""Import case files into the case base: a folder, a court-case tree, a CAIL file, decisions.

Paths are dispatched by what they hold: ``.md`` → court cases, ``.json``/``.jsonl``
with CAIL records → criminal cases, ``.txt``/``.docx``/``.pdf`` → 处罚决定书. A bad file
is reported with its reason and skipped; the good ones are written in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from assistant.cases.cail_loader import CailFormatError, iter_cail_cases, looks_like_cail
from assistant.cases.case_citations import with_resolved_citations
from assistant.cases.case_store import CaseImportReport, CaseStore
from assistant.cases.court_case_loader import (
    CourtCaseFormatError,
    iter_court_cases,
    load_court_case,
)
from assistant.cases.decision_loader import DecisionFormatError, load_decision
from assistant.cases.document_text import DOCUMENT_SUFFIXES, DocumentReadError
from assistant.cases.model import Case
from corpus.citation_resolver import CitationResolver

_LOAD_ERRORS = (
    CailFormatError,
    CourtCaseFormatError,
    DecisionFormatError,
    DocumentReadError,
    OSError,
    UnicodeDecodeError,
)


def import_paths(
    case_store: CaseStore,
    resolver: CitationResolver,
    paths: Iterable[Path],
    domain: str | None = None,
) -> CaseImportReport:
    """Load every case under ``paths``, resolve its citations, store the new ones."""
    report = CaseImportReport()
    cases: list[Case] = []
    for path in paths:
        cases.extend(_load_path(Path(path), domain, report))
    resolved = (with_resolved_citations(case, resolver) for case in cases)
    return case_store.add_cases(resolved, report)


def _load_path(path: Path, domain: str | None, report: CaseImportReport) -> Iterator[Case]:
    if not path.exists():
        report.failures.append((str(path), "路径不存在"))
        return
    if path.is_dir():
        yield from _load_folder(path, domain, report)
        return
    try:
        yield from _load_file(path, domain)
    except _LOAD_ERRORS as exc:
        report.failures.append((str(path), str(exc)))


def _load_folder(folder: Path, domain: str | None, report: CaseImportReport) -> Iterator[Case]:
    """Court cases (``*.md``, domain = sub-folder) and every other case file in the tree."""
    if any(folder.rglob("*.md")):
        try:
            yield from (_with_domain(c, domain) for c in iter_court_cases(folder))
        except _LOAD_ERRORS as exc:
            report.failures.append((str(folder), str(exc)))
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix.lower() != ".md" and _is_case_file(path):
            try:
                yield from _load_file(path, domain)
            except _LOAD_ERRORS as exc:
                report.failures.append((str(path), str(exc)))


def _is_case_file(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in DOCUMENT_SUFFIXES or (suffix in {".json", ".jsonl"} and looks_like_cail(path))


def _load_file(path: Path, domain: str | None) -> Iterator[Case]:
    suffix = path.suffix.lower()
    if suffix == ".md":
        yield load_court_case(path, domain)
    elif suffix in {".json", ".jsonl"}:
        if not looks_like_cail(path):
            raise CailFormatError(
                f"不是 CAIL 格式的案例文件（每行一个含 fact、meta 的 JSON）：{path.name}"
            )
        yield from iter_cail_cases(path)
    elif suffix in DOCUMENT_SUFFIXES:
        yield load_decision(path, domain)
    else:
        raise DocumentReadError(f"不支持的文件类型：{path.name}")


def _with_domain(case: Case, domain: str | None) -> Case:
    return case.model_copy(update={"domain": domain}).with_id() if domain else case

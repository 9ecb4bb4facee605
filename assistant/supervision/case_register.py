"""The filed case files the supervision view reads: one JSON or YAML file per case.

A folder (``settings.resolved_supervision_cases_dir``) rather than a new table: case
files are the documents officers already write for 法制审核 and 案卷评查, so filing
one is copying it in (validated, written atomically, named after its case number),
and an office may also drop files there by hand. Files that do not validate are
reported, never silently skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from assistant.case_file import CaseFile, CaseFileError, parse_case, read_case_data
from assistant.settings import AssistantSettings
from assistant.supervision.dossier import Dossier, parse_dossier
from corpus.errors import ErrorKind, ZhifaError

SUFFIXES = (".json", ".yaml", ".yml")
_UNSAFE = re.compile(r"[^\w〔〕（）()\[\]-]+")  # keep letters, digits, CJK, brackets


class FiledCaseNotFound(ZhifaError, LookupError, kind=ErrorKind.NOT_FOUND, code="case_not_filed"):
    """No filed case file carries that case number."""


@dataclass(frozen=True)
class FiledCase:
    path: Path
    data: dict
    case: CaseFile
    dossier: Dossier


@dataclass(frozen=True)
class RegisterProblem:
    path: Path
    reason: str

    def as_json(self) -> dict[str, str]:
        return {"path": str(self.path), "reason": self.reason}


def file_name_for(case_id: str) -> str:
    """A safe file name that still shows the case number, unique per case number."""
    digest = hashlib.sha256(case_id.encode("utf-8")).hexdigest()[:8]
    return f"{_UNSAFE.sub('_', case_id).strip('_.')[:80]}-{digest}.json"


class CaseRegister:
    """Filed case files in one folder."""

    def __init__(self, settings: AssistantSettings) -> None:
        self.folder = settings.resolved_supervision_cases_dir

    def file(self, data: object) -> FiledCase:
        """Validate and store (replacing the earlier filing of the same case number)."""
        case, dossier = parse_case(data), parse_dossier(data)
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / file_name_for(case.case_id)
        text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
        return FiledCase(path, json.loads(text), case, dossier)

    def load(self) -> tuple[list[FiledCase], list[RegisterProblem]]:
        """Every filed case (sorted by case number) and the files that could not be read."""
        cases: dict[str, FiledCase] = {}
        problems: list[RegisterProblem] = []
        paths = sorted(p for p in self.folder.glob("*") if p.suffix.lower() in SUFFIXES)
        for path in paths if self.folder.is_dir() else []:
            try:
                data = read_case_data(path)
                filed = FiledCase(path, data, parse_case(data), parse_dossier(data))
            except CaseFileError as exc:
                problems.append(RegisterProblem(path, str(exc)))
                continue
            if filed.case.case_id in cases:
                other = cases[filed.case.case_id].path.name
                problems.append(RegisterProblem(path, f"案号 {filed.case.case_id} 与 {other} 重复"))
                continue
            cases[filed.case.case_id] = filed
        return sorted(cases.values(), key=lambda c: c.case.case_id), problems

    def get(self, case_id: str) -> FiledCase:
        found = next((c for c in self.load()[0] if c.case.case_id == case_id), None)
        if found is None:
            raise FiledCaseNotFound(f"没有登记案号为 {case_id} 的案卷（zhifa supervise file 登记）")
        return found

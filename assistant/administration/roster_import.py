"""Validate spreadsheet rows into roster records, reporting every bad row in Chinese.

Import is all-or-nothing: rows are checked first (required columns, enumerations,
dates, agencies that exist, legal bases that resolve in the corpus on the import
date, duplicates), and only a file without a single error is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel, ValidationError

from assistant.administration.roster_records import (
    COLUMNS,
    POWER_TYPES,
    REQUIRED_FIELDS,
    AgencyRecord,
    OfficerRecord,
    PowerRecord,
    RosterKind,
    field_label,
)
from assistant.administration.tabular_files import Row
from corpus.citation_resolver import CitationError, CitationResolver

_LIST_SEPARATORS = re.compile(r"[；;，,、\n]+")
_TRUE = {"是", "true", "1", "y", "yes", "√"}
_FALSE = {"否", "false", "0", "n", "no", ""}
_RECORD_MODELS: dict[RosterKind, type[BaseModel]] = {
    RosterKind.AGENCIES: AgencyRecord,
    RosterKind.POWERS: PowerRecord,
    RosterKind.OFFICERS: OfficerRecord,
}
_KEY_FIELD = {
    RosterKind.AGENCIES: "name",
    RosterKind.POWERS: "code",
    RosterKind.OFFICERS: "certificate_no",
}


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: str

    def line(self) -> str:
        where = f"“{self.column}”列" if self.column else ""
        return f"第{self.row}行{where}：{self.message}"

    def as_json(self) -> dict[str, object]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class ImportReport:
    """What an import found and did; ``written`` is 0 whenever ``problems`` is not empty."""

    kind: RosterKind
    rows: int = 0
    written: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "ok": self.ok,
            "rows": self.rows,
            "written": self.written,
            "problems": [p.as_json() for p in self.problems],
        }

    def summary(self) -> str:
        if self.ok:
            return f"已导入{self.kind.label}{self.written}条（共{self.rows}行）"
        lines = [f"{self.kind.label}表有{len(self.problems)}处错误，未导入任何一行："]
        return "\n".join(lines + [p.line() for p in self.problems])


@dataclass(frozen=True)
class ImportChecks:
    """What validation may consult: agencies on file, the resolver, the import date."""

    known_agencies: frozenset[str]
    resolver: CitationResolver
    on: date


def _header_map(kind: RosterKind, headers: Iterable[str]) -> dict[str, str]:
    """header in file -> field name."""
    found = {}
    for name, aliases in COLUMNS[kind].items():
        for header in headers:
            if header == name or header in aliases:
                found[header] = name
    return found


def _list_value(value: object) -> list[str]:
    return [p.strip() for p in _LIST_SEPARATORS.split(str(value or "")) if p.strip()]


def _bool_value(value: object) -> bool | None:
    text = str(value if value is not None else "").strip().lower()
    return True if text in _TRUE else False if text in _FALSE else None


def _scalar_text(value: object) -> object:
    """Spreadsheet numbers (certificate numbers, codes) as the text they display."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return str(int(value)) if float(value).is_integer() else str(value)


def _date_value(value: object) -> date | None | str:
    """A date, None for blank, or the text back when it is not a date."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-")
    try:
        return date.fromisoformat(text)
    except ValueError:
        return str(value)


def _row_fields(kind: RosterKind, number: int, row: Row) -> tuple[dict, list[RowProblem]]:
    headers = _header_map(kind, row.keys())
    values = {f: _scalar_text(row[h]) for h, f in headers.items() if row[h] is not None}
    problems = [
        RowProblem(number, field_label(kind, f), "必填项为空")
        for f in REQUIRED_FIELDS[kind]
        if str(values.get(f) or "").strip() == ""
    ]
    for name in ("valid_from", "valid_to"):
        if name in values:
            parsed = _date_value(values[name])
            if isinstance(parsed, str):
                problems.append(RowProblem(number, field_label(kind, name), "日期应为 YYYY-MM-DD"))
            values[name] = None if isinstance(parsed, str) else parsed
    if "random_check" in values:
        flag = _bool_value(values["random_check"])
        if flag is None:
            problems.append(RowProblem(number, field_label(kind, "random_check"), "应填“是”或“否”"))
        values["random_check"] = bool(flag)
    if "related_targets" in values:
        values["related_targets"] = _list_value(values["related_targets"])
    return values, problems


def _check_model(kind: RosterKind, number: int, values: dict) -> tuple[BaseModel | None, list]:
    try:
        return _RECORD_MODELS[kind].model_validate(values), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else ""
            column = field_label(kind, name) if name in COLUMNS[kind] else name
            allowed = error.get("ctx", {}).get("expected", "")
            message = f"取值无效（可选：{allowed}）" if allowed else "取值无效"
            if name == "power_type":
                message = f"取值无效（可选：{'、'.join(POWER_TYPES)}）"
            problems.append(RowProblem(number, column, message))
        return None, problems


def _verify_basis(record: PowerRecord, number: int, checks: ImportChecks) -> list[RowProblem]:
    """Every citation in 实施依据 resolves on the import date; the canonical forms are kept."""
    problems, canonical = [], []
    for part in _list_value(record.basis_written.replace("、《", "；《")):
        for result in checks.resolver.resolve_text(part, checks.on):
            if isinstance(result, CitationError):
                problems.append(
                    RowProblem(number, "实施依据", f"“{part}”无法核验：{result.message}")
                )
            else:
                canonical.append(result.citation)
    record.basis = list(dict.fromkeys(canonical))
    return problems


def _dates_reversed(record: OfficerRecord) -> bool:
    return bool(record.valid_from and record.valid_to and record.valid_to < record.valid_from)


def _cross_checks(
    kind: RosterKind, record: BaseModel, number: int, checks: ImportChecks
) -> list[RowProblem]:
    problems = []
    agency = getattr(record, "agency", None)
    if agency is not None and agency not in checks.known_agencies:
        column = field_label(kind, "agency")
        problems.append(RowProblem(number, column, f"执法主体“{agency}”不在人员库中，请先导入"))
    if isinstance(record, PowerRecord):
        problems += _verify_basis(record, number, checks)
    if isinstance(record, OfficerRecord) and _dates_reversed(record):
        problems.append(RowProblem(number, "有效期至", "早于有效期起"))
    return problems


def validate_rows(
    kind: RosterKind, rows: list[tuple[int, Row]], checks: ImportChecks
) -> tuple[list[BaseModel], list[RowProblem]]:
    """All records, or every problem found (duplicates within the file included)."""
    records: list[BaseModel] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    key: Callable[[BaseModel], str] = lambda r: str(getattr(r, _KEY_FIELD[kind]))  # noqa: E731
    for number, row in rows:
        values, found = _row_fields(kind, number, row)
        record, invalid = (None, []) if found else _check_model(kind, number, values)
        found += invalid
        if record is not None:
            found += _cross_checks(kind, record, number, checks)
            if key(record) in seen:
                found.append(
                    RowProblem(number, "", f"“{key(record)}”与第{seen[key(record)]}行重复")
                )
            seen.setdefault(key(record), number)
        problems += found
        if record is not None and not found:
            records.append(record)
    if not rows:
        problems.append(RowProblem(1, "", "表格没有数据行"))
    return records, problems

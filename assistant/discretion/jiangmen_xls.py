"""江门 自由裁量权裁量标准参照表 (.xls, one sheet per law) → Violations with tiers.

Columns 序号/违法行为/法律依据/类别/裁量情节/裁量标准/备注. A tier (类别) spans several
情节 rows through merged cells, so merges are resolved first (formatting_info=True);
hidden text left inside merged ranges is ignored, as Excel shows it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import xlrd

from assistant.discretion.legal_basis import parse_legal_basis
from assistant.discretion.model import Condition, LegalBasis, PenaltyRange, Tier, Violation
from assistant.discretion.penalty_amounts import (
    parse_penalty,
    split_unit_and_individual,
    statutory_penalty,
)
from corpus.text_normalizer import normalize_text

_HEADERS = {
    "序号": "number",
    "违法行为": "title",
    "法律依据": "basis",
    "类别": "level",
    "裁量情节": "condition",
    "裁量标准": "standard",
    "备注": "note",
}
_SHEET_TITLE = re.compile(r"《([^》]+)》")


@dataclass
class _Row:
    """One spreadsheet row with merged cells filled in."""

    index: int
    cells: dict[str, str]


@dataclass
class _Draft:
    """A violation being assembled from consecutive rows of one 序号."""

    number: str
    title: str
    category: str
    sheet: str
    first_row: int
    last_row: int = 0
    bases: list[str] = field(default_factory=list)
    tiers: list[Tier] = field(default_factory=list)
    scenario: str = ""
    stray_text: list[str] = field(default_factory=list)


def load_jiangmen(path: Path) -> list[Violation]:
    """All violations of the 江门 workbook, in sheet order."""
    book = xlrd.open_workbook(str(path), formatting_info=True)
    violations: list[Violation] = []
    for sheet in book.sheets():
        if sheet.nrows > 2:
            violations.extend(_sheet_violations(sheet))
    return violations


def _sheet_violations(sheet: xlrd.sheet.Sheet) -> list[Violation]:
    grid = _filled_grid(sheet)
    header_row = next(i for i, row in enumerate(grid) if "序号" in [c.strip() for c in row])
    columns = _column_map(grid[header_row])
    category = _category(grid[0], sheet.name)
    drafts: list[_Draft] = []
    for index in range(header_row + 1, len(grid)):
        row = _Row(index, {key: grid[index][col].strip() for key, col in columns.items()})
        if not any(row.cells.values()):
            continue
        _add_row(drafts, row, category, sheet.name)
    return [_finish(draft) for draft in drafts]


def _filled_grid(sheet: xlrd.sheet.Sheet) -> list[list[str]]:
    """Cell texts with every merged range carrying its top-left value."""
    grid = [[_text(sheet.cell_value(r, c)) for c in range(sheet.ncols)] for r in range(sheet.nrows)]
    for rlo, rhi, clo, chi in sheet.merged_cells:
        value = grid[rlo][clo]
        for r in range(rlo, rhi):
            for c in range(clo, chi):
                grid[r][c] = value
    return grid


def _text(value: object) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return normalize_text(str(value), simplify=False) if value else ""


def _column_map(header: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for col, name in enumerate(header):
        key = _HEADERS.get(name.strip())
        if key and key not in columns:
            columns[key] = col
    return columns


def _category(title_row: list[str], sheet_name: str) -> str:
    found = _SHEET_TITLE.search(" ".join(title_row))
    return found.group(1) if found else sheet_name


def _add_row(drafts: list[_Draft], row: _Row, category: str, sheet: str) -> None:
    number = row.cells.get("number", "")
    if not drafts or (number and number != drafts[-1].number):
        drafts.append(
            _Draft(number, row.cells.get("title", ""), category, sheet, first_row=row.index + 1)
        )
    draft = drafts[-1]
    draft.last_row = row.index + 1
    basis = row.cells.get("basis", "")
    level = _level(row.cells.get("level", ""))
    if basis and basis not in draft.bases:
        if draft.bases and level is not None and draft.tiers and level <= draft.tiers[-1].level:
            draft.scenario = _scenario_label(basis)
        draft.bases.append(basis)
    _add_tier_row(draft, row, level)


def _level(text: str) -> int | None:
    try:
        return int(float(text))
    except ValueError:
        return None


def _scenario_label(basis: str) -> str:
    """A second 法律依据 inside one 序号 (逾期不拆除的…) starts its own tier scale."""
    return re.split(r"[，,；;]", basis, maxsplit=1)[0]


def _add_tier_row(draft: _Draft, row: _Row, level: int | None) -> None:
    condition = row.cells.get("condition", "")
    standard = row.cells.get("standard", "")
    location = f"{draft.sheet}!{row.index + 1}"
    last = draft.tiers[-1] if draft.tiers else None
    same_tier = last is not None and (level is None or level == last.level)
    same_tier = same_tier and (not standard or standard == last.penalty_text)
    same_tier = same_tier and last.scenario == draft.scenario
    if same_tier and last is not None:
        if condition and condition not in [c.text for c in last.conditions]:
            last.conditions.append(Condition(text=condition))
        return
    if level is None and not standard:
        if condition or row.cells.get("title"):
            draft.stray_text.append(f"{location}: {condition or row.cells.get('title')}")
        return
    draft.tiers.append(_tier(level, condition, standard, row, location, draft.scenario))


def _tier(
    level: int | None, condition: str, standard: str, row: _Row, location: str, scenario: str
) -> Tier:
    unit_text, individual_text = split_unit_and_individual(standard)
    return Tier(
        level=level if level is not None else 0,
        conditions=[Condition(text=condition)] if condition else [],
        penalty_text=standard,
        penalty=parse_penalty(unit_text),
        individual_penalty=parse_penalty(individual_text) if individual_text else None,
        note=row.cells.get("note", ""),
        location=location,
        scenario=scenario,
    )


def _finish(draft: _Draft) -> Violation:
    bases: list[LegalBasis] = [parse_legal_basis(text) for text in draft.bases]
    statutory = _statutory_range(draft.bases)
    return Violation(
        id=f"JM-{draft.number}",
        source="jiangmen",
        number=draft.number,
        title=draft.title.replace("\n", "；"),
        category=draft.category,
        mode="tiers",
        legal_basis=bases,
        statutory_range=statutory,
        tiers=draft.tiers,
        notes="\n".join(draft.stray_text),
        location=f"{draft.sheet}!{draft.first_row}-{draft.last_row}",
    )


def _statutory_range(bases: list[str]) -> PenaltyRange | None:
    """The fine the statute itself sets, read from the quoted provision after the colon."""
    quoted = re.split(r"[：:]", bases[0], maxsplit=1) if bases else []
    return statutory_penalty(quoted[1]) if len(quoted) == 2 else None

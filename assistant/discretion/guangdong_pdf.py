"""广东省生态环境违法行为行政处罚罚款金额裁量表 (234-page PDF) → Violations.

Each standard is a heading (一、…), a ``§c.n 裁量标准`` marker and tables: 违反条款,
处罚依据, then either a 权重累加 grid (裁量要素/违法程度/裁量权重 + 裁量起点 + 备注
formula) or a 幅度 grid (factor columns → 罚款). Tables run across pages, so all
pages are read as one stream of rows and headings; merged cells come back from
pdfplumber as None and are resolved with the cell boxes (left span vs. row above).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

from assistant.discretion.legal_basis import parse_legal_basis
from assistant.discretion.model import (
    Condition,
    Factor,
    FactorLevel,
    Tier,
    Violation,
    WeightSchedule,
)
from assistant.discretion.penalty_amounts import (
    chinese_number,
    parse_penalty,
    statutory_penalty,
)
from corpus.text_normalizer import normalize_text

_SECTION = re.compile(r"^§\s*(\d+(?:\.\d+)+)")
_CHAPTER = re.compile(r"^第[一二三四五六七八九十]+章\s*(\S+)$")
_HEADING = re.compile(r"^[一二三四五六七八九十百]+、")
_PCT = re.compile(r"^(\d+(?:\.\d+)?)\s*%$")
_CUT_AMOUNT_TAILS = ("以下", "以上", "下", "元", "倍", "罚款")
_KEYS = ("违反条款", "处罚依据", "备注")
_PENALTY_HEADERS = ("罚款", "处罚标准")


@dataclass
class _Line:
    page: int
    top: float
    text: str


@dataclass
class _TableRow:
    page: int
    top: float
    cells: list[str | None]
    boxes: list[tuple[float, float, float, float] | None]
    first_of_table: bool


@dataclass
class _Grid:
    """One 违法行为 header and its data rows, already merge-filled."""

    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    @property
    def value_columns(self) -> list[int]:
        """Columns holding amounts or weights (the rest describe the case)."""
        if any("裁量要素" in h or "裁量权" in h for h in self.header):
            return list(range(3, len(self.header)))
        return _penalty_columns(self.header)


@dataclass
class _Section:
    number: str
    title: str
    category: str
    page: int
    keys: dict[str, list[str]] = field(default_factory=dict)
    grids: list[_Grid] = field(default_factory=list)


def load_guangdong(path: Path) -> list[Violation]:
    """Every 裁量标准 section of the PDF as a Violation (tiers or weights)."""
    events = _events(path)
    return [_violation(section) for section in _sections(events)]


def _events(path: Path) -> list[_Line | _TableRow]:
    """Headings and table rows of all pages in reading order."""
    events: list[_Line | _TableRow] = []
    with pdfplumber.open(str(path)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            events.extend(_page_events(page, number))
    return events


def _page_events(page: pdfplumber.page.Page, number: int) -> list[_Line | _TableRow]:
    tables = page.find_tables()
    items: list[_Line | _TableRow] = []
    for table in tables:
        texts = table.extract()
        for index, (row, cells) in enumerate(zip(table.rows, texts, strict=False)):
            boxes = list(row.cells)
            top = min(b[1] for b in boxes if b is not None)
            items.append(_TableRow(number, top, list(cells), boxes, index == 0))
    for line in page.extract_text_lines():
        if not any(_inside(line, t.bbox) for t in tables):
            items.append(_Line(number, line["top"], normalize_text(line["text"], simplify=False)))
    return sorted(items, key=lambda e: e.top)


def _inside(line: dict, bbox: tuple[float, float, float, float]) -> bool:
    middle = (line["top"] + line["bottom"]) / 2
    return bbox[1] - 1 <= middle <= bbox[3] + 1


def _sections(events: list[_Line | _TableRow]) -> list[_Section]:
    sections: list[_Section] = []
    category = ""
    heading: list[str] = []
    state = _StreamState()
    for event in events:
        if isinstance(event, _Line):
            category, heading = _on_line(event, sections, category, heading)
        elif sections:
            state.on_row(sections[-1], event)
            heading = []
    return sections


def _on_line(
    line: _Line, sections: list[_Section], category: str, heading: list[str]
) -> tuple[str, list[str]]:
    """Track chapter and heading lines; a § marker opens the next section."""
    text = line.text.strip()
    if "....." in text or text.isdigit() or not text:
        return category, heading
    chapter = _CHAPTER.match(text)
    if chapter:
        return chapter.group(1), []
    section = _SECTION.match(text)
    if section:
        title = _title(heading) or (sections[-1].title if sections else "")
        number = _unique_number(section.group(1), sections)
        sections.append(_Section(number, title, category, line.page))
        return category, []
    if _HEADING.match(text):
        return category, [text]
    return category, [*heading, text] if heading else heading


def _unique_number(number: str, sections: list[_Section]) -> str:
    """The PDF numbers two sections §8.17; the second becomes 8.17#2."""
    taken = {s.number for s in sections}
    candidate, count = number, 1
    while candidate in taken:
        count += 1
        candidate = f"{number}#{count}"
    return candidate


def _title(lines: list[str]) -> str:
    return _HEADING.sub("", "".join(lines)).strip()


class _StreamState:
    """Which table part the last row belonged to, for rows continued on the next page."""

    def __init__(self) -> None:
        self.last_key: str | None = None
        self.section: _Section | None = None

    def on_row(self, section: _Section, row: _TableRow) -> None:
        if section is not self.section:
            self.section, self.last_key = section, None
        cells = [_clean(c) for c in row.cells]
        first = (cells[0] or "").rstrip("：:") if cells else ""
        if first in _KEYS:
            self.last_key = first
            section.keys.setdefault(first, []).append(" ".join(c for c in cells[1:] if c))
            return
        if first == "违法行为":
            self.last_key = None
            section.grids.append(_Grid(header=[c or "" for c in cells], pages=[row.page]))
            return
        if row.first_of_table and self.last_key and not first:
            section.keys[self.last_key][-1] += "".join(c for c in cells[1:] if c)
            return
        if section.grids:
            _add_grid_row(section.grids[-1], row, cells)


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    return re.sub(r"\s+", "", normalize_text(text, simplify=False))


def _add_grid_row(grid: _Grid, row: _TableRow, cells: list[str | None]) -> None:
    width = len(grid.header)
    cells = (cells + [None] * width)[:width]
    boxes = (row.boxes + [None] * width)[:width]
    if row.first_of_table and grid.rows and _is_split_tail(cells, grid.value_columns):
        _append_split_row(grid.rows[-1], cells)
        return
    previous = grid.rows[-1] if grid.rows else [""] * width
    filled = [_fill(i, cells, boxes, previous) for i in range(width)]
    grid.rows.append(filled)
    if row.page not in grid.pages:
        grid.pages.append(row.page)


def _is_split_tail(cells: list[str | None], value_columns: list[int]) -> bool:
    """The first row on a page is a cut row's tail when its value, or its text, is missing.

    A tail with text only (条件 cut mid-cell) has no weight/amount; a tail with a value
    only is the rest of a cut amount (…以 / 下), which alone reads as no number.
    """
    if not any(cells):
        return False
    values = [cells[i] or "" for i in value_columns if i < len(cells)]
    texts = [c for i, c in enumerate(cells) if i not in value_columns and c]
    if not any(values):
        return True
    if any(v.startswith(_CUT_AMOUNT_TAILS) for v in values):
        return True
    if texts:
        return False
    return all(_pct(v) is None and parse_penalty(v) is None for v in values if v)


def _append_split_row(previous: list[str], cells: list[str | None]) -> None:
    """A row cut by the page break: its tail is glued onto the row above."""
    for i, text in enumerate(cells):
        if text:
            previous[i] = previous[i] + text


def _fill(
    i: int,
    cells: list[str | None],
    boxes: list[tuple[float, float, float, float] | None],
    previous: list[str],
) -> str:
    """A cell's text; a covered cell takes its left neighbour (span) or the row above."""
    if cells[i]:
        return cells[i] or ""
    for k in range(i - 1, -1, -1):
        if boxes[k] is not None:
            if cells[i] is None and _spans_right(boxes[k], boxes, i):
                return cells[k] or ""
            break
    return previous[i]


def _spans_right(
    box: tuple[float, float, float, float],
    boxes: list[tuple[float, float, float, float] | None],
    i: int,
) -> bool:
    """Whether the left cell's box reaches over column ``i`` (a horizontal merge)."""
    right = [b for b in boxes[i + 1 :] if b is not None]
    limit = right[0][0] if right else box[2]
    return box[2] >= limit - 2 and (right or box[2] > box[0])


def _violation(section: _Section) -> Violation:
    keys = {k: "".join(v) for k, v in section.keys.items()}
    weights = [g for g in section.grids if _is_weight_grid(g)]
    ranges = [g for g in section.grids if not _is_weight_grid(g)]
    basis_text = keys.get("处罚依据", "")
    violation = Violation(
        id=f"GD-{section.number}",
        source="guangdong",
        number=f"§{section.number}",
        title=section.title,
        category=section.category,
        mode="weights" if weights else "tiers",
        legal_basis=[parse_legal_basis(basis_text)] if basis_text else [],
        violated_provisions=[parse_legal_basis(t) for t in section.keys.get("违反条款", [])],
        statutory_range=_statutory(basis_text),
        notes=keys.get("备注", ""),
        location=_pages(section),
    )
    tiers = [tier for grid in ranges for tier in _range_tiers(grid)]
    update: dict[str, object] = {"tiers": tiers}
    if weights:
        factors, schedules = _weights(weights, keys.get("备注", ""))
        update |= {"factors": factors, "schedules": schedules}
    if ranges:
        update["factor_columns"] = ranges[0].header[1:-1]
    return violation.model_copy(update=update)


def _is_weight_grid(grid: _Grid) -> bool:
    """权重累加 grids name 裁量要素/裁量权重 or carry a 裁量起点 row."""
    if any("裁量要素" in h or "裁量权" in h for h in grid.header):
        return True
    return any("裁量起点" in row[:2] for row in grid.rows)


def _pages(section: _Section) -> str:
    pages = [section.page] + [p for g in section.grids for p in g.pages]
    return f"PDF第{min(pages)}-{max(pages)}页" if pages else ""


def _statutory(basis_text: str):
    """The statutory fine quoted in 处罚依据 (after the law name)."""
    return statutory_penalty(basis_text)


def _penalty_columns(header: list[str]) -> list[int]:
    columns = [i for i, h in enumerate(header) if i > 0 and any(k in h for k in _PENALTY_HEADERS)]
    return columns or [len(header) - 1]


def _range_tiers(grid: _Grid) -> list[Tier]:
    penalty_cols = _penalty_columns(grid.header)
    factor_cols = [i for i in range(1, len(grid.header)) if i not in penalty_cols]
    tiers: list[Tier] = []
    for index, row in enumerate(grid.rows, start=1):
        texts = [_with_unit(row[c], grid.header[c]) for c in penalty_cols]
        conditions = _conditions(row, grid.header, factor_cols)
        tiers.append(
            Tier(
                level=index,
                conditions=conditions,
                penalty_text=texts[0],
                penalty=parse_penalty(texts[0]),
                individual_penalty=parse_penalty(texts[1]) if len(texts) > 1 else None,
                note=texts[1] if len(texts) > 1 else "",
                location=f"PDF第{'/'.join(str(p) for p in grid.pages)}页 第{index}行",
                scenario=row[0],
            )
        )
    return tiers


def _with_unit(text: str, header: str) -> str:
    """Columns headed 罚款（万） hold bare numbers in 万元."""
    if "万" in header and text and "元" not in text:
        return re.sub(r"(\d+(?:\.\d+)?)(?![\d.万元])", r"\1万元", text)
    return text


def _conditions(row: list[str], header: list[str], columns: list[int]) -> list[Condition]:
    conditions: list[Condition] = []
    for c in columns:
        text = row[c]
        if text and text not in [x.text for x in conditions]:
            conditions.append(Condition(factor=_header_name(header[c]), text=text))
    return conditions


def _header_name(text: str) -> str:
    return text or "违法情节"


def _weights(grids: list[_Grid], notes: str) -> tuple[list[Factor], list[WeightSchedule]]:
    """Factors with per-level weights, and one schedule per weight column."""
    width = max(len(g.header) for g in grids) - 3
    labels: list[str] = [""] * width
    starts: list[float | None] = [None] * width
    factors: dict[str, Factor] = {}
    for grid in grids:
        for index, row in enumerate(grid.rows, start=1):
            row = (row + [""] * (width + 3))[: width + 3]
            values = row[3 : 3 + width]
            if row[1] == "裁量起点" or (not row[1] and not row[2] and _pct(values[0])):
                labels, starts = _start_row(values, labels, starts)
                continue
            if not row[2]:
                continue
            location = f"PDF第{'/'.join(str(p) for p in grid.pages)}页 第{index}行"
            level = FactorLevel(text=row[2], weights_pct=_level_weights(values), location=location)
            factor = factors.setdefault(
                row[1] or "违法程度", Factor(name=row[1] or "违法程度", levels=[])
            )
            if level.text not in [x.text for x in factor.levels]:
                factor.levels.append(level)
    return list(factors.values()), _schedules(labels, starts, notes)


_FRACTION = re.compile(r"^(\d+)/(\d+)$")


def _pct(text: str | None) -> float | None:
    """20% → 20.0; the table also writes weights as fractions (1/3 → 33.33…)."""
    text = (text or "").replace("％", "%")
    found = _PCT.match(text)
    if found:
        return float(found.group(1))
    fraction = _FRACTION.match(text)
    if fraction and int(fraction.group(2)):
        return 100 * int(fraction.group(1)) / int(fraction.group(2))
    return None


def _level_weights(values: list[str]) -> list[float | None]:
    """Weights per schedule; an empty column shares the first one (merged across)."""
    weights = [_pct(v) for v in values]
    first = weights[0]
    return [w if w is not None or values[i] else first for i, w in enumerate(weights)]


def _start_row(
    values: list[str], labels: list[str], starts: list[float | None]
) -> tuple[list[str], list[float | None]]:
    """裁量起点: either percentages, or schedule labels whose percentages follow."""
    pcts = [_pct(v) for v in values]
    if any(p is not None for p in pcts):
        return labels, [p if p is not None else pcts[0] for p in pcts]
    return [v or "" for v in values], starts


def _schedules(labels: list[str], starts: list[float | None], notes: str) -> list[WeightSchedule]:
    formulas = _formulas(notes)
    schedules: list[WeightSchedule] = []
    for index, (label, start) in enumerate(zip(labels, starts, strict=False)):
        if start is None and not label and index > 0:
            continue
        formula = _formula_for(label, index, formulas)
        schedules.append(_schedule(label, start, formula, notes))
    return schedules


_FORMULA = re.compile(r"(?:（\d）)?([^（；。]*?)的?罚款金额[=＝]([^；。]+)")


def _formulas(notes: str) -> list[tuple[str, str]]:
    """(label, right-hand side) of each 罚款金额＝… in the 备注."""
    return [(m.group(1), m.group(2)) for m in _FORMULA.finditer(notes.replace("\n", ""))]


def _formula_for(label: str, index: int, formulas: list[tuple[str, str]]) -> tuple[str, str]:
    for name, rhs in formulas:
        if label and (label in name or name in label):
            return name, rhs
    if index < len(formulas):
        return formulas[index]
    return ("", "")


def _schedule(
    label: str, start: float | None, formula: tuple[str, str], notes: str
) -> WeightSchedule:
    name, rhs = formula
    base_yuan, base_name, factor = _formula_base(rhs)
    return WeightSchedule(
        label=label or ("" if "计算方法" in name else name),
        start_pct=start,
        base_yuan=base_yuan,
        base_name=base_name,
        base_factor=factor,
        min_total_pct=_bound(notes, "不足", label),
        max_total_pct=100.0,
        formula=f"罚款金额＝{rhs}" if rhs else "",
    )


_TIMES = re.compile(r"[×x]\s*(\d+(?:\.\d+)?)\s*(倍|%)")


def _formula_base(rhs: str) -> tuple[float | None, str | None, float]:
    """裁量百分值总和×100万 → (1e6, None, 1); ×所需处置费用×5倍 → (None, 所需处置费用, 5)."""
    rest = re.sub(r"^.*?裁量百分值总和", "", rhs)
    amount = re.search(r"[×x]\s*(\d+(?:\.\d+)?)\s*(万)?元?(?![倍%\d])", rest)
    factor = 1.0
    for value, unit in _TIMES.findall(rest):
        factor *= float(value) / 100 if unit == "%" else float(value)
    name = re.search(r"[×x]\s*([\u4e00-\u9fa5]{2,12})", rest)
    if amount and not name:
        return float(amount.group(1)) * (10_000 if amount.group(2) else 1), None, factor
    return None, name.group(1) if name else None, factor


def _bound(notes: str, word: str, label: str) -> float | None:
    """裁量百分值总和不足20%的，按20%计算 → 20 (a floor on the summed weights)."""
    for found in re.finditer(rf"([^。；\d]*)裁量百分值总和{word}(\d+)%的，按(\d+)%计算", notes):
        if not label or label in found.group(1) or not found.group(1).strip("0123456789."):
            return float(found.group(3))
    return None


def number_of(text: str) -> float:
    """Exposed for tests: Chinese or Arabic number in a cell."""
    return chinese_number(text)

"""不予处罚清单 (江门 Markdown list, 广东 PDF 目录) → ExemptionItems.

Each item names a violation, the provisions it breaches and the conditions that must
all hold (首次违法, 限期内改正, 危害后果轻微 …) for no penalty to be imposed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber

from assistant.discretion.legal_basis import parse_legal_basis
from assistant.discretion.model import ExemptionItem, LegalBasis
from corpus.text_normalizer import normalize_text

_CATEGORY = re.compile(r"^##\s+[一二三四五六七八九十]+、(.+)$")
_ITEM = re.compile(r"^###\s+(\d+)、(.+)$")
_CONDITION = re.compile(r"^[（(](\d+)[）)](.+)$")
_HTML = re.compile(r"<[^>]+>|:mag:\*\[[^\]]*\]\([^)]*\)\*|&emsp;")


def load_jiangmen_exemptions(path: Path) -> list[ExemptionItem]:
    """The 江门 list: ``## 类`` → ``### n、违法行为`` → 违反条款 bullets → 情节 lines."""
    items: list[ExemptionItem] = []
    category, block = "", ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if found := _CATEGORY.match(line):
            category = found.group(1)
        elif found := _ITEM.match(line):
            items.append(_jm_item(found, category, len(items) + 1))
        elif line.startswith(":::"):
            block = line[3:].strip()
        elif items:
            _jm_line(items[-1], line, block)
    return items


def _jm_item(found: re.Match[str], category: str, index: int) -> ExemptionItem:
    return ExemptionItem(
        id=f"JM-免罚-{index}",
        source="jiangmen",
        number=found.group(1),
        category=category,
        title=found.group(2).strip(),
        conditions=[],
    )


def _jm_line(item: ExemptionItem, line: str, block: str) -> None:
    if block.startswith("details") and line.startswith("- "):
        text = _HTML.sub(" ", line[2:]).strip()
        item.provisions.append(parse_legal_basis(text))
    elif block.startswith("tip"):
        if "可以不予" in line:
            item.discretionary = True
        if found := _CONDITION.match(line):
            item.conditions.append(found.group(2).rstrip("；;。"))


def load_guangdong_exemptions(path: Path) -> list[ExemptionItem]:
    """The 广东 目录 PDF: one table row per item, rows cut by page breaks glued back."""
    rows: list[list[str]] = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows.extend(_gd_rows(table, rows))
    items = [row for row in rows if row[0].isdigit()]  # the trailing 备注 row is not an item
    return [_gd_item(row, i + 1) for i, row in enumerate(items)]


def _gd_rows(table: list[list[str | None]], done: list[list[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    for cells in table:
        texts = [normalize_text(c or "", simplify=False).replace("\n", "") for c in cells[:5]]
        texts += [""] * (5 - len(texts))
        if texts[0] == "序号":
            continue
        if not texts[0] and (out or done):
            previous = (out or done)[-1]
            for i in range(1, 5):
                previous[i] += texts[i]
            continue
        if not texts[1]:
            texts[1] = (out or done)[-1][1] if (out or done) else ""
        out.append(texts)
    return out


def _gd_item(row: list[str], index: int) -> ExemptionItem:
    number, category, title, provisions, rule = row
    conditions = [
        m.group(2).rstrip("；;。") for m in re.finditer(r"[（(](\d+)[）)]([^（(]+)", rule)
    ]
    return ExemptionItem(
        id=f"GD-免罚-{number or index}",
        source="guangdong",
        number=number or str(index),
        category=category,
        title=title,
        provisions=_split_provisions(provisions),
        conditions=conditions,
        discretionary="可以不予" in rule,
    )


def _split_provisions(text: str) -> list[LegalBasis]:
    """Several 《law》第N条 … passages in one cell become one LegalBasis each."""
    starts = [m.start() for m in re.finditer(r"《", text)] or [0]
    parts = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=False)]
    return [parse_legal_basis(p) for p in parts if p.strip()]

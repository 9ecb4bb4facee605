"""Read and write the tables agencies exchange: CSV (UTF-8, Excel-friendly BOM), XLSX, HTML.

Rosters arrive as spreadsheets and lists leave as spreadsheets or a web page for
the publicity column, so every administration table goes through these helpers.
"""

from __future__ import annotations

import csv
import html
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font

from corpus.errors import ErrorKind, ZhifaError

TABLE_FORMATS = ("xlsx", "csv", "html")


class TableFileError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_table_file"):
    """A table file that cannot be read; the message is Chinese."""


Row = dict[str, object]


def _clean(value: object) -> object:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        return value.strip()
    return value


def _rows_from_grid(grid: list[list[object]]) -> list[tuple[int, Row]]:
    """(spreadsheet row number, {header: value}) for every non-blank data row."""
    if not grid:
        raise TableFileError("表格为空：第一行应为表头")
    headers = [str(h).strip() if h is not None else "" for h in grid[0]]
    rows = []
    for number, values in enumerate(grid[1:], start=2):
        cells = [_clean(v) for v in values]
        if all(c in (None, "") for c in cells):
            continue
        rows.append((number, {h: c for h, c in zip(headers, cells, strict=False) if h}))
    return rows


def read_table(path: Path) -> list[tuple[int, Row]]:
    """Rows of a ``.csv`` or ``.xlsx`` file, numbered as a spreadsheet shows them."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as handle:
                return _rows_from_grid([list(r) for r in csv.reader(handle)])
        if suffix == ".xlsx":
            sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
            return _rows_from_grid([list(r) for r in sheet.iter_rows(values_only=True)])
    except FileNotFoundError as exc:
        raise TableFileError(f"文件不存在：{path}") from exc
    except UnicodeDecodeError as exc:
        raise TableFileError(f"CSV 文件应为 UTF-8 编码：{path}") from exc
    except (OSError, KeyError, ValueError) as exc:
        raise TableFileError(f"无法读取表格文件 {path}：{exc}") from exc
    raise TableFileError(f"不支持的表格格式“{path.suffix}”：应为 .csv 或 .xlsx")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "；".join(_text(v) for v in value)
    return str(value)


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows([_text(v) for v in row] for row in rows)
    return path


def write_xlsx(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], title: str
) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_text(v) for v in row])
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width * 2))
        for cell in column:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)
    return path


def html_table(headers: Sequence[str], rows: Sequence[Sequence[object]], title: str) -> str:
    """A self-contained page (no scripts, no external assets) for a publicity column."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_text(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>table{{border-collapse:collapse}}"
        "td,th{border:1px solid #999;padding:4px 8px;vertical-align:top}</style></head>"
        f"<body><h1>{html.escape(title)}</h1><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></body></html>\n"
    )


def write_table(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[object]], title: str
) -> Path:
    """Write by the file's suffix: .csv, .xlsx or .html."""
    suffix = path.suffix.lower().lstrip(".")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == "csv":
        return write_csv(path, headers, rows)
    if suffix == "xlsx":
        return write_xlsx(path, headers, rows, title)
    if suffix in ("html", "htm"):
        path.write_text(html_table(headers, rows, title), encoding="utf-8")
        return path
    raise TableFileError(f"不支持的导出格式“{path.suffix}”：应为 .xlsx、.csv 或 .html")

"""Bounded field types for every model that takes input from outside (HTTP, CLI, files).

Python's ``date`` ends at 9999-12-31, so "decided 9999-12-31 + 7 working days" overflows;
a fine of 1e308 yuan cannot be written out in Chinese numerals; SQLite integers stop at
2**63-1; a lone surrogate cannot be encoded as UTF-8 and a control character cannot go
into a DOCX. Each type here states its range, so a bad value is refused where it enters,
with a Chinese reason (pydantic reports the ``ValueError`` text), never deeper as a 500.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, Field

MIN_DATE = date(1949, 1, 1)
MAX_DATE = date(2100, 12, 31)
MAX_AMOUNT_YUAN = 1e13
"""十万亿元: above any fine, confiscation or illegal gain a case file can hold."""
SQL_INT_MAX = 2**63 - 1
NAME_MAX = 200
ID_MAX = 120
TEXT_MAX = 20_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""C0 controls and DEL except tab, newline and carriage return: never valid in XML/DOCX."""
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def check_date(value: date) -> date:
    if not MIN_DATE <= value <= MAX_DATE:
        raise ValueError(f"日期应在 {MIN_DATE} 至 {MAX_DATE} 之间：{value}")
    return value


def check_amount(value: float) -> float:
    if not math.isfinite(value) or not 0 <= value <= MAX_AMOUNT_YUAN:
        raise ValueError(f"金额应为 0 至 {MAX_AMOUNT_YUAN:.0f} 元之间的有限数值")
    return value


def text_problem(value: str, single_line: bool) -> str | None:
    """Why ``value`` cannot be stored or printed as text, or None."""
    if _SURROGATE.search(value):
        return "含有无效的 Unicode 字符（孤立代理项）"
    if _CONTROL.search(value):
        return "含有控制字符"
    if single_line and _LINE_BREAKS.search(value):
        return "不能包含换行或制表符"
    return None


def check_text(value: str) -> str:
    problem = text_problem(value, single_line=False)
    if problem:
        raise ValueError(f"文本{problem}")
    return value


def check_line(value: str) -> str:
    problem = text_problem(value, single_line=True)
    if problem:
        raise ValueError(f"名称或编号{problem}")
    return value


def check_occurred_at(value: str) -> str:
    """An ISO date or date-time (with or without offset) within the date range."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        example = "2024-06-20 或 2024-06-20T09:30:00+08:00"
        raise ValueError(f"时间应为 ISO 8601 格式（如 {example}）：{value}") from exc
    check_date(moment.date())
    return value


BoundedDate = Annotated[date, AfterValidator(check_date)]
"""A date between 1949-01-01 and 2100-12-31."""
Amount = Annotated[float, Field(allow_inf_nan=False), AfterValidator(check_amount)]
"""Yuan: finite, 0 to 1e13."""
Quantity = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_AMOUNT_YUAN, le=MAX_AMOUNT_YUAN)]
"""A measured value or limit: finite and of a size arithmetic on it cannot overflow."""
SqlInt = Annotated[int, Field(ge=-SQL_INT_MAX, le=SQL_INT_MAX)]
RowId = Annotated[int, Field(ge=1, le=SQL_INT_MAX)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]
Name = Annotated[str, Field(max_length=NAME_MAX), AfterValidator(check_line)]
"""One line: a person, agency, place or title that becomes a heading or a cell."""
Identifier = Annotated[str, Field(max_length=ID_MAX), AfterValidator(check_line)]
"""A case number, certificate number or code: one line, short."""
Text = Annotated[str, Field(max_length=TEXT_MAX), AfterValidator(check_text)]
"""Document text: line breaks allowed, no control characters or lone surrogates."""
OccurredAt = Annotated[str, Field(max_length=40), AfterValidator(check_occurred_at)]

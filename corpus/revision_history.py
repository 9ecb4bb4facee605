"""Dates from the title block of a statute (通过/修正/修订/公布/施行 lines).

Files without a date in their name (刑法.md, 宪法.md, the 民法典 parts) carry the
version date only in this history, so it is read rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from corpus.numerals import CHINESE_DIGITS, parse_number

_DATE_RE = re.compile(
    rf"([{CHINESE_DIGITS}\d]{{4}}|\d{{4}})\s*年\s*([{CHINESE_DIGITS}\d]{{1,3}})\s*月\s*([{CHINESE_DIGITS}\d]{{1,3}})\s*日"
)
_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _year(token: str) -> int:
    return int(token) if token.isdigit() else int(token.translate(_YEAR_DIGITS))


def find_dates(text: str) -> list[date]:
    """Every valid date written as ``2021年1月22日``, ``二〇二一年一月二十二日`` or ISO."""
    found: list[date] = []
    for match in _DATE_RE.finditer(text):
        try:
            found.append(
                date(
                    _year(match.group(1)),
                    parse_number(match.group(2)),
                    parse_number(match.group(3)),
                )
            )
        except ValueError:
            continue
    for match in _ISO_RE.finditer(text):
        try:
            found.append(date(int(match.group(1)), int(match.group(2)), int(match.group(3))))
        except ValueError:
            continue
    return found


@dataclass(frozen=True)
class HistoryDates:
    """The latest adoption/amendment date and the stated effective date, if any."""

    version_date: date | None
    effective_date: date | None


def parse_history(lines: list[str]) -> HistoryDates:
    """Read the revision history: the last dated line is the version, 施行 lines the effect."""
    version: date | None = None
    effective: date | None = None
    for line in lines:
        dates = find_dates(line)
        if not dates:
            continue
        if "施行" in line:
            effective = dates[-1]
            if not any(word in line for word in ("通过", "修正", "修订", "公布")):
                continue
        version = max(version, dates[0]) if version else dates[0]
    if effective and version and effective < version:
        effective = None  # an old 公布施行 line, not this version's effect
    return HistoryDates(version_date=version, effective_date=effective)

"""A natural person's age and mental state on the act date (《行政处罚法》第三十条、第三十一条).

Age is read from ``birth_date`` or, failing that, from the resident ID number: an
18-digit number carries YYYYMMDD at positions 7–14, a 15-digit one YYMMDD (19YY) at 7–12.
"""

from __future__ import annotations

import datetime as dt
import re

from assistant.review.case_file import Party

_ID_18 = re.compile(r"^\d{17}[\dXx]$")
_ID_15 = re.compile(r"^\d{15}$")


def birth_date_from_id(id_code: str | None) -> dt.date | None:
    """The birth date an ID number encodes; None for credit codes or invalid dates."""
    code = (id_code or "").strip()
    if _ID_18.match(code):
        digits = code[6:14]
    elif _ID_15.match(code):
        digits = "19" + code[6:12]
    else:
        return None
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def birth_date(party: Party) -> dt.date | None:
    """Stated birth date first, else the ID number's."""
    return party.birth_date or birth_date_from_id(party.id_code)


def age_on(party: Party, day: dt.date) -> int | None:
    """Completed years of age on ``day`` (a person turns N on the birthday itself)."""
    born = birth_date(party)
    if born is None or party.kind != "个人":
        return None
    years = day.year - born.year
    return years - 1 if (day.month, day.day) < (born.month, born.day) else years

"""How far a recorded extension (延期) stretches 《行政处罚法》第六十条's ninety days.

第六十条 sets ninety days from 立案 unless laws, regulations or rules provide otherwise; the
departments' procedure rules let the head of the agency approve an extension. An extension
counts only when the file does not say it lacked approval, and only when granted before the
ninety days ran out. Where the approved extension states its length (延长三十日, 延长一个月)
the limit is ninety days plus that; where it does not, the limit cannot be judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.case_file import CaseFile, Event
from assistant.review.approval import says_unapproved
from corpus.numerals import parse_number

DECISION_DAYS = 90  # 第六十条
DAYS_PER_MONTH = 31  # a month's extension read generously: never short
_LENGTH = re.compile(
    r"延(?:长|期)[^，。；\d一二三四五六七八九十两]{0,8}([\d一二三四五六七八九十两]+)\s*(?:个)?(日|天|月)"
)


@dataclass(frozen=True)
class DecisionLimit:
    """Days allowed from 立案 (None: an approved extension of unstated length) and why."""

    days: int | None
    why: str


def decision_limit(case: CaseFile, opened: date) -> DecisionLimit:
    extensions = case.events_of("延期")
    if not extensions:
        return DecisionLimit(DECISION_DAYS, "且无延期批准")
    expiry = opened + timedelta(days=DECISION_DAYS)
    counted = [e for e in extensions if e.date <= expiry and not says_unapproved(e.note)]
    if not counted:
        late = all(e.date > expiry for e in extensions)
        return DecisionLimit(
            DECISION_DAYS,
            "，延期在九十日届满后才作出" if late else "，延期未经行政机关负责人批准",
        )
    lengths = [_length(e) for e in counted]
    if any(n is None for n in lengths):
        return DecisionLimit(None, "")
    extra = sum(n for n in lengths if n is not None)
    return DecisionLimit(DECISION_DAYS + extra, f"（含经批准延长的{extra}日）")


def _length(extension: Event) -> int | None:
    """Days the extension adds; None when unstated, or when the step postpones a hearing
    rather than the case period."""
    if "听证" in extension.note and "办案期限" not in extension.note:
        return None
    found = _LENGTH.search(extension.note)
    if found is None:
        return None
    count = parse_number(found.group(1))
    if count is None:
        return None
    return int(count) * (DAYS_PER_MONTH if found.group(2) == "月" else 1)

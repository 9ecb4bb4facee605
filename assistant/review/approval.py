"""The file's own words that a step lacked the approval it needed (延期、延长查封扣押).

An extension of the 办案期限 (《行政处罚法》第六十条) and of a seizure (《行政强制法》第二十五条)
both count only with the head's approval; a file saying 未经批准, 无负责人审批意见, 未见批准,
未报批准 or 自行决定 shows it was not given. One reading for both, so two authors' wordings
of the same absence are read alike.
"""

from __future__ import annotations

import re

_UNAPPROVED = re.compile(
    r"(?:未经?|无|没有|缺少|未见)[^，。；“”]{0,8}(?:批准|审批)|未报[^，。；]{0,8}批准|自行决定"
)


def says_unapproved(text: str) -> bool:
    """The text says the step had no approval."""
    return _UNAPPROVED.search(text) is not None

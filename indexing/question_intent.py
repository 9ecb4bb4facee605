"""Whether a question asks about consequences (penalty, liability) rather than duties.

An officer asking 会受到什么处罚 wants the 罚则 article, not the duty it enforces;
both share the same words, so BM25 cannot tell them apart. The statute marks its
penalty articles itself — they stand in the chapter 法律责任 (or 罚则) — so an
asking-for-consequences question can prefer articles under such a heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# the statute's own words for consequences: 处罚, 罚款, 法律责任, 刑事责任, 追究…
_CONSEQUENCE = re.compile(
    r"处罚|惩罚|罚款|罚则|后果|法律责任|刑事责任|行政责任|构成犯罪|追究|制裁|承担[^，。？]{0,6}责任"
)
_PENALTY_HEADINGS = ("法律责任", "罚则")


def asks_for_consequences(question: str) -> bool:
    """True when the question asks what happens to a violator."""
    return bool(_CONSEQUENCE.search(question))


def is_penalty_heading(headings: Iterable[str]) -> bool:
    """True when an article stands under a 法律责任 / 罚则 chapter or section."""
    return any(marker in heading for heading in headings for marker in _PENALTY_HEADINGS)

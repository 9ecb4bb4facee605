"""Character-bigram similarity: enough to match a 情节 or a title written differently.

Standards and officers phrase the same circumstance with small variations
(报告书项目，主体工程已建设完成 vs. 报告书项目已建成); bigram containment tolerates that.
"""

from __future__ import annotations

import re

_NOISE = re.compile(r"[\s，。、；：,.;:（）()《》“”\"'的了或者及和与]")


def _bigrams(text: str) -> set[str]:
    clean = _NOISE.sub("", text)
    if len(clean) < 2:
        return {clean} if clean else set()
    return {clean[i : i + 2] for i in range(len(clean) - 1)}


def similarity(query: str, text: str) -> float:
    """Share of the query's bigrams found in ``text`` (0..1)."""
    wanted = _bigrams(query)
    if not wanted:
        return 0.0
    return len(wanted & _bigrams(text)) / len(wanted)


def mutual_similarity(a: str, b: str) -> float:
    """Dice coefficient of bigrams: symmetric, for title-to-title matching."""
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))

"""Grounds on record that oblige a lighter or reduced penalty (应当从轻或者减轻):
《行政处罚法》第三十二条, a minor aged 14–17 (第三十条) and a party whose capacity
was only partly lost (第三十一条). Only these let a fine go below the statutory minimum.
"""

from __future__ import annotations

from assistant.case_file import CaseFile
from assistant.review.party_capacity import party_age

# The wording of 第三十二条 items (一)–(四), as files record them.
ARTICLE_32_WORDING = ("主动消除", "减轻违法行为危害后果", "胁迫", "诱骗", "主动供述", "立功")


def reduction_grounds(case: CaseFile) -> list[str]:
    """Every recorded ground for 从轻/减轻, in words a reviewer can check."""
    grounds = list(case.facts.mitigating_grounds)
    texts = [*case.facts.circumstances, case.facts.description]
    grounds += [w for w in ARTICLE_32_WORDING if any(w in t for t in texts)]
    for party in case.parties:
        age = party_age(case, party)
        if age is not None and 14 <= age < 18:
            grounds.append(f"{party.name}违法时已满十四周岁不满十八周岁")
        if party.mental_illness == "尚未完全丧失辨认或者控制能力":
            grounds.append(f"{party.name}尚未完全丧失辨认或者控制自己行为能力")
    return grounds

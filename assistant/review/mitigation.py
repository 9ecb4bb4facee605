"""Grounds on record that oblige a lighter or reduced penalty (应当从轻或者减轻):
《行政处罚法》第三十二条, a minor aged 14–17 (第三十条) and a party whose capacity
was only partly lost (第三十一条). Only these let a fine go below the statutory minimum.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.party_capacity import party_age, stated_mental_state

# The wording of 第三十二条 items (一)–(四), as files record them.
ARTICLE_32_WORDING = ("主动消除", "减轻违法行为危害后果", "胁迫", "诱骗", "主动供述", "立功")
# A recorded ground is a legal one only when it states one of those items, the age or
# capacity of 第三十条、第三十一条 (治安管理处罚法第十二条、第十九条 alike) or names the
# provision; 经营困难、小微企业、积极配合调查 are not grounds the law gives for 减轻.
_LEGAL_GROUND = re.compile(
    "|".join(ARTICLE_32_WORDING)
    + r"|自首|已满十四周岁不满十八周岁|未成年|尚未完全丧失|第三十[〇零一二]条|第十[二九]条"
)


def reduction_grounds(case: CaseFile) -> list[str]:
    """Every recorded legal ground for 从轻/减轻, in words a reviewer can check; a listed
    ground the law does not give (经营困难) lets no fine below the minimum."""
    grounds = [g for g in case.facts.mitigating_grounds if _LEGAL_GROUND.search(g)]
    texts = [*case.facts.circumstances, case.facts.description]
    grounds += [w for w in ARTICLE_32_WORDING if any(affirmed(w, t) for t in texts)]
    for party in case.parties:
        age = party_age(case, party)
        if age is not None and 14 <= age < 18:
            grounds.append(f"{party.name}违法时已满十四周岁不满十八周岁")
        if stated_mental_state(case, party) == "尚未完全丧失辨认或者控制能力":
            grounds.append(f"{party.name}尚未完全丧失辨认或者控制自己行为能力")
    return grounds


_NEGATION = re.compile(r"(无|未|没有|并无|不存在|不具有|不属于|非)[^，。；]{0,4}$")


def affirmed(words: str, text: str) -> bool:
    """``words`` occur in ``text`` at least once not negated (无主动消除… is no ground)."""
    return any(
        not _NEGATION.search(text[: found.start()]) for found in re.finditer(re.escape(words), text)
    )

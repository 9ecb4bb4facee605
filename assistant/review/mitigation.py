"""Grounds on record that oblige a lighter or reduced penalty (应当从轻或者减轻):
《行政处罚法》第三十二条, a minor aged 14–17 (第三十条) and a party whose capacity
was only partly lost (第三十一条). Only these let a fine go below the statutory minimum.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import denies, mentions, passages
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


def recorded_grounds(case: CaseFile) -> list[str]:
    """The legal grounds the file lists as its own finding (facts.mitigating_grounds)."""
    return [g for g in case.facts.mitigating_grounds if _LEGAL_GROUND.search(g)]


def reduction_grounds(case: CaseFile) -> list[str]:
    """Every recorded legal ground for 从轻/减轻, in words a reviewer can check; a listed
    ground the law does not give (经营困难) lets no fine below the minimum."""
    grounds = recorded_grounds(case)
    texts = [*case.facts.circumstances, case.facts.description]
    grounds += [w for w in ARTICLE_32_WORDING if any(affirmed(w, t) for t in texts)]
    for party in case.parties:
        age = party_age(case, party)
        if age is not None and 14 <= age < 18:
            grounds.append(f"{party.name}违法时已满十四周岁不满十八周岁")
        if stated_mental_state(case, party) == "尚未完全丧失辨认或者控制能力":
            grounds.append(f"{party.name}尚未完全丧失辨认或者控制自己行为能力")
    return grounds


# 无主动消除危害后果、受胁迫等…情节: a negation reaches along the list it opens, joined by 、
# or by 或者/或/及 (当事人未主动消除或减轻违法行为危害后果，无受胁迫或诱骗、主动供述…或者配合
# 查处有立功表现)
_NEGATION = re.compile(
    r"(无|未|没有|并无|不存在|不具有|不属于?|非)"
    r"(?:[^，。；]{0,4}|[^，。；]{0,60}(?:、|或者|或|及)[^，。；、]{0,6})$"
)
# 案卷未记载主动消除危害后果、受胁迫、主动供述或者立功等情节: a finding denied for a whole list
_LIST_NEGATION = re.compile(
    r"(?:无|未|没有|并无|不)(?:记载|载明|发现|查明|存在|具有|见)[^，。；]*$"
)


# 不属《行政处罚法》第三十二条第（一）项主动消除…: the article a denial names is no word of
# its own between the denial and the ground
_CITED_ARTICLE = re.compile(
    r"《[^》]{2,40}》(?:第[一二三四五六七八九十百零]+条)?(?:第[一二三四五六七八九十]+款)?"
    r"(?:第[（(][一二三四五六七八九十]+[）)]项)?(?:规定的)?$"
)


def affirmed(words: str, text: str) -> bool:
    """``words`` occur in ``text`` at least once not negated (无主动消除… is no ground)."""
    return any(
        not _NEGATION.search(before) and not _LIST_NEGATION.search(before)
        for found in re.finditer(re.escape(words), text)
        for before in [_CITED_ARTICLE.sub("", text[: found.start()])]
    )


# 从轻/减轻 applied (依法从轻、予以减轻); 未予从轻 / 没有减轻 says the opposite. The matter a
# 治安 decision lists (违法事实和证据以及从重、从轻、减轻等情节) names the heading, not a finding.
_LIGHTENED = re.compile(r"(?<!从重、)从轻(?!、减轻等)|(?<!从重、从轻、)减轻(?!等情节)")
_NOT_APPLIED = re.compile(r"未|没有|不予|不得|无")
# 请求从轻或减轻 (the party's plea) says nothing of what the decision did
_NOT_DONE = re.compile(_NOT_APPLIED.pattern + r"|请求|申请|要求|希望|恳请")


def lightening_stated(case: CaseFile) -> bool | None:
    """True when the file says the penalty was lightened (从轻、减轻), False when it says it
    was not (未予从轻或者减轻), None when it is silent."""
    texts = passages(case)
    if any(mentions(p, _LIGHTENED, _NOT_DONE) for p in texts):
        return True
    if case.facts.mitigating or any(_LIGHTENED.search(g) for g in case.facts.mitigating_grounds):
        return True
    return False if any(denies(p, _LIGHTENED, _NOT_APPLIED) for p in texts) else None

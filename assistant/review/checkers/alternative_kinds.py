"""法律适用 — a tier that gives detention or a fine (或者) allows one of them, not both.

治安管理处罚法第七十条: 参与赌博赌资较大的，处五日以下拘留或者五百元以下罚款；情节严重的，处十日以上
十五日以下拘留，并处五百元以上三千元以下罚款. A decision that detains and fines together while
the file establishes no 情节严重 imposes a combination only the graver tier provides; the
combination is no discretion within the tier but a penalty the 罚则 does not give.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.mitigation import affirmed
from assistant.review.public_order import PUBLIC_ORDER_LAW
from assistant.review.statutory_fine import paragraph_text, penalty_provisions

_EITHER = re.compile(r"拘留或者[^，；。]*罚款|罚款或者[^，；。]*拘留")
_BOTH = re.compile(r"拘留[^；。]*并处[^；。]*罚款|罚款[^；。]*并处[^；。]*拘留")
_GRAVER = ("情节较重", "情节严重")
_LIGHTER = ("情节较轻", "情节特别轻微")

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    types = "、".join(case.penalty.types)
    if "拘留" not in types or "罚款" not in types:
        return []
    told = [case.violation.description, case.facts.description, *case.facts.circumstances]
    graver = any(affirmed(w, t) for w in _GRAVER for t in told)
    lighter = any(affirmed(w, t) for w in _LIGHTER for t in told)
    for citation in penalty_provisions(case, ctx):
        if PUBLIC_ORDER_LAW not in citation.citation:
            continue
        tiers = _tiers(paragraph_text(citation, ctx, case), graver, lighter)
        if tiers and all(_EITHER.search(t) and not _BOTH.search(t) for t in tiers):
            return [
                _flag(
                    Severity.MUST_FIX,
                    f"{citation.citation}在案卷认定的情节下只规定拘留或者罚款（择一），"
                    "决定同时处以行政拘留和罚款，处罚种类的组合没有法律依据",
                    citation.citation,
                    f"penalty.types：{types}；{citation.citation}：“{tiers[0][:60]}”",
                )
            ]
    return []


def _tiers(text: str, graver: bool, lighter: bool) -> list[str]:
    """The sentences of the 罚则 that set detention or a fine in the tiers the file
    establishes: the main tier always, a graver or lighter one when its circumstance is found."""
    found = []
    for sentence in re.split(r"[；。\n]", text):
        if "拘留" not in sentence and "罚款" not in sentence:
            continue
        head = sentence[: max(sentence.find("拘留"), sentence.find("罚款"))]
        if any(w in head for w in _GRAVER) and not graver:
            continue
        if any(w in head for w in _LIGHTER) and not lighter:
            continue
        found.append(sentence)
    return found

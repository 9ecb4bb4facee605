"""法律适用 — a tier that gives detention or a fine (或者) allows one of them, not both.

治安管理处罚法第七十条: 参与赌博赌资较大的，处五日以下拘留或者五百元以下罚款；情节严重的，处十日以上
十五日以下拘留，并处五百元以上三千元以下罚款. A decision that detains and fines together while
the file establishes no 情节严重 imposes a combination only the graver tier provides; the
combination is no discretion within the tier but a penalty the 罚则 does not give.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.checkers.detention_range import found_tiers, tier_sentences
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.public_order import PUBLIC_ORDER_LAW
from assistant.review.statutory_fine import paragraph_text, penalty_provisions

_EITHER = re.compile(r"拘留或者[^，；。]*罚款|罚款或者[^，；。]*拘留")
_BOTH = re.compile(r"拘留[^；。]*并处[^；。]*罚款|罚款[^；。]*并处[^；。]*拘留")
_KINDS = re.compile(r"拘留|罚款")

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    types = "、".join(case.penalty.types)
    if "拘留" not in types or "罚款" not in types:
        return []
    graver, lighter = found_tiers(case)
    for citation in penalty_provisions(case, ctx):
        if PUBLIC_ORDER_LAW not in citation.citation:
            continue
        text = paragraph_text(citation, ctx, case)
        tiers = [sentence for sentence, _ in tier_sentences(text, graver, lighter, _KINDS)]
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

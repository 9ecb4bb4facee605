"""适用法律是否正确 — one act, one fine (《行政处罚法》第二十九条).

A party already fined for the same act, by this agency or another, is not fined again;
where the act breaks several rules the higher fine applies once. The file has to say the
earlier fine was for this very act (同一违法行为, 该行为): an earlier fine for an
earlier act (曾因…被罚款) is a repeat offence, not a second fine.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import clauses, passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity

_EARLIER_FINE = re.compile(r"已(?:被|由|经)[^，。；]{0,24}(?:处以|处|给予|作出)[^，。；]{0,12}罚款")
_SAME_ACT = re.compile(r"同一(?:个)?(?:违法)?行为|就该行为|因该行为|对该行为|该违法行为")
_NOT_SAME = re.compile(r"曾|此前|以前|上次|前次|再次|又|未(?:被|予)|尚未")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not case.penalty.amount:
        return []
    for p in passages(case):
        sentences = re.split(r"[。；;\n]", p.text)
        for sentence in sentences:
            if _SAME_ACT.search(sentence) and any(
                _EARLIER_FINE.search(c) and not _NOT_SAME.search(c) for c in clauses(sentence)
            ):
                return [
                    Flag(
                        point=ReviewPoint.LAW,
                        severity=Severity.MUST_FIX,
                        reason="当事人的同一个违法行为已被处以罚款，不得再次给予罚款的行政处罚",
                        rule=ctx.penalty_law("第二十九条"),
                        evidence=f"{p.where}：{sentence}",
                    )
                ]
    return []

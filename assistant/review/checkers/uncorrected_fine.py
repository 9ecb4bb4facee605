"""法律适用: a fine under a provision that fines only 拒不改正/逾期未改正 (食品安全法第一百二十六条:
责令改正，给予警告；拒不改正的，处五千元以上五万元以下罚款) while the file itself says no
order to correct came first — the fine has no legal basis yet.

Only a file that states the absence of a prior order is flagged; one silent about it is left
to the facts checker (第四十条), which asks for proof of non-correction."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions
from assistant.review.statutory_range import UNCORRECTED, fine_clauses

# 此前未因此被责令改正 / 未经责令改正 / 没有下达责令改正通知
_NO_PRIOR_ORDER = re.compile(
    r"(?:未|没有|并未|从未|未曾)[^，。；]{0,6}(?:被|经|下达|作出|发出)?[^，。；]{0,4}"
    r"责令(?:限期)?(?:改正|整改)"
)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if case.penalty.amount is None:
        return []
    told = [case.violation.description, case.facts.description, *case.facts.circumstances]
    said = next((t for t in told if _NO_PRIOR_ORDER.search(t)), None)
    if said is None:
        return []
    flags = []
    for citation in penalty_provisions(case, ctx):
        clauses = fine_clauses(citation.text if citation.paragraph else citation.article_text)
        if not clauses or any(c.requires != UNCORRECTED for c in clauses):
            continue
        flags.append(
            Flag(
                point=ReviewPoint.LAW,
                severity=Severity.MUST_FIX,
                reason=f"{citation.citation}只对经责令改正而拒不改正（逾期未改正）的处以罚款，"
                "案卷载明此前未责令改正，直接罚款适用法律错误",
                rule=citation.citation,
                evidence=f"“{_NO_PRIOR_ORDER.search(said).group(0)}”；罚款{case.penalty.amount:g}元",
            )
        )
    return flags

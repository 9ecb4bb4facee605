"""What every fact ↔ evidence check shares: its finding under 《行政处罚法》第四十条
(违法事实不清、证据不足的，不得给予行政处罚) and the narrative it reads the decided facts from."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity


def split_sentences(text: str) -> list[str]:
    return re.split(r"[。；;]", text)


def fact_flag(point: ReviewPoint, reason: str, ctx: ReviewContext, evidence: str) -> Flag:
    return Flag(
        point=point,
        severity=Severity.MUST_FIX,
        reason=reason,
        rule=ctx.penalty_law("第四十条"),
        evidence=evidence,
    )


def case_narrative(case: CaseFile) -> str:
    return "".join([case.violation.description, case.facts.description, *case.facts.circumstances])

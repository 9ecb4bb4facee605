"""劳动保障监察条例: the procedure of every labour inspection, whatever labour law's 罚则 is cited.

A 人力资源社会保障 department punishing under 劳动合同法、禁止使用童工规定 or 社会保险法 inspects
under 劳动保障监察条例 (第三条): its two-inspector rule (第十六条第一款) and its jurisdiction
(第十三条第一款: 用人单位用工所在地) are the field's own, not the cited 罚则's law."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext

LABOUR_AGENCY = re.compile(r"人力资源(?:和)?社会保障|劳动保障监察|劳动监察")
TWO_INSPECTORS = "《劳动保障监察条例》第十六条第一款"
JURISDICTION = "《劳动保障监察条例》第十三条第一款"


def labour_rule(case: CaseFile, ctx: ReviewContext, written: str, words: str) -> str | None:
    """``written`` in force on the act date, when a labour inspection decides and its text
    still holds ``words``."""
    if not LABOUR_AGENCY.search(case.agency.acts_in_name_of or case.agency.name):
        return None
    found = ctx.resolved(written, case.act_date)
    return next((r.citation for r in found if words in r.text), None)

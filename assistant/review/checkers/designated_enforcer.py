"""是否超越法定权限 — a regulation naming who applies the law the decision punishes under.

《反恐怖主义法》第八十五条 fines carriers and couriers 由主管部门; 《快递暂行条例》第四十三条 says whose
that is for couriers: 由邮政管理部门依照《中华人民共和国邮政法》、《中华人民共和国反恐怖主义法》的规定
予以处罚. A file citing the regulation's duty (第二十二条第二款) and punishing under the law through
another department (a 公安分局) acted on a power the regulation gives to the named department.
Only a regulation the file itself cites as violated is read, and only its sentence naming both
the department and the cited law."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.checkers.authority import department_kinds
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import (
    is_general_law,
    paragraph_citation,
    penalty_provisions,
    violated_provisions,
)
from corpus.law_names import short_name

_DESIGNATION = re.compile(
    r"由([^，。；]{2,20}?(?:部门|机关|机构))依照([^。；]*?)(?:的规定)?(?:予以)?处罚"
)

_flag = PointFlags(ReviewPoint.AUTHORITY)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    acting = case.agency.acts_in_name_of or case.agency.name
    own = department_kinds(acting)
    penalty_laws = {
        short_name(c.law) for c in penalty_provisions(case, ctx) if not is_general_law(c)
    }
    if not own or not penalty_laws:
        return []
    for duty in violated_provisions(case, ctx):
        if short_name(duty.law) in penalty_laws:
            continue
        for record in ctx.articles_in(duty.law, duty.version):
            for paragraph in record.paragraphs:
                for m in _DESIGNATION.finditer(paragraph.text):
                    named = department_kinds(m.group(1))
                    applies = any(f"{law}》" in m.group(2) for law in penalty_laws)
                    if applies and named and not named & own:
                        rule = paragraph_citation(record, paragraph.number)
                        return [
                            _flag(
                                Severity.MUST_FIX,
                                f"{rule}规定此类违法行为由{m.group(1)}依照{m.group(2)}处罚，"
                                f"{acting}无此职权",
                                rule,
                                f"citations.violated：{duty.citation}；agency.name={case.agency.name}",
                                also_cites=[ctx.penalty_law("第十七条")],
                            )
                        ]
    return []

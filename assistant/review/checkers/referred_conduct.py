"""适用依据是否正确 — a form of the conduct the 罚则 sends to another law.

《中华人民共和国反不正当竞争法》第二十条第二款: 经营者违反本法第八条规定，属于发布虚假广告的，依照
《中华人民共和国广告法》的规定处罚. A decision fining a false advertisement under the first 款
applies a 罚则 the law itself sets aside for that form of the act. The form is told when the
facts write its verb and its thing in one sentence (发布…广告); a file citing the other law as
its penalty basis has applied it."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import (
    is_general_law,
    narrative,
    paragraph_citation,
    penalty_provisions,
)

# 属于发布虚假广告的，依照《中华人民共和国广告法》的规定处罚
_REFERRAL = re.compile(
    r"属于([^，。；]{2,14})的，依照《([^》]+)》(?:的规定|有关规定)?(?:予以)?处罚"
)

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    basis = " ".join(case.citations.penalty_basis)
    sentences = re.split(r"[。；;\n]", "。".join([narrative(case), *case.facts.circumstances]))
    for cited in penalty_provisions(case, ctx):
        record = ctx.record(cited)
        if record is None or is_general_law(cited) or not cited.paragraph:
            continue
        for paragraph in record.paragraphs:
            if paragraph.number == cited.paragraph:
                continue
            for found in _REFERRAL.finditer(paragraph.text):
                form, law = found.group(1), found.group(2)
                if law.removeprefix("中华人民共和国") in basis or not _told(form, sentences):
                    continue
                rule = paragraph_citation(record, paragraph.number)
                return [
                    _flag(
                        Severity.MUST_FIX,
                        f"案情属于{form}，{rule}规定依照《{law}》的规定处罚，"
                        f"决定却依{cited.citation}处罚，适用依据错误",
                        rule,
                        f"citations.penalty_basis：{cited.citation}；{rule}：“{found.group(0)}”",
                    )
                ]
    return []


def _told(form: str, sentences: list[str]) -> bool:
    """The form's verb and its thing (发布 … 广告) in one sentence of the facts."""
    verb, thing = form[:2], form[-2:]
    return any(verb in s and thing in s[s.find(verb) :] for s in sentences)

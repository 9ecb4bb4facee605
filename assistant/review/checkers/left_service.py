"""程序是否合法 — service by leaving the decision (留置送达).

《行政处罚法》第六十一条第一款 sends service to the civil procedure law: a decision is left at
the party's home when the party (or an adult family member living there) refuses it, with a
witness (a representative of the grassroots organisation or workplace) signing, or the
leaving recorded by photo or video (《民事诉讼法》第八十九条). A file saying there was neither
must be fixed; one silent on how it was done is checked.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from corpus.citation_resolver import ResolvedCitation

CIVIL_LEAVING_RULE = "《中华人民共和国民事诉讼法》第八十九条"
_LEFT = re.compile(r"留置")
_WITNESSED = re.compile(
    r"见证|基层组织|居委会|村委会|所在单位的代表|拍照|录像|照片|视频|执法记录仪|音像"
)
_NOT_WITNESSED = re.compile(r"(?:无|没有|未(?:邀请|有)?)[^，。；]{0,6}(?:见证|拍照|录像|音像)")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    left = next((e for e in case.events_of("送达") if _LEFT.search(e.method or "")), None)
    if left is None:
        return []
    said = f"{left.method or ''}；{left.note}"
    denied = _NOT_WITNESSED.search(said)
    if _WITNESSED.search(_NOT_WITNESSED.sub("", said)) and not denied:
        return []
    return [
        Flag(
            point=ReviewPoint.PROCEDURE,
            severity=Severity.MUST_FIX if denied else Severity.CHECK,
            reason="留置送达未邀请见证人到场签名，也未以拍照、录像等方式记录送达过程"
            if denied
            else "留置送达，案卷未载明见证人或拍照、录像等记录，请核实送达过程",
            rule=ctx.penalty_law("第六十一条第一款"),
            also_cites=_civil_rule(case, ctx),
            evidence=f"送达（{left.date}）method={left.method}；note：{left.note or '无'}",
        )
    ]


def _civil_rule(case: CaseFile, ctx: ReviewContext) -> list[str]:
    """The 民事诉讼法 article on 留置送达 in force on the act date, where the corpus has it."""
    found = ctx.resolve(CIVIL_LEAVING_RULE, case.act_date)
    return [r.citation for r in found if isinstance(r, ResolvedCitation) and "拒绝接收" in r.text][
        :1
    ]

"""程序是否合法 — service by public announcement is the last resort.

《行政处罚法》第六十一条第一款 sends service to the civil procedure law, whose 第九十五条 allows
公告送达 only when the party cannot be found or the other ways have failed, and wants the
reason and the attempts written in the file (第二款). An announcement with neither an earlier
attempt nor a stated reason must be fixed when the party plainly could be reached (it came to
state its case, was questioned, or the file says the other ways were not tried); otherwise it
is checked. A tax organ serves its 税务文书 under 税收征收管理法实施细则第一百零六条, the same
condition written for it.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile, Event
from assistant.review.case_text import clauses
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity

CIVIL_SERVICE_RULE = "《中华人民共和国民事诉讼法》第九十五条"
_ANNOUNCED = re.compile(r"公告")
# The file gives the reason the civil procedure law requires.
_REASON = re.compile(
    r"下落不明|下落不详|无法送达|无法联系|联系不上|查无此人|退回|拒绝签收|拒收|无法找到|去向不明|失联"
)
# 案卷未记载…无法送达的原因: the words of a reason, said to be missing, are no reason.
_UNRECORDED = re.compile(r"未(?:记载|载明|记明|写明|说明)|没有记载|无记载")
_NOT_TRIED = re.compile(r"未(?:采用|尝试|经|先行|进行)[^，。；]{0,12}(?:直接|留置|邮寄|送达|方式)")
_PARTY_CAME = ("陈述申辩", "听证")


def announced(event: Event) -> bool:
    return bool(_ANNOUNCED.search(event.method or ""))


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    deliveries = case.events_of("送达")
    notice = next((e for e in deliveries if announced(e)), None)
    if notice is None:
        return []
    attempts = [e for e in deliveries if not announced(e) and e.date <= notice.date]
    written = " ".join([notice.note, *(e.note for e in attempts)])
    if attempts or (_reason_given(written) and not _NOT_TRIED.search(written)):
        return []
    reachable = _NOT_TRIED.search(written) or any(case.events_of(t) for t in _PARTY_CAME)
    severity = Severity.MUST_FIX if reachable else Severity.CHECK
    why = (
        "案卷载明当事人曾到场或未尝试其他方式"
        if reachable
        else "请核实受送达人是否下落不明或其他方式无法送达"
    )
    # the rule broken is the civil law's condition for 公告送达 (labelling guide: cite the
    # rule directly violated); 第六十一条第一款 only sends service to it
    rules = _own_rule(case, ctx) + _civil_rule(case, ctx) + [ctx.penalty_law("第六十一条第一款")]
    return [
        Flag(
            point=ReviewPoint.PROCEDURE,
            severity=severity,
            reason="采用公告送达，但案卷未记明受送达人下落不明或用其他方式无法送达的原因和经过"
            f"（{why}），公告送达的条件不具备",
            rule=rules[0],
            also_cites=rules[1:],
            evidence=f"送达（{notice.date}）method={notice.method}；note：{notice.note or '无'}",
        )
    ]


def _reason_given(written: str) -> bool:
    """A clause states why the party could not be served, and not that the file lacks it."""
    return any(_REASON.search(c) and not _UNRECORDED.search(c) for c in clauses(written))


def _civil_rule(case: CaseFile, ctx: ReviewContext) -> list[str]:
    return _resolved(ctx, CIVIL_SERVICE_RULE + "第一款", case)


# 税务机关可以公告送达税务文书 only when 受送达人众多 or 其他送达方式无法送达: a tax organ serves
# its decisions under the tax law's own rule, the civil one beside it
TAX_SERVICE_RULE = "《中华人民共和国税收征收管理法实施细则》第一百零六条"


def _own_rule(case: CaseFile, ctx: ReviewContext) -> list[str]:
    acting = case.agency.acts_in_name_of or case.agency.name
    return _resolved(ctx, TAX_SERVICE_RULE, case) if "税务" in acting else []


def _resolved(ctx: ReviewContext, rule: str, case: CaseFile) -> list[str]:
    return [r.citation for r in ctx.resolved(rule, case.act_date)][:1]

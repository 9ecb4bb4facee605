"""程序是否合法 — a decision heavier than the penalty notified: the party was heard on
the notified penalty only (《行政处罚法》第四十四条), and after a statement or defence a
heavier one is forbidden (第四十五条第二款: 不得因当事人陈述、申辩而给予更重的处罚).

The notified fine is read where the file writes it: the 告知 step's note or the
notice's listed contents (拟处罚款二万元 / 拟罚款20000元).
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.cases.penalty_text import AMOUNT_NUMBER, amount_yuan
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity

_NOTIFIED_FINE = re.compile(
    r"拟(?:作出|给予|处以?|予以)?[^，。；]{0,12}?罚款(?:人民币)?\s*[¥￥]?"
    rf"({AMOUNT_NUMBER})(万)?元"
)
_WAIVED = re.compile(r"放弃(?:陈述|申辩)|未提出|不提出|无异议|没有异议|未陈述|未申辩")


def notified_fine(case: CaseFile) -> tuple[float, str] | None:
    """The fine the notice proposed, and where the file says so. Several parties notified
    each by a notice of their own (致公司：拟处罚款420000元 / 致黄振邦：拟处罚款94400元) were
    proposed the notices' sum."""
    places = [(f"events（{e.date} 告知）note", [e.note]) for e in case.events_of("告知")]
    notices = [
        (f"documents（{d.type}）contents", d.contents) for d in case.documents if "告知" in d.type
    ]
    found = [fine for where, lines in [*places, *notices] if (fine := _proposed(where, lines))]
    if not found:
        return None
    first = found[0]
    by_notice = [fine for where, lines in notices if (fine := _proposed(where, lines))]
    if len(case.parties) > 1 and len(by_notice) > 1:
        total = sum(value for value, _ in by_notice)
        if total > first[0]:
            return total, "；".join(where for _, where in by_notice)
    return first


def _proposed(where: str, lines: list[str]) -> tuple[float, str] | None:
    """The first line's proposed fine, with the other parties' in its sentence."""
    for text in lines:
        found = _NOTIFIED_FINE.search(text)
        value = amount_yuan(found.group(1), found.group(2)) if found else None
        if found and value is not None:
            rest = text[found.end() :].split("。")[0]
            if (daily := _DAILY_TOTAL.search(rest)) and (total := amount_yuan(*daily.groups())):
                return total, f"{where}：“{found.group(0)}{rest[: daily.end()]}”"
            return value + _further_fines(rest), f"{where}：“{found.group(0)}”"
    return None


# 拟按原罚款5万元按日连续处罚27日，计135万元: the daily fine's total is what was notified
_DAILY_TOTAL = re.compile(
    rf"按日连续处罚[^。；]{{0,16}}?(?:计|合计|共计|总计)(?:罚款)?\s*({AMOUNT_NUMBER})(万)?元"
)


# 拟对单位罚款126480元、对吴丽娟罚款1000元 / 酒店公司拟罚款20000元、谢伟强拟罚款1000元: each fine
# the same sentence proposes
_FURTHER_FINE = re.compile(
    rf"[、，；](?:对)?[^，。；、]{{1,20}}?罚款(?:人民币)?\s*({AMOUNT_NUMBER})(万)?元"
)


def _further_fines(rest: str) -> float:
    """The other parties' fines proposed in the same sentence, added to the first (分别向单位
    （拟罚款310000元）及陈海波（拟罚款72000元）送达: each one's own 拟罚款 too)."""
    sentence = rest.split("。")[0]
    found = {m.start(1): m for m in _FURTHER_FINE.finditer(sentence)}
    found |= {m.start(1): m for m in _NOTIFIED_FINE.finditer(sentence)}
    return sum(amount_yuan(m.group(1), m.group(2)) or 0 for m in found.values())


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    notified, amount = notified_fine(case), case.penalty.amount
    if notified is None or amount is None or amount <= notified[0]:
        return []
    heard = [e for e in case.events_of("陈述申辩") if not _WAIVED.search(e.note)]
    if heard:
        reason = (
            f"告知拟罚款{notified[0]:.10g}元，当事人陈述、申辩后决定罚款{amount:.10g}元，"
            "不得因当事人陈述、申辩而给予更重的处罚"
        )
        rule = ctx.penalty_law("第四十五条第二款")
    else:
        reason = (
            f"决定罚款{amount:.10g}元重于告知的拟罚款{notified[0]:.10g}元，加重部分未告知当事人，"
            "当事人未能就此陈述、申辩"
        )
        rule = ctx.penalty_law("第四十四条")
    return [
        Flag(
            point=ReviewPoint.PROCEDURE,
            severity=Severity.MUST_FIX,
            reason=reason,
            rule=rule,
            evidence=f"{notified[1]}；penalty.amount={amount:.10g}",
        )
    ]

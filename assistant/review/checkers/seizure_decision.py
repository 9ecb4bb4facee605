"""文书是否完备规范 — what a 查封、扣押决定书 states (《行政强制法》第二十四条第二款), and
the list handed over with it (第一款).

The decision names the party, the reason, basis and period of the seizure, what is seized,
the way to review or sue, and the agency with its seal and date. As with the penalty
decision (行政处罚法第五十九条), only a seizure decision whose listed contents leave an item
out is flagged; a file silent on its contents is not. Nor is one whose contents only
summarise the measure (what was seized, for how long) without naming any of the formal
items — party, remedy or issuing agency: such a list records the measure, not the form of
the document, so no omission can be read from it.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.case_file import CaseFile, Document
from assistant.review.case_text import passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.police_procedure import is_police_agency

COERCION_LAW = "《中华人民共和国行政强制法》"
_SEIZURE_DECISION = re.compile(r"(?:查封|扣押)[^解延]{0,8}决定书|实施行政强制措施决定书")
_NOT_SEIZURE = re.compile(r"解除|延长|延期")
# item of 第二十四条第二款 → matter, and the word groups the listed lines must hold: each group
# in some line (a decision may list 理由和依据 and 期限 on lines of their own), never in a line
# that states the remedy (its “途径和期限” is the review period, not the seizure's)
_REMEDY = re.compile(r"复议|诉讼")
ITEMS: dict[int, tuple[str, tuple[re.Pattern[str], ...]]] = {
    1: ("当事人的姓名或者名称、地址", (re.compile(r"当事人|姓名|名称"),)),
    2: (
        "查封、扣押的理由、依据和期限",
        # a count of days, never the day of a date (2023年8月8日 is the decision's date)
        (
            re.compile(r"理由|依据|违反"),
            re.compile(
                r"期限|(?<![年月\d])\d+\s*日|(?<![年月一二三四五六七八九十])[一二三四五六七八九十]+日"
            ),
        ),
    ),
    3: ("查封、扣押场所、设施或者财物的名称、数量等", (re.compile(r"名称|数量|清单|财物|物品"),)),
    4: ("申请行政复议或者提起行政诉讼的途径和期限", (re.compile(r"复议|诉讼"),)),
    5: ("行政机关的名称、印章和日期", (re.compile(r"印章|盖章|日期|机关"),)),
}
_ITEM_NUMERALS = "一二三四五"
# the items that only a list of the document's form names (never a summary of the measure)
_FORMAL_ITEMS = (1, 4, 5)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    decisions = [d for d in _seizure_decisions(case) if d.contents and _lists_form(d.contents)]
    return (
        [flag for d in decisions for flag in _missing(d, ctx)]
        + _no_list(case, ctx)
        + _late_decision(case, ctx)
        + _no_detention_receipt(case, ctx)
    )


# 临时查封现场笔录 / 实施临时查封 / 张贴封条: the day the seizure was carried out
_SEIZED_ON = re.compile(
    r"(?:查封|扣押)(?:现场)?笔录|实施[^，。；]{0,6}(?:查封|扣押)|张贴封条|予以(?:查封|扣押)"
)


def _seized_on(case: CaseFile) -> tuple[str, date] | None:
    """(where, day) of the earliest record of the seizure being carried out."""
    found = [(f"documents：{d.type}", d.date) for d in case.documents if d.date]
    found = [(w, day) for w, day in found if _SEIZED_ON.search(w)]
    found += [
        (f"evidence：{e.name}", e.date)
        for e in case.evidence
        if e.date and _SEIZED_ON.search(e.name)
    ]
    found += [
        (f"events：{e.note}", e.date)
        for e in case.events
        if e.note and _SEIZED_ON.search(e.note) and not _NOT_SEIZURE.search(e.note)
    ]
    return min(found, key=lambda pair: pair[1], default=None)


def _late_decision(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第二十四条第一款: 应当…当场交付查封、扣押决定书和清单. A decision dated after the day the
    seizure was carried out was not handed over on the spot."""
    decision = next((d for d in _seizure_decisions(case) if d.date), None)
    seized = _seized_on(case)
    if decision is None or seized is None or decision.date <= seized[1]:
        return []
    where, day = seized
    return [
        Flag(
            point=ReviewPoint.PROCEDURE,
            severity=Severity.MUST_FIX,
            reason=f"{day}实施查封、扣押，{decision.type}迟至{decision.date}才制作送达，"
            "未当场交付查封、扣押决定书和清单",
            rule=ctx.rule(f"{COERCION_LAW}第二十四条第一款"),
            evidence=f"{where}（{day}）；documents：{decision.type}（{decision.date}）",
        )
    ]


# 扣留车辆 / 扣留机动车 by the traffic police, and the receipt 道路交通安全法第一百一十二条第一款
# asks for on the spot (行政强制措施凭证)
_VEHICLE_DETAINED = re.compile(r"扣留(?:了)?(?:该)?(?:车辆|机动车|非机动车|[^，。；]{0,6}车)")
_RECEIPT = re.compile(r"强制措施凭证|扣留[^，。；]{0,6}凭证")
_RECEIPT_DENIED = re.compile(r"(?:未|没有|未予)(?:开具|出具|制作|交付)[^，。；]{0,10}凭证")
_OTHER_CASE = re.compile(r"另案")
TRAFFIC_RECEIPT = "《中华人民共和国道路交通安全法》第一百一十二条第一款"


def _no_detention_receipt(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A vehicle the traffic police detained with no receipt among the (complete) documents,
    or one the file says was not issued: 应当当场出具凭证 (道路交通安全法第一百一十二条第一款)."""
    if not is_police_agency(case):
        return []
    notes = [e.note for e in case.events if e.note]
    detained = next((n for n in notes if _VEHICLE_DETAINED.search(n)), None)
    if detained is None or _OTHER_CASE.search(detained):
        return []  # 扣留车辆并对驾驶人另案处罚: the detention is the other case's step
    denied = next((n for n in notes if _RECEIPT_DENIED.search(n)), None)
    issued = [d for d in case.documents if _RECEIPT.search(d.type) and "发还" not in d.type]
    if issued and denied is None:
        return []
    return [
        Flag(
            point=ReviewPoint.DOCUMENTS,
            severity=Severity.MUST_FIX,
            reason="扣留车辆未当场出具行政强制措施凭证",
            rule=ctx.rule(TRAFFIC_RECEIPT),
            evidence=f"events note：{denied or detained}；documents："
            f"{'、'.join(d.type for d in case.documents)}",
        )
    ]


def _seizure_decisions(case: CaseFile) -> list[Document]:
    """The file's decisions to seize (not to release or extend)."""
    return [
        d
        for d in case.documents
        if _SEIZURE_DECISION.search(d.type) and not _NOT_SEIZURE.search(d.type)
    ]


# 查封扣押清单 / 扣押物品清单 / 财物清单: the list 第二十四条第一款 wants made and handed over
_LIST = re.compile(r"清单")


# 当场送达查封扣押决定书 / 当场交付扣押决定书: the step records what was handed over
_HANDED_OVER = re.compile(r"当场(?:交付|送达)[^，。；]{0,6}(?:查封|扣押)[^，。；]{0,6}决定书")


def _no_list(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第二十四条第一款: 制作并当场交付查封、扣押决定书和清单. A step recording the decision
    handed over on the spot, with no list anywhere in the file (no step, document, evidence or narrative
    names one), handed it over without the list; a file that only lists the decision among
    its documents says nothing of what was handed over."""
    handed = next((e for e in case.events if _HANDED_OVER.search(e.note or "")), None)
    decision = next(iter(_seizure_decisions(case)), None)
    if handed is None or decision is None:
        return []
    if any(_LIST.search(p.text) for p in passages(case)):
        return []
    return [
        Flag(
            point=ReviewPoint.DOCUMENTS,
            severity=Severity.MUST_FIX,
            reason=f"实施{'查封' if '查封' in decision.type else '扣押'}只有{decision.type}，"
            "案卷无查封、扣押清单，未制作并当场交付清单",
            rule=ctx.rule(f"{COERCION_LAW}第二十四条第一款"),
            evidence=f"{handed.type}（{handed.date}）：{_HANDED_OVER.search(handed.note).group(0)}；"
            f"documents：{'、'.join(d.type for d in case.documents)}",
        )
    ]


def _lists_form(lines: list[str]) -> bool:
    """The contents list the document's form: some line names a formal item."""
    return any(_stated(group, lines, item) for item in _FORMAL_ITEMS for group in ITEMS[item][1])


def _stated(group: re.Pattern[str], lines: list[str], item: int) -> bool:
    """Some line holds the group; for an item other than the remedy, not the remedy line."""
    return any(group.search(line) and (item == 4 or not _REMEDY.search(line)) for line in lines)


# 当事人 at the head, 机关、印章和日期 at the foot: a list naming neither is a summary of the
# decision's body (理由、清单、期限、救济), not of its whole form, and leaves them unsaid
_HEAD_AND_FOOT = (1, 5)


def _missing(document: Document, ctx: ReviewContext) -> list[Flag]:
    text = "；".join(document.contents)
    frame = any(
        _stated(group, document.contents, item)
        for item in _HEAD_AND_FOOT
        for group in ITEMS[item][1]
    )
    missing = [
        (item, matter)
        for item, (matter, groups) in ITEMS.items()
        if (frame or item not in _HEAD_AND_FOOT)
        and not all(_stated(group, document.contents, item) for group in groups)
    ]
    if not missing:
        return []
    rule = ctx.rule(f"{COERCION_LAW}第二十四条第二款第（{_ITEM_NUMERALS[missing[0][0] - 1]}）项")
    return [
        Flag(
            point=ReviewPoint.DOCUMENTS,
            severity=Severity.MUST_FIX,
            reason=f"{document.type}未载明：{'；'.join(m for _, m in missing)}",
            rule=ctx.rule(f"{COERCION_LAW}第二十四条第二款"),
            also_cites=[rule],
            evidence=f"{document.type}（{document.date}）contents：{text}",
        )
    ]

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
from assistant.review.statutory_fine import penalty_provisions, violated_provisions

_EARLIER_FINE = re.compile(r"已(?:被|由|经)[^，。；]{0,24}(?:处以|处|给予|作出)[^，。；]{0,12}罚款")
_SAME_ACT = re.compile(
    r"同一(?:个)?(?:违法)?行为|就该行为|因该行为|对该行为|该违法行为"
    r"|(?:就|对)[^，。；]{0,16}(?:该|此|上述|本案)[^，。；]{0,8}(?:的)?行为"
)
# An earlier decision that fined (本局已于…以…号决定，就…行为…，并处罚款…): the decision
# and its fine may sit in different clauses of one sentence.
_EARLIER_DECISION = re.compile(
    r"已(?:于|经|以|被|由)[^。；]{0,40}(?:决定|处罚)[^。；]{0,60}(?:并处|处以|处)罚款"
)
_NOT_SAME = re.compile(r"曾|此前|以前|上次|前次|再次|又|未(?:被|予)|尚未")


# 罚款 amounts the file records one per provision (固废法罚款, 市容条例罚款)
_FINE_KEY = re.compile(r"罚款")
_NOT_A_FINE = re.compile(r"罚款(?:幅度|上限|下限|基准|标准)|应处|拟处|法定|最高|最低")
# several acts, each with its own fine (合并处罚 of 数个违法行为 is lawful)
_SEVERAL_ACTS = re.compile(
    r"(?:两|二|三|数|多|几)(?:个|项|种|起)(?:不同的?)?违法行为|分别构成|另一(?:个|项)?违法行为"
)


_PERSONS = re.compile(r"主管人员|责任人员|负责人|法定代表人")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not case.penalty.amount:
        return []
    return _earlier_fine(case, ctx) or _split_fine(case, ctx)


# 依据《职业病防治法》第七十二条第（八）项…并处罚款人民币5万元: a fine the narrative puts
# under one provision, when facts.amounts does not write each apart
_NARRATED_FINE = re.compile(
    r"(?:依据|依照|根据|按照)(《[^》]{2,40}》第[^，。；、》]{1,12}?条)[^。；]{0,40}?"
    r"罚款(?:人民币)?\s*([0-9]+(?:\.[0-9]+)?)\s*(万)?元"
)


def _narrated_fines(case: CaseFile) -> dict[str, float]:
    """Each provision's fine as the narrative writes it (依据《A》…罚款5万元，依据《B》…罚款5万元)."""
    told = "。".join([case.facts.description, *case.facts.circumstances])
    fines: dict[str, float] = {}
    for m in _NARRATED_FINE.finditer(told):
        fines.setdefault(m.group(1), float(m.group(2)) * (10_000 if m.group(3) else 1))
    return fines


def _split_fine(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """One violation fined under two 罚则, the fines added up: 同一个违法行为违反多个法律规范应当
    给予罚款处罚的，按照罚款数额高的规定处罚 (第二十九条), once."""
    fines = {
        k: v
        for k, v in case.facts.amounts.items()
        if _FINE_KEY.search(k) and not _NOT_A_FINE.search(k) and v > 0
    }
    if len(fines) < 2:
        fines = _narrated_fines(case) or fines
    if abs(sum(fines.values()) - case.penalty.amount) > 1:
        # 对直接负责的主管人员罗某安罚款 beside the unit's two: penalty.amount is the unit's
        fines = {k: v for k, v in fines.items() if not _PERSONS.search(k)}
    articles = {
        (c.law, c.article) for c in penalty_provisions(case, ctx) if "罚款" in c.article_text
    }
    if len(fines) < 2 or len(articles) < 2 or abs(sum(fines.values()) - case.penalty.amount) > 1:
        return []
    narrative = "。".join(
        [case.violation.description, case.facts.description, *case.facts.circumstances]
    )
    if _SEVERAL_ACTS.search(narrative) or _several_addressees(case, list(fines)):
        return []
    if _numbered_acts(narrative) and len(_duties(case, ctx)) > 1:
        return []  # （1）…（2）… each under its own duty article: two acts, each fined
    shown = "、".join(f"{k}={v:.10g}元" for k, v in fines.items())
    return [
        Flag(
            point=ReviewPoint.LAW,
            severity=Severity.MUST_FIX,
            reason=(
                f"同一个违法行为依{len(articles)}个罚则分别罚款后相加（{shown}），"
                "违反多个法律规范的应按罚款数额高的规定处罚一次"
            ),
            rule=ctx.penalty_law("第二十九条"),
            evidence=f"facts.amounts：{shown}；penalty.amount={case.penalty.amount:.10g}",
        )
    ]


# （1）…；（2）… / 一是…二是…: the facts told as numbered acts
_NUMBERED = (
    re.compile(r"[（(]1[）)]|[（(]一[）)]|一是"),
    re.compile(r"[（(]2[）)]|[（(]二[）)]|二是"),
)


def _numbered_acts(narrative: str) -> bool:
    return all(p.search(narrative) for p in _NUMBERED)


def _duties(case: CaseFile, ctx: ReviewContext) -> set[tuple[str, int]]:
    """The distinct articles the file says were breached."""
    return {(c.law, c.article) for c in violated_provisions(case, ctx)}


# 单位罚款 / 主要负责人罚款 / 谢伟强罚款: whom a fine is for
_ADDRESSEE = re.compile(
    r"单位|公司|企业|主要负责人|负责人|法定代表人|主管人员|责任人员|直接责任|个人|经营者|从业人员"
)


_UNDER_LAW = re.compile(
    r"(?:依据|依照|按照|依|按)《?[\u4e00-\u9fff]{2,20}?(?:法|条例|规定|办法)》?"
)


def _several_addressees(case: CaseFile, fines: list[str]) -> bool:
    """The fines are for different parties (a unit and its 主要负责人 under 安全生产法第九十五条):
    each party's own fine, not one act fined twice."""
    if len(case.parties) < 2:
        return False
    names = [p.name for p in case.parties if p.name]
    # 依个人信息保护法对单位罚款: the law a fine is under names no addressee
    keys = [_UNDER_LAW.sub("", fine) for fine in fines]
    whom = {
        next((n for n in names if n in key), None)
        or next((m.group(0) for m in _ADDRESSEE.finditer(key)), None)
        for key in keys
    }
    return len(whom - {None}) > 1


def _fined_before(sentence: str) -> bool:
    """The sentence tells of an earlier fine, not of an earlier act (曾、此前…)."""
    if any(_EARLIER_FINE.search(c) and not _NOT_SAME.search(c) for c in clauses(sentence)):
        return True
    return bool(_EARLIER_DECISION.search(sentence)) and not _NOT_SAME.search(sentence)


def _earlier_fine(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    for p in passages(case):
        sentences = re.split(r"[。；;\n]", p.text)
        for sentence in sentences:
            if _SAME_ACT.search(sentence) and _fined_before(sentence):
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

"""Responsibility capacity under 适用法律: no penalty for a person under fourteen on the act
date (《行政处罚法》第三十条) or one who could not recognise or control their conduct
(第三十一条); a minor aged 14–17 must get a lighter or reduced penalty (第三十条)."""

from __future__ import annotations

from assistant.case_file import CaseFile, Party
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.party_capacity import birth_date, party_age

_LIGHTER = ("从轻", "减轻")


def _flag(severity: Severity, reason: str, rule: str, evidence: str) -> Flag:
    return Flag(
        point=ReviewPoint.LAW, severity=severity, reason=reason, rule=rule, evidence=evidence
    )


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not (case.penalty.types or case.penalty.amount):
        return []
    flags: list[Flag] = []
    for index, party in enumerate(case.parties):
        flags += _age(case, ctx, index, party) + _mental(case, ctx, index, party)
    return flags


def _age(case: CaseFile, ctx: ReviewContext, index: int, party: Party) -> list[Flag]:
    day = case.violation.date
    age = party_age(case, party)
    if age is None or age >= 18:
        return []
    evidence = f"parties[{index}]（{party.name}）出生日期 {birth_date(party) or '见案情叙述'}，违法行为发生日 {day}"
    if age < 14:
        return [
            _flag(
                Severity.MUST_FIX,
                f"当事人{party.name}违法时不满十四周岁（{age}周岁），依法不予行政处罚，"
                "应责令监护人加以管教",
                ctx.penalty_law("第三十条"),
                evidence,
            )
        ]
    written = "".join([*case.facts.circumstances, case.facts.description])
    if case.facts.mitigating or any(w in written for w in _LIGHTER):
        return []
    return [
        _flag(
            Severity.CHECK,
            f"当事人{party.name}违法时已满十四周岁不满十八周岁（{age}周岁），应当从轻或者减轻"
            "行政处罚，案卷未载明从轻或者减轻",
            ctx.penalty_law("第三十条"),
            evidence,
        )
    ]


def _mental(case: CaseFile, ctx: ReviewContext, index: int, party: Party) -> list[Flag]:
    if party.mental_illness != "不能辨认或者不能控制":
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"当事人{party.name}在不能辨认或者不能控制自己行为时有违法行为，依法不予行政处罚",
            ctx.penalty_law("第三十一条"),
            f"parties[{index}].mental_illness={party.mental_illness}",
        )
    ]

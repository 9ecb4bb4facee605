"""Responsibility capacity under 适用法律: no penalty for a person under fourteen on the act
date (《行政处罚法》第三十条) or one who could not recognise or control their conduct
(第三十一条); a minor aged 14–17 must get a lighter or reduced penalty (第三十条); in a
治安 case, detention is not executed on a person aged 14–15, a first offender aged 16–17,
a person of seventy or more, or a pregnant or nursing woman (治安管理处罚法第二十一条)."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile, Party
from assistant.review.case_text import clauses, passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.mitigation import lightening_stated
from assistant.review.party_capacity import birth_date, male_by_id, party_age, stated_mental_state
from assistant.review.penalty_kinds import imposes_penalty
from assistant.review.public_order import (
    DETENTION_NOT_EXECUTED,
    MENTAL_ILLNESS,
    MINOR,
    SpecialRule,
    special_rule,
)
from corpus.numerals import to_chinese

# "不执行" anywhere in the clause that decides the detention: a decision often names the
# article between them (决定行政拘留五日，依第二十一条第（二）项不执行).
_NOT_EXECUTED = re.compile(
    r"不执行(?:行政)?拘留|(?:行政)?拘留[^。；]{0,30}?不(?:予)?执行|不送(?:拘留所)?执行"
)
_PREGNANT = re.compile(r"怀孕|孕妇|妊娠|哺乳")
# "被侵害人非残疾人、孕妇…": a clause about someone else, or one denying the state
_NOT_THE_PARTY = re.compile(r"被侵害人|受害人|被害人|[非未不无没]")
OLD_AGE = 70
# 请求从轻处理；办案部门复核后未予采纳: the file says the lightening a minor is owed was refused
_LIGHTENING_REFUSED = re.compile(
    r"从轻[^。]{0,20}?(?:未予采纳|不予采纳|未采纳|不予支持|未予支持|不予认可)|不予从轻|不从轻"
)


_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not imposes_penalty(case):
        return []
    flags: list[Flag] = []
    for index, party in enumerate(case.parties):
        flags += _age(case, ctx, index, party) + _mental(case, ctx, index, party)
        flags += _detention_not_executed(case, ctx, index, party)
    return flags


def _detention_exemption(case: CaseFile, party: Party) -> tuple[str, int] | None:
    """Which 第二十一条 case the party falls in, if any, and its item."""
    age = party_age(case, party)
    first = case.facts.first_offence is True or case.facts.prior_offences == 0
    if age is not None and 14 <= age < 16:
        return f"已满十四周岁不满十六周岁（{age}周岁）", 1
    if age is not None and 16 <= age < 18 and first:
        return f"已满十六周岁不满十八周岁且初次违反治安管理（{age}周岁）", 2
    if age is not None and age >= OLD_AGE:
        return f"七十周岁以上（{age}周岁）", 3
    if party.kind == "个人" and not male_by_id(party) and _pregnant(case.facts.description):
        return "怀孕或者哺乳自己不满一周岁婴儿", 4
    return None


def _said_not_executed(written: str) -> bool:
    """The decision says detention is not executed; "无行政拘留依法不执行记录" is a record
    check on the party's past, not this decision."""
    for found in _NOT_EXECUTED.finditer(written):
        clause = re.split(r"[，,。；;]", written[: found.start()])[-1]
        if not re.search(r"无|没有|未有", clause) and not written[found.end() :].startswith("记录"):
            return True
    return False


def _pregnant(narrative: str) -> bool:
    """A clause stating the party pregnant or nursing, not denying it or saying it of the
    victim."""
    return any(
        (found := _PREGNANT.search(c)) and not _NOT_THE_PARTY.search(c[: found.start()])
        for c in clauses(narrative)
    )


def _detention_not_executed(
    case: CaseFile, ctx: ReviewContext, index: int, party: Party
) -> list[Flag]:
    if not any("拘留" in t for t in case.penalty.types):
        return []
    rule = special_rule(case, ctx, DETENTION_NOT_EXECUTED)
    exemption = _detention_exemption(case, party) if rule else None
    if rule is None or exemption is None:
        return []
    why, item = exemption
    # the item the party falls in (第二十一条第（三）项: 七十周岁以上的), where the text has it
    found = ctx.resolved(f"{rule}第（{to_chinese(item)}）项", case.act_date)
    rule = found[0].citation if found else rule
    written = "。".join(
        [*case.penalty.types, case.facts.description, *case.facts.circumstances]
        + [e.note for e in case.events]
        + [line for d in case.documents for line in d.contents]
    )
    if _said_not_executed(written):
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"当事人{party.name}{why}，依法应当给予行政拘留处罚的，不执行行政拘留处罚；"
            "案卷决定行政拘留而未载明不执行",
            rule,
            f"parties[{index}]（{party.name}）；penalty.types：{'、'.join(case.penalty.types)}",
        )
    ]


def _own_rule(case: CaseFile, ctx: ReviewContext, special: SpecialRule, general: str) -> str:
    """治安管理处罚法第十二条、第十三条 for a 治安 case (特别法优先), else 行政处罚法's."""
    return special_rule(case, ctx, special) or ctx.penalty_law(general)


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
                _own_rule(case, ctx, MINOR, "第三十条"),
                evidence,
            )
        ]
    rule = _own_rule(case, ctx, MINOR, "第三十条")
    # The minor's article cited as 处罚依据, with the age recorded as a 从轻 ground, is the
    # decision applying it; the citation alone says only which law was read. A file saying
    # it did not lighten is the discretion point's must_fix.
    cited = any(ctx.rule(c).startswith(rule) for c in case.citations.penalty_basis)
    applied = cited and bool(case.facts.mitigating_grounds)
    if applied or lightening_stated(case) is not None:
        return []
    refused = next(
        ((p, m) for p in passages(case) if (m := _LIGHTENING_REFUSED.search(p.text))), None
    )
    if refused is not None:
        where, said = refused[0].where, refused[1].group(0)
        return [
            Flag(
                point=ReviewPoint.DISCRETION,
                severity=Severity.MUST_FIX,
                reason=(
                    f"当事人{party.name}违法时已满十四周岁不满十八周岁（{age}周岁），应当从轻或者减轻"
                    f"行政处罚，案卷却不予从轻（“{said}”）"
                ),
                rule=rule,
                evidence=f"{evidence}；{where}：“{said}”",
            )
        ]
    return [
        _flag(
            Severity.CHECK,
            f"当事人{party.name}违法时已满十四周岁不满十八周岁（{age}周岁），应当从轻或者减轻"
            "行政处罚，案卷未载明从轻或者减轻",
            rule,
            evidence,
        )
    ]


def _mental(case: CaseFile, ctx: ReviewContext, index: int, party: Party) -> list[Flag]:
    state = stated_mental_state(case, party)
    if state != "不能辨认或者不能控制":
        return []
    source = (
        f"parties[{index}].mental_illness={state}"
        if party.mental_illness
        else f"案情叙述：{case.facts.description[:80]}"
    )
    return [
        _flag(
            Severity.MUST_FIX,
            f"当事人{party.name}在不能辨认或者不能控制自己行为时有违法行为，依法不予行政处罚",
            _own_rule(case, ctx, MENTAL_ILLNESS, "第三十一条"),
            source,
        )
    ]

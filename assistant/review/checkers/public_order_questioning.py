"""程序是否合法 — questioning in a 治安 case (《治安管理处罚法》第八十三条、第八十四条).

- A person under sixteen is questioned with a parent or other guardian told to attend
  (第八十四条第三款). A file saying the guardian was not told or not there must be fixed;
  one silent on it is checked (the record may hold what the file leaves out).
- After 传唤 the family is told why and where (第八十三条第二款); only a file saying it was
  not is flagged.
- After 传唤 the questioning lasts at most eight hours, twenty-four where 行政拘留 may
  follow (第八十三条第一款); only a duration the file writes is read.

Each rule is used only when the article in force on the act date says it.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import Passage, clauses, denies, passages
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.party_capacity import party_age
from assistant.review.public_order import SpecialRule, special_rule

GUARDIAN = SpecialRule("第八十四条第三款", ("不满十六周岁", "监护人到场"))
FAMILY_TOLD = SpecialRule("第八十三条第二款", ("传唤的原因和处所", "家属"))
QUESTIONING_HOURS = SpecialRule("第八十三条第一款", ("八小时", "二十四小时"))
GUARDIAN_AGE = 16
HOURS, DETENTION_HOURS = 8, 24

_QUESTIONED = re.compile(r"询问|讯问|问话")
# a record of the questioning, not the 告知笔录 of the penalty or a 检查笔录 of the scene
_QUESTION_RECORD = re.compile(r"询问|讯问|问话|(?<!告知)(?<!检查)(?<!勘验)(?<!听证)笔录")
_SUMMONED = re.compile(r"传唤|询问查证")
_GUARDIAN = re.compile(r"监护人|父母|父亲|母亲|家长|其父|其母")
_OTHER_GUARDIAN = re.compile(r"祖父|祖母|外祖|爷爷|奶奶|外公|外婆|姑|舅|叔|伯|姨|哥|姐")
_ATTENDED = re.compile(r"在场|到场|陪同")
_ABSENT = re.compile(r"未|没有|不在场|无(?!误)|缺席|空白|空缺")  # “监护人在场”栏空白
_DURATION = re.compile(r"(?:询问|查证|传唤)[^，。；]{0,12}?(\d+(?:\.\d+)?)\s*(?:个)?小时")
_SPAN = re.compile(
    r"(\d{1,2})[:：时](\d{2})?分?[^，。；\d]{0,4}至\s*(次日)?\s*(\d{1,2})[:：时](\d{2})?"
)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    return [*_guardian(case, ctx), *_hours(case, ctx), *_family(case, ctx)]


_flag = PointFlags(ReviewPoint.PROCEDURE)


def _questioned_minor(case: CaseFile) -> str | None:
    """The first party under sixteen when the act was committed (questioning follows it)."""
    for party in case.parties:
        age = party_age(case, party)
        if age is not None and age < GUARDIAN_AGE:
            return f"{party.name}（违法时{age}周岁）"
    return None


def _guardian(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    minor = _questioned_minor(case)
    rule = special_rule(case, ctx, GUARDIAN) if minor else None
    if rule is None:
        return []
    found = passages(case)
    questioning = [p for p in found if p.day is not None and _QUESTIONED.search(p.text)]
    if not questioning:
        return []
    denied = next((p for p in questioning if _guardian_denied(p)), None)
    # a guardian told of the penalty (告知) or of the detention was not at the questioning
    at_questioning = [p for p in found if p.day is None or _QUESTION_RECORD.search(p.text)]
    if denied is not None and not any(_guardian_present(p) for p in at_questioning):
        return [
            _flag(
                Severity.MUST_FIX,
                f"询问不满十六周岁的违反治安管理行为人{minor}，未通知其父母或者其他监护人到场",
                rule,
                f"{denied.where}：{denied.text}",
            )
        ]
    if any(_GUARDIAN.search(p.text) for p in found):
        return []
    return [
        _flag(
            Severity.CHECK,
            f"询问不满十六周岁的违反治安管理行为人{minor}，案卷未载明已通知其父母或者其他"
            "监护人到场，请核实询问笔录",
            rule,
            "；".join(f"{p.where}" for p in questioning[:3]),
        )
    ]


def _guardian_present(p: Passage) -> bool:
    """Some guardian attended (其父母未到场，由其祖母到场 — the law allows 其他监护人); an
    evidence item that is another person's statement (被侵害人陈述, 证人证言) is not the
    minor's questioning, whoever attended it."""
    if p.where.startswith("evidence") and _SOMEONE_ELSE.search(p.text):
        return False
    return any(
        (_GUARDIAN.search(c) or _OTHER_GUARDIAN.search(c))
        and _ATTENDED.search(c)
        and not _ABSENT.search(c)
        and not _SOMEONE_ELSE.search(c)
        and not _OTHER_STEP.search(c)
        for c in clauses(p.text)
    )


# 告知时其父在场 / 宣告时监护人在场: a guardian at another step, not at the questioning
_OTHER_STEP = re.compile(r"告知|宣告|送达|听证|执行")


# 在被侵害人母亲在场的情况下询问被侵害人 / 询问在场同学（均有监护人在场）: a guardian at another
# person's questioning
_SOMEONE_ELSE = re.compile(r"被侵害人|被害人|受害人|证人|同学|目击")


def _guardian_denied(p: Passage) -> bool:
    return denies(p, _GUARDIAN, _ABSENT)


def _hours(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    rule = special_rule(case, ctx, QUESTIONING_HOURS)
    if rule is None:
        return []
    detention = any("拘留" in t for t in case.penalty.types)
    limit = DETENTION_HOURS if detention else HOURS
    for p in passages(case):
        if not _SUMMONED.search(p.text):
            continue
        for clause in clauses(p.text):
            hours = _stated_hours(clause)
            if hours is not None and hours > limit:
                return [
                    _flag(
                        Severity.MUST_FIX,
                        f"传唤后询问查证{hours:.10g}小时，超过{limit}小时"
                        + ("" if detention else "（未拟处行政拘留）"),
                        rule,
                        f"{p.where}：{p.text}",
                    )
                ]
    return []


def _stated_hours(clause: str) -> float | None:
    """Hours written as a count (询问查证10小时) or a span (9:00至20:30, 至次日2:00)."""
    found = _DURATION.search(clause)
    if found:
        return float(found.group(1))
    span = _SPAN.search(clause)
    if span is None:
        return None
    start = int(span.group(1)) * 60 + int(span.group(2) or 0)
    end = int(span.group(4)) * 60 + int(span.group(5) or 0) + (24 * 60 if span.group(3) else 0)
    return (end - start) / 60 if end >= start else None


def _family_not_told(p: Passage) -> bool:
    """A clause saying the family was not told — of the summons, not that no relative was
    called to attend the questioning (亦未通知其他成年亲属到场: 第八十四条第三款's matter)."""
    return any(
        _FAMILY.search(c) and _NOT_TOLD.search(c) and not _ATTENDED.search(c)
        for c in clauses(p.text)
    )


_FAMILY = re.compile(r"家属|亲属|家人")
_NOT_TOLD = re.compile(r"未(?:及时)?(?:通知|告知)|没有(?:通知|告知)|未能通知")


def _family(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    rule = special_rule(case, ctx, FAMILY_TOLD)
    if rule is None:
        return []
    for p in passages(case):
        if _SUMMONED.search(p.text) and _family_not_told(p):
            return [
                _flag(
                    Severity.MUST_FIX,
                    "传唤后未将传唤的原因和处所通知被传唤人家属",
                    rule,
                    f"{p.where}：{p.text}",
                )
            ]
    return []

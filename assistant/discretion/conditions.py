"""Does a 裁量情节 / 违法程度 text hold for the facts of a case? True, False or unknown.

Conditions are free text, but most of them test a handful of things an officer
knows as facts: how many times (两年内第2次), how much (排放量10吨以上20吨以下),
how long (3个月以上6个月以下), what harm (较大以上突发环境事件), corrected in time
(限期内改正/逾期未改正), cooperated (配合调查). Anything else is matched against the
circumstances the officer typed.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from assistant.discretion.text_match import similarity

Harm = Literal["无", "轻微", "一般", "严重", "重大"]

_UNITS = r"个月|月|天|日|小时|分钟|吨|千克|公斤|平方米|立方米|蒸吨|头|倍|项|台|辆|万元|年"
_UNIT_ALIASES = {"月": "个月", "日": "天", "公斤": "千克"}
_NUM = r"\d+(?:\.\d+)?"
_BETWEEN = re.compile(rf"({_NUM})({_UNITS})?(?:以上|至|-)({_NUM})({_UNITS})(?:以下|以内)")
_UPPER = re.compile(rf"(?:不足|不超过|低于)?({_NUM})({_UNITS})(以下|以内)?")
_LOWER = re.compile(rf"(?:超过|以上)?({_NUM})({_UNITS})以上")
_OVER = re.compile(rf"(?:超过|大于)({_NUM})({_UNITS})")
_UNDER = re.compile(rf"(?:不足|少于|低于|不超过)({_NUM})({_UNITS})")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_COUNT = re.compile(r"(?:第)?(\d|[一二两三四五])次(以上)?")
_HARM_SEVERE = re.compile(r"较大以上突发|较大突发|严重后果|重大生态环境影响|不良社会影响|严重情节")
_HARM_MAJOR = re.compile(r"重大突发|特大|重大污染事故")


class CaseFacts(BaseModel):
    """What the officer established; every field optional (unknown → rules' defaults)."""

    prior_offences: int | None = Field(
        None, description="近一/二年内因同类违法行为受处罚次数（不含本次）"
    )
    first_offence: bool | None = None
    corrected_in_time: bool | None = None
    harm: Harm | None = None
    cooperated: bool | None = None
    sensitive_area: bool | None = None
    aggravating: bool = False
    mitigating: bool = False
    quantities: dict[str, float] = Field(default_factory=dict)
    base_amounts: dict[str, float] = Field(default_factory=dict)
    circumstances: list[str] = Field(default_factory=list)
    factor_levels: dict[str, str] = Field(default_factory=dict)

    @property
    def offence_count(self) -> int | None:
        """This offence's ordinal in the look-back window (含本次)."""
        if self.prior_offences is not None:
            return self.prior_offences + 1
        if self.first_offence is not None:
            return 1 if self.first_offence else None
        return None


def evaluate(text: str, facts: CaseFacts, upper_inclusive: bool = True) -> bool | None:
    """True/False when the facts decide the condition, None when they do not."""
    if _matches_circumstance(text, facts):
        return True
    verdicts = [
        check(text, facts, upper_inclusive)
        for check in (_count, _harm, _correction, _cooperation, _area, _quantity)
    ]
    known = [v for v in verdicts if v is not None]
    if not known:
        return None
    return all(known)


_NEGATIONS = ("无", "未", "不", "没有", "非")
_CLAUSE_SPLIT = re.compile(r"[，,；;]")
_ASIDE = re.compile(r"[（(][^）)]*[）)]")


def _matches_circumstance(text: str, facts: CaseFacts) -> bool:
    """A typed circumstance equal or close to the condition, with the same polarity."""
    return any(_same_polarity(c, text) and _close(c, text) for c in facts.circumstances)


def _close(circumstance: str, text: str) -> bool:
    """Every clause of the condition is stated by the circumstance.

    A shorter circumstance (属于简化管理行业的) must not satisfy a heavier tier whose
    condition adds clauses (属于简化管理行业，涉及重金属…的): each clause has to be there.
    """
    stated = _ASIDE.sub("", circumstance)  # 一般污染物（不含重金属…）: the aside is no claim
    parts = _CLAUSE_SPLIT.split(_ASIDE.sub("", text))
    clauses = [c.strip().removesuffix("的") for c in parts if len(c.strip()) > 1]
    if not clauses:
        return False
    return all(
        clause in stated or (similarity(clause, stated) >= 0.8 and not _opposite(clause, stated))
        for clause in clauses
    )


_POLARITY = re.compile(r"^(?:没有|有|无|未|不|非)")


def _opposite(clause: str, stated: str) -> bool:
    """The circumstance states the clause's words with the other polarity (近一年无同类违法行为
    against 有同类违法行为): close in characters, opposite in meaning."""
    core = _POLARITY.sub("", clause)
    if len(core) < 2 or core not in stated:
        return False
    negated = clause.startswith(_NEGATIONS)
    for found in re.finditer(re.escape(core), stated):
        before = stated[max(0, found.start() - 2) : found.start()]
        if before.endswith(_NEGATIONS) != negated:
            continue
        return False  # one occurrence with the clause's own polarity
    return True


def _same_polarity(a: str, b: str) -> bool:
    return a.startswith(_NEGATIONS) == b.startswith(_NEGATIONS)


def _count(text: str, facts: CaseFacts, _: bool) -> bool | None:
    """两年内第2次 / 4次以上 / 首次 / 有无同类违法行为 / 再犯, counted including this one."""
    count = facts.offence_count
    if "无同类违法" in text or "首次" in text or "初次" in text or "初犯" in text:
        return None if count is None else count == 1
    if "有同类违法" in text or "再犯" in text:
        return None if count is None else count > 1
    found = _COUNT.search(text)
    if not found or not re.search(r"年|同类|次数|第\d次|^\d次", text):
        return None
    if count is None:
        return None
    wanted = _CN.get(found.group(1)) or int(found.group(1))
    if "超过" in text[: found.start()]:
        return count > wanted
    return count >= wanted if found.group(2) else count == wanted


def _harm(text: str, facts: CaseFacts, _: bool) -> bool | None:
    negated = text.startswith(("未造成", "没有造成", "不涉及"))
    if _HARM_MAJOR.search(text):
        verdict = None if facts.harm is None else facts.harm == "重大"
    elif _HARM_SEVERE.search(text):
        verdict = None if facts.harm is None else facts.harm in ("严重", "重大")
    else:
        return None
    return None if verdict is None else verdict != negated


def _correction(text: str, facts: CaseFacts, _: bool) -> bool | None:
    if facts.corrected_in_time is None:
        return None
    if re.search(r"逾期未|拒不改正|未改正", text):
        return not facts.corrected_in_time
    if re.search(r"限期内|期限内|立即改正|及时改正|主动改正", text):
        return facts.corrected_in_time
    return None


def _cooperation(text: str, facts: CaseFacts, _: bool) -> bool | None:
    if facts.cooperated is None or "配合" not in text:
        return None
    return not facts.cooperated if "不配合" in text else facts.cooperated


def _area(text: str, facts: CaseFacts, _: bool) -> bool | None:
    """一般区域 vs. 限批区或环境敏感区 (广东《裁量权规定》第十九条)."""
    if facts.sensitive_area is None or len(text) > 30:
        return None
    if text.startswith("一般区域"):
        return not facts.sensitive_area
    if text.startswith(("限批区或环境敏感区", "环境敏感区")):
        return facts.sensitive_area
    return None


def _quantity(text: str, facts: CaseFacts, upper_inclusive: bool) -> bool | None:
    """Numeric bounds with units; 以上 includes the number, 以下 per the source's rule."""
    for found in _BETWEEN.finditer(text):
        value = _fact(facts, found.group(4))
        if value is not None:
            low, high = float(found.group(1)), float(found.group(3))
            return value >= low and (value <= high if upper_inclusive else value < high)
    for pattern, test in (
        (_OVER, lambda v, n: v > n),
        (_UNDER, lambda v, n: v < n),
        (_LOWER, lambda v, n: v >= n),
        (re.compile(rf"({_NUM})({_UNITS})(?:以下|以内)"), None),
    ):
        found = pattern.search(text)
        if not found:
            continue
        value = _fact(facts, found.group(2))
        if value is None:
            return None
        number = float(found.group(1))
        if test is None:
            return value <= number if upper_inclusive else value < number
        return test(value, number)
    return None


_NAMED_UNIT = re.compile(rf"[（(]([^（）()]+)[）)]$|({_UNITS})数$")


def _unit_of(name: str) -> str:
    """A quantity keyed by its unit (吨) or by what was measured and its unit
    (危险废物（吨）, 危险废物吨数)."""
    found = _NAMED_UNIT.search(name)
    unit = (found.group(1) or found.group(2)) if found else name
    return _UNIT_ALIASES.get(unit, unit)


def _fact(facts: CaseFacts, unit: str) -> float | None:
    """The one quantity in ``unit``; two named quantities in the same unit decide nothing."""
    unit = _UNIT_ALIASES.get(unit, unit)
    for name, value in facts.quantities.items():
        if _UNIT_ALIASES.get(name, name) == unit:
            return value
    named = [value for name, value in facts.quantities.items() if _unit_of(name) == unit]
    return named[0] if len(named) == 1 else None

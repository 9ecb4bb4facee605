"""Whose fine is whose: a unit and the persons answerable for it fined in one decision
(安全生产法第一百零二条: the unit 五万元以下, its 直接负责的主管人员 五万元以上十万元以下).

``penalty.amount`` is the decision's total; the 罚则's range for the unit bounds the unit's
own fine, which the file writes apart (facts.amounts 单位罚款 / 主管人员罚款)."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile

_FINE_KEY = re.compile(r"罚款")
_UNIT_WORDS = re.compile(r"单位|公司|企业|经营者|厂|店|机构")
_PERSON_WORDS = re.compile(
    r"主要负责人|负责人|法定代表人|主管人员|责任人员|直接责任|个人|从业人员|经理"
)
_TOLERANCE_YUAN = 0.5


def unit_fine(case: CaseFile) -> float | None:
    """The unit's own fine where the decision also fines persons and the file writes each
    fine apart (they add up to ``penalty.amount``); None otherwise."""
    kinds = {p.kind for p in case.parties}
    if not {"单位", "个人"} <= kinds or case.penalty.amount is None:
        return None
    persons = [p.name for p in case.parties if p.kind == "个人" and p.name]
    unit, others = None, 0.0
    for name, value in case.facts.amounts.items():
        if not _FINE_KEY.search(name):
            continue
        if _PERSON_WORDS.search(name) or any(core_name(p) in name for p in persons):
            others += value
        elif _UNIT_WORDS.search(name) and unit is None:
            unit = value
        else:
            return None
    if unit is None or not others:
        return None
    return unit if abs(unit + others - case.penalty.amount) <= _TOLERANCE_YUAN else None


def core_name(name: str) -> str:
    """A person's name without the file's gloss (司徒某某（该公司副总经理）)."""
    return re.split(r"[（(，,]", name)[0]

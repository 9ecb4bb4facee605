"""认定事实: a fine the file computes as a rate times a quantity (每平方米罚款200元 × 非法占用
土地1286.4平方米) must come out of the quantity the file establishes. A fine that divides
by the rate into none of the file's quantities of that unit (365280 ÷ 200 = 1826.4 平方米
while the survey found 1286.4) rests on a fact the evidence does not hold (第四十条)."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.penalty_kinds import imposes_penalty
from assistant.review.statutory_range import PER_UNITS

# the units a 罚则 fines per (statutory_range.PER_UNITS); 每人 is a count of people, not a quantity
_UNITS = "|".join(u for u in PER_UNITS if u != "人")
# 每平方米罚款元 / 每立方米罚款额 / 罚款标准（元/平方米）
_RATE = re.compile(rf"^每(?P<unit>{_UNITS})罚款|罚款[^（(]*[（(]元/(?P<per>{_UNITS})[)）]")
_FINE = re.compile(r"罚款")
_TOLERANCE = 0.01

_flag = PointFlags(ReviewPoint.FACTS)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    fine = case.penalty.amount
    if not fine or not imposes_penalty(case) or len(case.parties) != 1:
        return []
    rates = [(name, value, _unit(name)) for name, value in case.facts.amounts.items()]
    rates = [(name, value, unit) for name, value, unit in rates if unit and value > 0]
    others = [n for n in case.facts.amounts if _FINE.search(n) and not _RATE.search(n)]
    if len(rates) != 1 or any(case.facts.amounts[n] != fine for n in others):
        return []  # several rates, or other fines inside the amount: no one product to test
    name, rate, unit = rates[0]
    counted = {k: v for k, v in case.facts.quantities.items() if unit in k and v > 0}
    if not counted:
        return []
    implied = fine / rate
    if any(abs(implied - v) <= v * _TOLERANCE for v in counted.values()):
        return []
    shown = "、".join(f"{k}={v:.10g}" for k, v in counted.items())
    return [
        _flag(
            Severity.MUST_FIX,
            f"罚款{fine:.10g}元按{name}{rate:.10g}元计，对应{implied:.10g}{unit}，"
            f"与案卷认定的数量（{shown}）不符，罚款所依据的事实没有证据支持",
            ctx.penalty_law("第四十条"),
            f"penalty.amount={fine:.10g}；facts.amounts.{name}={rate:.10g}；facts.quantities：{shown}",
        )
    ]


def _unit(name: str) -> str | None:
    found = _RATE.search(name)
    return None if found is None else found.group("unit") or found.group("per")

"""A stated excess ratio the evidence contradicts (《行政处罚法》第四十条).

A decision that finds 超过核定载质量百分之三十八 or 超标45% states a fact: how far the
measured figure is above its limit. The evidence that measured it (a weighing record,
a monitoring report) gives the measured value and the limit, so the ratio is
(value − limit) / limit. A stated ratio that none of the evidence's own ratios supports
is a fact the evidence contradicts — and the tier of a graded 罚则 often turns on it
(道路交通安全法第九十二条: 超过百分之三十). The law's own tier quoted in the text
(超过百分之三十的, 未超过百分之三十) is not a finding and is not compared.

“超过…百分之二十” also reads as a bound (已超过额定乘员百分之二十: more than the tier), so
only a stated ratio above every ratio the evidence gives is contradicted: the file then
finds more excess than its evidence shows, the direction that raises the tier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.case_file import CaseFile
from assistant.discretion.penalty_amounts import chinese_number

_CN_DIGITS = "零〇一二两三四五六七八九十百点"
# 超过核定载质量百分之三十八 / 超载18% / 超标45.5％ / 高出限值百分之二十
_STATED = re.compile(
    rf"(?<![未不没])(?:超过|超出|超载|超员|超限|超标|高出|高于|多出)"
    # 超员未达百分之二十 / 超载不足百分之三十: a ratio denied, not stated
    rf"(?:(?!未|不|没|低于|少于)[^，。；、\d{_CN_DIGITS}]){{0,12}}"
    rf"(?:百分之([{_CN_DIGITS}]+)(?![{_CN_DIGITS}])|(\d+(?:\.\d+)?)\s*[%％])"
    # 超过百分之三十（以上）的 quotes the law's tier; 以内 / 以下 / 左右 bound the figure from
    # above or loosely. 超过百分之二十以上 is a finding: at least that much, so contradicted
    # like any other stated ratio when every measured ratio falls short of it.
    rf"(?!以上的|多|的|以内|以下|不满|左右)"
)
_NEGATED = re.compile(r"(?:未|不|没有|尚未)$")
# a difference of rounding (17.6% written 18%) is no contradiction
_TOLERANCE = 1.0


@dataclass(frozen=True)
class StatedRatio:
    """A ratio the file states above every one of the evidence's own ratios."""

    where: str
    text: str
    stated: float
    shown: list[tuple[str, float]]


def _evidence_ratios(case: CaseFile) -> list[tuple[str, float]]:
    """(what, percent above the limit) for each evidence measurement above its limit."""
    return [
        (
            f"evidence[{i}]（{e.name}）{m.item} {m.value:.10g}/{m.limit:.10g}{m.unit or ''}",
            _percent(m.value, m.limit),
        )
        for i, e in enumerate(case.evidence)
        for m in e.measurements
        if m.limit and m.value > m.limit > 0
    ]


def _percent(value: float, limit: float) -> float:
    return (value - limit) / limit * 100


def _stated(text: str) -> list[tuple[str, float]]:
    found = []
    for match in _STATED.finditer(text):
        if _NEGATED.search(text[max(0, match.start() - 3) : match.start()]):
            continue
        cn, arabic = match.groups()
        try:
            found.append((match.group(0), chinese_number(cn) if cn else float(arabic)))
        except (ValueError, TypeError, KeyError):
            continue
    return found


def contradicted_ratios(case: CaseFile) -> list[StatedRatio]:
    """Each ratio the facts state above all of the evidence's measured ratios."""
    shown = _evidence_ratios(case)
    if not shown:
        return []
    texts = [("violation.description", case.violation.description)]
    texts += [("facts.description", case.facts.description)]
    texts += [("facts.circumstances", c) for c in case.facts.circumstances]
    found = []
    for where, text in texts:
        for said, stated in _stated(text or ""):
            if all(stated - ratio > _TOLERANCE for _, ratio in shown):
                found.append(StatedRatio(where, said, stated, shown))
    return found

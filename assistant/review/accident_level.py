"""The grade of a production-safety accident (生产安全事故报告和调查处理条例第三条), read from
the deaths, serious injuries and direct loss a file establishes. 罚则 graded by accident
(安全生产法第一百一十四条、第九十五条: 发生一般事故的…；发生较大事故的…) apply the item
of that grade, whatever grade the file itself names.

第三条: 特别重大 30+ deaths, 100+ 重伤 or 1亿元+; 重大 10–29, 50–99, 5000万元–1亿元;
较大 3–9, 10–49, 1000万元–5000万元; 一般 below. 以上 includes the number, 以下 does not."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.case_file import CaseFile
from corpus.numerals import parse_number

GRADES = ("一般事故", "较大事故", "重大事故", "特别重大事故")
# (deaths, serious injuries, direct loss in yuan) from which each grade above 一般 starts
_THRESHOLDS = ((3, 10, 10_000_000), (10, 50, 50_000_000), (30, 100, 100_000_000))
_COUNT = r"([0-9]+|[一二两三四五六七八九十]+)"
_DEATHS = re.compile(rf"{_COUNT}(?:名|人|个人)[^，。；0-9]{{0,6}}?死亡|死亡{_COUNT}人")
_INJURED = re.compile(rf"{_COUNT}(?:名|人)[^，。；0-9]{{0,6}}?重伤|重伤{_COUNT}人")


@dataclass(frozen=True)
class AccidentGrade:
    grade: str
    because: str  # the figures that set it


def accident_grade(case: CaseFile) -> AccidentGrade | None:
    """The grade the file's figures give, or None when it states none of them."""
    deaths = _figure(case, "死亡", _DEATHS)
    injured = _figure(case, "重伤", _INJURED)
    loss = next((v for k, v in case.facts.amounts.items() if "直接经济损失" in k), None)
    if deaths is None and injured is None and loss is None:
        return None
    level = 0
    for step, (d, i, yuan) in enumerate(_THRESHOLDS, start=1):
        if (deaths or 0) >= d or (injured or 0) >= i or (loss or 0) >= yuan:
            level = step
    shown = [f"死亡{deaths}人" if deaths else "", f"重伤{injured}人" if injured else ""]
    shown.append(f"直接经济损失{loss:.0f}元" if loss else "")
    return AccidentGrade(GRADES[level], "、".join(s for s in shown if s))


def _figure(case: CaseFile, word: str, pattern: re.Pattern[str]) -> int | None:
    """A count the file records under ``word`` (quantities 死亡人数) or in its narrative."""
    for name, value in case.facts.quantities.items():
        if word in name:
            return int(value)
    text = "。".join([case.facts.description, *case.facts.circumstances])
    found = pattern.search(text)
    if found is None:
        return None
    token = found.group(1) or found.group(2)
    try:
        return int(token) if token.isdigit() else parse_number(token)
    except ValueError:
        return None

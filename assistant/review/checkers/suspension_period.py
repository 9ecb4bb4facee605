"""行政处罚裁量是否适当: the length of a suspension within the cited 罚则's range.

A 罚则 may write a measure for a time (中医药法第五十五条: 责令暂停六个月以上一年以下执业活动;
暂扣…许可证一个月以上三个月以下). A decision that suspends for less than the floor (with no
legal ground to lighten, 第三十二条) or more than the top leaves the statutory range, as a fine
outside its range does; the fine checkers read only money, so the time is read here."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.discretion.penalty_amounts import chinese_number
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.mitigation import reduction_grounds
from assistant.review.statutory_fine import paragraph_text, penalty_provisions

_NUM = r"[0-9]+|[一二两三四五六七八九十]+"
_UNIT_DAYS = {"日": 1, "天": 1, "个月": 30, "月": 30, "年": 365}
_UNIT = r"个月|年|日|天"
_VERBS = ("暂停", "暂扣", "停业", "停止")
# 暂停六个月以上一年以下执业活动 / 暂扣…许可证一个月以上三个月以下
_RANGE = re.compile(
    rf"({'|'.join(_VERBS)})[^，。；]{{0,16}}?({_NUM})({_UNIT})以上({_NUM})({_UNIT})以下"
)
# 暂停执业活动三个月 / 暂扣许可证2个月
_DECIDED = re.compile(rf"({_NUM})({_UNIT})")

_flag = PointFlags(ReviewPoint.DISCRETION)


def _days(number: str, unit: str) -> int:
    return int(chinese_number(number)) * _UNIT_DAYS[unit]


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    for kind in case.penalty.types:
        decided = _DECIDED.search(kind)
        verb = next((v for v in _VERBS if v in kind), None)
        if decided is None or verb is None:
            continue
        days = _days(*decided.groups())
        for citation in penalty_provisions(case, ctx):
            text = paragraph_text(citation, ctx, case) if citation.paragraph else None
            found = next(
                (m for m in _RANGE.finditer(text or citation.article_text) if m.group(1) == verb),
                None,
            )
            if found is None:
                continue
            low, high = _days(*found.group(2, 3)), _days(*found.group(4, 5))
            below = days < low and not reduction_grounds(case)
            if below or days > high:
                side = "低于法定下限" if below else "超过法定上限"
                return [
                    _flag(
                        Severity.MUST_FIX,
                        f"“{kind}”{side}：{citation.citation}规定{found.group(0)}"
                        + ("，案卷无依法从轻、减轻的情节" if below else ""),
                        citation.citation,
                        f"penalty.types：{kind}",
                    )
                ]
    return []

"""法律适用: a measure whose 罚则 requires a number of offences the file does not reach.

公路安全保护条例第六十六条: 对1年内违法超限运输超过3次的货运车辆，由道路运输管理机构吊销其车辆营运证
— 超过 excludes the number itself (three is not over three), N次以上 includes it. The condition
is read from the cited 罚则 in the corpus; the file's count is the quantity it records under a
name sharing the condition's words (一年内违法超限运输次数). A sentence whose condition has an
alternative (或者有其他严重情节) is left alone: the other branch may be met."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.discretion.penalty_amounts import chinese_number
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import paragraph_text, penalty_provisions, range_rule

_COUNT = re.compile(
    r"(?P<what>[^，。；]{2,30}?)(?P<over>超过)?(?P<n>[0-9一二两三四五六七八九十]+)次(?P<plus>以上)?的"
)
# the measures a sentence may make depend on the count, and the penalty types they are
_MEASURES = (("吊销", "吊销"), ("停业整顿", "停业"), ("停产停业", "停产"), ("停止从事", "停止从事"))
_COUNT_KEY = re.compile(r"次数|次$")

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    types = "、".join(case.penalty.types)
    for cited in penalty_provisions(case, ctx):
        text = paragraph_text(cited, ctx, case)
        for sentence in re.split(r"[。；]", text):
            found = _COUNT.search(sentence)
            if found is None or "或者" in sentence[found.end() : found.end() + 12]:
                continue
            rest = sentence[found.end() :]
            if not any(word in rest and kind in types for word, kind in _MEASURES):
                continue
            count = _recorded_count(case, found.group("what"))
            if count is None:
                continue
            needed = chinese_number(found.group("n"))
            if count > needed or (count == needed and not found.group("over")):
                continue
            return [_unmet(cited.citation, range_rule(cited, True), found.group(0), count)]
    return []


def _recorded_count(case: CaseFile, what: str) -> float | None:
    """The file's count of the offences the condition counts (shares two of its words)."""
    grams = {what[i : i + 2] for i in range(len(what) - 1)}
    for name, value in case.facts.quantities.items():
        if _COUNT_KEY.search(name) and sum(g in name for g in grams) >= 2:
            return value
    return None


def _unmet(citation: str, rule: str, condition: str, count: float) -> Flag:
    return _flag(
        Severity.MUST_FIX,
        f"{citation}的处罚以“{condition}”为条件，案卷查明的次数为{count:.10g}次，"
        "未达到法定条件，不能作出该处罚",
        rule,
        f"facts.quantities：{count:.10g}次；{citation}：“{condition}”",
        also_cites=[citation] if citation != rule else [],
    )

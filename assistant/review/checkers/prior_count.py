"""认定事实是否清楚: the earlier penalties a decision counts against the records it holds.

A decision resting on 2024年内已三次…被处罚 (情节严重, 吊销) while the file's own record query
finds one penalty (处罚记录查询结果：处罚记录1条) states a fact its evidence contradicts
(《行政处罚法》第四十条)."""

from __future__ import annotations

import datetime as dt
import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from corpus.numerals import parse_number

_NUM = r"[0-9]+|[一二三四五六七八九十两]+"
# 已三次因…被我局处罚 / 曾2次受到处罚
_STATED = re.compile(
    rf"(?:已|曾|先后|累计)({_NUM})次[^，。；]{{0,20}}?(?:被|受到?)[^，。；]{{0,8}}处罚"
)
# 处罚记录1条 / 查询到处罚记录2条 / 共有1次处罚记录
_RECORDED = re.compile(rf"处罚记录(?:共|仅)?({_NUM})条|(?:共|仅)(?:有)?({_NUM})(?:次|条)处罚记录")
_QUERY = re.compile(r"查询|记录")

_flag = PointFlags(ReviewPoint.FACTS)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    return _count(case, ctx) + _within_months(case, ctx)


# 六个月内曾受过治安管理处罚 (治安管理处罚法第二十条第（四）项): a recent earlier penalty
_WITHIN = re.compile(r"(六|[0-9]+)个月内曾受过?[^，。；]{0,8}处罚")
# 违法犯罪记录查询（2022年3月15日因赌博被行政拘留五日…）: the dates the record query gives
_RECORD_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _within_months(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A decision finding the party punished within N months before, while the file's own
    record query dates every earlier penalty further back, states a fact its evidence
    contradicts (第四十条)."""
    told = "".join([case.facts.description, *case.facts.circumstances])
    stated = _WITHIN.search(told)
    if stated is None:
        return []
    months = parse_number(stated.group(1))
    for item in case.evidence:
        if not _QUERY.search(item.name) or "记录" not in item.name:
            continue
        dates = [
            dt.date(int(y), int(m), int(d))
            for y, m, d in _RECORD_DATE.findall(f"{item.name}{item.note or ''}")
        ]
        if dates and all(_months_before(day, case.act_date) > months for day in dates):
            return [
                _flag(
                    Severity.MUST_FIX,
                    f"认定当事人{stated.group(0)}，但案卷所附{item.name[:40]}所载此前处罚均在"
                    f"违法行为发生前{months}个月以外，认定的从重情节与证据矛盾",
                    ctx.penalty_law("第四十条"),
                    f"{item.name}；违法行为日期 {case.act_date}",
                )
            ]
    return []


def _months_before(earlier: dt.date, later: dt.date) -> float:
    return (
        (later.year - earlier.year) * 12
        + (later.month - earlier.month)
        + (later.day - earlier.day) / 31
    )


def _count(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    stated = _stated_count(case)
    if stated is None:
        return []
    for item in case.evidence:
        text = f"{item.name}{item.note or ''}"
        found = _RECORDED.search(text)
        if found is None or not _QUERY.search(item.name):
            continue
        recorded = parse_number(found.group(1) or found.group(2))
        if recorded < stated:
            return [
                _flag(
                    Severity.MUST_FIX,
                    f"认定当事人此前已被处罚{stated}次，但案卷所附{item.name}只有{recorded}条处罚记录，"
                    "认定的事实与证据矛盾",
                    ctx.penalty_law("第四十条"),
                    f"{item.name}；facts.prior_offences={case.facts.prior_offences}",
                )
            ]
    return []


def _stated_count(case: CaseFile) -> int | None:
    """The earlier penalties the narrative counts (a bare prior_offences may count this act)."""
    told = "".join([case.facts.description, *case.facts.circumstances])
    found = _STATED.search(told)
    return parse_number(found.group(1)) if found else None

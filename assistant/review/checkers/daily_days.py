"""裁量是否适当: the days a 按日连续处罚 counts.

《环境保护主管部门实施按日连续处罚办法》第十七条: 计罚日数为责令改正违法行为决定书送达排污者之日的
次日起，至…复查发现违法排放污染物行为之日止. A file whose counted days start on the day the order
was served (自6月8日起至6月21日止共14日, the order served 6月8日) counts one day more than the rule
allows, and the fine — the original fine times the days — is above what it allows. The rule is
read from the cited provision's words (…之日的次日起), so any article writing it is held the same."""

from __future__ import annotations

import re
from datetime import date

from assistant.case_file import CaseFile
from assistant.discretion.penalty_amounts import chinese_number
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions

_NEXT_DAY = re.compile(r"计罚日数为[^。]{0,30}送达[^。]{0,12}之日的次日起")
_DATE = r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日"
_SERVED = re.compile(r"送达[^。；，]{0,6}责令改正|责令改正[^。；，]{0,12}送达")
_ORDER = re.compile(r"责令改正")

# …至环境保护主管部门复查发现违法排放污染物行为之日止
_UNTIL_FOUND = re.compile(r"至[^。]{0,20}复查发现[^。]{0,16}之日止")
# 计罚日数自6月8日起至6月21日止 / 计罚日数自责令改正违法行为决定书送达次日（2023年3月2日）起至当事人
# 报告整改完成之日（2023年4月6日）止: the first and the last day counted
_SPAN = re.compile(rf"计罚日数[^。]{{0,40}}?{_DATE}[^。]{{0,40}}?至[^。]{{0,30}}?{_DATE}")
# 按自2024年3月20日起至5月24日停产之日止共66日计罚: the span written without 计罚日数 before it
_SPAN_COUNTED = re.compile(
    rf"自{_DATE}起至[^。]{{0,20}}?{_DATE}[^。]{{0,16}}?共[0-9一二三四五六七八九十百]+日"
)
# a re-inspection that found the discharge going on (复查…仍超标排放)
_FOUND_AGAIN = re.compile(r"复查[^。]{0,80}?仍")

_DAILY_LAW = "按日连续处罚"

_flag = PointFlags(ReviewPoint.DISCRETION)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    found = _counting_rule(case, ctx)
    if found is None:
        return []
    rule, text = found
    span = _span(case)
    if span is None:
        return []
    if _UNTIL_FOUND.search(text):
        late = _counted_past_reinspection(case, rule, span)
        if late:
            return late
    counted = span[0]
    if counted not in _service_days(case):
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"计罚日数自责令改正违法行为决定书送达之日（{counted}）起算，依照{rule}应当自送达之日的"
            "次日起计算，多计一日，按日连续处罚的罚款数额超出规定",
            rule,
            f"facts.description：计罚日数自{counted.month}月{counted.day}日起",
        )
    ]


def _counting_rule(case: CaseFile, ctx: ReviewContext) -> tuple[str, str] | None:
    """The provision that says how the days are counted: a cited one, else the article of a
    cited 按日连续处罚 law that writes it (a file citing only 第十九条 is still counted by 第十七条)."""
    cited = penalty_provisions(case, ctx)
    for citation in cited:
        if _NEXT_DAY.search(citation.text):
            return citation.citation, citation.text
    found = _daily_rule_article(case, ctx, _NEXT_DAY)
    return (found[0], found[1].string) if found else None


def _daily_rule_article(
    case: CaseFile, ctx: ReviewContext, pattern: re.Pattern[str]
) -> tuple[str, re.Match[str]] | None:
    """The article of a cited 按日连续处罚 rule that writes ``pattern`` (only those rules write
    how the days are counted and when the re-inspection comes), with the match."""
    for citation in penalty_provisions(case, ctx):
        if _DAILY_LAW not in citation.title:
            continue
        for record in ctx.articles_in(citation.law, citation.version):
            if m := pattern.search(record.text):
                return f"《{citation.title}》{record.label}", m
    return None


def _counted_past_reinspection(case: CaseFile, rule: str, span: tuple[date, date]) -> list[Flag]:
    """The counted days end on a day no re-inspection found the discharge going on (the
    party's own report of correction, a later check) while one did before it: the rule
    counts to the day the re-inspection found it."""
    found = sorted(e.date for e in case.events if _FOUND_AGAIN.search(e.note or ""))
    if not found or span[1] in found:
        return []
    within = [d for d in found if span[0] <= d < span[1]]
    if not within:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"计罚日数计至{span[1]}，依照{rule}应当计至复查发现违法排放污染物行为之日"
            f"（{within[0]}），多计的日数使按日连续处罚的罚款数额超出规定",
            rule,
            f"计罚日数 {span[0]}—{span[1]}；复查发现仍违法排放 {within[0]}",
        )
    ]


def _span(case: CaseFile) -> tuple[date, date] | None:
    """The first and last day the file counts, their years from the act date when unwritten."""
    for text in (case.facts.description, *case.facts.circumstances):
        m = _SPAN.search(text) or _SPAN_COUNTED.search(text)
        if m is None:
            continue
        try:
            first, last = (
                date(int(y) if y else case.act_date.year, int(mo), int(d))
                for y, mo, d in (m.groups()[:3], m.groups()[3:])
            )
        except ValueError:
            return None
        return first, last
    return None


def _service_days(case: CaseFile) -> set[date]:
    """Days a 责令改正 order was served: steps that say so, and the order documents."""
    days = {e.date for e in case.events if _SERVED.search(e.note or "")}
    days |= {d.date for d in case.documents if _ORDER.search(d.type) and d.date}
    days |= {e.date for e in case.evidence if _SERVED.search(e.name) and e.date}
    return days


# 环境保护主管部门应当在送达责令改正违法行为决定书之日起三十日内…实施复查 (办法第十条)
_RECHECK_RULE = re.compile(
    r"送达责令改正违法行为决定书之日起([一二三四五六七八九十]+)日内[^。]{0,30}复查"
)
_RECHECK = re.compile(r"复查")


def recheck_check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """程序: the re-inspection a 按日连续处罚 rests on comes within the days the rule gives
    from the order's service (办法第十条: 三十日内); a later one is out of its time."""
    found = _recheck_rule(case, ctx)
    served = sorted(_service_days(case))
    if found is None or not served:
        return []
    rule, limit = found
    rechecks = sorted(
        e.date for e in case.events if _RECHECK.search(e.note or "") and e.date > served[0]
    )
    if not rechecks or (rechecks[0] - served[0]).days <= limit:
        return []
    return [
        Flag(
            point=ReviewPoint.PROCEDURE,
            severity=Severity.MUST_FIX,
            reason=f"责令改正违法行为决定书{served[0]}送达，复查迟至{rechecks[0]}"
            f"（第{(rechecks[0] - served[0]).days}日），超过送达之日起{limit}日内复查的规定",
            rule=rule,
            evidence=f"送达 {served[0]}；复查 {rechecks[0]}",
        )
    ]


def _recheck_rule(case: CaseFile, ctx: ReviewContext) -> tuple[str, int] | None:
    found = _daily_rule_article(case, ctx, _RECHECK_RULE)
    return (found[0], int(chinese_number(found[1].group(1)))) if found else None

"""When an order to correct fell due, and whether the party met it.

An order says its period in its own words (责令自收到本指令书之日起十个工作日内支付工资): working
days are counted by the official calendar, holidays and 调休 included; a period in days
ends on the last day, moved to the next working day where it is a holiday (行政诉讼法第八十三条,
民法典第二百零三条). An agency that counts 十个工作日 as ten calendar days finds 拒不改正 in a
party that paid on time. The count starts the day after the order's paper is dated (the
earliest it can have been received), which never makes a late party look timely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from assistant.case_file import CaseFile, Document
from assistant.discretion.penalty_amounts import chinese_number
from assistant.publicity.deadlines import add_working_days, is_working_day

_ORDER_PAPER = re.compile(r"责令|指令书|整改通知|改正通知")
_PERIOD = re.compile(r"(\d+|[一二三四五六七八九十]+)\s*(个工作日|日|天)内")
# 5月10日方通过银行转账足额支付 / 2024年5月10日已补缴: the day the party did what was ordered
_DONE_WORDS = "支付|发放|补发|补缴|缴纳|改正|整改|补办|办理|办妥|拆除|清理|清除|恢复|退还|完成"
_ACT = rf"(?:{_DONE_WORDS})"
_DONE_ON = re.compile(
    rf"(?:(\d{{4}})年)?(\d{{1,2}})月(\d{{1,2}})日(?P<between>[^。；，,]{{0,12}}?){_ACT}"
)
# 登记3月28日收到当事人报送的报告: where the order asks for a report or a filing, sending it
# in is doing what was ordered (not where it asks 补办手续: an application sent is no approval)
_ASKS_REPORT = re.compile(r"报告|报送|汇交|申报|备案")
_REPORTED_ON = re.compile(
    rf"(?:(\d{{4}})年)?(\d{{1,2}})月(\d{{1,2}})日(?P<between>[^。；，,]{{0,12}}?)"
    rf"(?:{_DONE_WORDS}|报送|提交|申报|汇交)"
)
_NOT_DONE = re.compile(r"未|没有|仍|尚|拒|应|须|需|前|责令|要求|限期")


@dataclass(frozen=True)
class OrderDeadline:
    """An order's period as written, the day it fell due, and the day the party complied."""

    words: str
    ordered: date
    due: date
    complied: date | None

    @property
    def met(self) -> bool:
        return self.complied is not None and self.complied <= self.due


def order_deadline(case: CaseFile) -> OrderDeadline | None:
    """The first order to correct on file that writes its period in days, with its due day
    and the day the file says the party complied (None when it says none)."""
    for document in case.documents:
        if not _ORDER_PAPER.search(document.type) or document.date is None:
            continue
        period = next((m for line in document.contents if (m := _PERIOD.search(line))), None)
        if period is not None:
            due = _due(document.date, period)
            return OrderDeadline(period.group(0), document.date, due, _complied(case, document))
        dated = next((m for line in document.contents if (m := _BY_DAY.search(line))), None)
        if dated is not None:
            due = date(*(int(n) for n in dated.groups()))
            return OrderDeadline(dated.group(0), document.date, due, _complied(case, document))
    return None


# 改正期限：2023年9月28日前 / 限期至2024年6月20日: the period written as its last day
_BY_DAY = re.compile(r"(?:期限|限期|限于)[^。；\d]{0,4}(\d{4})年(\d{1,2})月(\d{1,2})日")


def _due(ordered: date, period: re.Match[str]) -> date:
    count = int(chinese_number(period.group(1)))
    if period.group(2) == "个工作日":
        return add_working_days(ordered, count)
    due = ordered + timedelta(days=count)
    while not is_working_day(due):
        due += timedelta(days=1)
    return due


# 限期至2025年3月21日改正 / 7月31日改正期限届满: the day named is the order's deadline, not
# the day the party complied
_DEADLINE_BEFORE = re.compile(r"(?:至|限于|期限为?|截至|截止)\s*$")
_DEADLINE_AFTER = re.compile(r"\s*(?:期限|期满|的期限|前|之前)")


def _names_deadline(text: str, match: re.Match[str]) -> bool:
    return bool(
        _DEADLINE_BEFORE.search(text[max(0, match.start() - 6) : match.start()])
        or _DEADLINE_AFTER.match(text, match.end())
    )


def _complied(case: CaseFile, order: Document) -> date | None:
    """The earliest day after the order that the file says the ordered act was done."""
    ordered = order.date
    done = _REPORTED_ON if any(_ASKS_REPORT.search(c) for c in order.contents) else _DONE_ON
    told = [case.facts.description, *case.facts.circumstances]
    told += [e.note for e in case.events if e.note]
    told += [f"{e.name}{e.note or ''}" for e in case.evidence]
    days = []
    for text in told:
        for match in done.finditer(text):
            if _NOT_DONE.search(match.group("between")) or _names_deadline(text, match):
                continue
            year = int(match.group(1)) if match.group(1) else ordered.year
            try:
                day = date(year, int(match.group(2)), int(match.group(3)))
            except ValueError:
                continue  # not a day of the calendar: no finding rests on it
            if day > ordered:
                days.append(day)
    return min(days, default=None)

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
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import penalty_provisions

_NEXT_DAY = re.compile(r"计罚日数为[^。]{0,30}送达[^。]{0,12}之日的次日起")
_DATE = r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日"
_COUNTED = re.compile(rf"计罚日数[^。；]{{0,6}}?自{_DATE}起?[^。；]{{0,4}}?至{_DATE}")
_SERVED = re.compile(r"送达[^。；，]{0,6}责令改正|责令改正[^。；，]{0,12}送达")
_ORDER = re.compile(r"责令改正")

_flag = PointFlags(ReviewPoint.DISCRETION)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    rule = next(
        (c.citation for c in penalty_provisions(case, ctx) if _NEXT_DAY.search(c.text)), None
    )
    if rule is None:
        return []
    counted = _counted_from(case)
    if counted is None or counted not in _service_days(case):
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


def _counted_from(case: CaseFile) -> date | None:
    """The first day the file counts (计罚日数自X起至Y止), its year from the act date when unwritten."""
    for text in (case.facts.description, *case.facts.circumstances):
        if (m := _COUNTED.search(text)) is not None:
            year = int(m.group(1)) if m.group(1) else case.act_date.year
            try:
                return date(year, int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def _service_days(case: CaseFile) -> set[date]:
    """Days a 责令改正 order was served: steps that say so, and the order documents."""
    days = {e.date for e in case.events if _SERVED.search(e.note or "")}
    days |= {d.date for d in case.documents if _ORDER.search(d.type) and d.date}
    days |= {e.date for e in case.evidence if _SERVED.search(e.name) and e.date}
    return days

"""程序是否合法 — the decision waits for the party's 陈述、申辩 (《行政处罚法》第四十五条第一款:
行政机关必须充分听取当事人的意见; 治安: 《治安管理处罚法》第九十四条第二款).

The law sets no general period, so the file's own facts decide: a decision made before the
period the notice itself gave has run out, or a statement the party made only after the
decision, shows the party's opinion was not heard. A party who stated or waived before the
decision was heard.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from assistant.case_file import CaseFile, Event
from assistant.publicity.deadlines import add_working_days, working_days_between
from assistant.review.checkers.procedure import HEARING_REQUEST_DAYS, told_rights
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.public_order import SpecialRule, special_rule
from corpus.numerals import parse_number

HEAR_OPINION = SpecialRule("第九十四条第二款", ("充分听取",))
_STATEMENT = "陈述申辩"
# "自收到之日起五个工作日内提出陈述、申辩" / "三日内" — the period the notice gave.
_PERIOD = re.compile(r"([一二两三四五六七八九十\d]{1,3})个?(工作日|日|天)内")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    notice, decision = case.first("告知"), case.first("决定")
    if notice is None or decision is None or decision.date < notice.date:
        return []
    statements = [e for e in case.events if e.type == _STATEMENT]
    if any(e.date <= decision.date for e in statements):
        return []  # stated or waived before the decision: heard
    rule = special_rule(case, ctx, HEAR_OPINION) or ctx.penalty_law("第四十五条第一款")
    late = next((e for e in statements if e.date > decision.date and "放弃" not in e.note), None)
    if late is not None:
        return [
            _flag(
                f"当事人于决定作出后（{late.date}）才提出陈述、申辩，决定前未听取当事人的意见",
                rule,
                f"告知 {notice.date}；决定 {decision.date}；陈述申辩 {late.date}",
                ctx,
            )
        ]
    ends = period_end(notice)
    if ends is None or decision.date > ends or _hearing_period_flagged(case, notice, decision):
        return []
    # On the last day itself the party may still come: checked, not must-fix.
    last_day = decision.date == ends
    return [
        _flag(
            f"告知书载明的陈述、申辩期限（至{ends}）届满前即作出决定，未充分听取当事人的意见"
            + ("（决定与期限末日同日，请核实当事人是否已提出意见）" if last_day else ""),
            rule,
            f"告知（{notice.date}）：{notice.note}；决定 {decision.date}",
            ctx,
            Severity.CHECK if last_day else Severity.MUST_FIX,
        )
    ]


def _hearing_period_flagged(case: CaseFile, notice: Event, decision: Event) -> bool:
    """One early decision, one finding: inside the five days to ask for a hearing the
    procedure checker already reports it (第六十四条第（一）项)."""
    offered = any("听证" in r for r in told_rights(case, notice).rights)
    waived = any(e.hearing_requested is False for e in case.events)
    early = working_days_between(notice.date, decision.date) < HEARING_REQUEST_DAYS
    return offered and not waived and early and case.first("听证") is None


def period_end(notice: Event) -> date | None:
    """The last day of the period the notice gave for 陈述、申辩 (None: it gave none)."""
    found = _PERIOD.search(notice.note)
    if found is None or not any(w in notice.note for w in ("陈述", "申辩")):
        return None
    count = parse_number(found.group(1))
    if found.group(2) == "工作日":
        return add_working_days(notice.date, count)
    return notice.date + timedelta(days=count)


def _flag(
    reason: str,
    rule: str,
    evidence: str,
    ctx: ReviewContext,
    severity: Severity = Severity.MUST_FIX,
) -> Flag:
    """The duty to hear the party (第四十五条) and the bar on deciding without hearing it
    (第六十二条) are one finding: cited together."""
    return Flag(
        point=ReviewPoint.PROCEDURE,
        severity=severity,
        reason=reason,
        rule=rule,
        also_cites=[ctx.penalty_law("第六十二条")],
        evidence=evidence,
    )

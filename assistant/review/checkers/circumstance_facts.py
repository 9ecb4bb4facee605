"""Repeat and uncorrected circumstances: a penalty the article raises for a repeat (再次…/二年内曾…)
needs the earlier decision or record among the evidence, a finding of so many penalties within
a span their dates; one conditioned on 逾期未改正/拒不改正 needs a later check showing it, and
no re-test showing the correction (《行政处罚法》第四十条)."""

from __future__ import annotations

import re
from datetime import date

from assistant.case_file import CaseFile
from assistant.discretion.penalty_amounts import chinese_number
from assistant.review.checkers.fact_flags import case_narrative, fact_flag
from assistant.review.checkers.inspection_records import INSPECTION_RECORD_TITLE, RECHECK
from assistant.review.checkers.measured_facts import exceeds
from assistant.review.checkers.uncorrected_fine import (
    deadline_pending,
    no_order_traced,
    order_due_day,
)
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint
from assistant.review.statutory_fine import (
    established_circumstances,
    paragraph_text,
    penalty_provisions,
)
from assistant.review.statutory_range import UNCORRECTED

# A repeat after an earlier penalty (再次、曾因…受过处罚). 多次 is not one: 多次发送…信息 (治安管理处罚法
# 第四十二条第（五）项) is conduct repeated within this violation, proven by the evidence of
# that conduct, not by an earlier decision.
# 再次 of a repeat offence, not of the act (一次使用的医疗器具…再次使用, 清洗后再次用于患者)
_AGAIN = r"再次(?!使用|用于|利用)"
_REPEAT_IN_LAW = re.compile(_AGAIN + r"|二年内曾|一年内曾|曾因|累计")
_REPEAT_IN_FACTS = re.compile(_AGAIN + r"|曾因|屡次|二年内曾|一年内曾")
_UNCORRECTED_IN_LAW = re.compile(r"逾期未改正|逾期不改正|拒不改正|逾期仍未改正|届期未改正")
_UNCORRECTED_IN_FACTS = re.compile(
    r"逾期未改正|逾期不改正|拒不改正|逾期仍未|未按期改正|到期未改正|仍未改正"
)

# The 复查 words read for 逾期未改正 are inspection_records.RECHECK (复查|复核|回访). A broader
# _RECHECK once stood here (复查|复核|回访|再次检查|跟踪检查|重新检查|整改情况|逾期未改正|拒不改正|
# 仍未改正), but fact_support.py redefined the name further down, so no check ever read it.

# 本次检查仍未改正: the inspection that found it uncorrected came after the order; its
# record (with an inspection record in the file) is the proof of non-correction
_FOUND_UNCORRECTED = re.compile(
    r"(?:本次|此次|再次|复查|其后|届满后|到期后)[^，。；]{0,8}(?:检查|核查|巡查|复查)"
    r"[^，。；]{0,6}(?:仍|依然|还|仍然)(?:未|没有)(?:改正|整改)"
)
_PRIOR_RECORD = re.compile(r"处罚决定|违法记录|处罚记录|查询记录|违法行为记录|前科|记录查询|原决定")


def uncorrected_unproven(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The cited provision punishes (or punishes more) only 逾期未改正/拒不改正, the file relies
    on it, but nothing after the order shows the party had not corrected: a 复查 record,
    a later inspection (第四十条: 违法事实不清、证据不足的，不得给予行政处罚)."""
    # the cited 款 (its items sit in it), not the article: 消防法第六十条's 拒不改正 in its third
    # 款 orders 强制执行, no fine under its first
    basis = "".join(
        (paragraph_text(c, ctx, case) if c.paragraph else None) or c.article_text
        for c in penalty_provisions(case, ctx)
    )
    if not _UNCORRECTED_IN_LAW.search(basis) or not _conditioned_kind_imposed(basis, case):
        return []
    told = [case.facts.description, *case.facts.circumstances]
    if not any(_UNCORRECTED_IN_FACTS.search(t) for t in told):
        return []
    if UNCORRECTED not in established_circumstances(case):
        return []  # 未经复查确认逾期不改正: the file itself denies it (uncorrected_fine's point)
    if deadline_pending(case) is not None or no_order_traced(case):
        # the order's day had not come, or no order came at all: no 逾期 to prove
        # (uncorrected_fine's point)
        return []
    if (early := _checked_before_due(case)) is not None:
        checked_on, due = early
        return [
            fact_flag(
                ReviewPoint.FACTS,
                f"处罚依据以逾期未改正（拒不改正）为条件，但认定未改正的复查在{checked_on}，"
                f"责令改正的期限至{due}尚未届满，期满后没有复查或其他证据证明当事人未改正",
                ctx,
                f"复查：{checked_on}；改正期限：{due}",
            )
        ]
    checked = [f"{e.name}{e.note}" for e in case.evidence] + [d.type for d in case.documents]
    checked += [e.note for e in case.events if e.type == "调查取证"]
    if any(RECHECK.search(text) for text in checked) or _inspected_after_order(case):
        return []
    records = [f"{e.type}{e.name}" for e in case.evidence]
    if _FOUND_UNCORRECTED.search("。".join(told)) and any(
        INSPECTION_RECORD_TITLE.search(r) for r in records
    ):
        return []
    return [
        fact_flag(
            ReviewPoint.FACTS,
            "处罚依据以逾期未改正（拒不改正）为条件，但案卷没有限期届满后的复查记录或其他证据"
            "证明当事人未改正",
            ctx,
            f"evidence：{'、'.join(e.name for e in case.evidence) or '无'}",
        )
    ]


_ORDER = re.compile(r"责令(?:限期)?(?:改正|整改)|限期(?:改正|整改)")
# a measurement taken to check the correction: 复查检测、复测、复检、重新检测
_RETEST = re.compile(r"复查|复测|复检|复核|重新检测|重新监测|再次检测|再次监测|整改后")


def _order_date(case: CaseFile) -> date | None:
    orders = [e.date for e in case.evidence if e.date and _ORDER.search(f"{e.type}{e.name}")]
    orders += [d.date for d in case.documents if d.date and _ORDER.search(d.type)]
    return min(orders, default=None)


def _retests(case: CaseFile) -> list[tuple[str, float, float]]:
    """Measurements taken after the 责令改正 order (dated after it, or named a 复查/复测)."""
    first = _order_date(case)
    return [
        (f"evidence[{i}]（{e.name}）{m.item}", m.value, m.limit)
        for i, e in enumerate(case.evidence)
        if (first is not None and e.date is not None and e.date > first)
        or _RETEST.search(f"{e.name}{e.obtained_by or ''}")
        for m in e.measurements
        if m.limit is not None
    ]


def uncorrected_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The provision punishes 逾期未改正, the file finds it, but every value measured after
    the order (the 复查 test) is within its limit: the re-test shows the correction, so the
    finding the penalty rests on contradicts the file's own evidence (第四十条)."""
    basis = "".join(c.article_text for c in penalty_provisions(case, ctx))
    told = [case.facts.description, *case.facts.circumstances]
    if not (
        _UNCORRECTED_IN_LAW.search(basis) and any(_UNCORRECTED_IN_FACTS.search(t) for t in told)
    ):
        return []
    retests = _retests(case)
    if not retests or any(exceeds(*m) for m in retests):
        return []
    return [
        fact_flag(
            ReviewPoint.FACTS,
            "处罚以逾期未改正（拒不改正）为条件，但责令改正后的复查（复测）结果均未超过所载限值，"
            "认定当事人未改正与案卷证据矛盾",
            ctx,
            "；".join(f"{w}：{v:.10g}（限值{lim:.10g}）" for w, v, lim in retests),
        )
    ]


def _checked_before_due(case: CaseFile) -> tuple[date, date] | None:
    """Every 复查 (and every later inspection record) is dated before the day the order gave:
    it found the party within its time, not 逾期 (the last check and the due day)."""
    due = order_due_day(case)
    if due is None or case.facts.corrected_in_time is True:
        return None
    checks = [e.date for e in case.evidence if e.date and RECHECK.search(f"{e.name}{e.note}")]
    checks += [d.date for d in case.documents if d.date and RECHECK.search(d.type)]
    checks += [e.date for e in case.events if e.type == "调查取证" and RECHECK.search(e.note or "")]
    inspected = [
        e.date
        for e in case.evidence
        if e.date and INSPECTION_RECORD_TITLE.search(f"{e.type}{e.name}")
    ]
    if not checks or max([*checks, *inspected]) >= due:
        return None
    return max(checks), due


# 拒不改正的，并处一百万元以下罚款 (个人信息保护法第六十六条第一款): what the condition brings
_CONDITIONED = re.compile(rf"(?:{_UNCORRECTED_IN_LAW.pattern})的?[，,]?([^。；]*)")
_KIND_WORDS = ("罚款", "停产", "停业", "吊销", "暂停", "没收", "拘留", "关闭", "取缔")


def _conditioned_kind_imposed(basis: str, case: CaseFile) -> bool:
    """The penalty the 逾期未改正 clause brings is among those imposed: a warning alone under
    an article whose fine waits on 拒不改正 rests on no finding of it."""
    imposed = "".join(case.penalty.types) + ("罚款" if case.penalty.amount else "")
    brought = "".join(m.group(1) for m in _CONDITIONED.finditer(basis))
    named = [w for w in _KIND_WORDS if w in brought]
    return not named or any(w in imposed for w in named)


# 外商投资信息报告系统查询记录（2023年9月13日）, 年报记录, 对账单: the state of things recorded after
# the order, which shows it unchanged
_STATE_RECORD = re.compile(r"查询记录|系统记录|年报记录|公示系统|查询结果|查询截图|对账单")


def _inspected_after_order(case: CaseFile) -> bool:
    """An inspection record dated after the 责令改正 order is the later inspection that
    can show the order was not complied with, whatever the record is called."""
    orders = [e.date for e in case.evidence if e.date and _ORDER.search(f"{e.type}{e.name}")]
    orders += [d.date for d in case.documents if d.date and _ORDER.search(d.type)]
    if not orders:
        return False
    first = min(orders)
    recorded = any(
        e.date is not None
        and e.date > first
        and (INSPECTION_RECORD_TITLE.search(f"{e.type}{e.name}") or _STATE_RECORD.search(e.name))
        and not _ORDER.search(e.name)
        for e in case.evidence
    )
    return recorded or _state_found_after(case, first)


# 再次向存管银行调取对账单，账户余额仍为10万元，未补足: a record of the state of things taken after
# the order (a bank statement, a register) that shows it unchanged
_STILL = re.compile(r"仍(?:为|未|然|没有|不|拒绝|拒不)|未补足|未补缴|未补办|未改正|未整改")


def _state_found_after(case: CaseFile, ordered: date) -> bool:
    """An investigation step after the order that found the state unchanged, with evidence of
    that day (对账单（2024年6月20日）)."""
    days = {e.date for e in case.evidence if e.date is not None and e.date > ordered}
    return any(
        e.date in days and _STILL.search(e.note or "")
        for e in case.events_of("调查取证")
        if e.date is not None and e.date > ordered
    )


# 一百八十日内三次或者一年内四次受到本法规定的行政处罚 (安全生产法第一百一十三条第（一）项)
_REPEAT_WINDOW = re.compile(
    r"(一年|[一二三四五六七八九十百零〇两\d]+日)内([一二三四五六七八九十两\d]+)次[^，。；]{0,6}(?:受到|被)[^，。；]{0,8}处罚"
)
_DAY_WRITTEN = re.compile(r"(\d{4})[-年](\d{1,2})[-月](\d{1,2})")


def repeat_window_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A finding of so many penalties within so many days, while the earlier decisions the
    evidence holds (each dated in its name) never fall that many within that span."""
    found = _REPEAT_WINDOW.search(case_narrative(case))
    if found is None:
        return []
    span = 365 if found.group(1) == "一年" else int(chinese_number(found.group(1)[:-1]))
    times = int(chinese_number(found.group(2)))
    days = sorted(
        date(int(y), int(m), int(d))
        for e in case.evidence
        if "处罚决定书" in e.name
        for y, m, d in _DAY_WRITTEN.findall(e.name)[:1]
    )
    if len(days) < times or times < 2:
        return []
    if any((days[i + times - 1] - days[i]).days <= span for i in range(len(days) - times + 1)):
        return []
    shown = "、".join(str(d) for d in days)
    reason = (
        f"认定“{found.group(0)}”，但案卷所附前案处罚决定书的日期为{shown}，"
        f"任何{times}次都不在{found.group(1)}内，认定的事实与证据矛盾"
    )
    return [fact_flag(ReviewPoint.FACTS, reason, ctx, f"facts：“{found.group(0)}”；{shown}")]


def repeat_unproven(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The cited provision raises the penalty for a repeat, the file relies on one, but no
    evidence shows the earlier decision."""
    basis = "".join(c.text for c in penalty_provisions(case, ctx))
    relied_on = _REPEAT_IN_FACTS.search(case_narrative(case))  # a bare prior_offences count only
    if not (relied_on and _REPEAT_IN_LAW.search(basis)):  # feeds the discretion tiers
        return []
    if any(_PRIOR_RECORD.search(f"{e.name}{e.note}") for e in case.evidence):
        return []
    return [
        fact_flag(
            ReviewPoint.FACTS,
            "处罚依据以再次（曾受处罚）为条件，但证据中没有此前的处罚决定或违法记录",
            ctx,
            f"facts.prior_offences={case.facts.prior_offences}；"
            f"evidence：{'、'.join(e.name for e in case.evidence) or '无'}",
        )
    ]

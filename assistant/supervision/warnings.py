"""关键环节预警: deadlines approaching or passed, and missing steps, over all cases.

Natural days where the statute counts days (第六十条: 90 days from 立案), working
days where it says so: 送达 within 7 days (第六十一条, 第八十五条: “七日” are working
days) and publication within 7/20 working days (粤公示办法第二十一条), both on the
State Council holiday calendar of ``assistant.publicity.deadlines``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from urllib.parse import quote

from assistant.administration.roster import CertificateWarning
from assistant.case_record.verification import VerificationReport
from assistant.publicity.deadlines import (
    PUBLISH_BASIS,
    CalendarRangeError,
    add_working_days,
    working_days_between,
)
from assistant.settings import AssistantSettings
from assistant.supervision.timeline import CaseTimeline
from corpus.errors import ErrorKind, ZhifaError

DECISION_DAYS = 90
DELIVERY_WORKING_DAYS = 7
WORKING_DAYS_SPAN = 400
EARLIEST_DAY = date(1990, 1, 1)
LATEST_DAY = date(2100, 12, 31)


class SupervisionDateError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_dates"):
    """A checking day outside the range supervision can compute."""


class WarningKind(StrEnum):
    DECISION_DUE = "decision_due"
    DELIVERY_DUE = "delivery_due"
    PUBLICITY_DUE = "publicity_due"
    REVIEW_PENDING = "review_pending"
    DISCUSSION_MISSING = "discussion_missing"
    CERTIFICATE_EXPIRING = "certificate_expiring"
    CHAIN_BROKEN = "chain_broken"

    @property
    def label(self) -> str:
        return WARNING_LABELS[self]


WARNING_LABELS = {
    WarningKind.DECISION_DUE: "办案期限将届满",
    WarningKind.DELIVERY_DUE: "决定书待送达",
    WarningKind.PUBLICITY_DUE: "决定信息待公示",
    WarningKind.REVIEW_PENDING: "待法制审核",
    WarningKind.DISCUSSION_MISSING: "重大处罚未经集体讨论",
    WarningKind.CERTIFICATE_EXPIRING: "执法证件将到期",
    WarningKind.CHAIN_BROKEN: "全过程记录校验未通过",
}
RULES = {
    WarningKind.DECISION_DUE: "《中华人民共和国行政处罚法》第六十条",
    WarningKind.DELIVERY_DUE: "《中华人民共和国行政处罚法》第六十一条",
    WarningKind.PUBLICITY_DUE: PUBLISH_BASIS,
    WarningKind.REVIEW_PENDING: "《中华人民共和国行政处罚法》第五十八条第一款",
    WarningKind.DISCUSSION_MISSING: "《中华人民共和国行政处罚法》第五十七条第二款",
    WarningKind.CERTIFICATE_EXPIRING: "《中华人民共和国行政处罚法》第四十二条第一款",
    WarningKind.CHAIN_BROKEN: "《中华人民共和国行政处罚法》第四十七条",
}


def case_link(case_id: str) -> str:
    return f"/api/supervision/cases/{quote(case_id, safe='')}"


@dataclass(frozen=True)
class SupervisionWarning:
    kind: WarningKind
    case_id: str | None
    due: date | None
    days_left: int | None
    message: str
    rule: str
    working_days_left: int | None = None
    subject: str | None = None  # the officer, for certificates

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind.value,
            "label": self.kind.label,
            "case_id": self.case_id,
            "subject": self.subject,
            "due": self.due.isoformat() if self.due else None,
            "days_left": self.days_left,
            "working_days_left": self.working_days_left,
            "overdue": self.overdue,
            "message": self.message,
            "rule": self.rule,
            "link": case_link(self.case_id) if self.case_id else None,
        }


def _left(due: date, today: date) -> int:
    return (due - today).days


def _working_left(due: date, today: date) -> int | None:
    """Working days from ``today`` to ``due`` (negative when passed); None off the calendar."""
    if abs((due - today).days) > WORKING_DAYS_SPAN:
        return None
    try:
        if due >= today:
            return working_days_between(today, due)
        return -working_days_between(due, today)
    except CalendarRangeError:
        return None


def check_today(today: date) -> date:
    """The checking day must be a plausible one (the holiday calendar and dates stay sane)."""
    if not EARLIEST_DAY <= today <= LATEST_DAY:
        raise SupervisionDateError(
            f"检查日期 {today} 超出可用范围（{EARLIEST_DAY} 至 {LATEST_DAY}）"
        )
    return today


def decision_due(t: CaseTimeline) -> date | None:
    """90 days from 立案, or the extended deadline the 延期 event states."""
    filed = t.on("立案")
    if filed is None:
        return None
    if t.extended:
        return t.extended_until
    return filed + timedelta(days=DECISION_DAYS)


class WarningBuilder:
    """Warnings for one day and one look-ahead window."""

    def __init__(self, settings: AssistantSettings, today: date, within: int, threshold: float):
        self.settings = settings
        self.today = today
        self.within = within
        self.threshold = threshold

    def _make(
        self,
        kind: WarningKind,
        t: CaseTimeline,
        due: date | None,
        message: str,
        working: bool = False,
    ) -> SupervisionWarning:
        left = _left(due, self.today) if due else None
        work_left = _working_left(due, self.today) if due and working else None
        return SupervisionWarning(kind, t.case_id, due, left, message, RULES[kind], work_left)

    def _soon(self, due: date | None) -> bool:
        return due is None or _left(due, self.today) <= self.within

    def for_case(self, t: CaseTimeline) -> list[SupervisionWarning]:
        found = self._decision(t) + self._delivery(t) + self._publicity(t)
        return found + self._review(t) + self._discussion(t)

    def _decision(self, t: CaseTimeline) -> list[SupervisionWarning]:
        filed = t.on("立案")
        if filed is None or t.on("决定") or t.transferred:
            return []
        due = decision_due(t)
        if not self._soon(due):
            return []
        if due is None:
            message = f"{filed} 立案，已延期但延期记录未载明延长后的期限（请在延期环节 result 写明 YYYY-MM-DD）"
        else:
            basis = f"延期至 {due}" if t.extended else f"自 {filed} 立案起 {DECISION_DAYS} 日"
            message = f"尚未作出处罚决定：{basis}，应于 {due} 前作出决定"
        return [self._make(WarningKind.DECISION_DUE, t, due, message)]

    def _working_due(self, start: date, days: int) -> date | None:
        try:
            return add_working_days(start, days)
        except CalendarRangeError:
            return None

    def _delivery(self, t: CaseTimeline) -> list[SupervisionWarning]:
        decided = t.on("决定")
        if decided is None or t.on("送达"):
            return []
        due = self._working_due(decided, DELIVERY_WORKING_DAYS)
        if not self._soon(due):
            return []
        when = f"应于 {due} 前送达" if due else "节假日日历未覆盖该年，无法计算工作日"
        message = f"{decided} 作出决定，尚无送达记录；{DELIVERY_WORKING_DAYS} 个工作日内送达（第八十五条：七日指工作日），{when}"
        return [self._make(WarningKind.DELIVERY_DUE, t, due, message, working=True)]

    def _publicity(self, t: CaseTimeline) -> list[SupervisionWarning]:
        decided = t.on("决定")
        if decided is None or t.on("公示"):
            return []
        days = self.settings.publicity_days_penalty
        due = self._working_due(decided, days)
        if not self._soon(due):
            return []
        when = f"应于 {due} 前公开" if due else "节假日日历未覆盖该年，无法计算工作日"
        message = f"{decided} 作出决定，尚未公示；{days} 个工作日内公开，{when}"
        return [self._make(WarningKind.PUBLICITY_DUE, t, due, message, working=True)]

    def _review(self, t: CaseTimeline) -> list[SupervisionWarning]:
        if not t.major or t.on("决定") or t.on("法制审核") or t.transferred:
            return []
        reason = t.major_reasons[0] if t.major_reasons else "列入目录清单"
        message = f"重大执法决定尚未经法制审核（{reason}）"
        return [self._make(WarningKind.REVIEW_PENDING, t, decision_due(t), message)]

    def _discussion(self, t: CaseTimeline) -> list[SupervisionWarning]:
        if t.penalty_total < self.threshold or t.transferred:
            return []
        decided, discussed = t.on("决定"), t.on("集体讨论")
        if discussed and (decided is None or discussed <= decided):
            return []
        amount = (
            f"罚没金额 {t.penalty_total:.10g} 元，达到重大执法决定数额 {self.threshold:.10g} 元"
        )
        if decided:
            return [
                self._make(
                    WarningKind.DISCUSSION_MISSING,
                    t,
                    None,
                    f"{amount}，{decided} 已作出决定，决定前无集体讨论记录",
                )
            ]
        message = f"{amount}，作出决定前应当经行政机关负责人集体讨论"
        return [self._make(WarningKind.DISCUSSION_MISSING, t, decision_due(t), message)]

    def certificates(
        self, expiring: list[CertificateWarning], timelines: list[CaseTimeline]
    ) -> list[SupervisionWarning]:
        """Each expiring certificate, with the open cases its holder works on."""
        found = []
        for item in expiring:
            officer = item.officer
            refs = {officer.name, officer.certificate_no}
            open_cases = [t.case_id for t in timelines if not t.closed and refs & set(t.officers)]
            state = "已过期" if item.expired else f"{item.days_left} 日后到期"
            cases = f"；在办案件：{'、'.join(open_cases)}" if open_cases else ""
            found.append(
                SupervisionWarning(
                    WarningKind.CERTIFICATE_EXPIRING,
                    open_cases[0] if open_cases else None,
                    officer.valid_to,
                    item.days_left,
                    f"{officer.agency} {officer.name} 的执法证 {officer.certificate_no} {state}（有效期至 {officer.valid_to}）{cases}",
                    RULES[WarningKind.CERTIFICATE_EXPIRING],
                    subject=f"{officer.name}（{officer.certificate_no}）",
                )
            )
        return found

    @staticmethod
    def chains(reports: list[VerificationReport]) -> list[SupervisionWarning]:
        return [
            SupervisionWarning(
                WarningKind.CHAIN_BROKEN,
                r.case_no,
                None,
                None,
                f"全过程记录哈希链校验发现 {len(r.problems)} 处问题："
                + "；".join(f"第{p.seq}条 {p.message}" for p in r.problems[:3]),
                RULES[WarningKind.CHAIN_BROKEN],
            )
            for r in reports
            if not r.ok
        ]


def sort_warnings(warnings: list[SupervisionWarning]) -> list[SupervisionWarning]:
    """Most urgent first: by due date (undated problems first), then kind and case."""
    return sorted(
        warnings,
        key=lambda w: (w.due is not None, w.due or date.min, w.kind.value, w.case_id or ""),
    )

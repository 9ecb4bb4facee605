"""Properties of a case file and its bound dossier that a rubric item can test directly.

Each test returns one ``Defect`` per problem found, with the evidence in the file,
so a rubric deducts per defect. Absence counts as a defect only where the thing
itself must be present (a cover, a table of contents, a closing record).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from assistant.case_file import CaseFile
from assistant.publicity.deadlines import CalendarRangeError, add_working_days
from assistant.review.context import ReviewContext
from assistant.review.major_decision import penalty_total
from assistant.settings import AssistantSettings
from assistant.supervision.dossier import Dossier
from assistant.supervision.rubric import OrderStage, Rubric


@dataclass(frozen=True)
class Defect:
    reason: str
    evidence: str


@dataclass(frozen=True)
class AuditSubject:
    """Everything a property test may read."""

    case: CaseFile
    dossier: Dossier
    ctx: ReviewContext
    settings: AssistantSettings
    rubric: Rubric


PropertyTest = Callable[[AuditSubject], list[Defect]]


def two_officers(s: AuditSubject) -> list[Defect]:
    return [
        Defect(
            "调查取证的执法人员少于两人",
            f"events[{i}]（调查取证 {e.date}）执法人员：{'、'.join(e.officers) or '无'}",
        )
        for i, e in enumerate(s.case.events)
        if e.type == "调查取证" and len(set(e.officers)) < 2
    ]


def undated_documents(s: AuditSubject) -> list[Defect]:
    return [
        Defect(f"文书“{d.type}”未载明制作日期", f"documents[{i}]（{d.type}）date 为空")
        for i, d in enumerate(s.case.documents)
        if d.date is None
    ]


def other_cases_bound(s: AuditSubject) -> list[Defect]:
    others = [c for c in s.dossier.cases_bound if c != s.case.case_id]
    if not others:
        return []
    return [Defect("卷内装订了其他案件的材料", f"dossier.cases_bound：{'、'.join(others)}")]


def cover_fields_missing(s: AuditSubject) -> list[Defect]:
    cover = s.dossier.cover
    return [
        Defect(f"卷宗封面未载明{name}", f"dossier.cover 无“{name}”")
        for name in s.rubric.cover_fields
        if cover.get(name) in (None, "")
    ]


def toc_missing(s: AuditSubject) -> list[Defect]:
    if s.dossier.contents:
        return []
    return [Defect("卷宗没有卷内目录", "dossier.contents 为空")]


def _listed(title: str, entries: list[str]) -> bool:
    return any(title in e or e in title for e in entries)


def toc_unlisted_documents(s: AuditSubject) -> list[Defect]:
    if not s.dossier.contents:
        return []
    titles = [e.title for e in s.dossier.contents]
    return [
        Defect(f"卷内目录未列明“{d.type}”", f"documents[{i}]（{d.type}）不在 dossier.contents 中")
        for i, d in enumerate(s.case.documents)
        if not _listed(d.type, titles)
    ]


def page_numbers_missing(s: AuditSubject) -> list[Defect]:
    entries = s.dossier.contents or []
    unnumbered = [e.title for e in entries if e.pages is None]
    if entries and not unnumbered:
        return []
    evidence = f"未编页码：{'、'.join(unnumbered)}" if unnumbered else "dossier.contents 为空"
    return [Defect("卷内材料未逐页编号", evidence)]


def page_breaks(s: AuditSubject) -> list[Defect]:
    entries = s.dossier.contents or []
    if not entries or any(e.pages is None for e in entries):
        return []
    defects, expected = [], 1
    for index, entry in enumerate(entries):
        first, last = entry.pages  # type: ignore[misc]
        if first != expected:
            kind = "重号" if first < expected else "漏号"
            defects.append(
                Defect(
                    f"页码不连续（{kind}）：“{entry.title}”应自第{expected}页起",
                    f"dossier.contents[{index}]（{entry.title}）pages={first}-{last}",
                )
            )
        if last < first:
            defects.append(
                Defect(
                    f"“{entry.title}”的页码止页小于起页",
                    f"dossier.contents[{index}] pages={first}-{last}",
                )
            )
        expected = max(last, first) + 1
    return defects


def stage_of(title: str, order: list[OrderStage]) -> int | None:
    """The stage whose longest keyword the title contains; None for other materials."""
    best: tuple[int, int] | None = None
    for index, stage in enumerate(order):
        for word in stage.keywords:
            if word in title and (best is None or len(word) > best[0]):
                best = (len(word), index)
    return best[1] if best else None


def order_violations(s: AuditSubject) -> list[Defect]:
    entries = s.dossier.contents
    titles = [e.title for e in entries] if entries else [d.type for d in s.case.documents]
    field = "dossier.contents" if entries else "documents"
    defects, latest = [], -1
    for index, title in enumerate(titles):
        stage = stage_of(title, s.rubric.order)
        if stage is None:
            continue
        if stage < latest:
            before = s.rubric.order[latest].stage
            defects.append(
                Defect(
                    f"“{title}”（{s.rubric.order[stage].stage}）装订在{before}材料之后",
                    f"{field}[{index}]（{title}）",
                )
            )
        latest = max(latest, stage)
    return defects


def no_filing(s: AuditSubject) -> list[Defect]:
    if s.case.events_of("立案"):
        return []
    return [Defect("案卷没有立案记录", "events 中无“立案”环节")]


def review_opinion_missing(s: AuditSubject) -> list[Defect]:
    major = s.ctx.major(s.case)
    if not major.major or any("法制审核" in d.type for d in s.case.documents):
        return []
    return [
        Defect(
            "重大执法决定案卷中没有法制审核意见书",
            f"重大理由：{major.reasons[0]}；documents：{'、'.join(d.type for d in s.case.documents)}",
        )
    ]


def discussion_missing(s: AuditSubject) -> list[Defect]:
    total = penalty_total(s.case)
    limit = s.ctx.catalogue.amount_threshold_yuan
    if total < limit:
        return []
    decision = s.case.first("决定")
    until = decision.date if decision else date.max
    if any(e.date <= until for e in s.case.events_of("集体讨论")):
        return []
    return [
        Defect(
            "罚没金额达到重大执法决定数额，未经行政机关负责人集体讨论",
            f"罚没金额{total:.10g}元，目录清单数额{limit:.10g}元；"
            f"决定 {decision.date if decision else '尚未作出'}，此前无“集体讨论”环节",
        )
    ]


def no_delivery(s: AuditSubject) -> list[Defect]:
    decision = s.case.first("决定")
    if decision is None or s.case.events_of("送达"):
        return []
    return [Defect("处罚决定作出后没有送达记录", f"决定 {decision.date}；events 中无“送达”环节")]


def publicity_missing_or_late(s: AuditSubject) -> list[Defect]:
    decision = s.case.first("决定")
    if decision is None:
        return []
    days = s.settings.publicity_days_penalty
    try:
        due = add_working_days(decision.date, days)
    except CalendarRangeError:
        return []
    published = s.case.first("公示")
    if published is None:
        return [
            Defect(
                "处罚决定未公示", f"决定 {decision.date}，应于 {due} 前公示；events 中无“公示”环节"
            )
        ]
    if published.date > due:
        return [
            Defect(
                f"处罚决定逾期公示（应在决定后{days}个工作日内）",
                f"决定 {decision.date}；公示期限 {due}；实际公示 {published.date}",
            )
        ]
    return []


def not_closed(s: AuditSubject) -> list[Defect]:
    closed = s.dossier.closed
    if closed is None:
        return [Defect("案卷未记录结案日期", "dossier.closed 为空")]
    delivery = s.case.first("送达")
    if delivery and closed < delivery.date:
        return [Defect("结案日期早于送达日期", f"dossier.closed={closed}；送达 {delivery.date}")]
    return []


PROPERTY_TESTS: dict[str, PropertyTest] = {
    test.__name__: test
    for test in (
        two_officers,
        undated_documents,
        other_cases_bound,
        cover_fields_missing,
        toc_missing,
        toc_unlisted_documents,
        page_numbers_missing,
        page_breaks,
        order_violations,
        no_filing,
        review_opinion_missing,
        discussion_missing,
        no_delivery,
        publicity_missing_or_late,
        not_closed,
    )
}

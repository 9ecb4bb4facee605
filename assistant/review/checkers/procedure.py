"""程序是否合法: 告知 before 决定 with the rights the penalty requires, hearings held and
noticed in time, the statutory time limits, 法制审核 and 集体讨论 before deciding."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.case_file import CaseFile, Document, Event
from assistant.publicity.deadlines import working_days_between
from assistant.publicity.working_calendar import months_later
from assistant.review.case_extension import decision_limit
from assistant.review.checkers.inspection_records import unproven_site_fact
from assistant.review.context import ReviewContext
from assistant.review.execution import carries_out_decision
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.major_decision import HearingThresholds
from assistant.review.penalty_kinds import coercive_only
from assistant.review.public_order import (
    CASE_DAYS,
    DELIVERY,
    EXTENDED_DAYS,
    HEARING,
    HEARING_FINE,
    LIMITATION,
    LIMITATION_MONTHS,
    NOTICE,
    PUBLIC_ORDER_DELIVERY_DAYS,
    TIME_LIMIT,
    special_rule,
)
from assistant.review.recording_rule import AV_RULE
from assistant.review.statute_limitation import statute_limitation
from assistant.review.statutory_fine import penalty_provisions
from assistant.review.summary_procedure import is_summary
from corpus.citation_resolver import ResolvedCitation

DELIVERY_DAYS = 7  # 第六十一条第一款
HEARING_REQUEST_DAYS = 5  # 第六十四条第（一）项
HEARING_NOTICE_DAYS = 7  # 第六十四条第（二）项
# 第六十三条第一款: item → words of the penalty types that require offering a hearing
# (责令停业整顿、停止营业 are 责令停产停业 written otherwise; a practitioner's 停止执业 / 暂停执业
# is 限制从业).
HEARING_TYPES = {
    3: ("降低资质等级", "吊销"),
    4: ("停产", "停业", "停止生产", "停止营业", "责令关闭", "限制从业", "停止执业", "暂停执业"),
    # 其他较重的行政处罚: a 社会团体's or 基金会's 撤销登记 ends the legal person, as 吊销 ends a
    # licence (社会团体登记管理条例第三十条); 取消…投标资格 bars a bidder for years, as 限制从业
    # bars a person (招标投标法实施条例第六十七条第二款)
    5: ("撤销登记", "投标资格"),
}


_flag = PointFlags(ReviewPoint.PROCEDURE)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    return [
        *_notice(case, ctx),
        *_hearing_offered(case, ctx),
        *_hearing_held(case, ctx),
        *_time_limits(case, ctx),
        *_review_before_decision(case, ctx),
        *_investigation_after_decision(case, ctx),
        *_limitation(case, ctx),
        *_audio_video(case, ctx),
    ]


def _notice(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第四十四条: 告知 before the decision, with 陈述、申辩. A decision on the spot
    (第五十二条) tells the party orally and on its pre-printed form, so a summary file
    has no separate notice step; one beyond the summary scope is flagged under 第五十一条.
    A 查封/扣押 alone decides no penalty: the party is told on the spot under 行政强制法
    第十八条, not given a 第四十四条 notice of a penalty there is none of."""
    notice, decision = case.first("告知"), case.first("决定")
    rule = special_rule(case, ctx, NOTICE) or ctx.penalty_law("第四十四条")
    if notice is None:
        if decision is None or is_summary(case) or coercive_only(case):
            return []
        return [
            _flag(
                Severity.MUST_FIX,
                "作出处罚决定前未告知当事人拟作出的处罚内容及事实、理由、依据和陈述、申辩等权利",
                rule,
                f"决定日期 {decision.date}，案卷无“告知”环节",
            )
        ]
    flags = []
    if decision is not None and notice.date > decision.date:
        flags.append(
            _flag(
                Severity.MUST_FIX,
                "告知晚于处罚决定，属先决定后告知",
                rule,
                f"告知 {notice.date} 晚于决定 {decision.date}",
            )
        )
    told = told_rights(case, notice)
    missing = [r for r in ("陈述", "申辩") if not any(r in s for s in told.rights)]
    if missing:
        flags.append(
            _flag(
                told.severity,
                f"告知时未告知当事人{'、'.join(missing)}权利{told.ask}",
                rule,
                f"告知（{notice.date}）所列权利：{told.shown}",
            )
        )
    return flags


_RIGHT_WORDS = ("陈述", "申辩", "听证")


@dataclass(frozen=True)
class ToldRights:
    """The rights a notice names, and whether the file listed them (``rights``) or only
    wrote them in passing (a note, the notice's title) or not at all."""

    rights: list[str]
    listed: bool

    @property
    def severity(self) -> Severity:
        """A right missing from the listed rights must be fixed; a file silent on what
        the notice said (the standard 告知书 form names them) is checked."""
        return Severity.MUST_FIX if self.listed else Severity.CHECK

    @property
    def ask(self) -> str:
        return "" if self.listed else "（案卷未列明告知的权利，请核实告知书内容）"

    @property
    def shown(self) -> str:
        return "、".join(self.rights) or ("无" if self.listed else "未列明")


def told_rights(case: CaseFile, notice: Event) -> ToldRights:
    if notice.rights or "rights" in notice.model_fields_set:  # rights: [] — none was told
        return ToldRights(notice.rights, listed=True)
    texts = [notice.note] + [d.type for d in case.documents if "告知" in d.type]
    return ToldRights([w for w in _RIGHT_WORDS if any(w in t for t in texts)], listed=False)


def hearing_items(case: CaseFile, ctx: ReviewContext) -> list[tuple[int, str]]:
    """Items of 第六十三条第一款 the proposed penalty falls under, with the reason."""
    fines, seizures = _governing_thresholds(case, ctx)
    kinds = {p.kind for p in case.parties} or {"单位"}
    items: list[tuple[int, str]] = []
    acting = _acting_agency(case)
    amounts = (
        (1, "罚款", case.penalty.amount, fines),
        (2, "没收", case.penalty.confiscation_yuan, seizures),
    )
    certain = ctx.catalogue.hearing_certain_at
    for item, what, amount, thresholds in amounts:
        limit = _lowest_limit(thresholds, kinds)
        if (amount or 0.0) < limit:
            continue
        if not thresholds.binds(acting) and _beyond_every_standard(amount or 0.0, kinds, ctx):
            ceiling = min(certain.for_kind(k) for k in kinds) if certain else limit
            items.append(
                (item, f"{what}{amount:.10g}元，已达到各部门所定较大数额的最高标准{ceiling:.10g}元")
            )
            continue
        items.append((item, _amount_reason(what, amount or 0.0, limit, thresholds, acting)))
    for item, words in HEARING_TYPES.items():
        types = [t for t in case.penalty.types if any(w in t for w in words)]
        if types:
            items.append((item, f"拟处{'、'.join(types)}"))
    return items


def _amount_reason(
    what: str, amount: float, limit: float, thresholds: HearingThresholds, acting: str
) -> str:
    """Why an amount counts as 较大数额. A source that does not govern this agency (环境行政处罚办法
    for a 市场监管 bureau) is named only as a reference, so no notice states another field's rule
    as this agency's own."""
    if thresholds.binds(acting):
        return f"{what}{amount:.10g}元，达到较大数额{limit:.10g}元（{thresholds.rule}）"
    return f"{what}{amount:.10g}元，参照{thresholds.rule}所定较大数额{limit:.10g}元，以本部门适用的规定为准"


def _beyond_every_standard(amount: float, kinds: set[str], ctx: ReviewContext) -> bool:
    """The amount meets 较大数额 under any department's standard (catalogue hearing_certain_at)."""
    certain = ctx.catalogue.hearing_certain_at
    return certain is not None and amount >= min(certain.for_kind(k) for k in kinds)


def _acting_agency(case: CaseFile) -> str:
    return case.agency.acts_in_name_of or case.agency.name


def _governing_thresholds(
    case: CaseFile, ctx: ReviewContext
) -> tuple[HearingThresholds, HearingThresholds]:
    """The 较大数额 sources for fines and for confiscation. A department's own source counts
    only where the corpus holds it (no amount is shown from a rule the corpus lacks)."""
    default = ctx.catalogue.hearing_thresholds
    own = ctx.catalogue.hearing_thresholds_for(_acting_agency(case))
    if own is not default and not any(
        isinstance(r, ResolvedCitation) for r in ctx.resolve(own.rule, case.act_date)
    ):
        own = default
    return own, (own if own.covers_confiscation else default)


def _lowest_limit(thresholds: HearingThresholds, kinds: set[str]) -> float:
    return min(thresholds.for_kind(kind) for kind in kinds)


def public_order_hearing(case: CaseFile) -> list[str]:
    """Why 治安管理处罚法第九十八条 requires offering a hearing: 吊销许可证, fine ≥ 2000."""
    reasons = [f"拟处{t}" for t in case.penalty.types if "吊销" in t]
    amount = case.penalty.amount or 0.0
    if amount >= HEARING_FINE:
        reasons.append(f"罚款{amount:.10g}元，达到{HEARING_FINE}元")
    return reasons


def hearing_duty(case: CaseFile, ctx: ReviewContext) -> tuple[str, list[str]]:
    """The rule that requires offering a hearing here, and why it applies (none: [])."""
    special = special_rule(case, ctx, HEARING)
    if special is not None:
        return special, public_order_hearing(case)
    return ctx.penalty_law("第六十三条第一款"), [why for _, why in hearing_items(case, ctx)]


def _hearing_offered(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第六十三条第一款 (治安: 治安管理处罚法第九十八条): the hearing right must be
    stated when the penalty requires it; the duty lives in the 款, the items say when."""
    notice = case.first("告知")
    if notice is None:
        return []
    told = told_rights(case, notice)
    if any("听证" in r for r in told.rights):
        return []
    rule, reasons = hearing_duty(case, ctx)
    if not reasons:
        return []
    binding = _hearing_binding(case, ctx, rule) and told.listed
    ask = "" if binding else (told.ask or "（请核实）")
    flag = _flag(
        Severity.MUST_FIX if binding else Severity.CHECK,
        f"拟作出的处罚应当告知当事人有要求听证的权利，但告知时未告知：{'；'.join(reasons)}{ask}",
        rule,
        f"告知（{notice.date}）所列权利：{told.shown}",
    )
    cites = _department_thresholds(case, ctx, rule) + _general_hearing(case, ctx, rule)
    return [flag.model_copy(update={"also_cites": cites})]


def _general_hearing(case: CaseFile, ctx: ReviewContext, rule: str) -> list[str]:
    """A police file that also fines under another 罚则 (民用爆炸物品安全管理条例第五十一条
    beside 治安管理处罚法第三十条): that fine's hearing is 第六十三条第一款's."""
    general = ctx.penalty_law("第六十三条第一款")
    if rule == general or not any(
        "治安管理处罚法" not in c.title for c in penalty_provisions(case, ctx)
    ):
        return []
    return [general]


def _department_thresholds(case: CaseFile, ctx: ReviewContext, rule: str) -> list[str]:
    """The department's own 较大数额 rule that made the amount count (公安机关办理行政案件程序
    规定第一百二十三条), cited beside 第六十三条第一款: it is where that amount is written."""
    if rule != ctx.penalty_law("第六十三条第一款"):
        return []
    items = {item for item, _ in hearing_items(case, ctx)}
    default = ctx.catalogue.hearing_thresholds
    cited = [
        t.rule
        for item, t in zip((1, 2), _governing_thresholds(case, ctx), strict=True)
        if item in items and t is not default
    ]
    return [ctx.rule(r) for r in dict.fromkeys(cited)]


def _hearing_binding(case: CaseFile, ctx: ReviewContext, rule: str) -> bool:
    """A hearing duty is certain when the statute names the penalty (吊销、停产停业…, or
    治安管理处罚法's own 二千元) or the 较大数额 source governs this agency."""
    if rule != ctx.penalty_law("第六十三条第一款"):
        return True
    items = {item for item, _ in hearing_items(case, ctx)}
    acting = _acting_agency(case)
    fines, seizures = _governing_thresholds(case, ctx)
    kinds = {p.kind for p in case.parties} or {"单位"}
    amounts = {1: case.penalty.amount or 0.0, 2: case.penalty.confiscation_yuan or 0.0}
    return bool(items - {1, 2}) or any(
        item in items
        and (thresholds.binds(acting) or _beyond_every_standard(amounts[item], kinds, ctx))
        for item, thresholds in ((1, fines), (2, seizures))
    )


def _hearing_requested(case: CaseFile) -> Event | None:
    return next((e for e in case.events if e.hearing_requested), None)


# 违法嫌疑人表示…不要求听证: the party's own waiver, written in the notice's record
_WAIVES_HEARING = re.compile(r"(?:不要求|放弃|不申请|不提出|不需要)[^，。；]{0,6}听证")


def _hearing_waived(case: CaseFile) -> bool:
    return any(e.hearing_requested is False or _waives(e.note or "") for e in case.events)


def _waives(note: str) -> bool:
    """A waiver written in the note, not one denied (未表示放弃听证)."""
    return any(
        not re.search(r"未|没有|并非", note[max(0, m.start() - 6) : m.start()])
        for m in _WAIVES_HEARING.finditer(note)
    )


def _hearing_held(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第六十三条、第六十四条: a requested hearing is held, noticed seven days ahead,
    and the decision waits out the five days the party has to ask for one."""
    flags: list[Flag] = []
    notice, decision, hearing = case.first("告知"), case.first("决定"), case.first("听证")
    requested = _hearing_requested(case)
    if requested is not None and hearing is None and decision is not None:
        flags.append(
            _flag(
                Severity.MUST_FIX,
                "当事人要求听证，行政机关未组织听证即作出决定",
                hearing_duty(case, ctx)[0],
                f"{requested.type}（{requested.date}）hearing_requested=true；决定 {decision.date}",
            )
        )
    if hearing is not None:
        summons = case.first("听证通知")
        if (
            summons is None
            or working_days_between(summons.date, hearing.date) < HEARING_NOTICE_DAYS
        ):
            told = summons.date if summons else "无听证通知"
            flags.append(
                _flag(
                    Severity.MUST_FIX,
                    f"未在举行听证的{HEARING_NOTICE_DAYS}日（工作日）前通知当事人听证的时间、地点",
                    ctx.penalty_law("第六十四条第（二）项"),
                    f"听证通知：{told}；听证：{hearing.date}",
                )
            )
    offered = notice is not None and any("听证" in r for r in told_rights(case, notice).rights)
    if offered and decision is not None and hearing is None and not _hearing_waived(case):
        waited = working_days_between(notice.date, decision.date)
        if waited < HEARING_REQUEST_DAYS:
            flags.append(
                _flag(
                    Severity.MUST_FIX,
                    f"告知听证权利后仅{waited}个工作日即作出决定，当事人申请听证的五日（工作日，"
                    f"{ctx.penalty_law('第八十五条')}）期限尚未届满",
                    ctx.penalty_law("第六十四条第（一）项"),
                    f"告知 {notice.date}；决定 {decision.date}",
                )
            )
    return flags


# 第九十九条第一款: only the next-level organ may extend. A note saying the extension was not
# put to it, or approved only inside the agency (its 法制 unit, its own head), extends nothing.
_NOT_HIGHER = re.compile(r"未(?:报|经|报请|呈报)[^，。；]{0,12}(?:上一级|上级|市公安局|批准)")
_HIGHER = re.compile(r"上一级|上级公安机关|市公安局|公安厅")
_INSIDE = re.compile(r"本局|分局|法制大队|法制科|法制室|负责人|局长|所长")


def _own_approval(note: str, agency: str) -> bool:
    """The extension was not approved by the next-level organ, as the file itself says
    (a 派出所's next level is its 分局)."""
    if _NOT_HIGHER.search(note):
        return True
    higher = _HIGHER.search(note) or ("派出所" in agency and "分局" in note)
    return bool(_INSIDE.search(note)) and not higher


def _public_order_time_limit(case: CaseFile, ctx: ReviewContext, rule: str) -> list[Flag]:
    """治安管理处罚法第九十九条第一款: 30 days from 受理, 30 more with the next-level
    organ's approval; time spent on 鉴定 does not count (第二款). An appraisal runs at most
    from 受理 to its opinion's date, so a file over the limit even after that whole span is
    left out must be fixed; one within that span, or with an undated opinion, is checked."""
    opened, decision = case.first("立案"), case.first("决定")
    if not (opened and decision):
        return []
    extensions = case.events_of("延期")
    extended = any(not _own_approval(e.note, case.agency.name) for e in extensions)
    limit = CASE_DAYS + (EXTENDED_DAYS if extended else 0)
    days = (decision.date - opened.date).days
    if days <= limit:
        return []
    appraisals = [e for e in case.evidence if "鉴定" in e.type or "鉴定" in e.name]
    dated = [e.date for e in appraisals if e.date is not None]
    longest = max([(d - opened.date).days for d in dated] + [0])
    uncertain = len(dated) < len(appraisals) or days - longest <= limit
    note = ""
    if appraisals:
        note = (
            "；案卷有鉴定，请核实鉴定期间（不计入办案期限）"
            if uncertain
            else f"；扣除受理至鉴定意见作出的{longest}日后仍超过"
        )
    return [
        _flag(
            Severity.CHECK if appraisals and uncertain else Severity.MUST_FIX,
            f"治安案件自受理至作出决定共{days}日，超过{limit}日"
            + (
                "（已延期）"
                if extended
                else "，延长办案期限未经上一级公安机关批准"
                if extensions
                else "且无上一级公安机关批准延长"
            )
            + note,
            rule,
            f"受理（立案） {opened.date}；决定 {decision.date}",
        )
    ]


def _time_limits(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第六十条 (90 days from 立案 unless extended; 治安 cases: 治安管理处罚法第九十九条)
    and 第六十一条 (送达 within 7 days)."""
    flags = []
    opened, decision, delivery = case.first("立案"), case.first("决定"), case.first("送达")
    special = special_rule(case, ctx, TIME_LIMIT)
    if special is not None:
        flags += _public_order_time_limit(case, ctx, special)
    elif opened and decision:
        days, limit = (decision.date - opened.date).days, decision_limit(case, opened.date)
        if limit.days is not None and days > limit.days:
            flags.append(
                _flag(
                    Severity.MUST_FIX,
                    f"自立案至作出决定共{days}日，超过{limit.days}日{limit.why}",
                    ctx.penalty_law("第六十条"),
                    f"立案 {opened.date}；决定 {decision.date}"
                    + "".join(f"；延期 {e.date}：{e.note}" for e in case.events_of("延期")),
                )
            )
    delivery_rule = special_rule(case, ctx, DELIVERY)
    allowed = PUBLIC_ORDER_DELIVERY_DAYS if delivery_rule else DELIVERY_DAYS
    if decision and delivery:
        # 治安管理处罚法 counts calendar days; 行政处罚法's 七日 are working days (第八十五条).
        days = (
            (delivery.date - decision.date).days
            if delivery_rule
            else working_days_between(decision.date, delivery.date)
        )
        unit = "日" if delivery_rule else "个工作日"
        if days > allowed:
            flags.append(
                _flag(
                    Severity.MUST_FIX,
                    f"决定书在作出后第{days}{unit}才送达，超过{allowed}{unit}",
                    delivery_rule or ctx.penalty_law("第六十一条第一款"),
                    f"决定 {decision.date}；送达 {delivery.date}（{delivery.method or '方式未载明'}）",
                )
            )
    if decision:
        flags += _measure_served_late(case, ctx, decision)
    return flags


# 送达责令限制生产决定书 / 停产整治决定书: a decision made beside the penalty and served apart
_MEASURE_SERVED = re.compile(r"送达[^，。；]{0,4}(限制生产|停产整治)决定书")
RESTRICTION_SERVICE = "《环境保护主管部门实施限制生产、停产整治办法》第十四条"


def _measure_served_late(case: CaseFile, ctx: ReviewContext, decision: Event) -> list[Flag]:
    """限制生产、停产整治 decisions are served within seven working days of being made
    (限制生产、停产整治办法第十四条), whenever the penalty decision beside them was served."""
    for event in case.events_of("送达"):
        found = _MEASURE_SERVED.search(event.note or "")
        if found is None or event.date < decision.date:
            continue
        days = working_days_between(decision.date, event.date)
        if days > DELIVERY_DAYS and ctx.resolved(RESTRICTION_SERVICE, case.act_date):
            return [
                _flag(
                    Severity.MUST_FIX,
                    f"{found.group(1)}决定书在作出后第{days}个工作日才送达，超过{DELIVERY_DAYS}个工作日",
                    ctx.rule(RESTRICTION_SERVICE),
                    f"决定 {decision.date}；送达{found.group(1)}决定书 {event.date}",
                )
            ]
    return []


def _review_duty(duties: list[str], ctx: ReviewContext) -> str:
    """行政处罚法第五十八条第一款 when one of its cases holds (the statute speaks); else
    the provision the catalogue rests on (粤审核办法第三条第一款)."""
    statute = ctx.penalty_law("第五十八条第一款")
    return statute if statute in duties or not duties else duties[0]


def _review_before_decision(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第五十八条 (法制审核) and 第五十七条第二款 (集体讨论) precede a major decision."""
    decision = case.first("决定")
    if decision is None:
        return []
    flags = []
    major = ctx.major(case)
    review = case.first("法制审核")
    reviewed = _step_on_paper(case, ctx, "审核", decision.date)
    if major.major and (review is None or review.date > decision.date) and not reviewed:
        flags.append(
            _flag(
                Severity.MUST_FIX,
                "属于重大执法决定，作出决定前未经法制审核",
                _review_duty(major.duties, ctx),
                f"决定 {decision.date}；法制审核 {review.date if review else '无'}；"
                f"重大理由：{major.reasons[0]}",
            )
        )
    complex_case = case.major_factors.complex_facts
    discussed = [e for e in case.events_of("集体讨论") if e.date <= decision.date]
    discussed += _step_on_paper(case, ctx, "集体讨论", decision.date)
    if complex_case and not discussed:
        flags.append(
            _flag(
                Severity.MUST_FIX,
                "情节复杂的案件，作出决定前未经行政机关负责人集体讨论",
                ctx.penalty_law("第五十七条第二款"),
                f"major_factors.complex_facts=true；决定 {decision.date}；无此前的“集体讨论”环节",
            )
        )
    return flags


def _step_on_paper(case: CaseFile, ctx: ReviewContext, function: str, by: date) -> list[Document]:
    """Documents of a step (法制审核意见书, 集体讨论记录) dated on or before ``by``: the
    step was taken even where the file records no event for it."""
    found = ctx.document_functions.get(function) if ctx.document_functions else None
    if found is None:
        return []
    return [
        d
        for d in case.documents
        if any(t in d.type for t in found.titles) and d.date is not None and d.date <= by
    ]


# Steps that carry out (assistant.review.execution) or follow up a decision already made — checking the ordered
# correction (复查), releasing a seizure or preserved evidence, returning things — gather no
# evidence for it; 第五十七条第一款 orders only the investigation that grounds it.
_FOLLOWS_DECISION = re.compile(
    r"复查|解除(?:查封|扣押|暂扣|强制措施|登记保存|先行登记保存)|(?:退还|返还|发还)(?:财物|物品|涉案|车辆)"
    # 当事人报告整改完成，现场核查…恢复正常: verifying the ordered correction
    r"|(?:整改|改正)[^，。；]{0,10}(?:核查|核实|验收|检查)|(?:核查|核实|验收)[^，。；]{0,6}(?:整改|改正)"
    r"|报告整改完成"
)


def _investigation_after_decision(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """调查终结 comes before the decision (第五十七条第一款); a 查封/扣押 is taken while the
    investigation goes on (行政强制法第二十五条), so its decision ends none."""
    decision = case.first("决定")
    if decision is None or coercive_only(case):
        return []
    late = [
        e
        for e in case.events_of("调查取证")
        if e.date > decision.date
        and not _FOLLOWS_DECISION.search(e.note)
        and not carries_out_decision(e.note)
    ]
    if not late:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            "作出决定后仍在调查取证，属先决定后取证",
            ctx.penalty_law("第五十七条第一款"),
            f"决定 {decision.date}；调查取证 {'、'.join(str(e.date) for e in late)}",
        )
    ]


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


_GRAVE_FIELD = re.compile(r"生命健康安全|金融安全")
_DENIED = re.compile(r"不涉及|未涉及|没有涉及|不属于|不属|无关|并非|非")


def _grave_field(text: str) -> bool:
    """第三十六条第一款's five years: a clause saying the act touches 生命健康安全 or 金融安全,
    not one denying it (不涉及公民生命健康安全)."""
    return any(
        not _DENIED.search(clause[: m.start()])
        for clause in re.split(r"[，。；,;]", text)
        for m in _GRAVE_FIELD.finditer(clause)
    )


def _limitation(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第三十六条: not discovered within two years (five for life, health, finance), or
    within the period a cited special law sets (法律另有规定的除外)."""
    # found when the agency first acted on it: the earlier of 立案 and the first inspection
    steps = [e for e in (case.first("立案"), case.first("调查取证")) if e is not None]
    if not steps:
        return []
    discovered = min(steps, key=lambda e: e.date)
    special = special_rule(case, ctx, LIMITATION)
    own = statute_limitation(case, ctx) if special is None else None
    if special is not None:  # 治安案件: 治安管理处罚法's six months
        period, deadline = (
            f"{LIMITATION_MONTHS}个月",
            months_later(case.act_date, LIMITATION_MONTHS),
        )
    elif own is not None:  # 第三十六条第一款 法律另有规定: the cited law's own period
        special = own.rule
        period, deadline = own.period, months_later(case.act_date, own.months)
    else:
        text = "。".join([case.facts.description, *case.facts.circumstances])
        years = 5 if _grave_field(text) else 2
        period, deadline = f"{years}年", _years_later(case.act_date, years)
    if discovered.date <= deadline:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"违法行为终了于{case.act_date}，至{discovered.date}才被发现，已超过{period}追责时效",
            special or ctx.penalty_law("第三十六条第一款"),
            f"违法行为 {case.act_date}；{discovered.type} {discovered.date}",
        )
    ]


# 收到检测报告 / 收悉认定意见 / 委托伤情鉴定: an investigation step done at the desk, with no
# party or site before the officers; the report or commission is itself the written record.
_DESK_ACT = re.compile(
    r"^(?:收到|收悉|接到|接收|取得)[^，。；]{0,24}(?:报告|意见|意见书|鉴定书|结论|复函|回函|函)"
    r"|^委托[^，。；]{0,16}(?:鉴定|检测|检验|评估|鉴别)"
)
# Words of an act before the party or on site, which 第十四条第一款 wants on video.
_FACE_TO_FACE = re.compile(r"询问|讯问|现场|检查|勘验|勘察|采样|抽样|扣押|查封|提取|当事人在场")


def desk_act(note: str) -> bool:
    """全过程记录办法第十四条第三款: 其他执法环节，文字记录能够全面有效记录执法行为的，可以不进行
    音像记录 — receiving a report or commissioning a test is such a step, not the
    contentious 调查取证 of 第一款."""
    return bool(_DESK_ACT.search(note.strip())) and not _FACE_TO_FACE.search(note)


def _audio_video(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """Investigations and hearings are recorded on video (全过程记录办法第十四条); an
    unrecorded inspection on which an unproven fact rests is the evidence point's one
    finding (第四十条, citing this duty too)."""
    flags = []
    folded = unproven_site_fact(case)
    for index, event in enumerate(case.events):
        if folded and event.type == "调查取证":
            continue
        if event.type in ("调查取证", "听证") and event.audio_video is False:
            if event.type == "调查取证" and desk_act(event.note):
                continue
            flags.append(
                _flag(
                    Severity.CHECK,
                    f"{event.type}未进行音像记录",
                    ctx.rule(AV_RULE),
                    f"events[{index}]（{event.type} {event.date}）audio_video=false",
                )
            )
    return flags

"""执法人员是否具备执法资格: two certified officers on every investigation, certificates
valid on the day, shown to the party."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile, Event, Officer
from assistant.review.context import ReviewContext
from assistant.review.deciding_organ import first_field_rule
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.labour_inspection import TWO_INSPECTORS, labour_rule
from assistant.review.police_procedure import TWO_POLICE_OFFICERS, is_police_agency, police_rule
from assistant.review.statutory_fine import rule_in_force

RECORD_RULE = "《广东省行政执法全过程记录办法》第十条第（一）项"
# A step in which officers meet the party or others: questioning, on-site work, sampling,
# seizing (its note), or evidence only such a meeting yields.
_MEETING_WORDS = re.compile(r"现场|询问|检查|勘验|勘测|勘查|抽样|采样|扣押|查封|约谈|走访|笔录")
_MEETING_EVIDENCE = ("当事人的陈述", "证人证言", "现场笔录", "勘验笔录", "视听资料", "物证")


_flag = PointFlags(ReviewPoint.QUALIFICATION)


def _two_rule(case: CaseFile, ctx: ReviewContext) -> tuple[str, list[str]]:
    """行政处罚法第四十二条第一款 (two 执法人员), or for a 公安机关 the 程序规定's specific
    duty (two 人民警察: an auxiliary officer holds no 人民警察证 and is not one), with the
    general article kept beside it."""
    general = ctx.penalty_law("第四十二条第一款")
    specific = (
        police_rule(case, ctx, TWO_POLICE_OFFICERS)
        or _labour_rule(case, ctx)
        or _field_two_rule(case, ctx)
    )
    return (specific, [general]) if specific else (general, [])


# 开展医疗保障基金使用监督检查，监督检查人员不得少于2人，并且应当出示执法证件 (医疗保障基金使用
# 监督管理条例第二十九条第一款): a field's own two-inspector duty, found in the corpus
_TWO_INSPECTORS = re.compile(r"人员不得少于(?:2|两|二)人")


def _field_two_rule(case: CaseFile, ctx: ReviewContext) -> str | None:
    return first_field_rule(case, ctx, ("不得少于2人", "不得少于两人"), _TWO_INSPECTORS.search)


def _labour_rule(case: CaseFile, ctx: ReviewContext) -> str | None:
    # 劳动保障监察员进行调查、检查，不得少于2人: a labour inspection's own two-inspector duty
    return labour_rule(case, ctx, TWO_INSPECTORS, "不得少于2人")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    flags: list[Flag] = []
    reported: set[str] = set()
    for index, event in enumerate(case.events):
        if event.type != "调查取证":
            continue
        where = f"events[{index}]（调查取证 {event.date}）"
        flags += _two_officers(case, event, where, ctx)
        flags += _certificates(case, event, where, ctx, reported)
        flags += _shown(case, event, where, ctx)
    return flags


def _two_officers(case: CaseFile, event: Event, where: str, ctx: ReviewContext) -> list[Flag]:
    """第四十二条第一款: at least two officers. A step naming one breaches it; a step naming
    none (收到鉴定报告) says nothing about who acted: it is checked only when no step of
    the file names two officers."""
    if len(set(event.officers)) >= 2:
        return []
    if not event.officers:
        steps = case.events_of("调查取证")
        if any(len(set(step.officers)) >= 2 for step in steps):
            return []
        return [
            _flag(
                Severity.CHECK,
                "调查取证环节未载明执法人员，无法核实是否有两名以上执法人员",
                ctx.penalty_law("第四十二条第一款"),
                f"{where}执法人员：未载明",
            )
        ]
    rule, also = _two_rule(case, ctx)
    also = also + _inspection_rule(case, event, ctx)
    return [
        _flag(
            Severity.MUST_FIX,
            "调查取证的执法人员少于两人",
            rule,
            f"{where}执法人员：{'、'.join(event.officers)}",
            also,
        )
    ]


def _certificates(
    case: CaseFile, event: Event, where: str, ctx: ReviewContext, reported: set[str]
) -> list[Flag]:
    """Each officer is on file with a certificate valid on the investigation day."""
    flags = []
    for reference in event.officers:
        officer = _on_file(case, reference, ctx)
        if reference in reported:
            continue
        rule, also = ctx.penalty_law("第四十二条第一款"), []
        if officer is None or not officer.certificate_no:
            # holding no certificate, the person is no 执法人员 (no 人民警察) at all
            rule, also = _two_rule(case, ctx) if _too_few(case, event, ctx) else (rule, also)
            also = also + _inspection_rule(case, event, ctx)
        if officer is None:
            problem = f"{reference}未在案卷 officers 中登记执法证件"
        elif not officer.certificate_no:
            problem = f"{officer.name}没有执法证号"
        elif not officer.valid_on(event.date):
            problem = (
                f"{officer.name}的执法证（{officer.certificate_no}，有效期"
                f"{officer.valid_from or '？'}至{officer.valid_to or '？'}）在{event.date}无效"
            )
        else:
            continue
        reported.add(reference)
        flags.append(
            _flag(
                Severity.MUST_FIX,
                f"执法人员不具备执法资格：{problem}",
                rule,
                where,
                also,
            )
        )
    return flags


# 检查时，人民警察不得少于二人 (治安管理处罚法第八十七条第一款): a public-order 检查 of a place,
# vehicle, thing or person has its own two-officer rule
_SEARCHED = re.compile(r"检查|搜查")
_PUBLIC_ORDER_LAW = "《中华人民共和国治安管理处罚法》"


def _inspection_rule(case: CaseFile, event: Event, ctx: ReviewContext) -> list[str]:
    cited = " ".join(case.citations.penalty_basis)
    if not is_police_agency(case) or "治安管理处罚法" not in cited:
        return []
    if not _SEARCHED.search(event.note or "") or "复查" in (event.note or ""):
        return []
    rule = rule_in_force(
        ctx, f"{_PUBLIC_ORDER_LAW}第八十七条第一款", case.act_date, "人民警察不得少于二人"
    )
    return [rule] if rule else []


def _too_few(case: CaseFile, event: Event, ctx: ReviewContext) -> bool:
    """Fewer than two of the step's officers hold a certificate: the step was not done by
    two 执法人员 (by two 人民警察, for a police file)."""
    holders = {r for r in event.officers if (o := _on_file(case, r, ctx)) and o.certificate_no}
    return len(holders) < 2


def _stage_records_showing(case: CaseFile, event: Event) -> bool:
    """An earlier 调查取证 step (or one on the same day) recorded the showing."""
    return any(
        e.type == "调查取证" and e.certificates_shown is True and e.date <= event.date
        for e in case.events
        if e is not event
    )


def _met_no_one(case: CaseFile, event: Event) -> bool:
    """第五十五条第一款 owes the showing to 当事人或者有关人员 met in the investigation: a step
    that only reads the agency's records or receives a report (内业核查、收到检验报告), whose
    evidence of the day came with no meeting, had no one to show a certificate to."""
    texts = f"{event.note}{event.method or ''}{event.result or ''}"
    if _MEETING_WORDS.search(texts):
        return False
    day = [item for item in case.evidence if item.date == event.date]
    people = ["当事人", "法定代表人", "负责人", *(p.name for p in case.parties if p.name)]
    return bool(day) and not any(
        item.type in _MEETING_EVIDENCE
        or _MEETING_WORDS.search(item.obtained_by or "")
        or any(name in (item.source or "") for name in people)  # taken from the party
        for item in day
    )


def _on_file(case: CaseFile, reference: str, ctx: ReviewContext) -> Officer | None:
    """The case file's officer, with the roster's certificate (authoritative) when on file."""
    officer = case.officer(reference)
    if ctx.roster is None:
        return officer
    number = officer.certificate_no if officer and officer.certificate_no else reference
    return ctx.roster.officer_by_certificate(number) or officer


def _shown(case: CaseFile, event: Event, where: str, ctx: ReviewContext) -> list[Flag]:
    """第五十五条第一款: certificates shown. Officers holding none could show none; that
    they hold none is the 第四十二条 flag above, not a second one. 记录办法第十条 asks the
    调查取证 *stage* to record the showing of certificates: once one of its steps records
    it, a later step (a report received, a follow-up questioning) silent on it is no gap."""
    holders = [o for r in event.officers if (o := _on_file(case, r, ctx)) and o.certificate_no]
    if event.certificates_shown is True or (event.officers and not holders):
        return []
    if event.certificates_shown is None and (
        _stage_records_showing(case, event) or _met_no_one(case, event)
    ):
        return []
    if event.certificates_shown is False:
        return [
            _flag(
                Severity.MUST_FIX,
                "调查或检查时未向当事人出示执法证件",
                ctx.penalty_law("第五十五条第一款"),
                f"{where}certificates_shown=false",
            )
        ]
    return [
        _flag(
            Severity.CHECK,
            "未记录执法人员出示执法证件的情况",
            ctx.rule(RECORD_RULE),
            f"{where}未填写 certificates_shown",
        )
    ]

"""执法主体是否合法: competence on record, entrusted bodies acting in the entrusting name,
territorial jurisdiction."""

from __future__ import annotations

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from corpus.citation_resolver import CitationError


def _flag(severity: Severity, reason: str, rule: str, evidence: str) -> Flag:
    return Flag(
        point=ReviewPoint.SUBJECT, severity=severity, reason=reason, rule=rule, evidence=evidence
    )


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    return _competence(case, ctx) + _entrustment(case, ctx) + _territory(case, ctx)


def _competence(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The agency's power must rest on a provision that exists (第十七条)."""
    rule = ctx.penalty_law("第十七条")
    basis = case.agency.powers.basis
    if not basis:
        return [
            _flag(
                Severity.MUST_FIX,
                "案卷未载明执法主体的法定职权依据，无法确认其具有行政处罚权",
                rule,
                "agency.powers.basis 为空",
            )
        ]
    flags = []
    for written in basis:
        errors = [r for r in ctx.resolve(written, case.act_date) if isinstance(r, CitationError)]
        if errors:
            flags.append(
                _flag(
                    Severity.MUST_FIX,
                    f"执法主体的职权依据无法核实：{errors[0].message}",
                    rule,
                    f"agency.powers.basis：{written}",
                )
            )
    return flags


def _entrustment(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A 受委托组织 acts only in the entrusting agency's name (第二十条第四款)."""
    agency = case.agency
    if agency.kind != "受委托组织":
        return []
    if agency.entrusted_by and agency.acts_in_name_of == agency.entrusted_by:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"{agency.name}系受委托组织，应以委托行政机关"
            f"（{agency.entrusted_by or '未载明'}）名义实施行政处罚",
            ctx.penalty_law("第二十条第四款"),
            f"agency.kind=受委托组织，entrusted_by={agency.entrusted_by}，"
            f"acts_in_name_of={agency.acts_in_name_of}",
        )
    ]


def _territory(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """Jurisdiction lies where the act happened (第二十二条)."""
    region, place = case.agency.region, case.violation.place
    if not region or not place or region in place:
        return []
    return [
        _flag(
            Severity.CHECK,
            f"违法行为发生地“{place}”不在执法主体辖区“{region}”内，请核实管辖权",
            ctx.penalty_law("第二十二条"),
            f"agency.region={region}；violation.place={place}",
        )
    ]

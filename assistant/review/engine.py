"""Run every review point's checker over one case file; stable, de-duplicated flags."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel

from assistant.case_file import CaseFile
from assistant.review.capacity_bar import without_subsumed
from assistant.review.checkers import (
    accident_item,
    accident_reply,
    alternative_kinds,
    announcement_service,
    authority,
    breath_test,
    capacity,
    competition_seizure,
    conditional_measure,
    confiscated_items,
    confiscation_list,
    contradicted_item,
    correction_deadline,
    count_condition,
    daily_days,
    deemed_act,
    demolition_order,
    denied_result,
    designated_enforcer,
    detention_notice,
    detention_range,
    detention_transfer,
    discretion,
    documents,
    double_fine,
    drug_rehabilitation,
    enforcement,
    evidence,
    examination_detention,
    fact_support,
    facts,
    fitting_paragraph,
    government_approval,
    graver_paragraph,
    harmless_flaw,
    hearing_conduct,
    heavier_than_notified,
    instrument_verification,
    interpreter,
    investigation_period,
    land_plan_branch,
    law,
    left_service,
    named_items,
    penalty_measures,
    person_fine,
    price_fraud_exception,
    prior_count,
    procedure,
    public_order_questioning,
    public_order_search,
    punished_first,
    purposed_conduct,
    qualification,
    rate_fine,
    recheck_refused,
    recording,
    recusal,
    referred_conduct,
    refused_payment,
    review_first,
    review_outcome,
    review_route,
    seizure,
    seizure_decision,
    serious_condition,
    split_fine,
    staff_discipline,
    stated_finding,
    statement_period,
    station_collection,
    subject,
    summary,
    survey_data,
    suspension_period,
    tax_inspection,
    township_power,
    transfer,
    uncorrectable_branch,
    uncorrected_fine,
    warned_first,
)
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity

Checker = Callable[[CaseFile, ReviewContext], list[Flag]]


def combined(*checkers: Checker) -> Checker:
    """Several checkers under one review point (the engine keys checkers by point)."""

    def run_all(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
        return [flag for checker in checkers for flag in checker(case, ctx)]

    return run_all


CHECKERS: dict[ReviewPoint, Checker] = {
    ReviewPoint.SUBJECT: subject.check,
    ReviewPoint.QUALIFICATION: combined(qualification.check, recusal.check),
    ReviewPoint.PROCEDURE: recording.alongside(
        combined(
            procedure.check,
            summary.check,
            detention_notice.check,
            drug_rehabilitation.procedure_check,
            statement_period.check,
            announcement_service.check,
            left_service.check,
            heavier_than_notified.check,
            hearing_conduct.check,
            review_outcome.check,
            seizure.check,
            competition_seizure.check,
            enforcement.check,
            public_order_questioning.check,
            public_order_search.check,
            interpreter.check,
            examination_detention.check,
            accident_reply.check,
            recheck_refused.check,
            tax_inspection.check,
            investigation_period.check,
            daily_days.recheck_check,
        )
    ),
    ReviewPoint.FACTS: combined(
        facts.check,
        fact_support.facts_check,
        prior_count.check,
        rate_fine.check,
        confiscated_items.check,
        denied_result.check,
    ),
    ReviewPoint.EVIDENCE: combined(
        evidence.check,
        fact_support.evidence_check,
        breath_test.check,
        instrument_verification.check,
        survey_data.check,
    ),
    ReviewPoint.LAW: combined(
        law.check,
        alternative_kinds.check,
        serious_condition.check,
        capacity.check,
        drug_rehabilitation.law_check,
        penalty_measures.check,
        double_fine.check,
        price_fraud_exception.check,
        land_plan_branch.check,
        graver_paragraph.check,
        fitting_paragraph.check,
        deemed_act.check,
        harmless_flaw.check,
        warned_first.check,
        punished_first.check,
        count_condition.check,
        uncorrected_fine.check,
        purposed_conduct.check,
        conditional_measure.check,
        uncorrectable_branch.check,
        refused_payment.check,
        accident_item.check,
        contradicted_item.check,
        named_items.check,
        referred_conduct.check,
        person_fine.discipline_only,
    ),
    ReviewPoint.DISCRETION: combined(
        discretion.check,
        daily_days.check,
        detention_range.check,
        person_fine.check,
        split_fine.check,
        suspension_period.check,
    ),
    ReviewPoint.AUTHORITY: combined(
        authority.check,
        government_approval.check,
        demolition_order.check,
        staff_discipline.check,
        station_collection.check,
        township_power.check,
        designated_enforcer.check,
    ),
    ReviewPoint.DOCUMENTS: combined(
        documents.check,
        correction_deadline.check,
        seizure_decision.check,
        stated_finding.check,
        review_first.check,
        review_route.check,
        confiscation_list.check,
    ),
    ReviewPoint.TRANSFER: combined(transfer.check, detention_transfer.check),
}


class ReviewReport(BaseModel):
    """The documented ``zhifa review --json`` shape plus the case it belongs to."""

    case_id: str
    title: str
    major: bool
    major_reasons: list[str]
    flags: list[Flag]

    @property
    def must_fix(self) -> list[Flag]:
        return [f for f in self.flags if f.severity is Severity.MUST_FIX]

    def as_json(self) -> dict:
        return {
            "case_id": self.case_id,
            "major": self.major,
            "major_reasons": self.major_reasons,
            "flags": [f.as_json() for f in self.flags],
        }


def review(case: CaseFile, ctx: ReviewContext) -> ReviewReport:
    """All flags, ordered by review point then severity (order within a checker kept);
    a capacity bar subsumes the flags about the penalty it forbids."""
    flags: list[Flag] = []
    seen: set[tuple[str, str, str, str]] = set()
    for point, checker in CHECKERS.items():
        found = sorted(checker(case, ctx), key=lambda f: f.severity.rank)
        for flag in found:
            key = (point.value, flag.rule, flag.reason, flag.evidence)
            if key not in seen:
                seen.add(key)
                flags.append(flag)
    flags = without_subsumed(case, ctx, flags)
    major = ctx.major(case)
    return ReviewReport(
        case_id=case.case_id,
        title=case.title,
        major=major.major,
        major_reasons=major.reasons,
        flags=flags,
    )

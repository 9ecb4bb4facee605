"""Facts ↔ evidence: each fact the penalty depends on must be supported by the file and
agree with it (《行政处罚法》第四十条: 违法事实不清、证据不足的，不得给予行政处罚).

The two entry points run the checks, each kept with its idea:

- measured_facts: an exceedance (超标), a quantity beyond a permit, a failed test, a decided
  reading or a blood-alcohol finding needs the file's measured values to show it;
- amount_facts: an amount, value or count the decision finds (赌资、货值、合同价款、年收入、
  违法所得、已售台数、占地面积) may not be above or other than the evidence's figure for it;
- person_facts: a minor, a count of 童工, an injury's degree, as the evidence records them;
- pending_facts: a fine computed on 货值金额/违法所得/销售金额 (any base the 罚则 names) needs
  that amount established, not recorded as 尚在核实;
- circumstance_facts: a penalty the article raises for a repeat (再次…/二年内曾…) needs the
  earlier decision or record among the evidence; 逾期未改正 needs the later check showing it;
- inspection_records: an inspection (检查、勘验) or questioning must be written down
  (第五十五条第二款: 询问或者检查应当制作笔录) — a video or photos do not replace the record; a
  fact found on site with neither a record nor a recording is, besides, not proven (第四十条);
  a fact found on a test needs the test's result among the evidence;
- fact_flags: the 第四十条 finding and the narrative they share.
"""

from __future__ import annotations

from assistant.case_file import CaseFile
from assistant.review.checkers import (
    amount_facts,
    circumstance_facts,
    measured_facts,
    pending_facts,
    person_facts,
)
from assistant.review.checkers.inspection_records import (
    narrated_hearing_unrecorded,
    on_site_unrecorded,
    own_law_record,
    questioned_person_unrecorded,
    questioning_said_unrecorded,
    record_rule,
    remote_questioning_unrecorded,
    step_said_unrecorded,
    test_result_missing,
    unrecorded_questioning,
)
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, Severity
from assistant.review.penalty_kinds import imposes_penalty


def facts_check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not imposes_penalty(case):
        return []
    return (
        measured_facts.exceedance(case, ctx)
        + measured_facts.beyond_permit(case, ctx)
        + amount_facts.quantity_beyond_measured(case, ctx)
        + amount_facts.amount_beyond_evidence(case, ctx)
        + amount_facts.confiscated_beyond_seized(case, ctx)
        + amount_facts.goods_value_undercounted(case, ctx)
        + amount_facts.goods_value_against_prices(case, ctx)
        + amount_facts.contract_price_contradicted(case, ctx)
        + amount_facts.income_contradicted(case, ctx)
        + amount_facts.illegal_income_against_reckoning(case, ctx)
        + amount_facts.income_beyond_sales(case, ctx)
        + amount_facts.count_against_record(case, ctx)
        + amount_facts.income_below_tier(case, ctx)
        + measured_facts.reading_beyond_evidence(case, ctx)
        + (
            measured_facts.load_within_limit(case, ctx)
            or measured_facts.quantity_within_limit(case, ctx)
        )
        + measured_facts.blood_below_limit(case, ctx)
        + person_facts.minor_contradicted(case, ctx)
        + person_facts.child_count_contradicted(case, ctx)
        + (
            measured_facts.failed_test_contradicted(case, ctx)
            or measured_facts.named_item_within_limit(case, ctx)
            or measured_facts.exceeded_item_within_limit(case, ctx)
        )
        + person_facts.injury_contradicted(case, ctx)
        + (pending_facts.pending_base(case, ctx) or pending_facts.relied_unverified(case, ctx))
        + (
            pending_facts.serious_on_pending(case, ctx)
            or pending_facts.gravity_on_pending(case, ctx)
        )
        + pending_facts.tier_on_estimate(case, ctx)
        + circumstance_facts.repeat_unproven(case, ctx)
        + circumstance_facts.repeat_window_contradicted(case, ctx)
        + circumstance_facts.uncorrected_unproven(case, ctx)
        + circumstance_facts.uncorrected_contradicted(case, ctx)
        + measured_facts.ratio_contradicted(case, ctx)
    )


def evidence_check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    flags = on_site_unrecorded(case, ctx) + test_result_missing(case, ctx)
    flags += (
        unrecorded_questioning(case, ctx)
        or questioning_said_unrecorded(case, ctx)
        or remote_questioning_unrecorded(case, ctx)
        or questioned_person_unrecorded(case, ctx)
        or narrated_hearing_unrecorded(case, ctx)
    )
    rule = record_rule(case, ctx)
    # the unrecorded inspection already found (cited beside 第四十条) is one finding
    if not any(rule in (f.rule, *f.also_cites) for f in flags if f.severity is Severity.MUST_FIX):
        flags += step_said_unrecorded(case, ctx)
    own = own_law_record(case, ctx)
    return [_citing(f, own) if f.rule == rule else f for f in flags]


def _citing(flag: Flag, rules: list[str]) -> Flag:
    extra = [r for r in rules if r not in (flag.rule, *flag.also_cites)]
    return flag.model_copy(update={"also_cites": [*flag.also_cites, *extra]}) if extra else flag

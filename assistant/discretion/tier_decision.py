"""Facts → tier, fine range in yuan, the factors that decided it, and any exemption.

The rules applied are the standards' own, cited in every deciding factor:
- 江门《裁量标准规定（试行）》第十四条 (heavier tier wins), 第五条 (从重: 档次最高限度 /
  上调一档), 第六条 (从轻: 档次较低限), 第八条 (otherwise 适中), 第十六条 (以上/以下含本数).
- 广东《自由裁量权规定》第五条 (unknown factor → lowest level), 第六条 (权重累加 ≤100% ×
  法定最高罚款 / 幅度 mode), 第十二条 (final amount inside a range), 第二十三条
  (以下不含本数), 第十三条 (不予处罚).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.discretion.conditions import CaseFacts, evaluate
from assistant.discretion.model import (
    ExemptionItem,
    Factor,
    FactorLevel,
    PenaltyRange,
    Tier,
    Violation,
    WeightSchedule,
)
from assistant.discretion.penalty_amounts import resolve_yuan
from assistant.discretion.text_match import mutual_similarity, similarity

JM_RULES = "《江门市生态环境局关于生态环境违法行为行政处罚自由裁量权裁量标准规定（试行）》"
GD_RULES = "《广东省生态环境行政处罚自由裁量权规定》"
_HARM_ROW = ("重大生态环境影响", "不良社会影响")


class ExemptionResult(BaseModel):
    """The matching 不予处罚清单 item and whether its conditions hold."""

    item_id: str
    title: str
    status: str
    met: list[str] = Field(default_factory=list)
    unmet: list[str] = Field(default_factory=list)
    unknown: list[str] = Field(default_factory=list)
    discretionary: bool = False


class Decision(BaseModel):
    """The answer for one violation and one set of facts."""

    violation_id: str
    violation_title: str
    source: str
    tier: str
    tier_level: int | None = None
    penalty_text: str = ""
    range_min_yuan: float | None = None
    range_max_yuan: float | None = None
    recommended_yuan: float | None = None
    deciding_factors: list[str] = Field(default_factory=list)
    exemption: ExemptionResult | None = None
    warnings: list[str] = Field(default_factory=list)


def decide(violation: Violation, facts: CaseFacts, exemptions: list[ExemptionItem]) -> Decision:
    """Route to the standard's own method and attach the exemption check."""
    if violation.mode == "weights":
        decision = _decide_weights(violation, facts)
    elif violation.source == "jiangmen":
        decision = _decide_jiangmen(violation, facts)
    else:
        decision = _decide_guangdong_range(violation, facts)
    decision.exemption = check_exemption(violation, facts, exemptions)
    return decision


# --- 江门: tiers of alternative 情节 ----------------------------------------------


def _decide_jiangmen(violation: Violation, facts: CaseFacts) -> Decision:
    tiers = _scenario_tiers(violation, facts)
    matched = [(t, c.text) for t in tiers for c in t.conditions if evaluate(c.text, facts) is True]
    factors: list[str] = []
    if matched:
        tier = max(matched, key=lambda m: m[0].level)[0]
        reasons = [text for t, text in matched if t is tier]
        factors.append(f"符合第{tier.level}档情节：{'；'.join(reasons)}")
        if len({t.level for t, _ in matched}) > 1:
            factors.append(f"同时符合多个档次情节，按较重档次处罚（{JM_RULES}第十四条）")
    else:
        tier = min(tiers, key=lambda t: t.level)
        factors.append("未认定任何裁量情节，按最低档次计（情节需执法人员核实）")
    tier, position = _jiangmen_adjust(violation, tiers, tier, facts, factors)
    return _tier_decision(violation, tier, facts, factors, position, f"第{tier.level}档")


def _scenario_tiers(violation: Violation, facts: CaseFacts) -> list[Tier]:
    """A second tier scale (逾期不拆除的…) applies only when the facts name it."""
    scenarios = list(dict.fromkeys(t.scenario for t in violation.tiers))
    chosen = scenarios[0]
    for scenario in scenarios[1:]:
        if any(similarity(scenario, c) >= 0.6 for c in facts.circumstances):
            chosen = scenario
    return [t for t in violation.tiers if t.scenario == chosen]


def _jiangmen_adjust(
    violation: Violation, tiers: list[Tier], tier: Tier, facts: CaseFacts, factors: list[str]
) -> tuple[Tier, str]:
    """第五条 / 第六条 / 第八条: where inside (or above) the tier the fine falls."""
    covers_counts = any("次" in c.text for t in violation.tiers for c in t.conditions)
    prior = facts.prior_offences or 0
    if not covers_counts and prior >= 3:
        higher = [t for t in tiers if t.level > tier.level]
        factors.append(f"两年内因同类违法行为被处罚{prior}次，上调一个档次（{JM_RULES}第五条）")
        return (min(higher, key=lambda t: t.level), "max") if higher else (tier, "max")
    if (not covers_counts and prior == 2) or facts.aggravating:
        factors.append(f"存在从重情形，按该档次最高限度处罚（{JM_RULES}第五条）")
        return tier, "max"
    if facts.mitigating:
        factors.append(f"存在从轻情形，按所在档次较低限处罚（{JM_RULES}第六条）")
        return tier, "min"
    factors.append(f"无从重、从轻情节，予以适中处罚（{JM_RULES}第八条）")
    return tier, "mid"


# --- 广东 幅度罚款模式 --------------------------------------------------------------


def _decide_guangdong_range(violation: Violation, facts: CaseFacts) -> Decision:
    factors: list[str] = []
    rows = [t for t in violation.tiers if t.penalty is not None]
    harm_rows = [t for t in rows if _is_harm_row(t)]
    if harm_rows and any(evaluate(c.text, facts) is True for c in harm_rows[0].conditions):
        factors.append("造成重大生态环境影响或者不良社会影响（第二十条所称情形）")
        return _tier_decision(violation, harm_rows[0], facts, factors, "max", "最高档")
    candidates = [t for t in rows if not _is_harm_row(t)] or rows
    for column in _columns(candidates):
        candidates = _filter_column(candidates, column, facts, factors)
    tier = candidates[0]
    position = "max" if facts.aggravating else "min" if facts.mitigating else "mid"
    factors.append(_article_12(position))
    return _tier_decision(violation, tier, facts, factors, position, f"第{tier.level}行")


def _is_harm_row(tier: Tier) -> bool:
    return any(k in c.text for c in tier.conditions for k in _HARM_ROW)


def _columns(rows: list[Tier]) -> list[str | None]:
    columns: list[str | None] = []
    if len({t.scenario for t in rows}) > 1:
        columns.append("__scenario__")
    for tier in rows:
        for condition in tier.conditions:
            if condition.factor not in columns:
                columns.append(condition.factor)
    return columns


def _cell(tier: Tier, column: str | None) -> str:
    if column == "__scenario__":
        return tier.scenario
    return next((c.text for c in tier.conditions if c.factor == column), "")


def _filter_column(
    rows: list[Tier], column: str | None, facts: CaseFacts, factors: list[str]
) -> list[Tier]:
    """Keep the rows whose value in this column holds; unknown → lowest (第五条)."""
    values = list(dict.fromkeys(_cell(t, column) for t in rows))
    if len(values) < 2:
        return rows
    name = "违法行为" if column == "__scenario__" else column or "违法情节"
    earlier = _earlier_offences(values, facts)
    verdicts = {
        v: evaluate(v, earlier if "无同类" not in v else facts, upper_inclusive=False)
        for v in values
    }
    held = [v for v in values if verdicts[v] is True]
    if held:
        factors.append(f"{name}：{held[-1]}")
        return [t for t in rows if _cell(t, column) == held[-1]]
    factors.append(f"{name}：无法查明，按最低档次「{values[0]}」计（{GD_RULES}第五条）")
    return [t for t in rows if _cell(t, column) == values[0]]


def _earlier_offences(values: list[str], facts: CaseFacts) -> CaseFacts:
    """A column offering 无同类违法行为 beside 1次以上3次以下 counts the earlier offences,
    not this one: its counts are read against the offences before this case."""
    count = facts.offence_count
    if count is None or not any("无同类" in v for v in values):
        return facts
    return facts.model_copy(update={"prior_offences": count - 2, "first_offence": None})


def _article_12(position: str) -> str:
    wording = {
        "max": "从重处罚不得低于最高与最低罚款数额的平均值",
        "min": "从轻处罚应当低于平均值",
        "mid": "一般处罚按平均金额处罚",
    }[position]
    return f"{wording}（{GD_RULES}第十二条）"


# --- shared: a tier's range and where the fine falls in it ------------------------


def _tier_decision(
    violation: Violation,
    tier: Tier,
    facts: CaseFacts,
    factors: list[str],
    position: str,
    label: str,
) -> Decision:
    decision = Decision(
        violation_id=violation.id,
        violation_title=violation.title,
        source=violation.source,
        tier=label,
        tier_level=tier.level,
        penalty_text=tier.penalty_text,
        deciding_factors=factors,
    )
    factors = decision.deciding_factors
    factors.append(f"依据：{tier.location}")
    if tier.penalty is None:
        decision.warnings.append("该档次没有罚款数额（如警告、责令停业），不计算罚款")
        return decision
    low, high = resolve_yuan(tier.penalty, facts.base_amounts)
    if tier.penalty.base and low is None:
        decision.warnings.append(f"罚款按{tier.penalty.base}的倍数计算，请提供该金额")
    decision.range_min_yuan, decision.range_max_yuan = low, high
    decision.recommended_yuan = _position(low, high, position, violation.source)
    if tier.penalty.per_day:
        decision.warnings.append("该违法行为可按日连续处罚")
    return decision


def _position(low: float | None, high: float | None, position: str, source: str) -> float | None:
    """最高限度 / 较低限 / 适中 (江门); 第十二条 (广东): 平均值, 只有上限时 20%/50%."""
    if high is None:
        return None if low is None else (low * 5 if position == "max" else low * 2)
    if low is None:
        fraction = {"max": 1.0, "min": 0.2, "mid": 0.5}[position]
        return round(high * fraction, 2)
    if position == "max":
        return high
    if position == "min":
        return low
    return round((low + high) / 2, 2)


# --- 广东 权重累加模式 --------------------------------------------------------------


def _decide_weights(violation: Violation, facts: CaseFacts) -> Decision:
    schedule_index, schedule = _pick_schedule(violation.schedules, facts)
    factors: list[str] = []
    total = schedule.start_pct or 0.0
    factors.append(f"裁量起点 {total:.10g}%")
    for factor in violation.factors:
        level = _pick_level(factor, facts, schedule_index, factors)
        if level is not None:
            total += _weight(level, schedule_index)
    total = _bounded_total(total, schedule, factors)
    amount = _weighted_amount(total, schedule, facts)
    decision = Decision(
        violation_id=violation.id,
        violation_title=violation.title,
        source=violation.source,
        tier=f"裁量百分值总和 {total:.10g}%" + (f"（{schedule.label}）" if schedule.label else ""),
        penalty_text=schedule.formula,
        deciding_factors=factors,
    )
    factors = decision.deciding_factors
    factors.append(
        f"权重累加后（最高不超过100%）乘以法定最高罚款数额（{GD_RULES}第六条；{schedule.formula}）"
    )
    if amount is None:
        decision.warnings.append(f"计算需提供{schedule.base_name}金额")
        return decision
    amount = _within_statute(amount, violation.statutory_range, facts, factors)
    decision.range_min_yuan = decision.range_max_yuan = decision.recommended_yuan = round(amount, 2)
    factors.append(f"依据：{violation.location}")
    return decision


def _pick_schedule(schedules: list[WeightSchedule], facts: CaseFacts) -> tuple[int, WeightSchedule]:
    """限期内改正 / 逾期未改正 schedules follow the correction fact; else the first (单位)."""
    for index, schedule in enumerate(schedules):
        if facts.corrected_in_time is True and "限期内" in schedule.label:
            return index, schedule
        if facts.corrected_in_time is False and "逾期" in schedule.label:
            return index, schedule
    return 0, schedules[0] if schedules else WeightSchedule()


def _weight(level: FactorLevel, index: int) -> float:
    weights = level.weights_pct
    value = weights[index] if index < len(weights) else weights[0]
    return value or 0.0


def _pick_level(
    factor: Factor, facts: CaseFacts, index: int, factors: list[str]
) -> FactorLevel | None:
    """Officer's explicit choice, else the level the facts decide, else the lowest (第五条)."""
    applicable = [
        lv
        for lv in factor.levels
        if index >= len(lv.weights_pct) or lv.weights_pct[index] is not None
    ]
    if not applicable:
        return None
    chosen = _explicit_level(factor, applicable, facts)
    if chosen is None:
        held = [lv for lv in applicable if evaluate(lv.text, facts, upper_inclusive=False) is True]
        chosen = max(held, key=lambda lv: _weight(lv, index)) if held else None
    if chosen is None:
        lowest = min(applicable, key=lambda lv: _weight(lv, index))
        factors.append(
            f"{factor.name}：无法查明，按最低档次「{lowest.text}」{_weight(lowest, index):.10g}%"
            f"（{GD_RULES}第五条）"
        )
        return lowest
    factors.append(f"{factor.name}：{chosen.text} {_weight(chosen, index):.10g}%")
    return chosen


def _explicit_level(
    factor: Factor, levels: list[FactorLevel], facts: CaseFacts
) -> FactorLevel | None:
    for name, value in facts.factor_levels.items():
        if mutual_similarity(name, factor.name) >= 0.5 or name in factor.name:
            best = max(levels, key=lambda lv: mutual_similarity(value, lv.text))
            if mutual_similarity(value, best.text) > 0 or value in best.text:
                return best
    return None


def _bounded_total(total: float, schedule: WeightSchedule, factors: list[str]) -> float:
    if total > schedule.max_total_pct:
        factors.append(f"裁量百分值总和超过100%，按100%计算（{GD_RULES}第六条）")
        return schedule.max_total_pct
    if schedule.min_total_pct is not None and total < schedule.min_total_pct:
        factors.append(f"裁量百分值总和不足{schedule.min_total_pct:.10g}%，按其计算（表备注）")
        return schedule.min_total_pct
    return total


def _weighted_amount(total: float, schedule: WeightSchedule, facts: CaseFacts) -> float | None:
    base = schedule.base_yuan
    if base is None and schedule.base_name:
        base = next(
            (
                v
                for k, v in facts.base_amounts.items()
                if k in schedule.base_name or schedule.base_name in k
            ),
            None,
        )
    if base is None:
        return None
    return total / 100 * base * schedule.base_factor


def _within_statute(
    amount: float, statute: PenaltyRange | None, facts: CaseFacts, factors: list[str]
) -> float:
    """第三条（一）: the fine stays inside the statutory range."""
    if statute is None:
        return amount
    low, high = resolve_yuan(statute, facts.base_amounts)
    if low is not None and amount < low:
        factors.append(f"低于法定最低罚款{low:.10g}元，按法定最低额（{GD_RULES}第三条第一项）")
        return low
    if high is not None and amount > high:
        factors.append(f"高于法定最高罚款{high:.10g}元，按法定最高额（{GD_RULES}第三条第一项）")
        return high
    return amount


# --- 不予处罚清单 -------------------------------------------------------------------


def check_exemption(
    violation: Violation, facts: CaseFacts, exemptions: list[ExemptionItem]
) -> ExemptionResult | None:
    """The best-matching list item for this violation and whether the facts meet it."""
    item = _matching_item(violation, exemptions)
    if item is None:
        return None
    result = ExemptionResult(
        item_id=item.id, title=item.title, status="", discretionary=item.discretionary
    )
    for condition in item.conditions:
        verdict = _exemption_condition(condition, facts)
        {True: result.met, False: result.unmet, None: result.unknown}[verdict].append(condition)
    if facts.sensitive_area:
        result.unmet.append("违法行为发生在生态环境敏感区（清单备注：不适用不予处罚）")
    result.status = "不适用" if result.unmet else "待核实" if result.unknown else "适用，不予处罚"
    return result


def _matching_item(violation: Violation, items: list[ExemptionItem]) -> ExemptionItem | None:
    refs = {(r.law, r.article) for b in violation.violated_provisions for r in b.refs}
    best, best_score = None, 0.0
    for item in items:
        score = mutual_similarity(violation.title, item.title)
        if refs & {(r.law, r.article) for b in item.provisions for r in b.refs}:
            score += 0.3
        if item.source == violation.source:
            score += 0.05
        if score > best_score:
            best, best_score = item, score
    return best if best_score >= 0.6 else None


def _exemption_condition(condition: str, facts: CaseFacts) -> bool | None:
    """首次违法 / 改正 / 危害后果轻微 are facts; the rest needs the officer's check."""
    checks: list[bool | None] = []
    if "首次违法" in condition:
        count = facts.offence_count
        first = facts.first_offence if facts.first_offence is not None else None
        checks.append(first if count is None else count == 1)
    if "改正" in condition:
        checks.append(facts.corrected_in_time)
    if "危害后果轻微" in condition:
        checks.append(None if facts.harm is None else facts.harm in ("无", "轻微"))
    if not checks:
        checks.append(evaluate(condition, facts))
    if False in checks:
        return False
    return True if all(c is True for c in checks) else None

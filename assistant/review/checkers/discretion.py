"""裁量基准运用是否适当: the fine inside the statutory range (read from the cited
article; below its minimum only on a 减轻 ground, 《行政处罚法》第三十二条), inside the
tier the discretion standard gives for the facts, and no fine where the facts meet
不予处罚 (第三十三条第一款)."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.discretion.catalogue import GUANGDONG_PDF, JIANGMEN_XLS, StandardsCatalogue
from assistant.discretion.conditions import CaseFacts
from assistant.discretion.tier_decision import Decision, decide
from assistant.review.addressee_fines import unit_fine
from assistant.review.case_text import passages
from assistant.review.checkers import split_fine, uncorrected_fine
from assistant.review.checkers.authority import department_kinds
from assistant.review.checkers.conditional_measure import unconditioned_measures
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.mitigation import lightening_stated, recorded_grounds, reduction_grounds
from assistant.review.party_capacity import minors
from assistant.review.penalty_kinds import imposes_penalty
from assistant.review.public_order import MINOR, special_rule
from assistant.review.public_order_reduction import REDUCTION, article_19_grounds, not_reduced
from assistant.review.quoted_version import quoted_superseded
from assistant.review.sanction_versions import misnumbered
from assistant.review.stated_ratio import contradicted_ratios
from assistant.review.statutory_fine import (
    daily_penalty,
    established_circumstances,
    exempted_but_confiscated,
    fine_bases,
    matching_standard,
    paragraph_text,
    penalty_provisions,
    statutory_fine,
)
from assistant.review.statutory_range import (
    COUNTED_UNITS,
    DAY,
    PER_UNITS,
    PERSON_MONTH,
    StatutoryBounds,
    outside_range,
    statutory_bounds,
)
from corpus.citation_resolver import ResolvedCitation
from corpus.numerals import to_chinese

_TOLERANCE_YUAN = 0.5
# What makes the act itself 轻微 (第三十三条第一款前句), as a file records it: the word, a
# small share of what was on offer (其余…均), no gain or overcharge, nobody affected. harm 无
# alone is the sentence's other condition (没有造成危害后果), not this one.
_MINOR_ACT = re.compile(
    r"轻微|未多收|没有多收|无违法所得|没有违法所得|未影响|没有影响|未造成[^，。；]{0,4}污染"
    r"|无泄漏|其余[^，。；]{0,12}均(?:已|明码|符合|合格|正常)"
    # a sign or notice missing for hours, a day at most (标志缺失约一天)
    r"|(?:缺失|脱落|取下|未复挂|未悬挂|未张贴|未公示)[^，。；]{0,4}(?:约|仅|不足)?"
    r"(?:半天|一天|1天|[一二两三四五六\d]+个?小时)"
)
# 实名登记系统正常 beside the lapse: the rest of the duty was met, so the act itself was small;
# a party's own claim (当事人称…正常) and 不正常运行 (itself a violation) say nothing of it.
_REST_IN_ORDER = re.compile(r"^(?!.*称)(?!.*[不非]正常)[^，。；]{2,12}正常$")
# 不属于情节轻微 / 危害后果轻微 (the harm, not the act): no statement that the act was minor
_NOT_MINOR = re.compile(r"不属|并非|不是|不算|不构成|不符合|不能认定|后果轻微")
STANDARDS_DEPARTMENT = "生态环境"
_STANDARD_FILES = {"jiangmen": JIANGMEN_XLS, "guangdong": GUANGDONG_PDF}


_flag = PointFlags(ReviewPoint.DISCRETION)


def case_facts(case: CaseFile) -> CaseFacts:
    """The discretion engine's view of the file's facts."""
    facts = case.facts
    return CaseFacts(
        prior_offences=facts.prior_offences,
        first_offence=facts.first_offence,
        corrected_in_time=facts.corrected_in_time,
        harm=facts.harm,
        cooperated=facts.cooperated,
        sensitive_area=facts.sensitive_area,
        aggravating=facts.aggravating,
        mitigating=facts.mitigating,
        quantities=facts.quantities,
        base_amounts=fine_bases(case),
        circumstances=facts.circumstances,
    )


def bound_by_standards(case: CaseFile) -> bool:
    """The shipped standards are eco-environment ones (江门、广东生态环境): they bind an
    environment agency (or one whose kind is unknown), not a health or market agency
    punishing under a law the standard also lists."""
    kinds = department_kinds(case.agency.acts_in_name_of or case.agency.name)
    return not kinds or STANDARDS_DEPARTMENT in kinds


def _yuan(amount: float) -> str:
    """1000000, not 1e+06: a reviewer reads the figure."""
    return f"{amount:.2f}".rstrip("0").rstrip(".")


def _bounds(low: float | None, high: float | None) -> str:
    return f"{'' if low is None else _yuan(low)}～{'' if high is None else _yuan(high)}元"


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    flags = (
        _public_order_reduction(case, ctx)
        or _statutory_range(case, ctx)
        or _minor_not_lightened(case, ctx)
        or _ground_denied(case, ctx)
    )
    standard = matching_standard(case, ctx)
    decision = None
    if standard is not None and ctx.standards is not None and bound_by_standards(case):
        decision = decide(standard, case_facts(case), ctx.standards.exemptions)
    exemption = _exemption(case, ctx, decision)
    exempt = any(f.severity is Severity.MUST_FIX for f in exemption)
    if decision is not None and not flags and not exempt and not _lawfully_reduced(case, ctx):
        flags += _tier(case, ctx.standards, decision)  # tiers are moot when no penalty is due
    return flags + exemption


_PARAGRAPH = re.compile(r"第[一二三四五六七八九十]+款$")


def _heavier_tier_applied(case: CaseFile, ctx: ReviewContext, rule: str) -> bool:
    """The file applies the article's 逾期未改正 tier without finding it (the law point's
    conditional_measure or uncorrected_fine flag): the fine above the lighter tier is that
    one defect."""
    article = _PARAGRAPH.sub("", rule)
    found = [*unconditioned_measures(case, ctx), *uncorrected_fine.check(case, ctx)]
    return any(m.rule.startswith(article) for m in found)


_DAYS = re.compile(r"计罚日数|处罚日数|按日[^数]{0,6}日数|连续处罚[^数]{0,4}(?:日数|天数)")


def _per_day(case: CaseFile, ctx: ReviewContext, amount: float | None) -> float | None:
    """按日连续处罚 (环境保护法第五十九条) multiplies the original fine by the days counted:
    the 罚则's range bounds each day's fine, not the total."""
    if amount is None or not daily_penalty(case, ctx):
        return amount
    days = next((v for k, v in case.facts.quantities.items() if _DAYS.search(k) and v > 0), None)
    return amount / days if days else amount


def range_flags(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The fine outside the cited 罚则's range (or at its top despite a reduction ground)."""
    return _statutory_range(case, ctx)


def _statutory_range(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """Above the article's maximum, or below its minimum without a 第三十二条 ground. A unit
    fined beside its responsible persons is bounded by its own fine (addressee_fines)."""
    amount = _per_day(case, ctx, unit_fine(case) or case.penalty.amount)
    found = statutory_fine(case, ctx)
    if amount is None or found is None or split_fine.conduct_parts(case, ctx):
        return []  # a fine split by conduct is measured part by part (split_fine)
    bounds, cited, rule = found
    if misnumbered(case, ctx, cited):
        return []  # the act-date text under that number fines another conduct (第三十七条)
    if contradicted_ratios(case):
        return []  # a tier chosen on a stated excess the evidence belies: the facts finding
    amount = _provision_part(case, cited, amount)
    if amount is None:
        return []
    low, high = bounds.low, bounds.high
    if high is not None:
        high *= _separately_fined_items(case, ctx, cited)
        high += _sibling_rates(case, ctx, cited, bounds)
    if high is not None and amount > high + _TOLERANCE_YUAN:
        if _heavier_tier_applied(case, ctx, rule):
            return []
        why = f"罚款{amount:.10g}元超过法定最高额（法定幅度{_bounds(low, high)}：{bounds.wording}）"
    elif low is not None and amount < low - _TOLERANCE_YUAN and not reduction_grounds(case):
        why = (
            f"罚款{amount:.10g}元低于法定最低额（法定幅度{_bounds(low, high)}：{bounds.wording}），"
            f"案卷未载明{ctx.penalty_law('第三十二条')}规定的减轻处罚情形"
        )
    elif _maximum_despite_grounds(amount, low, high, case):
        found = reduction_grounds(case)
        grounds = "、".join(g for g in found if not any(g != o and g in o for o in found))
        why = (
            f"案卷载明应当从轻或者减轻处罚的情节（{grounds}），罚款{amount:.10g}元却是法定最高额"
            f"（法定幅度{_bounds(low, high)}：{bounds.wording}），法定从轻情节未予适用"
        )
        rule = _reduction_rule(case, ctx)
    else:
        return []
    also_cites = _same_range_provisions(case, ctx, bounds, cited)
    quoted = quoted_superseded(case, ctx)
    if quoted is not None:
        why += (
            f"；决定援引的“{quoted.quoted[:40]}”是{quoted.earlier.version}起施行的旧版本条文，"
            f"违法行为发生时施行的是{quoted.citation.version}起的版本"
        )
        also_cites.append(ctx.penalty_law("第三十七条"))
    return [
        _flag(Severity.MUST_FIX, why, rule, f"penalty.amount={amount:.10g}", also_cites=also_cites)
    ]


# 第六条第一款罚款 / 第二款罚款: a fine the file splits by the provision each part rests on
_PART_NAME = re.compile(
    r"第[一二三四五六七八九十]+条第(?P<of_article>[一二三四五六七八九十]+)款"
    r"|第(?P<alone>[一二三四五六七八九十]+)款"
)


def _provision_part(case: CaseFile, cited: ResolvedCitation, amount: float) -> float | None:
    """The part of a fine split by provision (禁止使用童工规定第六条第一款罚款20000、第二款罚款
    20000) that the cited 款 sets; None when the split names no part for it. An unsplit fine
    is measured whole."""
    parts = {
        name: value
        for name, value in case.facts.amounts.items()
        if "罚款" in name and _PART_NAME.search(name)
    }
    if len(parts) < 2 or abs(sum(parts.values()) - amount) > _TOLERANCE_YUAN:
        return amount
    wanted = to_chinese(cited.paragraph) if cited.paragraph else None
    for name, value in parts.items():
        found = _PART_NAME.search(name)
        if wanted and (found.group("of_article") or found.group("alone")) == wanted:
            return value
    return None


def _sibling_rates(
    case: CaseFile, ctx: ReviewContext, cited: ResolvedCitation, bounds: StatutoryBounds
) -> float:
    """Another cited 款 of the same article fining at a rate of its own (禁止使用童工规定第六条
    第一款 每月5000元, 第二款 逾期不送回的每月1万元): the two rates add up over their periods, so
    an unsplit total is bounded by both ceilings together."""
    if bounds.base not in _RATE_BASES or cited.paragraph is None:
        return 0.0
    extra = 0.0
    for other in penalty_provisions(case, ctx):
        sibling = (other.law, other.version, other.article) == (
            cited.law,
            cited.version,
            cited.article,
        )
        if not sibling or other.paragraph in (None, cited.paragraph):
            continue
        found = statutory_bounds(
            paragraph_text(other, ctx, case),
            fine_bases(case),
            other.item,
            established_circumstances(case),
            case.facts.quantities,
        )
        if found is not None and found.base in _RATE_BASES and found.high is not None:
            extra += found.high
    return extra


_RATE_BASES = (*PER_UNITS, *COUNTED_UNITS, PERSON_MONTH, DAY)


def _same_range_provisions(
    case: CaseFile, ctx: ReviewContext, bounds: StatutoryBounds, cited: ResolvedCitation
) -> list[str]:
    """The other cited 罚则 writing the same range (价格法第四十二条 and 价格违法行为行政处罚
    规定第十三条: 五千元以下): the fine is outside each of them."""
    same = []
    for other in penalty_provisions(case, ctx):
        if other.unit_id == cited.unit_id:
            continue
        found = statutory_bounds(
            other.article_text, fine_bases(case), other.item, frozenset(), case.facts.quantities
        )
        if found is not None and (found.low, found.high) == (bounds.low, bounds.high):
            same.append(other.citation)
    return same


# 依照第九十七条第（一）项、第（六）项分别裁量：…罚款六万元，…罚款五万元，合并罚款十一万元
_SEPARATELY = re.compile(r"分别(?:裁量|处罚|处以?|罚款)[^。]{0,80}合并")


def _separately_fined_items(case: CaseFile, ctx: ReviewContext, cited: ResolvedCitation) -> int:
    """Several items of one 款 cited for several acts, each fined on its own and the fines
    added (分别裁量…合并): the total may reach each item's maximum once per act."""
    if not _SEPARATELY.search(case.facts.description):
        return 1
    same = {
        c.citation
        for c in penalty_provisions(case, ctx)
        if c.item is not None
        and (c.law, c.article, c.paragraph) == (cited.law, cited.article, cited.paragraph)
    }
    return max(len(same), 1)


def _reduction_rule(case: CaseFile, ctx: ReviewContext) -> str:
    """A minor's 从轻/减轻 is its own article (治安管理处罚法第十二条 in a 治安 case, special
    over 行政处罚法第三十条); other grounds are 行政处罚法第三十二条's."""
    if minors(case):
        return special_rule(case, ctx, MINOR) or ctx.penalty_law("第三十条")
    return ctx.penalty_law("第三十二条")


def _minor_not_lightened(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第三十条 (治安管理处罚法第十二条): a party aged 14–17 on the act date 应当从轻或者
    减轻. A file that punishes such a party and says it did not (未予从轻) must be corrected;
    a file silent on it is the capacity checker's point to check."""
    names = [p.name for p in minors(case)]
    if not names or not imposes_penalty(case) or lightening_stated(case) is not False:
        return []
    why = (
        f"{'、'.join(names)}违法时已满十四周岁不满十八周岁，依法应当从轻或者减轻处罚，"
        "案卷载明未予从轻、减轻"
    )
    rule = _reduction_rule(case, ctx)
    return [_flag(Severity.MUST_FIX, why, rule, f"penalty.types={'、'.join(case.penalty.types)}")]


# 召回退款系事后补救，不属于法定从轻情形 / 不予从轻: the file declines a ground it records
_GROUND_DECLINED = re.compile(
    r"(?:不属于?|并非|不是|不能认定为?|不予认定为?|不构成)[^，。；]{0,6}(?:法定)?(?:从轻|减轻)"
    r"|不予(?:从轻|减轻)|未予(?:从轻|减轻)"
)


# 其以家庭困难请求减轻的理由不属于法定减轻情形: another plea refused, not the recorded ground
_OTHER_PLEA = re.compile(r"理由|困难|请求|申请")


def _ground_denied(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第三十二条 says 应当从轻或者减轻: a file listing one of its grounds as found
    (mitigating_grounds: 主动减轻违法行为危害后果) and declining to apply it (不属于法定从轻情形，
    按一般情形) must be corrected."""
    if minors(case) or not imposes_penalty(case):
        return []  # a minor's ground is _minor_not_lightened's
    grounds = recorded_grounds(case)  # listed as found, not words near the refusal
    declined = next(
        (
            (p.where, m.group(0))
            for p in passages(case)
            for clause in re.split(r"[，。；]", p.text)
            if (m := _GROUND_DECLINED.search(clause)) and not _OTHER_PLEA.search(clause)
        ),
        None,
    )
    if not grounds or declined is None:
        return []
    why = (
        f"案卷载明{ctx.penalty_law('第三十二条')}规定应当从轻或者减轻处罚的情节"
        f"（{'、'.join(grounds)}），却认定“{declined[1]}”，法定从轻情节未予适用"
    )
    return [_flag(Severity.MUST_FIX, why, ctx.penalty_law("第三十二条"), f"{declined[0]}")]


def _public_order_reduction(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """治安管理处罚法第十九条 says 减轻 (not 从轻) on its grounds: the special law's duty,
    stricter than 行政处罚法第三十二条's, is the one to cite."""
    found = statutory_fine(case, ctx)
    why = not_reduced(case, ctx, found[0].high if found else None)
    if not why:
        return []
    rule = special_rule(case, ctx, REDUCTION) or ""
    grounds = "、".join(article_19_grounds(case))
    reason = f"案卷载明{rule}规定应当减轻处罚或者不予处罚的情形（{grounds}），{why}，未予减轻"
    return [
        _flag(Severity.MUST_FIX, reason, rule, f"penalty.types={'、'.join(case.penalty.types)}")
    ]


def _maximum_despite_grounds(
    amount: float, low: float | None, high: float | None, case: CaseFile
) -> bool:
    """第三十二条 (and 第三十条、第三十一条): 应当从轻或者减轻 — the top of a range is neither."""
    # "X元以下" has no floor: its top is still the most the article allows
    low = 0.0 if low is None else low
    if high is None or high <= low:
        return False
    return amount >= high - _TOLERANCE_YUAN and bool(reduction_grounds(case))


def _lawfully_reduced(case: CaseFile, ctx: ReviewContext) -> bool:
    """Below the statutory minimum on a recorded 减轻 ground: the standard's tiers, which
    divide the statutory range, no longer apply."""
    found = statutory_fine(case, ctx)
    amount, low = case.penalty.amount, found[0].low if found else None
    below = amount is not None and low is not None and amount < low - _TOLERANCE_YUAN
    return below and bool(reduction_grounds(case))


def _tier(case: CaseFile, standards: StandardsCatalogue, decision: Decision) -> list[Flag]:
    amount = case.penalty.amount
    low, high = decision.range_min_yuan, decision.range_max_yuan
    if amount is None or (low is None and high is None) or not outside_range(amount, low, high):
        return []
    file_name = _STANDARD_FILES[decision.source]
    title = next((s.title for s in standards.model.sources if s.name == file_name), file_name)
    return [
        _flag(
            Severity.CHECK,
            f"罚款{amount:.10g}元不在裁量基准{decision.violation_id}按本案情节确定的"
            f"{decision.tier}幅度{_bounds(low, high)}内（建议{decision.recommended_yuan or '—'}元）",
            f"《{title}》{decision.violation_id}",
            "；".join(decision.deciding_factors),
        )
    ]


def minor_act(case: CaseFile) -> str:
    """The file's own words showing the act was 轻微, or '' when it never says so: 轻微 is
    not inferred from 没有危害后果 and a first offence alone."""
    texts = [case.violation.description, case.facts.description, *case.facts.circumstances]
    texts += case.facts.mitigating_grounds
    clauses = [c for t in texts for c in re.split(r"[，。；,;]", t) if not _NOT_MINOR.search(c)]
    found = next(
        (m for c in clauses if (m := _MINOR_ACT.search(c) or _REST_IN_ORDER.search(c))), None
    )
    if found is None and case.facts.amounts.get("违法所得") == 0:
        return "facts.amounts.违法所得=0"
    return found.group(0) if found else ""


def _exemption(case: CaseFile, ctx: ReviewContext, decision: Decision | None) -> list[Flag]:
    """A penalty despite 轻微并及时改正/首违 facts (第三十三条第一款).

    The first sentence bars any penalty: imposing one misapplies the law (point law).

    Its first sentence (轻微并及时改正，没有造成危害后果) and a 不予处罚清单 item the
    agency is bound by say 不予处罚: a penalty then must be corrected. The second
    sentence (初次违法且危害后果轻微并及时改正) only says 可以: the reviewer checks.
    """
    if not case.penalty.types or exempted_but_confiscated(case, ctx):
        return []
    facts = case.facts
    listed = decision is not None and decision.exemption is not None
    met_list = listed and decision.exemption.status == "适用，不予处罚"
    corrected = facts.corrected_in_time is True
    harmless = corrected and facts.harm == "无" and minor_act(case)
    first = facts.first_offence is True or facts.prior_offences == 0
    may = corrected and facts.harm in ("无", "轻微") and first
    if not (met_list or harmless or may):
        return []
    if met_list:
        source = (
            f"不予处罚清单{decision.exemption.item_id}（{decision.exemption.title[:30]}）条件均满足"
        )
    else:
        source = f"first_offence={facts.first_offence}，harm={facts.harm}，corrected_in_time=true"
        if harmless:
            source += f"；违法行为轻微：“{minor_act(case)}”"
    binding = (met_list and not decision.exemption.discretionary) or harmless
    reason = (
        "违法行为轻微并及时改正、没有造成危害后果（或符合不予处罚清单），依法不予行政处罚"
        if binding
        else "初次违法且危害后果轻微并及时改正，可以不予行政处罚，请核实处罚的理由"
    )
    return [
        Flag(
            # the first sentence (no harm: 没有造成危害后果), by its facts or by a binding
            # 不予处罚清单 item, is a legal bar (不予): misapplied law; a list item on 首违
            # with slight harm and the second sentence (可以) are how discretion is exercised
            point=ReviewPoint.LAW if binding and facts.harm == "无" else ReviewPoint.DISCRETION,
            severity=Severity.MUST_FIX if binding else Severity.CHECK,
            reason=reason,
            rule=ctx.penalty_law("第三十三条第一款"),
            evidence=f"{source}；拟处{'、'.join(case.penalty.types)}",
        )
    ]

"""Measured values against their limits: a penalty for exceeding a limit (超标, 超过许可数量,
不合格, 饮酒后驾驶) needs the file's own measurements to show it (《行政处罚法》第四十条).

- an exceedance (超标) needs a measured value above its limit, for the pollutant said to
  exceed; a stated excess ratio needs the values that give it;
- a quantity beyond a permit needs a figure above the permitted amount;
- a decided reading (呼气酒精含量28mg/100ml) may not be above every reading in the evidence,
  nor 饮酒后驾驶 stand on a blood test below its limit;
- 不合格 needs a test report that failed, and a named item a reading beyond its limit.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile, EvidenceItem, Measurement
from assistant.review.checkers.amount_facts import measure_of, plain_figures
from assistant.review.checkers.fact_flags import case_narrative, fact_flag, split_sentences
from assistant.review.context import ReviewContext
from assistant.review.criminal_thresholds import DENIAL
from assistant.review.flag import Flag, ReviewPoint
from assistant.review.stated_ratio import contradicted_ratios
from assistant.review.statutory_fine import penalty_provisions

_CONCENTRATION = r"mg/L|mg/l|mg/m3|mg/m³|mg/Nm3|μg/m3|dB\(A\)|dB|分贝|mg/kg"
_UNIT = _CONCENTRATION + "|倍"
# 限量 is a product standard's word for its limit (GB 18401 甲醛限量, GB 2763 最大残留限量)
EXCEEDANCE = re.compile(
    # 超过食品添加剂最大使用量 / 超限量使用 (食品安全法第一百二十四条): a limit the measure breaks;
    # never a denied one (均未超过…限值, 不超标, 没有高于)
    # 高度超过距观测场距离的十分之一 (气象设施和气象探测环境保护条例第十三条): a limit written as a
    # fraction of another measure
    r"(?<![未不无没])(?<!没有)(?:超标|超限量|超(?:过|出)[^，。；]{0,20}"
    r"(?:标准|限值|限量|使用量|限高|[一二三四五六七八九十百]+分之[一二三四五六七八九十]+)"
    r"|高于[^，。；]{0,10}(?:标准|限值|限量)"
    r"|超(?:过|出)[^，。；]{0,6}允许误差"
    # 超限行驶 / 超限运输 (公路法第七十六条第（五）项): a vehicle's total mass or axle load over its limit
    r"|超限(?:行驶|运输))"
)
# a measuring instrument's error (示值误差 ±4g against ±10g) is within its limit either side
_ERROR = re.compile(r"误差|偏差")
_MEASURED_TEXT = re.compile(
    rf"([0-9]+(?:\.[0-9]+)?)\s*({_UNIT})[^。；0-9]{{0,24}}?(?:标准限值|排放限值|限值|限量|标准值|标准为|标准)"
    rf"[^。；0-9]{{0,8}}([0-9]+(?:\.[0-9]+)?)\s*({_UNIT})"
)
_LIMIT_TEXT = re.compile(
    rf"(?:限值|限量|标准值|标准为|标准是|不得超过|不超过)(?:为|是|：|:)?\s*([0-9]+(?:\.[0-9]+)?)\s*"
    rf"({_CONCENTRATION})"
)
_VALUE_TEXT = re.compile(rf"([0-9]+(?:\.[0-9]+)?)\s*({_CONCENTRATION})")
_LIMIT_KEY = re.compile(r"限值|标准值|标准限值|排放标准|允许")
_MEASURE_WORDS = re.compile(
    r"[（(][^）)]*[）)]|实测|监测|检测|排放|浓度|限值|标准值|标准限值|标准|允许|数值|值"
)
POLLUTANTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("化学需氧量", r"化学需氧量|COD"),
        ("五日生化需氧量", r"生化需氧量|BOD"),
        ("氨氮", r"氨氮|NH3-N|NH₃-N"),
        ("总磷", r"总磷"),
        ("总氮", r"总氮"),
        ("悬浮物", r"悬浮物|\bSS\b"),
        ("石油类", r"石油类"),
        ("六价铬", r"六价铬"),
        ("总铬", r"总铬"),
        ("铅", r"铅"),
        ("镉", r"镉"),
        ("汞", r"汞"),
        ("砷", r"砷"),
        ("镍", r"镍"),
        ("铜", r"(?<!黄)铜"),
        ("锌", r"锌"),
        ("氰化物", r"氰化物"),
        ("氟化物", r"氟化物"),
        ("二氧化硫", r"二氧化硫|SO2|SO₂"),
        ("氮氧化物", r"氮氧化物|NOx"),
        ("颗粒物", r"颗粒物|烟尘|粉尘"),
        ("挥发性有机物", r"挥发性有机物|VOCs|非甲烷总烃"),
        ("臭气浓度", r"臭气"),
        ("噪声", r"噪声|分贝|dB"),
        ("pH", r"pH|PH值|酸碱度"),
        ("甲醛", r"甲醛"),
    )
)
# a limit written as a minimum (≥39.5%, 不低于80%): a value fails it by falling short
_FLOOR_WORDS = r"≥|>=|不低于|不少于|不得低于|不小于|最低"
# a fishing net's mesh (网目内径) is held to a minimum size (渔业法第三十八条: 小于最小网目尺寸)
_LOWER_BOUND = re.compile(rf"溶解氧|下限|网目|{_FLOOR_WORDS}")
# 发芽率83%低于国家规定标准 (种子法第四十八条 劣种子): a floor the measure is said to miss
_SHORTFALL = re.compile(r"低于[^，。；]{0,10}(?:标准|规定值|标注值|要求)|小于[^，。；]{0,4}最小")
_NEUTRAL_PH = 7


def ratio_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A stated excess ratio (超过…百分之三十八) no measured value and limit in the evidence
    gives: the fact is contradicted by the file's evidence (第四十条). One finding."""
    found = contradicted_ratios(case)
    if not found:
        return []
    first = found[0]
    shown = "、".join(f"{w}：超出{r:.1f}%" for w, r in first.shown)
    reason = (
        f"认定“{first.text}”（{first.stated:.10g}%），但案卷证据的实测值与限值计算为{shown}，"
        "认定的事实与证据矛盾"
    )
    return [fact_flag(ReviewPoint.FACTS, reason, ctx, f"{first.where}：“{first.text}”；{shown}")]


def measured_values(case: CaseFile) -> list[tuple[str, float, float]]:
    """(what, value, limit) from evidence measurements and from the file's text."""
    found = [
        (f"evidence[{i}]（{e.name}）{m.item}", m.value, m.limit)
        for i, e in enumerate(case.evidence)
        for m in e.measurements
        if m.limit is not None
    ]
    found += _quantity_pairs(case.facts.quantities)
    texts = [("facts.description", case.facts.description)]
    texts += [("facts.circumstances", c) for c in case.facts.circumstances]
    texts += [
        (f"evidence[{i}]（{e.name}）", f"{e.name}{e.note}") for i, e in enumerate(case.evidence)
    ]
    for where, text in texts:
        limit_starts = {m.start(1) for m in _LIMIT_TEXT.finditer(text)}
        for match in _MEASURED_TEXT.finditer(text):
            value, unit, limit, limit_unit = match.groups()
            if unit == limit_unit and match.start(1) not in limit_starts:
                found.append((f"{where}“{match.group(0)}”", float(value), float(limit)))
    return found or _one_limit(texts)


def _one_limit(texts: list[tuple[str, str]]) -> list[tuple[str, float, float]]:
    """Values and a limit written apart (监测报告：COD 85mg/L … 标准限值为100mg/L): paired
    only when the file states a single limit in that unit, so no pairing is guessed."""
    limits: dict[str, set[float]] = {}
    values: list[tuple[str, float, str]] = []
    for where, text in texts:
        spans = []
        for match in _LIMIT_TEXT.finditer(text):
            limits.setdefault(match.group(2), set()).add(float(match.group(1)))
            spans.append(match.span())
        for match in _VALUE_TEXT.finditer(text):
            if not any(a <= match.start() < b for a, b in spans):
                values.append((f"{where}“{match.group(0)}”", float(match.group(1)), match.group(2)))
    return [
        (where, value, next(iter(limits[unit])))
        for where, value, unit in values
        if len(limits.get(unit, ())) == 1
    ]


def _pollutant(name: str) -> str:
    return _MEASURE_WORDS.sub("", name)


def _quantity_pairs(quantities: dict[str, float]) -> list[tuple[str, float, float]]:
    """facts.quantities written as 化学需氧量浓度 / 化学需氧量排放限值 pairs."""
    limits = {_pollutant(k): (k, v) for k, v in quantities.items() if _LIMIT_KEY.search(k)}
    pairs = []
    for name, value in quantities.items():
        limit = limits.get(_pollutant(name))
        if limit is not None and not _LIMIT_KEY.search(name) and _pollutant(name):
            pairs.append((f"facts.quantities.{name}／{limit[0]}", value, limit[1]))
    return pairs


def _pollutants(text: str) -> set[str]:
    """The pollutants a text names, each under one name (COD is 化学需氧量)."""
    return {name for name, pattern in POLLUTANTS if pattern.search(text)}


def claimed_pollutants(case: CaseFile) -> set[str]:
    """Pollutants the narrative says exceeded (named in a sentence saying 超标)."""
    sentences = split_sentences(case_narrative(case))
    return set().union(*(_pollutants(s) for s in sentences if EXCEEDANCE.search(s)))


def _own_values(
    case: CaseFile, measured: list[tuple[str, float, float]]
) -> list[tuple[str, float, float]]:
    """Only the values measured for the pollutant said to exceed: a value for another
    pollutant supports nothing about it. Unnamed values are kept when none is named."""
    claimed = claimed_pollutants(case)
    if not claimed:
        return measured
    named = [m for m in measured if _pollutants(m[0])]
    own = [m for m in named if _pollutants(m[0]) & claimed]
    return own if named else measured


def exceeds(what: str, value: float, limit: float) -> bool:
    """Above its limit, or below it where the limit is a floor: pH's lower bound (6 of
    6–9: pH 2.1 is acid beyond the standard) and dissolved oxygen (溶解氧)."""
    floor = _LOWER_BOUND.search(what) is not None or (
        "pH" in _pollutants(what) and limit <= _NEUTRAL_PH
    )
    if _ERROR.search(what):
        return abs(value) > abs(limit)
    return value < limit if floor else value > limit


def exceedance(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """超标 found, but every measured value with a limit — for the pollutant said to
    exceed, when the file names it — is within it."""
    basis = "".join(c.text for c in penalty_provisions(case, ctx))
    over = _affirmed_exceedance(case_narrative(case)) or EXCEEDANCE.search(basis)
    short = not over and _SHORTFALL.search(case_narrative(case)) is not None
    if not (over or short):
        return []
    measured = _own_values(case, measured_values(case))
    if short:  # only a floor can be fallen short of
        measured = [m for m in measured if _LOWER_BOUND.search(m[0])]
        if not measured:
            return []
    multiples = {k: v for k, v in case.facts.quantities.items() if "超标倍数" in k}
    if any(exceeds(*m) for m in measured) or any(v > 0 for v in multiples.values()):
        return []
    if not measured and not multiples:
        if measured_values(case) and claimed_pollutants(case):  # values, but for others
            return [
                fact_flag(
                    ReviewPoint.FACTS,
                    f"认定{'、'.join(sorted(claimed_pollutants(case)))}超标并据此处罚，但案卷只有其他"
                    "污染物的监测结果，该项超标没有证据证明",
                    ctx,
                    "；".join(
                        f"{w}：{v:.10g}（限值{lim:.10g}）" for w, v, lim in measured_values(case)
                    ),
                )
            ]
        return []
    shown = [f"{w}：{v:.10g}（限值{lim:.10g}）" for w, v, lim in measured]
    shown += [f"facts.quantities.{k}={v:.10g}" for k, v in multiples.items()]
    errors = measured and all(_ERROR.search(m[0]) for m in measured)
    return [
        fact_flag(
            ReviewPoint.FACTS,
            "认定超过最大允许误差并据此处罚，但案卷中的检定（检测）结果均在允许误差以内"
            if errors
            else "认定低于标准并据此处罚，但案卷中的检验结果均不低于所载标准值"
            if short
            else "认定超标（超过标准限值）并据此处罚，但案卷中的监测（检验）结果均未超过所载限值",
            ctx,
            "；".join(shown),
        )
    ]


def _affirmed_exceedance(text: str) -> re.Match[str] | None:
    """The first 超标 the text says happened, not one its clause denies (未发现超过…限量的)."""
    for found in EXCEEDANCE.finditer(text):
        clause = re.split(r"[，,；;。]", text[: found.start()])[-1]
        if not DENIAL.search(clause):  # 检验未发现超过标准限量的…
            return found
    return None


# 超过许可水量、超出核定的开采规模、超计划取水: a quantity beyond what a permit allows;
# 超载运输货物 (内河交通安全管理条例第八十二条): a load beyond the certificate's 核定载重量.
_BEYOND_PERMIT = re.compile(
    r"超(?:过|出)?[^，。；]{0,10}(?:许可|核定|批准|核准|审批|计划|分配)[^，。；]{0,8}"
    r"(?:量|规模|数量|额度|限额|总量|指标)|(?<![未不无没])超载"
)
_PERMIT_KEY = re.compile(r"许可|核定|批准|核准|审批|计划|分配")
# words that qualify a quantity without naming it: 2022年度实际取水量 and 许可年取水量 are one thing
_QUALIFIERS = re.compile(
    r"[（(][^）)]*[）)]|[0-9]+年度?|年度|年|实际|实测|计量|核定|许可|批准|核准|审批|计划|分配|认定"
)
_PERMIT_UNIT = re.compile(_CONCENTRATION + r"|倍|%")


def _permit_values(case: CaseFile) -> list[tuple[str, float, float]]:
    """(what, measured, permitted): evidence measurements of a quantity (not a concentration)
    with the permitted figure as their limit, and facts.quantities pairs 许可X / 实际X."""
    found = [
        (f"evidence[{i}]（{e.name}）{m.item}", m.value, m.limit)
        for i, e in enumerate(case.evidence)
        for m in e.measurements
        if m.limit is not None and not _PERMIT_UNIT.search(m.unit or "")
    ]
    quantities = case.facts.quantities
    permits = {
        _QUALIFIERS.sub("", k): (k, v) for k, v in quantities.items() if _PERMIT_KEY.search(k)
    }
    for name, value in quantities.items():
        permit = permits.get(_QUALIFIERS.sub("", name))
        if permit is not None and name != permit[0] and not _PERMIT_KEY.search(name):
            found.append((f"facts.quantities.{name}／{permit[0]}", value, permit[1]))
    return found


# a figure of the excess itself (超计划取水量, 超出许可量, 超采量): what was measured beyond
# which permit or plan, and over what period, is that figure's; a whole-year permit against a
# part-year reading is no contradiction of it
_EXCESS_KEY = re.compile(r"^(?:认定)?超(?:过|出)?")


def _stated_excess(case: CaseFile) -> bool:
    return any(_EXCESS_KEY.match(k) and v > 0 for k, v in case.facts.quantities.items())


def beyond_permit(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """超过许可（核定）数量 found, but every figure the file gives for that quantity — its
    own meter readings, 核定表 — is within the permitted amount: the fact punished is
    contradicted by the file (第四十条). A pollution exceedance is exceedance's."""
    narrative = case_narrative(case)
    if not _BEYOND_PERMIT.search(narrative) or EXCEEDANCE.search(narrative):
        return []
    values = _permit_values(case)
    if not values or any(v > limit for _, v, limit in values) or _stated_excess(case):
        return []
    return [
        fact_flag(
            ReviewPoint.FACTS,
            "认定超过许可（核定）的数量并据此处罚，但案卷所载计量、核定结果均未超过许可的数量，"
            "认定的违法事实与证据矛盾",
            ctx,
            "；".join(f"{w}：{v:.10g}（许可{lim:.10g}）" for w, v, lim in values),
        )
    ]


# A reading of a level, not an amount that adds up: 酒精含量 mg/100ml, 浓度 mg/m³, 车速 km/h,
# 噪声 dB(A), 含量 %. Several readings of one thing are not summed; the decided one is one of them.
# a transmitter's power (发射功率23.5W) is a level read off the station too
_LEVEL_UNIT = re.compile(r"/|dB|分贝|%|‰|^k?W$|瓦")
_LIMIT_GAP = re.compile(r"标准|限值|限量|不得|超过|低于|高于|以上|以下|达到|[≥≤><]|不低于|不少于")
# 标称发芽率≥80% / 总养分标注45%: the value a label claims, not a reading of the goods
_CLAIMED = re.compile(r"标称|标注|标明|标示|标识|明示|标签|宣称|声称|承诺")


# 车货总高度4.38米: a dimension read off the vehicle is a level too, not an amount that adds up
_DIMENSION = re.compile(r"高度|宽度|长度|外廓")


def _is_level(item: str, unit: str) -> bool:
    return bool(_LEVEL_UNIT.search(unit)) or (unit in ("米", "m") and bool(_DIMENSION.search(item)))


def _readings(text: str, item: str, unit: str) -> list[float]:
    """The figures ``text`` gives for ``item`` in ``unit`` (呼气酒精含量检测为28mg/100ml),
    not a limit written after it (…含量超过20mg/100ml的标准)."""
    pattern = rf"{re.escape(item)}([^，。；0-9]{{0,10}}?)([0-9]+(?:\.[0-9]+)?)\s*{re.escape(unit)}"
    found = []
    for m in re.finditer(pattern, text, re.IGNORECASE):
        before = re.split(r"[，。；]", text[max(0, m.start() - 8) : m.start()])[-1]
        if _LIMIT_GAP.search(m.group(1)) or _CLAIMED.search(before + m.group(1)):
            continue
        if _CHANGED_TO.match(text, m.end()):
            continue  # 有效宽度由60米减至42米: the value before the change, not the reading
        found.append(float(m.group(2)))
    return found


_CHANGED_TO = re.compile(r"(?:减|降|缩|缩小|减少|降低|下降|变|增|增加|升)(?:至|为|到)")


def _reading_core(name: str, unit: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]", "", name.replace(unit, "")).removeprefix("认定").strip()


def _decided_readings(case: CaseFile, item: str, unit: str) -> list[tuple[str, float]]:
    """The decision's figures for a measured item: facts.quantities named after it (in its
    unit) and the figures the narrative writes for it (复测高度 in the quantities, the first
    reading in the text)."""
    found = [
        (f"facts.quantities.{k}", v)
        for k, v in case.facts.quantities.items()
        if unit.lower() in k.lower()
        and measure_of(k) is None
        and _same_item(_reading_core(k, unit), item)
    ]
    written = [(f"facts“{name}”", v) for name, v in _narrated_readings(case, item, unit)]
    return found + [(w, v) for w, v in written if all(abs(v - x) > 1e-9 for _, x in found)]


# the shortest tail of an item's name the narrative may use for it (进风风流二氧化碳浓度 →
# 二氧化碳浓度): five characters at least, never a bare 酒精含量 that another test measures
_SHORTEST_TAIL = 5


def _narrated_readings(case: CaseFile, item: str, unit: str) -> list[tuple[str, float]]:
    """The narrative's figures for the item, under its full name or, failing that, the
    longest tail of it the narrative writes a figure after."""
    text = case_narrative(case)
    others = {m.item for e in case.evidence for m in e.measurements} - {item}
    for start in range(0, max(1, len(item) - _SHORTEST_TAIL + 1)):
        name = item[start:]
        if start and any(name in other for other in others):
            break  # 间等效声级 is the 夜间 reading's tail too: no longer this item's own
        if found := _readings(text, name, unit):
            return [(name, v) for v in found]
    return []


def _same_item(core: str, item: str) -> bool:
    """One measured item under two names (呼气酒精含量 / 酒精含量); a one-character element
    (汞, 铅) only under its own name."""
    return core == item or (len(core) >= 2 and (core in item or item in core))


def _evidence_readings(case: CaseFile, item: str, unit: str) -> list[tuple[str, float]]:
    """Every reading the evidence gives for the item: its measurements and its notes."""
    found = [
        (f"evidence[{i}]（{e.name}）{m.item}", float(m.value))
        for i, e in enumerate(case.evidence)
        for m in e.measurements
        if m.unit.lower() == unit.lower() and _same_item(m.item, item)
    ]
    found += [
        (f"evidence[{i}]（{e.name}）", v)
        for i, e in enumerate(case.evidence)
        for v in _readings(e.note, item, unit)
    ]
    return found


def reading_beyond_evidence(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A level the decision finds (呼气酒精含量28mg/100ml) above every reading of that item
    the file's own evidence records (检验单18mg/100ml): the fact punished is not the fact
    proven (第四十条)."""
    items = {(m.item, m.unit) for e in case.evidence for m in e.measurements}
    for item, unit in sorted(i for i in items if i[1] and _is_level(*i)):
        readings = _evidence_readings(case, item, unit)
        if not readings:
            continue
        decided = _decided_readings(case, item, unit)
        top = max(v for _, v in readings)
        above = [(w, v) for w, v in decided if v > top * 1.01]
        # the decision also states the evidence's own reading (复查268mg/L after the first
        # inspection's 312mg/L): the higher figure is another occasion's, not the finding
        # — the evidence's top reading, that is: a re-measure after unloading (复测3.95米)
        # does not explain a figure above the first reading (4.38米)
        restated = any(abs(v - top) <= top * 0.01 for _, v in decided)
        if above and not restated:
            field, value = above[0]
            shown = "、".join(f"{v:.10g}{unit}" for _, v in readings)
            reason = (
                f"认定{item}为{value:.10g}{unit}，但案卷证据记载为{shown}，认定的事实与证据矛盾"
            )
            evidence = f"{field}={value:.10g}；" + "；".join(f"{w}={v:.10g}" for w, v in readings)
            return [fact_flag(ReviewPoint.FACTS, reason, ctx, evidence)]
    return []


_BLOOD_ALCOHOL = re.compile(r"血液?[^，。；]{0,4}(?:酒精|乙醇)")
_DRINKING = re.compile(r"饮酒|酒后")
_ALCOHOL_TEST = re.compile(r"(?:血液?|呼气)[^，。；]{0,4}(?:酒精|乙醇)")
# 饮酒后驾车 starts at 20mg/100ml of blood (GB 19522); a limit of 80 is 醉酒's, another question
_DRINKING_LIMIT = 20


def blood_below_limit(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """饮酒后驾驶 punished while the file's own test is below its limit: a breath test in
    dispute is settled by the blood test (道路交通安全违法行为处理程序规定第三十五条), so a blood
    test below it, or a breath test below it with no blood test above, leaves the drinking
    the penalty rests on unproven (第四十条)."""
    if not _DRINKING.search(case_narrative(case)):
        return []
    tests = [
        (i, e, m)
        for i, e in enumerate(case.evidence)
        for m in e.measurements
        if m.limit and m.limit <= _DRINKING_LIMIT and _ALCOHOL_TEST.search(m.item)
    ]
    blood = [t for t in tests if _BLOOD_ALCOHOL.search(t[2].item)]
    for i, e, m in blood or tests:
        if m.value < m.limit:
            kind = "血液检验" if blood else "呼气酒精测试"
            reason = (
                f"{kind}{m.item}为{m.value:.10g}{m.unit}，低于{m.limit:.10g}{m.unit}，"
                "饮酒后驾驶的事实不能认定，仍作出处罚，认定的事实与证据矛盾"
            )
            evidence = f"evidence[{i}]（{e.name}）{m.item}={m.value:.10g}（限值{m.limit:.10g}）"
            return [fact_flag(ReviewPoint.FACTS, reason, ctx, evidence)]
    return []


FAILED = re.compile(
    r"不合格|不符合[^，。；]{0,30}(?:要求|标准|规定)|未达到[^，。；]{0,20}(?:要求|标准)"
)
_TEST_REPORT = re.compile(r"检验|检测|鉴定|抽检")
_PASSED = re.compile(
    r"(?:均|全部|所检项目|检验项目|检测项目)[^，。；]{0,6}(?:符合|合格)|结论[：:为]?\s*合格"
)


def _floor_stated(limit: float, note: str) -> bool:
    """The report states the limit as a minimum (有效成分≥39.5%、不低于39.5%): a content
    or purity requirement a product fails by falling short of it, not by exceeding it."""
    return re.search(rf"(?:{_FLOOR_WORDS})\s*{limit:.10g}(?![0-9])", note) is not None


# Items a product standard sets as a minimum (绝缘厚度平均值≥0.7mm, 拉伸强度, 发芽率, 纯度,
# 净度, 断裂伸长率): a product fails them by falling short, whatever the report's note says.
_FLOOR_ITEM = re.compile(r"厚度|强度|发芽率|纯度|净度|伸长率")


def _fails(m: Measurement, note: str) -> bool:
    """The measured value fails its limit, read as a floor where the report says so or the
    item is one a standard sets as a minimum."""
    if m.limit is None:
        return False
    if _floor_stated(float(m.limit), note) or _FLOOR_ITEM.search(m.item):
        return m.value < m.limit
    return exceeds(m.item, m.value, m.limit)


def failed_test_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The decision finds the product 不合格 on a test, but every test report in the file
    says it passed (所检项目符合标准要求) and none records a failed item: the fact punished is
    contradicted by the file's own evidence (第四十条)."""
    if not FAILED.search(case_narrative(case)):
        return []
    reports = [
        (i, e)
        for i, e in enumerate(case.evidence)
        if e.type == "鉴定意见" or (_TEST_REPORT.search(e.name) and "报告" in e.name)
    ]
    if not reports:
        return []
    for _, e in reports:
        text = plain_figures(f"{e.name}{e.note}")
        if FAILED.search(text) or any(_fails(m, e.note) for m in e.measurements):
            return []
        if not _PASSED.search(text):
            return []
    shown = [f"evidence[{i}]（{e.name}）：{e.note}" for i, e in reports]
    return [
        fact_flag(
            ReviewPoint.FACTS,
            "认定产品（项目）不合格并据此处罚，但案卷检验（检测）报告的结论为检验项目符合标准要求，"
            "认定的违法事实与证据矛盾",
            ctx,
            "；".join(shown),
        )
    ]


_FAILED_ITEM = re.compile(r"不合格|不符合[^，。；]{0,30}(?:要求|标准|规定)")
_FLOOR_SAID = re.compile(r"≥|低于|不少于|最低|标示值|标明值|标注值|标签")
# 1号点菌落总数 → 菌落总数: the item a sampling point's reading is of
_POINT_PREFIX = re.compile(r"^(?:[0-9一二三四五六七八九十]+号?(?:采样)?点(?:位)?|[A-Za-z]?[0-9]+#)")


# 铅、总砷、钡均未超过限量: a clause clearing the items it names (the sentence may still say the
# goods failed on another ground, 系工业盐，不符合GB 2721-2015要求)
_WITHIN_CLAUSE = re.compile(
    r"[^，,；。]*(?:未超过|未超出|未超标|不超过|未检出|在限值内|在限量内|均符合|均合格)[^，,；。]*"
)


def named_item_within_limit(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The narrative names a measured item as failing (菌落总数为86CFU/mL，不符合…标准) while
    every reading of that item in the file's own reports is within its limit (86 of 100):
    the fact punished is contradicted by the report it rests on (第四十条)."""
    # 未达到醉酒驾驶标准 / 未达到…犯罪标准 says a line was not reached, not that goods failed; a
    # floor written in the sentence (标注≥45%) is read by failed_test_contradicted's reports
    failing = [
        s
        for s in split_sentences(case.facts.description)
        if _FAILED_ITEM.search(s) and not _FLOOR_SAID.search(s)
    ]
    readings = [
        (_POINT_PREFIX.sub("", m.item), m, e)
        for e in case.evidence
        for m in e.measurements
        if m.limit is not None and not _FLOOR_SAID.search(f"{m.unit}{m.item}")
    ]
    failing = [_WITHIN_CLAUSE.sub("", s) for s in failing]
    named = {core for core, _, _ in readings if len(core) >= 2 and any(core in s for s in failing)}
    if not named:
        return []
    own = [(m, e) for core, m, e in readings if core in named]
    # any failed reading in those reports (another item below its floor) leaves the finding to
    # failed_test_contradicted: the goods did fail a test
    reports = [e for e in case.evidence if any(e is r for _, r in own)]
    if any(_fails(m, e.note) for e in reports for m in e.measurements):
        return []
    return _within_limit_flag(
        ctx,
        f"认定{'、'.join(sorted(named))}不符合标准并据此处罚，但案卷检测报告所载该项目各读数均在限值内，",
        own,
    )


def _within_limit_flag(
    ctx: ReviewContext, said: str, readings: list[tuple[Measurement, EvidenceItem]]
) -> list[Flag]:
    """The 第四十条 finding of a decision that says a reading failed while it is within."""
    shown = "、".join(f"{m.item}{m.value:.10g}{m.unit}（限值{m.limit:.10g}）" for m, _ in readings)
    return [fact_flag(ReviewPoint.FACTS, f"{said}认定的违法事实与证据矛盾", ctx, shown)]


# 高度超过距观测场距离的1/8 / 排放浓度超过标准: what the decision finds above its limit
_EXCEEDED = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:超过|超出|超标|高于)")
_GLOSS = re.compile(r"[（(][^）)]*[）)]")


def exceeded_item_within_limit(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The decision finds a measured thing above its limit (高度超过距观测场距离的1/8) while the
    file's own measurement of it (建筑物高度46.5米，限高50米) is within: the fact punished is
    contradicted by the evidence it rests on (第四十条)."""
    said = [
        m.group(1)[-2:]
        for s in split_sentences(case.facts.description)
        for m in _EXCEEDED.finditer(s)
    ]
    readings = [
        (m, e)
        for e in case.evidence
        for m in e.measurements
        if m.limit is not None and any(_GLOSS.sub("", m.item).endswith(w) for w in said)
    ]
    if not readings or any(_fails(m, e.note) for m, e in readings):
        return []
    if any(_FLOOR_SAID.search(f"{m.unit}{m.item}") for m, _ in readings):
        return []
    exceeded = "、".join(_GLOSS.sub("", m.item) for m, _ in readings)
    return _within_limit_flag(
        ctx, f"认定{exceeded}超过限值并据此处罚，但案卷测量（检测）所载读数在限值内，", readings
    )


# 实载吨 / 装载量 / 车货总质量: how much a vessel or vehicle carried
_LOAD = re.compile(r"实载|装载|载货|载运|总质量|总重|车货|货重")


def load_within_limit(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A load the decision finds above the rated capacity (实载1268吨) while the file's own
    weighing of that load (过磅单: 装载量1168吨，核定1200吨) is within it: the overload
    punished is contradicted by the evidence (第四十条)."""
    weighed = [
        (e, m)
        for e in case.evidence
        for m in e.measurements
        if m.limit is not None and _LOAD.search(m.item) and m.value <= m.limit
    ]
    if not weighed or any(
        m.limit is not None and _LOAD.search(m.item) and m.value > m.limit
        for e in case.evidence
        for m in e.measurements
    ):
        return []
    for name, value in case.facts.quantities.items():
        for item, m in weighed:
            if _LOAD.search(name) and m.unit in name and value > m.limit:
                return [
                    fact_flag(
                        ReviewPoint.FACTS,
                        f"认定{name.replace(m.unit, '')}{value:.10g}{m.unit}、超过核定的{m.limit:.10g}"
                        f"{m.unit}，但案卷{item.name}记载{m.item}{m.value:.10g}{m.unit}，"
                        "未超过核定数量，认定的事实与证据矛盾",
                        ctx,
                        f"facts.quantities.{name}={value:.10g}；{item.name}：{m.item}={m.value:.10g}"
                        f"（限值{m.limit:.10g}）",
                    )
                ]
    return []


def _core_quantity(name: str) -> str:
    """A quantity's name without its unit, brackets and year (2023年度实际取水量（立方米） →
    实际取水量)."""
    return re.sub(r"^[0-9]{4}年度?|^[上本]?年度", "", _reading_core(name, "")).strip()


def _common_tail(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


# the tail two names must share to be one quantity (取水量, 排放量): not a bare 量
_SHARED_TAIL = 3


def quantity_within_limit(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A quantity the decision finds above a permitted or rated limit (年度取水量34.6万立方米，超许可)
    while the file's own measurement of that quantity (计量读数：年末减年初291400立方米，许可300000)
    is within it: the excess punished is contradicted by the evidence (第四十条). Loads are
    load_within_limit's."""
    measured = [
        (e, m)
        for e in case.evidence
        for m in e.measurements
        if m.limit is not None and m.unit and not _LOAD.search(m.item)
    ]
    for name, value in case.facts.quantities.items():
        core = _core_quantity(name)
        same = [
            (e, m)
            for e, m in measured
            if m.unit in name and _common_tail(core, _core_quantity(m.item)) >= _SHARED_TAIL
        ]
        if not same or any(m.value > m.limit for _, m in same):
            continue
        item, m = same[0]
        if value > m.limit:
            return [
                fact_flag(
                    ReviewPoint.FACTS,
                    f"认定{core}{value:.10g}{m.unit}、超过{m.limit:.10g}{m.unit}，但案卷{item.name}"
                    f"记载{m.item}{m.value:.10g}{m.unit}，未超过限值，认定的事实与证据矛盾",
                    ctx,
                    f"facts.quantities.{name}={value:.10g}；{item.name}：{m.item}={m.value:.10g}"
                    f"（限值{m.limit:.10g}）",
                )
            ]
    return []

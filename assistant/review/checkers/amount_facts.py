"""Amounts, values and counts against the evidence (《行政处罚法》第四十条): a figure the
decision finds — 赌资、货值、合同价款、年收入、违法所得、已售台数、占地面积 — may not be above, or
other than, what the file's own evidence (清单、台账、价格认定、计算表、勘测) gives for it."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.discretion.penalty_amounts import SOLD_WORDS
from assistant.review.checkers.fact_flags import fact_flag
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint
from assistant.review.statutory_fine import (
    PRICE_NAME,
    counted_goods,
    penalty_provisions,
    priced_goods,
)
from assistant.review.statutory_range import fine_clauses

# 车货总质量 (a weighing slip) is a 重量 by its legal name (超限运输车辆行驶公路管理规定)
_MEASURE = re.compile(r"面积|体积|方量|重量|质量|长度|蓄积|株数|数量")
# 非法占地平方米 / 占用耕地亩数: a quantity named by an area unit is an area
_AREA_UNIT = re.compile(r"平方米|平方公里|亩|公顷|㎡")


# 单方造价（元/平方米）, 每平方米罚款: a rate per unit measures nothing itself
_PER_UNIT = re.compile(r"/|每|元")


def measure_of(name: str) -> str | None:
    """What a decided quantity measures: its named measure, else 面积 for an area unit;
    nothing for a rate per unit."""
    if _PER_UNIT.search(name):
        return None
    measure = _MEASURE.search(name)
    if measure is not None:
        return measure.group(0)
    return "面积" if _AREA_UNIT.search(name) else None


# 责令补种株数 336 beside 滥伐株数 168: what the decision orders (森林法第七十六条: 补种滥伐株数
# 一倍以上三倍以下的树木) is a multiple of the fact, not a finding of it
_ORDERED = re.compile(r"补种|责令|应补|恢复|退还|拆除")


def quantity_beyond_measured(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A quantity the decision finds (占地面积3,200平方米) above what the file's own survey
    or measurement of the same thing says (2,300平方米, all such measurements together):
    the fact punished is not the fact proven (第四十条)."""
    flags = []
    for name, decided in case.facts.quantities.items():
        measure = measure_of(name)
        if measure is None or _ORDERED.search(name):
            continue
        same = [
            (f"evidence[{i}]（{e.name}）{m.item}", m.value)
            for i, e in enumerate(case.evidence)
            for m in e.measurements
            # 其中旱地面积 is a share of the total beside it, not a second part to add
            if measure in m.item and m.unit and m.unit in name and not m.item.startswith("其中")
        ]
        # 永久性建筑物占地面积 420 measured, the decision finding it too: the measurement of that
        # other quantity, not of 临时用地面积 8400
        others = [_bare(n) for n in case.facts.quantities if n != name]
        same = [
            (w, v)
            for w, v in same
            if _measured_item(w) in _bare(name) or not any(_measured_item(w) in o for o in others)
        ]
        # 造成水土流失面积 beside 采伐迹地面积: the measurement of the thing the decision names
        named = [(w, v) for w, v in same if _qualifier(name, measure) in _bare(w)]
        same = _restated_once(named if named and _qualifier(name, measure) else same)
        if not same:
            same = _surveyed(case, name, measure) or _survey_text(case, name, measure)
        label = name.removeprefix("认定")
        flags += _decided_beyond(ctx, f"facts.quantities.{name}", label, decided, same, "")
    return flags


def _restated_once(figures: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Two papers giving one item the same figure (the 意见书 and the permit's annex both:
    应建面积1850平方米) state one measurement, not two parts to add up."""
    seen: set[tuple[str, float]] = set()
    kept = []
    for where, value in figures:
        key = (where.rsplit("）", 1)[-1], value)
        if key not in seen:
            seen.add(key)
            kept.append((where, value))
    return kept


def _measured_item(where: str) -> str:
    """The item of an ``evidence[i]（name）item`` label."""
    return where.rsplit("）", 1)[-1]


def _bare(text: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]", "", text)


def _qualifier(name: str, measure: str) -> str:
    """What a quantity's name says of its measure (造成水土流失 of 造成水土流失面积（平方米）)."""
    core = _bare(name).split(measure)[0].removeprefix("认定")
    return core if len(core) >= 2 else ""


# 决定计罚面积 / 认定占地面积: the figure the decision punishes; 勘测定界…面积: the survey's
_DECIDED_FIGURE = re.compile(r"^(?:决定|认定|计罚|处罚)|计罚")
_SURVEYED = re.compile(r"勘测|测绘|测量|实测|丈量|勘验")
_QUANTITY_UNIT = re.compile(r"平方米|平方公里|立方米|公顷|亩|吨|千克|公斤|米")


def _surveyed(case: CaseFile, name: str, measure: str) -> list[tuple[str, float]]:
    """A decided figure set beside the file's own survey of the same measure in the same unit
    (决定计罚面积平方米 1860, 勘测定界非法占用面积平方米 1260.5): the survey is the fact."""
    unit = _QUANTITY_UNIT.search(name)
    if not _DECIDED_FIGURE.search(name) or unit is None:
        return []
    return [
        (f"facts.quantities.{other}", value)
        for other, value in case.facts.quantities.items()
        if other != name
        and _SURVEYED.search(other)
        and measure in other
        and unit.group(0) in other
        and not _DECIDED_FIGURE.search(other)
    ]


# 现场勘验笔录（附伐桩检尺记录表86株，计算立木蓄积6.80立方米）: a survey that states the figure
_SURVEY_PAPER = re.compile(rf"{_SURVEYED.pattern}|检尺")
_RATE_NAME = re.compile(r"元|每|/")


def _survey_text(case: CaseFile, name: str, measure: str) -> list[tuple[str, float]]:
    """The figure a survey in the evidence writes for the measure, in the decided unit."""
    unit = _QUANTITY_UNIT.search(name)
    if unit is None or _RATE_NAME.search(name):
        return []  # 单位造价（元每平方米）: a price per unit, no measured quantity
    figure = re.compile(
        rf"{measure}[^，。；、0-9]{{0,6}}?(?:为|是|共|合计)?([0-9]+(?:\.[0-9]+)?)\s*{unit.group(0)}"
    )
    return [
        (f"evidence[{i}]（{e.name}）", float(v))
        for i, e in enumerate(case.evidence)
        if _SURVEY_PAPER.search(f"{e.type}{e.name}")
        for v in figure.findall(plain_figures(f"{e.name}{e.note}"))
    ]


def _decided_beyond(
    ctx: ReviewContext,
    field: str,
    label: str,
    decided: float,
    figures: list[tuple[str, float]],
    unit: str,
) -> list[Flag]:
    """A decided figure above all the file's own figures for it added up: the fact punished
    is contradicted by the file's evidence (第四十条)."""
    if not figures or decided <= sum(v for _, v in figures) * 1.01:
        return []
    shown = "、".join(f"{v:.10g}{unit}" for _, v in figures)
    reason = f"认定{label}为{decided:.10g}{unit}，但案卷证据记载为{shown}，认定的事实与证据矛盾"
    evidence = f"{field}={decided:.10g}；" + "；".join(f"{w}={v:.10g}" for w, v in figures)
    return [fact_flag(ReviewPoint.FACTS, reason, ctx, evidence)]


# 赌资合计600元、称赌资约150元、各自赌资100至200元: the figure the evidence gives for an
# amount, the upper end of a range
_FIGURE = r"(?:[0-9]+(?:\.[0-9]+)?(?:至|-|~|～|到))?([0-9]+(?:\.[0-9]+)?)(万)?元"


_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")


def plain_figures(text: str) -> str:
    """52,000元 as 52000元: evidence writes sums with thousands separators."""
    return _THOUSANDS.sub("", text)


_MONEY_NOUNS = frozenset({"佣金", "租金", "货款", "工资", "运费", "学费", "房租", "价款"})
# a 结算单 and the bank statement restating one sum are one amount, not two to add up
_PAPERS = frozenset({"书证", "电子数据"})


def _evidence_figures(
    case: CaseFile, name: str, restated_once: bool = False
) -> list[tuple[str, float]] | None:
    """The figures the evidence states for an amount, or None when an item that names it
    gives no figure (the amount may rest on it). ``restated_once``: papers (书证、电子数据)
    that all give the same figure state one amount, not several to add up."""
    words = {name, name.removesuffix("金额")} - {""}
    if len(name) >= 4 and name[-2:] in _MONEY_NOUNS:
        words.add(name[-2:])  # 拍卖佣金 is the 佣金 a 结算单 states
    found: list[tuple[str, float]] = []
    papers_only = True
    for i, e in enumerate(case.evidence):
        text = plain_figures(f"{e.name}{e.note}")
        if not any(w in text for w in words):
            continue
        papers_only = papers_only and e.type in _PAPERS
        pattern = "|".join(map(re.escape, words))
        figures = re.findall(
            rf"(?:{pattern})[^，。；、0-9]{{0,6}}?(?:合计|共计|总计|共|约|为|是)?{_FIGURE}", text
        )
        if not figures:
            return None
        found += [
            (f"evidence[{i}]（{e.name}）", float(v) * (10000 if wan else 1)) for v, wan in figures
        ]
    if restated_once and papers_only and len({v for _, v in found}) == 1:
        return found[:1]
    return found


# A value is fixed by the body the law names for it (价格认定机构, 鉴定机构, 资产评估): its
# figure is the value proved, whatever a party or a village committee estimated beside it.
_VALUE = re.compile(r"价值|货值|价格|价款")
_APPRAISAL = re.compile(r"价格认定|价格鉴定|价格认证|价格评估|资产评估|价值鉴定|价值认定|估价鉴定")


def _appraised_figures(case: CaseFile, name: str) -> list[tuple[str, float]]:
    """The figures a price appraisal (价格认定结论书, 鉴定意见 on the value) gives for a
    value the decision finds (林木价值, 货值金额)."""
    head = _VALUE.search(name)
    if head is None:
        return []
    found: list[tuple[str, float]] = []
    for i, e in enumerate(case.evidence):
        if not _APPRAISAL.search(f"{e.type}{e.name}{e.source}"):
            continue
        text = plain_figures(f"{e.name}{e.note}")
        figures = re.findall(
            rf"{head.group(0)}[^，。；、0-9]{{0,6}}?(?:合计|共计|总计|共|约|为|是)?{_FIGURE}", text
        )
        found += [
            (f"evidence[{i}]（{e.name}）", float(v) * (10000 if wan else 1)) for v, wan in figures
        ]
    return found


def amount_beyond_evidence(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """An amount the decision finds (赌资6000元) above everything the evidence that names it
    says (扣押清单合计600元, the parties' statements), all figures added up: the fact
    punished is contradicted by the file's own evidence (第四十条). A value a price
    appraisal fixed is measured against that appraisal alone (an estimate beside it proves
    nothing more)."""
    flags = []
    for name, decided in case.facts.amounts.items():
        figures = (
            _appraised_figures(case, name)
            or _evidence_figures(case, name, restated_once=True)
            or []
        )
        if figures and "货值" in name:
            figures += _sold_part(case, figures)
        flags += _decided_beyond(ctx, f"facts.amounts.{name}", name, decided, figures, "元")
    return flags


_SEIZURE_LIST = re.compile(r"扣押(?:物品)?清单|查获(?:物品)?清单|登记保存(?:物品)?清单")
_SEIZED_CASH = re.compile(rf"(?:现金|赌资)[^，。；、0-9（）()]{{0,6}}?(?:合计|共计|共)?{_FIGURE}")
_CONFISCATED_CASH = re.compile(r"(?:收缴|没收)[^，。；]{0,4}(?:赌资|现金)")


def confiscated_beyond_seized(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """赌资 收缴 above the cash the seizure list holds (扣押清单：现金5700元, 收缴7500元): only
    what was seized can be 收缴, so the amount decided has no evidence behind it (第四十条).
    One list per day (the evidence item and the document copy of it are one list)."""
    decided = [(k, v) for k, v in case.facts.amounts.items() if _CONFISCATED_CASH.search(k)]
    if not decided:
        return []
    listed: dict[object, float] = {}
    entries = [(e.date, f"{e.type}{e.name}", e.note) for e in case.evidence]
    entries += [(d.date, d.type, "；".join(d.contents)) for d in case.documents]
    for day, title, text in entries:
        if not _SEIZURE_LIST.search(title):
            continue
        figures = [
            float(m.group(1)) * (10000 if m.group(2) else 1)
            for m in _SEIZED_CASH.finditer(plain_figures(f"{title}{text}"))
        ]
        if figures:
            listed[day] = max(listed.get(day, 0.0), max(figures))
    if not listed:
        return []
    seized = sum(listed.values())
    flags = []
    for name, value in decided:
        if value > seized * 1.01:
            reason = (
                f"认定{name}{value:.10g}元，但扣押清单所载现金合计{seized:.10g}元，"
                "收缴数额超出查获数额，认定的事实与证据矛盾"
            )
            evidence = f"facts.amounts.{name}={value:.10g}；扣押清单现金={seized:.10g}"
            flags.append(fact_flag(ReviewPoint.FACTS, reason, ctx, evidence))
    return flags


# 已售货值 = 已售台数 × 单价: the sold part's value, named as such, is no miscount of the whole
_SOLD_VALUE = re.compile(rf"{SOLD_WORDS}|销售货值")


def goods_value_undercounted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A 货值金额 below what the file's own counts and sale price give (货值 = the goods made or
    bought for sale, sold and unsold, at their price): a lower tier of a 货值-tiered fine may
    rest on it (第四十条). A 货值 that is the file's own count of the held part at its price is
    no contradicted fact but the law misread (the sold part left out): fine_bases counts the
    whole, and the range it gives is the discretion point's."""
    stated = next(((k, v) for k, v in case.facts.amounts.items() if "货值" in k), None)
    counted = counted_goods(case.facts.amounts, case.facts.quantities)
    if stated is None or counted is None or counted.whole <= stated[1] * 1.01:
        return []
    if counted.held_only(stated[1]) or (
        _SOLD_VALUE.search(stated[0]) and counted.sold_only(stated[1])
    ):
        return []
    reason = (
        f"认定{stated[0]}{stated[1]:.10g}元，但案卷所载数量{counted.count:.10g}×单价"
        f"{counted.price:.10g}元={counted.whole:.10g}元，认定的货值与案卷证据矛盾"
    )
    evidence = f"facts.amounts.{stated[0]}={stated[1]:.10g}；facts.quantities：" + "、".join(
        f"{k}={v:.10g}" for k, v in case.facts.quantities.items()
    )
    return [fact_flag(ReviewPoint.FACTS, reason, ctx, evidence)]


# counts of what was left (库存280箱): sold goods are missing from them, so a 货值 above
# their priced sum may hold the sold part
_STOCK_ONLY = re.compile(r"库存|剩余|扣押|查扣|查封|登记保存|未售")


def goods_value_against_prices(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A 货值金额 other than each kind's price times its count, when the file prices several
    kinds (乳酸菌饮品320箱×52元 + 坚果礼盒280盒×48元 + …): the base a 货值 multiple is computed
    on is contradicted by the file's own figures (第四十条). One kind is goods_value_undercounted's."""
    amounts, quantities = case.facts.amounts, case.facts.quantities
    stated = next(((k, v) for k, v in amounts.items() if "货值" in k and v > 0), None)
    kinds = [n for n in [*amounts, *quantities] if PRICE_NAME.search(n)]
    if stated is None or len(kinds) < 2:
        return []
    computed = priced_goods(amounts, quantities)
    if computed is None or abs(computed - stated[1]) <= stated[1] * 0.01:
        return []
    names = {PRICE_NAME.sub("", n) for n in kinds}
    counts = [n for n in quantities if not PRICE_NAME.search(n) and any(k in n for k in names)]
    if stated[1] > computed and any(_STOCK_ONLY.search(n) for n in counts):
        return []
    reason = (
        f"认定{stated[0]}{stated[1]:.10g}元，但案卷逐项所载数量×单价合计{computed:.10g}元，"
        "认定的货值与案卷记载矛盾"
    )
    shown = "、".join(f"{k}={v:.10g}" for k, v in {**amounts, **quantities}.items())
    return [fact_flag(ReviewPoint.FACTS, reason, ctx, f"facts.amounts/quantities：{shown}")]


def _sold_part(case: CaseFile, counted: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """货值金额 is what was sold plus what was held (两高伪劣商品解释第二条第三款): a sales
    ledger's 销售金额 is part of it beside the stock count's 货值."""
    seen = {where for where, _ in counted}
    sold = _evidence_figures(case, "销售金额") or []
    return [(where, value) for where, value in sold if where not in seen]


# 工程合同价款 / 合同价 / 工程造价: the base of a construction fine (百分之一以上百分之二以下),
# and the figures the contract and the award notice give it (合同总价、签约合同价、中标价).
_CONTRACT_BASE = re.compile(r"合同价|合同金额|合同总价|工程造价|中标价")
_CONTRACT_FIGURE = re.compile(
    r"(?:合同总价|签约合同价|合同价款|合同价|合同金额|中标价|中标金额|工程造价)"
    rf"[^，。；、0-9]{{0,6}}?(?:合计|共计|总计|为|是)?{_FIGURE}"
)


def contract_price_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A contract price the fine is computed on, other than the one the contract and the
    award notice in the file agree on: whichever way it errs, a percentage of the wrong
    base is the wrong fine (第四十条)."""
    return _base_contradicted(case, ctx, _CONTRACT_BASE, _CONTRACT_FIGURE)


# 主要负责人2023年度年收入 (安全生产法第九十五条: 上一年年收入百分之四十): the base of a fine on a
# person, and what a tax record or payroll in the file says it was (收入合计460,000元).
_INCOME_BASE = re.compile(r"年收入|年度收入")
_INCOME_FIGURE = re.compile(
    rf"(?:收入|应发|实发|工资薪金|年薪)[^，。；、0-9]{{0,6}}?(?:合计|共计|总计|为|是)?{_FIGURE}"
)


# 违法所得计算表 / 违法所得核算表 / 违法所得确认书: the evidence that sums the illegal income
_INCOME_RECKONING = re.compile(r"违法所得[^，、；]{0,4}(?:计算|核算|认定|确认|统计)")
_SUM_FIGURE = re.compile(rf"(?:违法所得|合计|共计|总计)[^，。；、0-9]{{0,6}}?{_FIGURE}")


def illegal_income_against_reckoning(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The 违法所得 decided is not the sum the file's own reckoning of it gives (违法所得计算
    表：手术收费合计12600元 against 认定违法所得16800元): the base of the confiscation and
    the fine is contradicted by the evidence (第四十条)."""
    decided = [v for k, v in case.facts.amounts.items() if "违法所得" in k]
    decided = decided or (
        [case.penalty.confiscation_yuan] if case.penalty.confiscation_yuan else []
    )
    if len(set(decided)) != 1:
        return []
    for i, e in enumerate(case.evidence):
        if not _INCOME_RECKONING.search(e.name):
            continue
        sums = {
            round(float(v) * (10000 if wan else 1))
            for v, wan in _SUM_FIGURE.findall(plain_figures(e.note))
        }
        if len(sums) != 1 or abs(next(iter(sums)) - decided[0]) <= decided[0] * 0.01:
            continue
        shown = f"evidence[{i}]（{e.name}）：{e.note}"
        reason = (
            f"认定违法所得{decided[0]:.10g}元，但案卷的违法所得计算证据记载为"
            f"{next(iter(sums))}元，没收和计罚的基数与证据矛盾"
        )
        return [fact_flag(ReviewPoint.FACTS, reason, ctx, shown)]
    return []


# 渔获收购单据6张（合计48600元）/ 销售记录 / 收款记录: the papers of what the party sold, and
# their total
_SALES_PAPERS = re.compile(r"收购单|销售单|销售记录|销售台账|收款记录|销售发票|收款凭证")
_PAPER_TOTAL = re.compile(rf"(?:合计|共计|总计)[^，。；、0-9]{{0,4}}?{_FIGURE}")


def _figures(text: str) -> list[float]:
    return [float(v) * (10000 if wan else 1) for v, wan in re.findall(_FIGURE, plain_figures(text))]


def income_beyond_sales(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The 违法所得 decided is above the total of every sales paper in the file (收购单据合计
    48600元 against 认定违法所得86400元) and no other evidence gives the rest: the base of the
    confiscation and the fine is not the fact proven (第四十条)."""
    decided = {v for k, v in case.facts.amounts.items() if "违法所得" in k}
    if not decided and case.penalty.confiscation_yuan:
        decided = {case.penalty.confiscation_yuan}
    if len(decided) != 1:
        return []
    income = decided.pop()
    papers, others = [], []
    for i, e in enumerate(case.evidence):
        text = f"{e.name}{e.note}"
        if not _SALES_PAPERS.search(e.name):
            others.append(text)
            continue
        totals = [m.group(0) for m in _PAPER_TOTAL.finditer(plain_figures(text))]
        if len(totals) != 1:
            return []  # a sales paper without one total: the rest may be in it
        papers.append((f"evidence[{i}]（{e.name}）", _figures(totals[0])[-1]))
    total = sum(v for _, v in papers)
    if not papers or income <= total * 1.01:
        return []
    if any(f >= (income - total) * 0.99 for text in others for f in _figures(text)):
        return []  # another record may give the rest
    shown = "、".join(f"{w}：{v:.10g}元" for w, v in papers)
    reason = (
        f"认定违法所得{income:.10g}元，但案卷的销售（收购）凭证合计{total:.10g}元，"
        "其余数额没有证据证明，没收和计罚的基数与证据不符"
    )
    return [fact_flag(ReviewPoint.FACTS, reason, ctx, shown)]


def income_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """An annual income a fine is a percentage of, other than the one the file's tax record
    and payroll agree on (第四十条)."""
    return _base_contradicted(case, ctx, _INCOME_BASE, _INCOME_FIGURE)


def _base_contradicted(
    case: CaseFile, ctx: ReviewContext, base: re.Pattern[str], figure: re.Pattern[str]
) -> list[Flag]:
    """A fine base (an amount named by ``base``) other than the one figure every piece of
    evidence stating it (``figure``) agrees on. The records are proofs of one figure, not
    parts of a sum."""
    for name, decided in case.facts.amounts.items():
        if not base.search(name) or "罚款" in name:
            continue  # 罚款（合同价款35%）: the fine reckoned on the base, not the base
        figures = [
            (f"evidence[{i}]（{e.name}）", float(v) * (10000 if wan else 1))
            for i, e in enumerate(case.evidence)
            for v, wan in figure.findall(plain_figures(f"{e.name}{e.note}"))
        ]
        values = {round(v) for _, v in figures}
        if len(values) != 1 or abs(values.pop() - decided) <= decided * 0.01:
            continue
        shown = "、".join(f"{w}：{v:.10g}元" for w, v in figures)
        reason = f"按{name}{decided:.10g}元计罚，但案卷证据记载为{shown}，计罚基数与证据矛盾"
        return [
            fact_flag(
                ReviewPoint.FACTS, reason, ctx, f"facts.amounts.{name}={decided:.10g}；{shown}"
            )
        ]
    return []


# 已售台数 / 库存件数 / 销售数量: a count of goods, named by what was done with them
_COUNT_NAME = re.compile(
    r"(?P<core>[\u4e00-\u9fff]{2,4}?)(?:的)?(?:台数|件数|个数|只数|瓶数|箱数|套数|数量|总数)$"
)
_COUNT_UNIT = r"台|件|个|只|瓶|箱|袋|套|盒|包|桶|辆"
# a record kept of the goods themselves (销售台账, 库存盘点表, 出库单): its count is the count
_RECORD = re.compile(r"台账|账簿|账册|盘点|清单|明细|记录|出库单|入库单|报表")


def count_against_record(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A count of goods the decision finds (已售32台) other than the one the file's own
    record of those goods gives (销售台账：已售96台): the base the 货值 and the fine are
    computed on is contradicted by the evidence (第四十条), whichever way it errs."""
    for name, decided in case.facts.quantities.items():
        found = _COUNT_NAME.search(name)
        if found is None:
            continue
        core = re.escape(found.group("core"))
        figures = [
            (f"evidence[{i}]（{e.name}）", float(v))
            for i, e in enumerate(case.evidence)
            if _RECORD.search(e.name)
            # 未售出档案原件3件 counts what was not sold, not the sales
            for v in re.findall(
                rf"(?<![未没无])(?<!尚未){core}[^，。；、0-9]{{0,6}}?(?:合计|共计|总计|共|为|是)?([0-9]+)\s*(?:{_COUNT_UNIT})",
                f"{e.name}{e.note}",
            )
        ]
        values = {v for _, v in figures}
        if len(values) != 1 or decided in values:
            continue  # no record, or records that disagree among themselves
        shown = "、".join(f"{v:.10g}" for v in sorted(values))
        return [
            fact_flag(
                ReviewPoint.FACTS,
                f"认定{name}为{decided:.10g}，但案卷记录证据记载为{shown}，认定的事实与证据矛盾",
                ctx,
                f"facts.quantities.{name}={decided:.10g}；"
                + "；".join(f"{w}={v:.10g}" for w, v in figures),
            )
        ]
    return []


# 收取装卸费合计168000元、共收取运费约16.8万元、营业收入…: what the evidence says was taken in
_TAKINGS_FIGURE = re.compile(
    rf"(?:收取|收入|收款|营业额|销售额|运费|装卸费|服务费)[^，。；、0-9]{{0,8}}?"
    rf"(?:合计|共计|总计|共|约|为|是)?{_FIGURE}"
)


def income_below_tier(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A 违法所得 found below the tier the cited 罚则 sets by it (港口法第四十九条: 不足十万元 /
    十万元以上), where two or more pieces of evidence agree on takings at or above that
    line (收取装卸费合计168000元): the lower tier rests on a figure the evidence contradicts
    (第四十条)."""
    decided = next((v for k, v in case.facts.amounts.items() if "违法所得" in k), None)
    if not decided:
        return []
    lines = [t for t in _income_tiers(case, ctx) if decided < t]
    if not lines:
        return []
    figures = [
        (f"evidence[{i}]（{e.name}）", max(float(v) * (10000 if wan else 1) for v, wan in found))
        for i, e in enumerate(case.evidence)
        if (found := _TAKINGS_FIGURE.findall(plain_figures(e.note)))
    ]
    values = [v for _, v in figures]
    if len(figures) < 2 or max(values) > min(values) * 1.01 or min(values) < min(lines):
        return []
    shown = "、".join(f"{w}：{v:.10g}元" for w, v in figures)
    reason = (
        f"认定违法所得{decided:.10g}元（低于所引罚则分档的{min(lines):.10g}元），但案卷证据一致记载"
        f"收取款项{values[0]:.10g}元，认定的数额与证据矛盾，据以适用的罚款档次无事实依据"
    )
    return [
        fact_flag(ReviewPoint.FACTS, reason, ctx, f"facts.amounts.违法所得={decided:.10g}；{shown}")
    ]


def _income_tiers(case: CaseFile, ctx: ReviewContext) -> list[float]:
    """The 违法所得 amounts at which a cited 罚则's fine changes tier."""
    return [
        line
        for penalty in penalty_provisions(case, ctx)
        for clause in fine_clauses(penalty.article_text)
        if clause.tier_base == "违法所得"
        for line in (clause.below, clause.at_least)
        if line
    ]

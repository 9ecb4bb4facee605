"""Facts ↔ evidence: each fact the penalty depends on must be supported by the file and
agree with it (《行政处罚法》第四十条: 违法事实不清、证据不足的，不得给予行政处罚).

- an exceedance (超标) penalty needs a measured value above its limit;
- a fine computed on 货值金额/违法所得/销售金额 needs that amount established, not
  recorded as 尚在核实;
- a penalty the article raises for a repeat (再次…/二年内曾…) needs the earlier decision
  or record among the evidence;
- an inspection (检查、勘验) must be written down (第五十五条第二款: 询问或者检查应当制作
  笔录) — a video or photos do not replace the record; a fact found on site with neither
  a record nor a recording is, besides, not proven (第四十条).
"""

from __future__ import annotations

import datetime as dt
import re
from datetime import date

from assistant.case_file import CaseFile, Event, Measurement
from assistant.discretion.penalty_amounts import chinese_number
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.party_capacity import birth_date, birth_date_from_id, is_person
from assistant.review.penalty_kinds import imposes_penalty
from assistant.review.public_order import INSPECTION_RECORD, special_rule
from assistant.review.recording_rule import AV_RULE
from assistant.review.stated_ratio import contradicted_ratios
from assistant.review.statutory_fine import (
    PRICE_NAME,
    counted_goods,
    established_circumstances,
    matching_standard,
    penalty_provisions,
    priced_goods,
)
from assistant.review.statutory_range import UNCORRECTED, fine_clauses, same_base
from assistant.review.summary_procedure import is_summary

_CONCENTRATION = r"mg/L|mg/l|mg/m3|mg/m³|mg/Nm3|μg/m3|dB\(A\)|dB|分贝|mg/kg"
_UNIT = _CONCENTRATION + "|倍"
# 限量 is a product standard's word for its limit (GB 18401 甲醛限量, GB 2763 最大残留限量)
_EXCEEDANCE = re.compile(
    # 超过食品添加剂最大使用量 / 超限量使用 (食品安全法第一百二十四条): a limit the measure breaks;
    # never a denied one (均未超过…限值, 不超标, 没有高于)
    r"(?<![未不无没])(?<!没有)(?:超标|超限量|超(?:过|出)[^，。；]{0,20}(?:标准|限值|限量|使用量)"
    r"|高于[^，。；]{0,10}(?:标准|限值|限量)"
    r"|超(?:过|出)[^，。；]{0,6}允许误差)"
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
_LOWER_BOUND = re.compile(rf"溶解氧|下限|{_FLOOR_WORDS}")
# 发芽率83%低于国家规定标准 (种子法第四十八条 劣种子): a floor the measure is said to miss
_SHORTFALL = re.compile(r"低于[^，。；]{0,10}(?:标准|规定值|标注值|要求)")
_NEUTRAL_PH = 7


def _sentences(text: str) -> list[str]:
    return re.split(r"[。；;]", text)


_PENDING = re.compile(
    r"尚在核实|正在核实|待核实|有待核实|尚未核实|未核实|尚待核实|尚未查清|待查明|待确认"
)
# 违法所得 is 实施违法行为所取得的款项 (行政处罚法第二十八条第二款): the fees a file counts as
# the unlawful work's 维修费收入、经营收入 are that base, verified or not
_BASES = {
    "货值金额": ("货值",),
    "违法所得": ("违法所得", "违法收入", "非法所得", "费收入", "经营收入", "营业收入"),
    "销售金额": ("销售金额", "销售额"),
}
# A repeat after an earlier penalty (再次、曾因…受过处罚). 多次 is not one: 多次发送…信息 (治安管理处罚法
# 第四十二条第（五）项) is conduct repeated within this violation, proven by the evidence of
# that conduct, not by an earlier decision.
# 再次 of a repeat offence, not of the act (一次使用的医疗器具…再次使用, 清洗后再次用于患者)
_AGAIN = r"再次(?!使用|用于|利用)"
_REPEAT_IN_LAW = re.compile(_AGAIN + r"|二年内曾|一年内曾|曾因|累计")
_REPEAT_IN_FACTS = re.compile(_AGAIN + r"|曾因|屡次|二年内曾|一年内曾")
_UNCORRECTED_IN_LAW = re.compile(r"逾期未改正|逾期不改正|拒不改正|逾期仍未改正|届期未改正")
_UNCORRECTED_IN_FACTS = re.compile(
    r"逾期未改正|逾期不改正|拒不改正|逾期仍未|未按期改正|到期未改正|仍未改正"
)
_RECHECK = re.compile(
    r"复查|复核|回访|再次检查|跟踪检查|重新检查|整改情况|逾期未改正|拒不改正|仍未改正"
)
# 本次检查仍未改正: the inspection that found it uncorrected came after the order; its
# record (with an inspection record in the file) is the proof of non-correction
_FOUND_UNCORRECTED = re.compile(
    r"(?:本次|此次|再次|复查|其后|届满后|到期后)[^，。；]{0,8}(?:检查|核查|巡查|复查)"
    r"[^，。；]{0,6}(?:仍|依然|还|仍然)(?:未|没有)(?:改正|整改)"
)
_PRIOR_RECORD = re.compile(r"处罚决定|违法记录|处罚记录|查询记录|违法行为记录|前科|记录查询|原决定")
_ON_SITE = re.compile(
    r"现场检查|现场发现|现场查获|现场查明|现场勘验|现场勘测|现场测量|现场丈量|现场核查|检查时发现"
    r"|检查发现|当场查获"
    r"|(?:抽查|(?<!网络)(?<!网上)(?<!在线)(?<!线上)巡查|监督检查|执法检查)[^，。；]{0,4}发现"
    r"|检查时[^，。；]{0,12}(?:陈列|存放|库存|摆放|在售|在架|待售|查见|查获|共计?)"
    # what the officers saw on a patrol (巡查时在车间墙上看到考勤表) is a fact found on site
    r"|(?:抽查|巡查|检查)时[^，。；]{0,16}(?:看到|看见|见到|查见|发现)"
)
_OBJECTIVE_TYPES = frozenset({"物证", "鉴定意见", "视听资料", "电子数据", "勘验笔录", "现场笔录"})
_SITE_RECORD = re.compile(r"现场笔录|勘验笔录|检查笔录|检查记录|现场检查|执法记录仪|录像|视频|录音")
# An inspection of a site (not an interview, not a recorded roadside stop): 现场检查、勘验.
_PREMISES = (
    r"(?:经营|生产|作业|施工)?(?:场所|厂区|厂房|车间|门店|店铺|商铺|仓库|工地|诊所|药房|药店|网吧|餐厅|厨房|后厨|宾馆|酒店"
    # a shop by its kind (士多店、便利店、小卖部、超市、档口)
    r"|[\u4e00-\u9fff]{1,3}店|超市|小卖部|档口)"
)
_CARRIED = r"(?:背包|挎包|书包|手提包|行李|随身物品|随身携带的物品|人身|身体)"
_NOT_ONLINE = r"(?<!网络)(?<!网上)(?<!在线)(?<!线上)"
_INSPECTION = re.compile(
    rf"现场检查|现场核查|现场查验|实地检查|检查现场|勘验|勘查|勘测|丈量|踏勘|监督检查|执法检查|监督抽查"
    rf"|到场检查|上门检查|进场检查"
    # measuring a site (现场测量占地面积) is inspecting it; a laboratory's 测量 is not
    rf"|(?:现场|实地)[^，。；]{{0,6}}(?:测量|丈量|测绘)"
    rf"|现场查看|实地查看|实地核查"
    # 到倾倒地点查看 / 前往该厂察看: going to the place to look is inspecting it
    rf"|(?:到|赴|前往)[^，。；]{{0,10}}(?:查看|察看|核查|复查)"
    # a named campaign of inspections at premises (消毒产品专项检查, 日常检查); a roadside stop
    # (路面检查) is not one
    rf"|(?:专项|日常|例行|突击|联合)(?:监督)?检查"
    # an online patrol (网络巡查发现) looked at web pages, not a site
    rf"|(?:抽查|{_NOT_ONLINE}巡查)[^，。；]{{0,4}}发现"
    # a finding inside the premises (夜间检查，在场内发现) is a site inspection; a roadside
    # stop (路面检查时发现) is not
    rf"|(?:场|店|厂|室)内[^，。；]{{0,6}}(?:发现|查获|查见)"
    # what the officers found at the premises (在当事人营业场所货架发现) was found inspecting them
    rf"|在[^，。；]{{0,12}}{_PREMISES}[^，。；]{{0,6}}(?:发现|查获|查见)"
    # a patrol that went into the premises (巡查时进入车间) inspected them
    rf"|巡查[^，。；]{{0,6}}?(?:到|至|进入)[^，。；]{{0,12}}{_PREMISES}"
    # a patrol that reached the place and saw the act (巡查至银洲湖西岸，见当事人正为…卸砂石)
    rf"|巡查(?:至|到)[^，。；]{{2,16}}[，,](?:见|看到|看见|发现|查见)"
    rf"|(?:对|进入|到)[^，。；]{{0,12}}{_PREMISES}[^，。；]{{0,6}}检查|检查(?:了)?[^，。；]{{0,4}}{_PREMISES}"
    # searching what a person carries (当场对其背包进行检查, 人身检查); a vehicle stopped on the
    # road is left to the roadside-stop forms
    rf"|(?:对其|对当事人|对该人)?{_CARRIED}[^，。；]{{0,4}}(?:进行)?(?:检查|搜查)"
    rf"|(?:检查|搜查)(?:了)?(?:其|当事人)?(?:的)?{_CARRIED}"
    # counting the stock on the premises (清点货架及仓库库存) is an inspection whatever its title
    rf"|(?:清点|盘点)[^，。；]{{0,10}}(?:库存|存货|货架|货物|商品|数量|{_PREMISES})"
)
# The written record of it, by any agency's title.
_INSPECTION_RECORD = re.compile(
    r"(?:检查|勘验|勘查|勘测|丈量|测量|核查|查验|现场|踏勘|巡查|查看|复查)[^，。；、]{0,8}"
    r"(?:笔录|记录(?!仪)|检查表|登记表)"
    r"|现场笔录|复查意见"
)


# Evidence taken at the site itself (photos, a body camera, goods held there): the decision
# rests on what the inspection found.
_TAKEN_ON_SITE = re.compile(r"现场|当场|执法记录仪|先行登记保存|扣押")
# The file itself saying the on-site record is missing (无现场勘测笔录、未制作检查记录).
_NO_SITE_RECORD = re.compile(
    r"(?:无(?![需须])|没有|未制作|未作|未形成|缺少|未见)[^，。；]{0,6}(?:现场|勘测|勘验|勘查|检查|测量|复查|核查|巡查|查验)"
    r"[^，。；]{0,6}(?:笔录|记录(?!仪))"
    # 现场未制作笔录 / 检查时没有制作记录
    r"|(?:现场|检查时?)(?:未|没有)(?:制作|作|形成)[^，。；]{0,4}(?:笔录|记录(?!仪))"
)


def _flag(point: ReviewPoint, reason: str, ctx: ReviewContext, evidence: str) -> Flag:
    return Flag(
        point=point,
        severity=Severity.MUST_FIX,
        reason=reason,
        rule=ctx.penalty_law("第四十条"),
        evidence=evidence,
    )


def _narrative(case: CaseFile) -> str:
    return "".join([case.violation.description, case.facts.description, *case.facts.circumstances])


def facts_check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not imposes_penalty(case):
        return []
    return (
        _exceedance(case, ctx)
        + _beyond_permit(case, ctx)
        + _quantity_beyond_measured(case, ctx)
        + _amount_beyond_evidence(case, ctx)
        + _confiscated_beyond_seized(case, ctx)
        + _goods_value_undercounted(case, ctx)
        + _goods_value_against_prices(case, ctx)
        + _contract_price_contradicted(case, ctx)
        + _income_contradicted(case, ctx)
        + _illegal_income_against_reckoning(case, ctx)
        + _count_against_record(case, ctx)
        + _reading_beyond_evidence(case, ctx)
        + _blood_below_limit(case, ctx)
        + _minor_contradicted(case, ctx)
        + _child_count_contradicted(case, ctx)
        + (_failed_test_contradicted(case, ctx) or _named_item_within_limit(case, ctx))
        + _injury_contradicted(case, ctx)
        + _pending_base(case, ctx)
        + _repeat_unproven(case, ctx)
        + _repeat_window_contradicted(case, ctx)
        + _uncorrected_unproven(case, ctx)
        + _uncorrected_contradicted(case, ctx)
        + _ratio_contradicted(case, ctx)
    )


def _ratio_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
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
    return [_flag(ReviewPoint.FACTS, reason, ctx, f"{first.where}：“{first.text}”；{shown}")]


# 经检测、经抽样检验、经监测: the finding is a laboratory's or an instrument's result
_TESTED = re.compile(r"经(?:抽样|抽检|委托|送检|现场)?(?:检测|检验|监测|化验|鉴定)")
# the result itself in any form (检测报告、检验结论、监测数据、鉴定意见、化验单); a receipt for
# the notice of it (检测结果告知书送达回执) carries no result
_RESULT_PAPER = re.compile(
    r"(?:检测|检验|监测|鉴定|化验|检定|抽检|快检)[^，、；]{0,8}"
    r"(?:报告|意见|结论|结果|数据|记录|证书)"
    r"|(?:检测|检验|化验|称重|过磅)单|磅单"
)
_RECEIPT = re.compile(r"回执|回证|签收")
_STATEMENT = re.compile(r"陈述|询问笔录|讯问笔录|证人证言")


def _test_result_missing(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The decision finds a product or discharge over its limit (不合格) on a test, but the
    evidence holds no result of that test: the fact rests on no evidence (第四十条)."""
    told = _narrative(case)
    tested = _TESTED.search(told)
    if tested is None or not (_EXCEEDANCE.search(told) or _FAILED.search(told)):
        return []
    if all(_STATEMENT.search(f"{e.type}{e.name}") for e in case.evidence):
        return []  # nothing but statements: the sole-statement finding (第四十六条第二款)
    papers = [f"{e.type}{e.name}" for e in case.evidence]
    if any(_RESULT_PAPER.search(p) and not _RECEIPT.search(p) for p in papers):
        return []
    if any(e.type == "鉴定意见" for e in case.evidence):
        return []
    return [
        Flag(
            point=ReviewPoint.EVIDENCE,
            severity=Severity.MUST_FIX,
            reason=f"认定的违法事实来自检测（“{tested.group(0)}”），但证据中没有检测（检验、监测）"
            "报告或结果，该事实没有证据证明",
            rule=ctx.penalty_law("第四十条"),
            evidence=f"evidence：{'、'.join(e.name for e in case.evidence) or '无'}",
        )
    ]


def evidence_check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    flags = _on_site(case, ctx) + _test_result_missing(case, ctx)
    flags += _unrecorded_questioning(case, ctx) or _questioning_said_unrecorded(case, ctx)
    rule = record_rule(case, ctx)
    # the unrecorded inspection already found (cited beside 第四十条) is one finding
    if not any(rule in (f.rule, *f.also_cites) for f in flags if f.severity is Severity.MUST_FIX):
        flags += _step_said_unrecorded(case, ctx)
    return flags


def record_rule(case: CaseFile, ctx: ReviewContext) -> str:
    """The article requiring an inspection's record: 治安管理处罚法第八十八条 (检查的情况应当
    制作检查笔录) for a 治安 case, the special law speaking for itself; 第五十五条第二款 else."""
    return special_rule(case, ctx, INSPECTION_RECORD) or ctx.penalty_law("第五十五条第二款")


def _step_said_unrecorded(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """An investigation step (a 复查, a later inspection) the file itself says was not
    written down (未制作复查记录), with no record of that day among the evidence and
    documents: 第五十五条第二款 (询问或者检查应当制作笔录) binds every inspection, not
    only the first one whose record is in the file."""
    if is_summary(case):
        return []
    relied = UNCORRECTED in established_circumstances(case)
    for e in case.events_of("调查取证"):
        said = _NO_SITE_RECORD.search(e.note)
        # the 复查 at the site on which 逾期未改正 rests needs its record as much as the first
        recheck = relied and _RECHECK.search(e.note) and _INSPECTION.search(e.note)
        if said is None and not recheck:
            continue
        same_day = [x.date for x in case.evidence if _INSPECTION_RECORD.search(f"{x.type}{x.name}")]
        same_day += [d.date for d in case.documents if _INSPECTION_RECORD.search(d.type)]
        if e.date is not None and e.date in same_day:
            continue
        why = f"（“{said.group(0)}”）" if said else "，认定逾期未改正所依据的复查没有检查笔录"
        return [
            Flag(
                point=ReviewPoint.EVIDENCE,
                severity=Severity.MUST_FIX,
                reason=f"案卷记载{e.date}的调查（检查）未制作笔录{why}，"
                "该次检查认定的事实没有书面记录；检查应当制作笔录",
                rule=record_rule(case, ctx),
                evidence=f"events（{e.date} {e.type}）note：{e.note}",
            )
        ]
    return []


_QUESTIONING = re.compile(r"询问|讯问")
_QUESTIONING_RECORD = re.compile(r"(?:询问|讯问|问话|谈话|调查)[^，。；、]{0,8}(?:笔录|记录)")
_QUESTIONING_MINUTES = re.compile(r"(?:询问|讯问|问话|谈话|调查)[^，。；、]{0,8}笔录")


def _unrecorded_questioning(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第五十五条第二款: 询问或者检查应当制作笔录 — a questioning step the file lists, with
    no record of it among the (complete) evidence and documents."""
    asked = [e for e in case.events if e.type == "调查取证" and _QUESTIONING.search(e.note)]
    if not asked or is_summary(case) or any(_QUESTIONING_RECORD.search(r) for r in _records(case)):
        return []
    return [
        Flag(
            point=ReviewPoint.EVIDENCE,
            severity=Severity.MUST_FIX,
            reason="案卷记载进行了询问，但证据和文书中都没有询问笔录；询问应当制作笔录",
            rule=ctx.penalty_law("第五十五条第二款"),
            evidence=f"events（{asked[0].date} 调查取证）note：{asked[0].note}；"
            f"evidence：{'、'.join(e.name for e in case.evidence) or '无'}",
        )
    ]


# The file itself saying a questioning was not written down (口头询问乘客，未制作询问笔录).
_NO_QUESTIONING_RECORD = re.compile(
    r"(?:无(?![需须])|没有|未制作|未作|未形成|缺少|未见)[^，。；]{0,6}(?:询问|讯问|问话|谈话)"
    r"[^，。；]{0,4}(?:笔录|记录(?!仪))"
)


def _questioning_said_unrecorded(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A questioning the file itself says was not written down (口头询问证人，未制作询问
    笔录), with no questioning record of that day: what was said there is no lawful evidence,
    whoever else was questioned on record later (第五十五条第二款 询问应当制作笔录)."""
    if is_summary(case):
        return []
    records = [(x.date, f"{x.type}{x.name}") for x in case.evidence]
    records += [(d.date, d.type) for d in case.documents]
    for e in case.events_of("调查取证"):
        said = _NO_QUESTIONING_RECORD.search(e.note)
        # 制作工作记录，未制作询问笔录: a file denying the 笔录 is answered by a 笔录 only
        made = (
            _QUESTIONING_MINUTES if said and said.group(0).endswith("笔录") else _QUESTIONING_RECORD
        )
        if said is None or any(day == e.date and made.search(text) for day, text in records):
            continue
        return [
            Flag(
                point=ReviewPoint.EVIDENCE,
                severity=Severity.MUST_FIX,
                reason=f"案卷记载{e.date}的询问未制作笔录（“{said.group(0)}”），"
                "该次询问所得的陈述不能作为认定事实的证据；询问应当制作笔录",
                rule=ctx.penalty_law("第五十五条第二款"),
                evidence=f"events（{e.date} {e.type}）note：{e.note}",
            )
        ]
    return []


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
    sentences = _sentences(_narrative(case))
    return set().union(*(_pollutants(s) for s in sentences if _EXCEEDANCE.search(s)))


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


def _exceedance(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """超标 found, but every measured value with a limit — for the pollutant said to
    exceed, when the file names it — is within it."""
    basis = "".join(c.text for c in penalty_provisions(case, ctx))
    over = _EXCEEDANCE.search(_narrative(case)) or _EXCEEDANCE.search(basis)
    short = not over and _SHORTFALL.search(_narrative(case)) is not None
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
                _flag(
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
        _flag(
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


# 超过许可水量、超出核定的开采规模、超计划取水: a quantity beyond what a permit allows.
_BEYOND_PERMIT = re.compile(
    r"超(?:过|出)?[^，。；]{0,10}(?:许可|核定|批准|核准|审批|计划|分配)[^，。；]{0,8}"
    r"(?:量|规模|数量|额度|限额|总量|指标)"
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


def _beyond_permit(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """超过许可（核定）数量 found, but every figure the file gives for that quantity — its
    own meter readings, 核定表 — is within the permitted amount: the fact punished is
    contradicted by the file (第四十条). A pollution exceedance is _exceedance's."""
    narrative = _narrative(case)
    if not _BEYOND_PERMIT.search(narrative) or _EXCEEDANCE.search(narrative):
        return []
    values = _permit_values(case)
    if not values or any(v > limit for _, v, limit in values) or _stated_excess(case):
        return []
    return [
        _flag(
            ReviewPoint.FACTS,
            "认定超过许可（核定）的数量并据此处罚，但案卷所载计量、核定结果均未超过许可的数量，"
            "认定的违法事实与证据矛盾",
            ctx,
            "；".join(f"{w}：{v:.10g}（许可{lim:.10g}）" for w, v, lim in values),
        )
    ]


# 车货总质量 (a weighing slip) is a 重量 by its legal name (超限运输车辆行驶公路管理规定)
_MEASURE = re.compile(r"面积|体积|方量|重量|质量|长度|蓄积|株数|数量")
# 非法占地平方米 / 占用耕地亩数: a quantity named by an area unit is an area
_AREA_UNIT = re.compile(r"平方米|平方公里|亩|公顷|㎡")


def _measure_of(name: str) -> str | None:
    """What a decided quantity measures: its named measure, else 面积 for an area unit."""
    measure = _MEASURE.search(name)
    if measure is not None:
        return measure.group(0)
    return "面积" if _AREA_UNIT.search(name) else None


def _quantity_beyond_measured(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A quantity the decision finds (占地面积3,200平方米) above what the file's own survey
    or measurement of the same thing says (2,300平方米, all such measurements together):
    the fact punished is not the fact proven (第四十条)."""
    flags = []
    for name, decided in case.facts.quantities.items():
        measure = _measure_of(name)
        if measure is None:
            continue
        same = [
            (f"evidence[{i}]（{e.name}）{m.item}", m.value)
            for i, e in enumerate(case.evidence)
            for m in e.measurements
            if measure in m.item and m.unit and m.unit in name
        ]
        if not same:
            same = _surveyed(case, name, measure)
        label = name.removeprefix("认定")
        flags += _decided_beyond(ctx, f"facts.quantities.{name}", label, decided, same, "")
    return flags


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
    return [_flag(ReviewPoint.FACTS, reason, ctx, evidence)]


# A reading of a level, not an amount that adds up: 酒精含量 mg/100ml, 浓度 mg/m³, 车速 km/h,
# 噪声 dB(A), 含量 %. Several readings of one thing are not summed; the decided one is one of them.
_LEVEL_UNIT = re.compile(r"/|dB|分贝|%|‰")
_LIMIT_GAP = re.compile(r"标准|限值|限量|不得|超过|低于|高于|以上|以下|达到|[≥≤><]|不低于|不少于")
# 标称发芽率≥80% / 总养分标注45%: the value a label claims, not a reading of the goods
_CLAIMED = re.compile(r"标称|标注|标明|标示|标识|明示|标签|宣称|声称|承诺")


def _readings(text: str, item: str, unit: str) -> list[float]:
    """The figures ``text`` gives for ``item`` in ``unit`` (呼气酒精含量检测为28mg/100ml),
    not a limit written after it (…含量超过20mg/100ml的标准)."""
    pattern = rf"{re.escape(item)}([^，。；0-9]{{0,10}}?)([0-9]+(?:\.[0-9]+)?)\s*{re.escape(unit)}"
    found = []
    for m in re.finditer(pattern, text, re.IGNORECASE):
        before = re.split(r"[，。；]", text[max(0, m.start() - 8) : m.start()])[-1]
        if _LIMIT_GAP.search(m.group(1)) or _CLAIMED.search(before + m.group(1)):
            continue
        found.append(float(m.group(2)))
    return found


def _reading_core(name: str, unit: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]", "", name.replace(unit, "")).removeprefix("认定").strip()


def _decided_readings(case: CaseFile, item: str, unit: str) -> list[tuple[str, float]]:
    """The decision's figures for a measured item: facts.quantities named after it (in its
    unit), else the figures the narrative writes for it."""
    found = [
        (f"facts.quantities.{k}", v)
        for k, v in case.facts.quantities.items()
        if unit.lower() in k.lower()
        and _measure_of(k) is None
        and _same_item(_reading_core(k, unit), item)
    ]
    return found or [(f"facts“{item}”", v) for v in _readings(_narrative(case), item, unit)]


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


def _reading_beyond_evidence(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A level the decision finds (呼气酒精含量28mg/100ml) above every reading of that item
    the file's own evidence records (检验单18mg/100ml): the fact punished is not the fact
    proven (第四十条)."""
    items = {(m.item, m.unit) for e in case.evidence for m in e.measurements}
    for item, unit in sorted(i for i in items if i[1] and _LEVEL_UNIT.search(i[1])):
        readings = _evidence_readings(case, item, unit)
        if not readings:
            continue
        decided = _decided_readings(case, item, unit)
        top = max(v for _, v in readings)
        above = [(w, v) for w, v in decided if v > top * 1.01]
        # the decision also states the evidence's own reading (复查268mg/L after the first
        # inspection's 312mg/L): the higher figure is another occasion's, not the finding
        restated = any(abs(v - r) <= r * 0.01 for _, v in decided for _, r in readings)
        if above and not restated:
            field, value = above[0]
            shown = "、".join(f"{v:.10g}{unit}" for _, v in readings)
            reason = (
                f"认定{item}为{value:.10g}{unit}，但案卷证据记载为{shown}，认定的事实与证据矛盾"
            )
            evidence = f"{field}={value:.10g}；" + "；".join(f"{w}={v:.10g}" for w, v in readings)
            return [_flag(ReviewPoint.FACTS, reason, ctx, evidence)]
    return []


_BLOOD_ALCOHOL = re.compile(r"血液?[^，。；]{0,4}(?:酒精|乙醇)")
_DRINKING = re.compile(r"饮酒|酒后")
# 饮酒后驾车 starts at 20mg/100ml of blood (GB 19522); a limit of 80 is 醉酒's, another question
_DRINKING_LIMIT = 20


def _blood_below_limit(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """饮酒后驾驶 punished while the file's own blood test is below its limit: a breath test in
    dispute is settled by the blood test (道路交通安全违法行为处理程序规定第三十五条), so the drinking
    the penalty rests on is not proven (第四十条)."""
    if not _DRINKING.search(_narrative(case)):
        return []
    for i, e in enumerate(case.evidence):
        for m in e.measurements:
            if (
                m.limit
                and m.limit <= _DRINKING_LIMIT
                and _BLOOD_ALCOHOL.search(m.item)
                and m.value < m.limit
            ):
                reason = (
                    f"血液检验{m.item}为{m.value:.10g}{m.unit}，低于{m.limit:.10g}{m.unit}，"
                    "饮酒后驾驶的事实不能认定，仍据呼气测试等作出处罚，认定的事实与证据矛盾"
                )
                evidence = f"evidence[{i}]（{e.name}）{m.item}={m.value:.10g}（限值{m.limit:.10g}）"
                return [_flag(ReviewPoint.FACTS, reason, ctx, evidence)]
    return []


# an ID number, its tail often masked (4407812006021043XX, 440781200602101***): the birth date
# sits in digits 7–14 either way
_ID_NUMBER = re.compile(r"(?<![0-9])([0-9]{14})[0-9Xx*]{4}(?![0-9Xx*])")
_BIRTH_TEXT = re.compile(
    r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日(?:出?生)?"
    r"|(?:出生日期|出生于|生于)[：:为]?([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
)
_PERSON_DOC = re.compile(r"居民身份证|身份证|户口|户籍|询问笔录|陈述")


def _people(case: CaseFile) -> set[str]:
    """Natural persons the file names: parties, and whose ID or statement is evidence."""
    names = {p.name for p in case.parties if is_person(p)}
    for e in case.evidence:
        head = _PERSON_DOC.split(e.name)[0].strip()
        candidates = (e.source or "", head)
        names |= {n for n in candidates if 2 <= len(n) <= 4 and _PERSON_DOC.search(e.name)}
    return names


def _said_minor(text: str, name: str) -> bool:
    """The narrative calls ``name`` a minor: 未成年人李某, 李某（未成年人）, 李某（17周岁）."""
    n = re.escape(name)
    return bool(
        re.search(
            rf"(?:未成年人?|(?:未满|不满)(?:十八|18)周岁的?){n}"
            rf"|{n}[（(，,]?(?:系|是|为)?(?:未成年|1[0-7]周岁|不满十八)",
            text,
        )
    )


def _births(case: CaseFile, name: str) -> list[tuple[str, dt.date]]:
    """Birth dates the file records for a person: a party's own fields, and the ID numbers
    and birth dates in the evidence that names that person."""
    found = [(f"parties（{name}）", birth_date(p)) for p in case.parties if p.name == name]
    for i, e in enumerate(case.evidence):
        if name not in f"{e.name}{e.source}{e.note}":
            continue
        said = f"{e.name}；{e.note}"
        found += [
            (f"evidence[{i}]（{e.name}）", birth_date_from_id(head + "0000"))
            for head in _ID_NUMBER.findall(said)
        ]
        for parts in _BIRTH_TEXT.findall(said):
            y, m, d = [v for v in parts if v] or ("", "", "")
            try:
                found.append((f"evidence[{i}]（{e.name}）", dt.date(int(y), int(m), int(d))))
            except ValueError:
                continue
    return list(dict.fromkeys((w, b) for w, b in found if b is not None))


def _age(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _minor_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The decision finds a person a minor (接纳未成年人李某), but every birth date the file
    records for that person — ID number, 出生日期 — shows eighteen or more on the act date:
    the fact punished is contradicted by the evidence (第四十条)."""
    text = _narrative(case)
    day = case.violation.date
    for name in sorted(_people(case)):
        births = _births(case, name) if _said_minor(text, name) else []
        if births and all(_age(b, day) >= 18 for _, b in births):
            shown = "；".join(f"{w}出生日期{b.isoformat()}" for w, b in births)
            return [
                _flag(
                    ReviewPoint.FACTS,
                    f"认定{name}为未成年人，但案卷证据记载其出生日期，违法行为发生日"
                    f"（{day.isoformat()}）已满{_age(births[0][1], day)}周岁，认定的事实与证据矛盾",
                    ctx,
                    shown,
                )
            ]
    return []


# 童工 is a person under sixteen (《禁止使用童工规定》第二条第一款: 未满16周岁的未成年人)
CHILD_AGE = 16
_CHILD_COUNT_KEY = re.compile(r"童工")
_CHILD_COUNT_TEXT = re.compile(
    r"(?:使用|招用|雇用|聘用|录用)(?:了)?童工(?:共|计)?([0-9]+|[一二两三四五六七八九十]+)\s*(?:名|人)"
)


# a role the file writes where a name could stand (source: 当事人), not a person counted
_ROLE = re.compile(r"当事人|法定代表人|负责人|监护人|单位|公司|本局|本机关")


def _decided_children(case: CaseFile) -> int | None:
    """How many 童工 the decision counts: a quantity named for them, or 使用童工N名."""
    for name, value in case.facts.quantities.items():
        if _CHILD_COUNT_KEY.search(name) and not re.search(r"月|日|天|元", name):
            return int(value)
    found = _CHILD_COUNT_TEXT.search(_narrative(case))
    return int(chinese_number(found.group(1))) if found else None


def _child_count_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The decision counts N 童工 but the birth dates the evidence records for the people
    it names show fewer under sixteen when the act began: a fine counted per child rests
    on a number the evidence does not give (第四十条)."""
    decided = _decided_children(case)
    if not decided:
        return []
    text, day = _narrative(case), case.violation.date
    named = [n for n in sorted(_people(case)) if n in text and not _ROLE.search(n)]
    born = {n: b for n in named if (b := _births(case, n))}
    if len(born) < decided:
        return []  # some counted child has no birth record in the file: nothing to compare
    children = [n for n, b in born.items() if any(_age(d, day) < CHILD_AGE for _, d in b)]
    if len(children) >= decided:
        return []
    older = [n for n in born if n not in children]
    shown = "；".join(f"{w}出生日期{d.isoformat()}" for n in older for w, d in born[n])
    return [
        _flag(
            ReviewPoint.FACTS,
            f"认定使用童工{decided}名，但案卷证据记载的出生日期显示违法行为开始时"
            f"（{day.isoformat()}）未满{CHILD_AGE}周岁的仅{len(children)}名"
            f"（{'、'.join(older)}已满{CHILD_AGE}周岁），认定的事实与证据矛盾",
            ctx,
            shown,
        )
    ]


# 赌资合计600元、称赌资约150元、各自赌资100至200元: the figure the evidence gives for an
# amount, the upper end of a range
_FIGURE = r"(?:[0-9]+(?:\.[0-9]+)?(?:至|-|~|～|到))?([0-9]+(?:\.[0-9]+)?)(万)?元"


_THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")


def _plain_figures(text: str) -> str:
    """52,000元 as 52000元: evidence writes sums with thousands separators."""
    return _THOUSANDS.sub("", text)


def _evidence_figures(case: CaseFile, name: str) -> list[tuple[str, float]] | None:
    """The figures the evidence states for an amount, or None when an item that names it
    gives no figure (the amount may rest on it)."""
    words = {name, name.removesuffix("金额")} - {""}
    found: list[tuple[str, float]] = []
    for i, e in enumerate(case.evidence):
        text = _plain_figures(f"{e.name}{e.note}")
        if not any(w in text for w in words):
            continue
        pattern = "|".join(map(re.escape, words))
        figures = re.findall(
            rf"(?:{pattern})[^，。；、0-9]{{0,6}}?(?:合计|共计|总计|共|约|为|是)?{_FIGURE}", text
        )
        if not figures:
            return None
        found += [
            (f"evidence[{i}]（{e.name}）", float(v) * (10000 if wan else 1)) for v, wan in figures
        ]
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
        text = _plain_figures(f"{e.name}{e.note}")
        figures = re.findall(
            rf"{head.group(0)}[^，。；、0-9]{{0,6}}?(?:合计|共计|总计|共|约|为|是)?{_FIGURE}", text
        )
        found += [
            (f"evidence[{i}]（{e.name}）", float(v) * (10000 if wan else 1)) for v, wan in figures
        ]
    return found


def _amount_beyond_evidence(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """An amount the decision finds (赌资6000元) above everything the evidence that names it
    says (扣押清单合计600元, the parties' statements), all figures added up: the fact
    punished is contradicted by the file's own evidence (第四十条). A value a price
    appraisal fixed is measured against that appraisal alone (an estimate beside it proves
    nothing more)."""
    flags = []
    for name, decided in case.facts.amounts.items():
        figures = _appraised_figures(case, name) or _evidence_figures(case, name) or []
        if figures and "货值" in name:
            figures += _sold_part(case, figures)
        flags += _decided_beyond(ctx, f"facts.amounts.{name}", name, decided, figures, "元")
    return flags


_SEIZURE_LIST = re.compile(r"扣押(?:物品)?清单|查获(?:物品)?清单|登记保存(?:物品)?清单")
_SEIZED_CASH = re.compile(rf"(?:现金|赌资)[^，。；、0-9（）()]{{0,6}}?(?:合计|共计|共)?{_FIGURE}")
_CONFISCATED_CASH = re.compile(r"(?:收缴|没收)[^，。；]{0,4}(?:赌资|现金)")


def _confiscated_beyond_seized(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
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
            for m in _SEIZED_CASH.finditer(_plain_figures(f"{title}{text}"))
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
            flags.append(_flag(ReviewPoint.FACTS, reason, ctx, evidence))
    return flags


def _goods_value_undercounted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A 货值金额 below what the file's own counts and sale price give (货值 = the goods made or
    bought for sale, sold and unsold, at their price): a lower tier of a 货值-tiered fine may
    rest on it (第四十条). A 货值 that is the file's own count of the held part at its price is
    no contradicted fact but the law misread (the sold part left out): fine_bases counts the
    whole, and the range it gives is the discretion point's."""
    stated = next(((k, v) for k, v in case.facts.amounts.items() if "货值" in k), None)
    counted = counted_goods(case.facts.amounts, case.facts.quantities)
    if stated is None or counted is None or counted.whole <= stated[1] * 1.01:
        return []
    if counted.held_only(stated[1]):
        return []
    reason = (
        f"认定{stated[0]}{stated[1]:.10g}元，但案卷所载数量{counted.count:.10g}×单价"
        f"{counted.price:.10g}元={counted.whole:.10g}元，认定的货值与案卷证据矛盾"
    )
    evidence = f"facts.amounts.{stated[0]}={stated[1]:.10g}；facts.quantities：" + "、".join(
        f"{k}={v:.10g}" for k, v in case.facts.quantities.items()
    )
    return [_flag(ReviewPoint.FACTS, reason, ctx, evidence)]


# counts of what was left (库存280箱): sold goods are missing from them, so a 货值 above
# their priced sum may hold the sold part
_STOCK_ONLY = re.compile(r"库存|剩余|扣押|查扣|查封|登记保存|未售")


def _goods_value_against_prices(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A 货值金额 other than each kind's price times its count, when the file prices several
    kinds (乳酸菌饮品320箱×52元 + 坚果礼盒280盒×48元 + …): the base a 货值 multiple is computed
    on is contradicted by the file's own figures (第四十条). One kind is _goods_value_undercounted's."""
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
    return [_flag(ReviewPoint.FACTS, reason, ctx, f"facts.amounts/quantities：{shown}")]


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


def _contract_price_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
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


def _illegal_income_against_reckoning(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
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
            for v, wan in _SUM_FIGURE.findall(_plain_figures(e.note))
        }
        if len(sums) != 1 or abs(next(iter(sums)) - decided[0]) <= decided[0] * 0.01:
            continue
        shown = f"evidence[{i}]（{e.name}）：{e.note}"
        reason = (
            f"认定违法所得{decided[0]:.10g}元，但案卷的违法所得计算证据记载为"
            f"{next(iter(sums))}元，没收和计罚的基数与证据矛盾"
        )
        return [_flag(ReviewPoint.FACTS, reason, ctx, shown)]
    return []


def _income_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
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
        if not base.search(name):
            continue
        figures = [
            (f"evidence[{i}]（{e.name}）", float(v) * (10000 if wan else 1))
            for i, e in enumerate(case.evidence)
            for v, wan in figure.findall(_plain_figures(f"{e.name}{e.note}"))
        ]
        values = {round(v) for _, v in figures}
        if len(values) != 1 or abs(values.pop() - decided) <= decided * 0.01:
            continue
        shown = "、".join(f"{w}：{v:.10g}元" for w, v in figures)
        reason = f"按{name}{decided:.10g}元计罚，但案卷证据记载为{shown}，计罚基数与证据矛盾"
        return [
            _flag(ReviewPoint.FACTS, reason, ctx, f"facts.amounts.{name}={decided:.10g}；{shown}")
        ]
    return []


# 已售台数 / 库存件数 / 销售数量: a count of goods, named by what was done with them
_COUNT_NAME = re.compile(
    r"(?P<core>[\u4e00-\u9fff]{2,4}?)(?:的)?(?:台数|件数|个数|只数|瓶数|箱数|套数|数量|总数)$"
)
_COUNT_UNIT = r"台|件|个|只|瓶|箱|袋|套|盒|包|桶|辆"
# a record kept of the goods themselves (销售台账, 库存盘点表, 出库单): its count is the count
_RECORD = re.compile(r"台账|账簿|账册|盘点|清单|明细|记录|出库单|入库单|报表")


def _count_against_record(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
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
            for v in re.findall(
                rf"{core}[^，。；、0-9]{{0,6}}?(?:合计|共计|总计|共|为|是)?([0-9]+)\s*(?:{_COUNT_UNIT})",
                f"{e.name}{e.note}",
            )
        ]
        values = {v for _, v in figures}
        if len(values) != 1 or decided in values:
            continue  # no record, or records that disagree among themselves
        shown = "、".join(f"{v:.10g}" for v in sorted(values))
        return [
            _flag(
                ReviewPoint.FACTS,
                f"认定{name}为{decided:.10g}，但案卷记录证据记载为{shown}，认定的事实与证据矛盾",
                ctx,
                f"facts.quantities.{name}={decided:.10g}；"
                + "；".join(f"{w}={v:.10g}" for w, v in figures),
            )
        ]
    return []


_FAILED = re.compile(
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


def _failed_test_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The decision finds the product 不合格 on a test, but every test report in the file
    says it passed (所检项目符合标准要求) and none records a failed item: the fact punished is
    contradicted by the file's own evidence (第四十条)."""
    if not _FAILED.search(_narrative(case)):
        return []
    reports = [
        (i, e)
        for i, e in enumerate(case.evidence)
        if e.type == "鉴定意见" or (_TEST_REPORT.search(e.name) and "报告" in e.name)
    ]
    if not reports:
        return []
    for _, e in reports:
        text = _plain_figures(f"{e.name}{e.note}")
        if _FAILED.search(text) or any(_fails(m, e.note) for m in e.measurements):
            return []
        if not _PASSED.search(text):
            return []
    shown = [f"evidence[{i}]（{e.name}）：{e.note}" for i, e in reports]
    return [
        _flag(
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


def _named_item_within_limit(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The narrative names a measured item as failing (菌落总数为86CFU/mL，不符合…标准) while
    every reading of that item in the file's own reports is within its limit (86 of 100):
    the fact punished is contradicted by the report it rests on (第四十条)."""
    # 未达到醉酒驾驶标准 / 未达到…犯罪标准 says a line was not reached, not that goods failed; a
    # floor written in the sentence (标注≥45%) is read by _failed_test_contradicted's reports
    failing = [
        s
        for s in _sentences(case.facts.description)
        if _FAILED_ITEM.search(s) and not _FLOOR_SAID.search(s)
    ]
    readings = [
        (_POINT_PREFIX.sub("", m.item), m, e)
        for e in case.evidence
        for m in e.measurements
        if m.limit is not None and not _FLOOR_SAID.search(f"{m.unit}{m.item}")
    ]
    named = {core for core, _, _ in readings if len(core) >= 2 and any(core in s for s in failing)}
    if not named:
        return []
    own = [(m, e) for core, m, e in readings if core in named]
    # any failed reading in those reports (another item below its floor) leaves the finding to
    # _failed_test_contradicted: the goods did fail a test
    reports = [e for e in case.evidence if any(e is r for _, r in own)]
    if any(_fails(m, e.note) for e in reports for m in e.measurements):
        return []
    shown = "、".join(f"{m.item}{m.value:.10g}{m.unit}（限值{m.limit:.10g}）" for m, _ in own)
    return [
        _flag(
            ReviewPoint.FACTS,
            f"认定{'、'.join(sorted(named))}不符合标准并据此处罚，但案卷检测报告所载该项目各读数均在限值内，"
            "认定的违法事实与证据矛盾",
            ctx,
            shown,
        )
    ]


# 损伤程度 (人体损伤程度鉴定标准): 轻微伤 < 轻伤 < 重伤; “未达轻微伤” is below every degree.
_DEGREES = {"轻微伤": 1, "轻伤": 2, "重伤": 3}
_DEGREE = re.compile(r"轻微伤|轻伤|重伤")
_NOT_REACHED = re.compile(
    r"(?:未达到?|达不到|不构成|未构成|尚不构成|尚未构成|不属于|不足以?构成)\s*(轻微伤|轻伤|重伤)"
)
_INJURY_REPORT = re.compile(r"损伤程度|伤情鉴定|伤情|法医")


def _degree(text: str) -> int | None:
    """The injury degree a text states: its highest degree said, or one below a degree
    said not reached (未达轻微伤 → 0); None where it states none."""
    below = [_DEGREES[m] - 1 for m in _NOT_REACHED.findall(text)]
    said = [_DEGREES[m] for m in _DEGREE.findall(_NOT_REACHED.sub("", text))]
    if said:
        return max(said)
    return min(below) if below else None


def _injury_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The decision finds an injury (致他人轻微伤) of a degree no injury appraisal in the
    file reaches (鉴定意见：未达轻微伤): the degree is fixed by the appraisal, so the fact
    punished is contradicted by the file's own evidence (第四十条)."""
    found = _degree(_narrative(case))
    if not found:
        return []
    reports = [
        (i, e, _degree(e.note))
        for i, e in enumerate(case.evidence)
        if e.type == "鉴定意见" and _INJURY_REPORT.search(f"{e.name}{e.note}")
    ]
    appraised = [(i, e, d) for i, e, d in reports if d is not None]
    if not appraised or any(d >= found for _, _, d in appraised):
        return []
    return [
        _flag(
            ReviewPoint.FACTS,
            "认定被侵害人的损伤程度高于案卷伤情鉴定意见的结论，认定的违法事实与证据矛盾",
            ctx,
            "；".join(f"evidence[{i}]（{e.name}）：{e.note}" for i, e, _ in appraised),
        )
    ]


def _fine_bases(case: CaseFile, ctx: ReviewContext) -> set[str]:
    """Amounts the fine is computed on or tiered by, per the penalty article and standard."""
    bases: set[str] = set()
    for citation in penalty_provisions(case, ctx):
        for clause in fine_clauses(citation.article_text):
            bases |= {b for b in (clause.fine.base, clause.tier_base) if b}
    standard = matching_standard(case, ctx)
    if standard is not None and standard.statutory_range and standard.statutory_range.base:
        bases.add(standard.statutory_range.base)
    if any("没收违法所得" in t for t in case.penalty.types):
        bases.add("违法所得")
    bases |= {
        found.group(1)
        for citation in penalty_provisions(case, ctx)
        for found in _RATE_BASE.finditer(citation.article_text)
    }
    return bases


# 处上一年年收入百分之六十至百分之一百的罚款 (安全生产法第一百一十条): a fine written as a share
# of a base, whatever form of range the share takes (至, not only 以上…以下)
_RATE_BASE = re.compile(r"处(?:以)?([\u4e00-\u9fff]{2,12}?)(?:百分之|[0-9]+%)")
# the period a base is counted over (上一年年收入) is written by files as the year itself
# (2024年度年收入): compare the base without it
_BASE_PERIOD = re.compile(r"^(?:上一年度?|上年度?|前一年度?|上一年)")


def _base_core(base: str) -> str:
    return _BASE_PERIOD.sub("", base)


def _named(text: str) -> list[str]:
    return [base for base, words in _BASES.items() if any(w in text for w in words)]


def pending_amounts(case: CaseFile) -> dict[str, str]:
    """Base amounts the file itself records as not yet verified, with the words used."""
    pending = {
        b: f"facts.unverified：{u}"
        for u in case.facts.unverified
        for b in _BASES
        if b[:2] in u or b in _named(u)
    }
    texts = [case.facts.description, *case.facts.circumstances, *(e.note for e in case.evidence)]
    for text in texts:
        for sentence in _sentences(text):
            if _PENDING.search(sentence):
                pending.update({base: f"“{sentence}”" for base in _named(sentence)})
    return pending


def _pending_own_base(case: CaseFile, base: str) -> str | None:
    """An amount of any base the article names (滥伐林木价值、工程合同价款…), recorded as
    unverified: facts.unverified names it, or a 尚在核实 sentence does."""
    core = _base_core(base)
    listed = next(
        (u for u in case.facts.unverified if same_base(u, base) or (len(core) >= 3 and core in u)),
        None,
    )
    if listed is not None:
        return f"facts.unverified：{listed}"
    for sentence in _sentences(case.facts.description):
        if _PENDING.search(sentence) and (
            base in sentence or (len(core) >= 3 and core in sentence)
        ):
            return f"“{sentence}”"
    return None


_SALES = re.compile(r"已售|已销售|销售数量|销售金额|销售额")


def _pending_texts(case: CaseFile) -> list[str]:
    """What the file says it is still verifying: ``facts.unverified`` and 尚在核实 sentences."""
    told = [s for s in _sentences(case.facts.description) if _PENDING.search(s)]
    return [*case.facts.unverified, *told]


def _built_on_pending_sales(case: CaseFile, base: str) -> str | None:
    """货值金额、违法所得 counted over goods already sold (按库存86袋与已售约120袋合计…计算) are as
    unverified as the sales the file says it is still checking."""
    if base not in ("货值金额", "违法所得"):
        return None
    pending = next((t for t in _pending_texts(case) if _SALES.search(t)), None)
    if pending is None:
        return None
    words = _BASES[base]
    counted = any(
        _SALES.search(s) and any(w in s for w in words) and not _PENDING.search(s)
        for s in _sentences(case.facts.description)
    )
    return f"“{pending}”" if counted else None


_YUAN = re.compile(r"([0-9]+(?:\.[0-9]+)?)元")


def _pending_part(case: CaseFile, base: str) -> str | None:
    """A base summed from parts, one of which the file says is unverified (…推算为11840元，尚待
    结算明细核对。两项合计58600元): the total is as unverified as its part."""
    amounts = case.facts.amounts
    totals = [v for name, v in amounts.items() if same_base(name, base)]
    for text in _pending_texts(case):
        for number in _YUAN.findall(text):
            part = float(number)
            if any(
                abs(total - part - other) < 0.5 or abs(total - part) < 0.5
                for total in totals
                for other in amounts.values()
            ):
                return f"“{text}”"
    return None


def _built_on_pending_item(case: CaseFile, base: str) -> str | None:
    """A base the decision computes from an item the file lists as unverified (按送货单记载的进货
    数量8000升认定…货值金额60640元, while 进货数量 is 尚在核实): the base is as open as its item."""
    words = _BASES.get(base, (base,))
    for listed in case.facts.unverified:
        item = re.split(r"[（(，,：:；]", listed)[0].strip()
        if len(item) < 3 or any(w in item for w in words):
            continue
        if any(
            item in c and any(w in c for w in words) and not _PENDING.search(s)
            for s in _sentences(case.facts.description)
            for c in re.split(r"[，,]", s)
        ):
            return f"facts.unverified：{listed}"
    return None


def _pending_base(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    pending = pending_amounts(case)
    if not pending and not case.facts.unverified and not _PENDING.search(case.facts.description):
        return []
    flags = []
    for base in sorted(_fine_bases(case, ctx)):
        match = next((w for b, w in pending.items() if b in base or base in b), None)
        match = (
            match
            or _pending_own_base(case, base)
            or _built_on_pending_sales(case, base)
            or _pending_part(case, base)
            or _built_on_pending_item(case, base)
        )
        if match is not None:
            flags.append(
                _flag(
                    ReviewPoint.FACTS,
                    f"处罚以{base}为基数或档次计算，但案卷载明{base}尚未核实",
                    ctx,
                    f"{match}；facts.amounts：{case.facts.amounts or '无'}",
                )
            )
    return flags


def _inspections(case: CaseFile) -> list[str]:
    """Where the file says an inspection took place: its steps and its narrative."""
    found = [
        f"events（{e.date} {e.type}）note：{e.note}"
        for e in case.events
        if e.type == "调查取证" and _INSPECTION.search(e.note)
    ]
    # “无现场勘测笔录” says a record is missing, not that an inspection took place
    narrative = _NO_SITE_RECORD.sub("", _narrative(case))
    people = [p.name for p in case.parties if p.kind == "个人" and p.name]
    written = next(
        (
            m
            for m in _INSPECTION.finditer(narrative)
            if not _party_did(narrative, m.start(), people)
        ),
        None,
    )
    return found + ([f"案情叙述“{written.group(0)}”"] if written else [])


def _party_did(text: str, start: int, people: list[str]) -> bool:
    """The clause's subject is a party (赵子豪在其打工的杂货店柜台发现…车钥匙): what the offender
    found in a shop is the act told, not an inspection of the shop."""
    clause = re.split(r"[，。；\n]", text[:start])[-1].strip()
    return any(clause.startswith(name) for name in people)


def _unrecorded(case: CaseFile) -> bool:
    """No inspection record at all, or only the record of a later 复查: the re-inspection
    proves the correction, not what the first inspection found."""
    found = [(text, day) for text, day in _dated_records(case) if _INSPECTION_RECORD.search(text)]
    if not found:
        return True
    first = min(
        (e.date for e in case.events_of("调查取证") if e.date and _first_look(e.note)),
        default=None,
    )
    return first is not None and all(
        _RECHECK.search(text) and day is not None and day > first for text, day in found
    )


# 复查 / 复核检查: the visit after an order to correct, not the inspection that found the act.
_RECHECK = re.compile(r"复查|复核|回访")


def _first_look(note: str) -> bool:
    """An inspection step that is not a re-inspection."""
    return bool(_INSPECTION.search(note) or _SEARCHED.search(note)) and not _RECHECK.search(note)


def _dated_records(case: CaseFile) -> list[tuple[str, date | None]]:
    """The titles of the file's evidence and documents, with their dates."""
    return [(f"{e.type}{e.name}", e.date) for e in case.evidence] + [
        (d.type, d.date) for d in case.documents
    ]


def only_unrecorded_inspections(case: CaseFile) -> bool:
    """Every investigation step is an inspection and none has its record: the one
    absence the evidence point reports (第五十五条第二款 / 第四十条)."""
    steps = case.events_of("调查取证")
    inspected = bool(steps) and all(_INSPECTION.search(e.note) for e in steps)
    return inspected and _unrecorded(case)


def unrecorded_inspection_step(case: CaseFile, event: Event, ctx: ReviewContext) -> bool:
    """The step is an on-site inspection, the file holds no inspection record and the
    evidence point reports it (第五十五条第二款, 治安法第八十八条): that one finding is the
    step's absence."""
    inspected = _INSPECTION.search(event.note) or _SEARCHED.search(event.note)
    if event.type != "调查取证" or not inspected or not _unrecorded(case):
        return False
    return any(f.severity is Severity.MUST_FIX for f in _on_site(case, ctx))


# 到棋牌室二楼检查: any step that says it inspected (the premises need not be named)
_SEARCHED = re.compile(r"检查(?!笔录|记录)|勘验|勘查")


def _records(case: CaseFile) -> list[str]:
    return [text for text, _ in _dated_records(case)]


def unproven_site_fact(case: CaseFile) -> bool:
    """The file rests on a fact found on site with no record, no recording and nothing
    objective (物证、鉴定、检测): not proven (第四十条), whatever else is in the file."""
    if not _inspections(case) or not _unrecorded(case) or not _ON_SITE.search(_narrative(case)):
        return False
    if any(_SITE_RECORD.search(r) for r in _records(case)):
        return False
    return not any(e.type in _OBJECTIVE_TYPES for e in case.evidence)


# what the officers saw there (发现, 见当事人正为…卸砂石)
_SEEN = re.compile(r"发现|看到|看见|查见|见(?:当事人|其|有)")


def found_on_site(case: CaseFile) -> bool:
    """The decision rests on what an inspection found: the narrative says the fact was
    found or inspected on site, or evidence was taken there. An inspection that found
    nothing the decision uses (the facts come from a test report, a contract, a notarised
    web page) left no fact unproven."""
    narrative = _narrative(case)
    if _ON_SITE.search(narrative) or _INSPECTION.search(narrative):
        return True
    # the violation is dated (begun or ended) the day an inspection found it: that finding is
    # the fact
    found_on = {case.violation.date, case.violation.end_date}
    if any(
        e.date in found_on and _INSPECTION.search(e.note) and _SEEN.search(e.note)
        for e in case.events_of("调查取证")
    ):
        return True
    if _figures_from_inspection(case):
        return True
    return any(
        e.type == "物证" or _TAKEN_ON_SITE.search(f"{e.name}{e.obtained_by or ''}")
        for e in case.evidence
    )


_NOTE_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _figures_from_inspection(case: CaseFile) -> bool:
    """An inspection that measured or counted what the decision states (确认占用林地0.28公顷,
    发现药品37个品种): a figure of the inspection's note is one of the file's quantities or
    amounts, so the decided fact is what that inspection found."""
    decided = {float(v) for v in (*case.facts.quantities.values(), *case.facts.amounts.values())}
    decided.discard(0.0)
    for e in case.events_of("调查取证"):
        if not _INSPECTION.search(e.note):
            continue
        if any(float(n) in decided for n in _NOTE_NUMBER.findall(e.note)):
            return True
    return False


def _stated_unrecorded(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The file says itself that the fact has no on-site record, and none is listed: the
    fact is not proven (第四十条) and the step was not recorded (第四十七条)."""
    said = next((m for m in (_NO_SITE_RECORD.search(t) for t in [_narrative(case)]) if m), None)
    if said is None or any(_INSPECTION_RECORD.search(r) for r in _records(case)):
        return []
    return [
        Flag(
            point=ReviewPoint.EVIDENCE,
            severity=Severity.MUST_FIX,
            reason="案卷自述认定的事实没有现场检查（勘测）笔录，卷内也未列入，"
            "该事实证据不足；现场调查应当制作笔录并全过程记录",
            rule=ctx.penalty_law("第四十条"),
            also_cites=[ctx.penalty_law("第四十七条"), ctx.rule(AV_RULE)],
            evidence=f"“{said.group(0)}”；evidence：{'、'.join(e.name for e in case.evidence) or '无'}",
        )
    ]


def _on_site(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """An inspection needs its written record (第五十五条第二款); a fact found on site with
    neither a record nor a recording is not proven (第四十条), for the reviewer to check.
    When nothing at all proves the on-site fact, the missing record and recording are that
    one finding's cause: a single 第四十条 flag that also cites 第五十五条第二款 and the
    recording duty (全过程记录办法第十四条第一款)."""
    inspections = _inspections(case)
    if not inspections or not _unrecorded(case):
        return [] if inspections else _stated_unrecorded(case, ctx)
    listed = f"evidence：{'、'.join(e.name for e in case.evidence) or '无'}；documents：" + (
        "、".join(d.type for d in case.documents) or "无"
    )
    on_site = _ON_SITE.search(_narrative(case))
    unproven = f"认定的事实来自现场检查（“{on_site.group(0) if on_site else ''}”），但证据中既无检查笔录也无音像记录"
    if unproven_site_fact(case):
        return [
            Flag(
                point=ReviewPoint.EVIDENCE,
                severity=Severity.MUST_FIX,
                reason=f"{unproven}，也无物证、鉴定或检测结果，违法事实证据不足；"
                "现场检查应当制作笔录、进行音像记录",
                rule=ctx.penalty_law("第四十条"),
                also_cites=[record_rule(case, ctx), ctx.rule(AV_RULE)],
                evidence=f"{inspections[0]}；{listed}",
            )
        ]
    # 第五十五条 is the ordinary procedure's; a decision on the spot (第五十二条) is its own
    # form, and one beyond the summary scope is flagged under 第五十一条.
    used = found_on_site(case)
    flags = (
        []
        if is_summary(case)
        else [
            Flag(
                point=ReviewPoint.EVIDENCE,
                severity=Severity.MUST_FIX if used else Severity.CHECK,
                reason="案卷记载进行了现场检查（勘验），但没有检查（勘验）笔录；检查应当制作笔录，"
                "照片、音像记录不能代替"
                + ("" if used else "（认定的事实未见来自该次检查，请核实笔录是否遗漏）"),
                rule=record_rule(case, ctx),
                evidence=f"{inspections[0]}；{listed}",
            )
        ]
    )
    if on_site and not any(_SITE_RECORD.search(r) for r in _records(case)):
        flags.append(
            Flag(
                point=ReviewPoint.EVIDENCE,
                severity=Severity.CHECK,
                reason=f"{unproven}，请核实该事实有无其他证据证明",
                rule=ctx.penalty_law("第四十条"),
                evidence=listed,
            )
        )
    return flags


def _uncorrected_unproven(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The cited provision punishes (or punishes more) only 逾期未改正/拒不改正, the file relies
    on it, but nothing after the order shows the party had not corrected: a 复查 record,
    a later inspection (第四十条: 违法事实不清、证据不足的，不得给予行政处罚)."""
    basis = "".join(c.article_text for c in penalty_provisions(case, ctx))  # items sit in the 款
    if not _UNCORRECTED_IN_LAW.search(basis):
        return []
    told = [case.facts.description, *case.facts.circumstances]
    if not any(_UNCORRECTED_IN_FACTS.search(t) for t in told):
        return []
    if UNCORRECTED not in established_circumstances(case):
        return []  # 未经复查确认逾期不改正: the file itself denies it (uncorrected_fine's point)
    checked = [f"{e.name}{e.note}" for e in case.evidence] + [d.type for d in case.documents]
    checked += [e.note for e in case.events if e.type == "调查取证"]
    if any(_RECHECK.search(text) for text in checked) or _inspected_after_order(case):
        return []
    records = [f"{e.type}{e.name}" for e in case.evidence]
    if _FOUND_UNCORRECTED.search("。".join(told)) and any(
        _INSPECTION_RECORD.search(r) for r in records
    ):
        return []
    return [
        _flag(
            ReviewPoint.FACTS,
            "处罚依据以逾期未改正（拒不改正）为条件，但案卷没有限期届满后的复查记录或其他证据"
            "证明当事人未改正",
            ctx,
            f"evidence：{'、'.join(e.name for e in case.evidence) or '无'}",
        )
    ]


_ORDER = re.compile(r"责令(?:限期)?(?:改正|整改)|限期(?:改正|整改)")
# a measurement taken to check the correction: 复查检测、复测、复检、重新检测
_RETEST = re.compile(r"复查|复测|复检|复核|重新检测|重新监测|再次检测|再次监测|整改后")


def _order_date(case: CaseFile) -> date | None:
    orders = [e.date for e in case.evidence if e.date and _ORDER.search(f"{e.type}{e.name}")]
    orders += [d.date for d in case.documents if d.date and _ORDER.search(d.type)]
    return min(orders, default=None)


def _retests(case: CaseFile) -> list[tuple[str, float, float]]:
    """Measurements taken after the 责令改正 order (dated after it, or named a 复查/复测)."""
    first = _order_date(case)
    return [
        (f"evidence[{i}]（{e.name}）{m.item}", m.value, m.limit)
        for i, e in enumerate(case.evidence)
        if (first is not None and e.date is not None and e.date > first)
        or _RETEST.search(f"{e.name}{e.obtained_by or ''}")
        for m in e.measurements
        if m.limit is not None
    ]


def _uncorrected_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The provision punishes 逾期未改正, the file finds it, but every value measured after
    the order (the 复查 test) is within its limit: the re-test shows the correction, so the
    finding the penalty rests on contradicts the file's own evidence (第四十条)."""
    basis = "".join(c.article_text for c in penalty_provisions(case, ctx))
    told = [case.facts.description, *case.facts.circumstances]
    if not (
        _UNCORRECTED_IN_LAW.search(basis) and any(_UNCORRECTED_IN_FACTS.search(t) for t in told)
    ):
        return []
    retests = _retests(case)
    if not retests or any(exceeds(*m) for m in retests):
        return []
    return [
        _flag(
            ReviewPoint.FACTS,
            "处罚以逾期未改正（拒不改正）为条件，但责令改正后的复查（复测）结果均未超过所载限值，"
            "认定当事人未改正与案卷证据矛盾",
            ctx,
            "；".join(f"{w}：{v:.10g}（限值{lim:.10g}）" for w, v, lim in retests),
        )
    ]


def _inspected_after_order(case: CaseFile) -> bool:
    """An inspection record dated after the 责令改正 order is the later inspection that
    can show the order was not complied with, whatever the record is called."""
    orders = [e.date for e in case.evidence if e.date and _ORDER.search(f"{e.type}{e.name}")]
    orders += [d.date for d in case.documents if d.date and _ORDER.search(d.type)]
    if not orders:
        return False
    first = min(orders)
    return any(
        e.date is not None
        and e.date > first
        and _INSPECTION_RECORD.search(f"{e.type}{e.name}")
        and not _ORDER.search(e.name)
        for e in case.evidence
    )


# 一百八十日内三次或者一年内四次受到本法规定的行政处罚 (安全生产法第一百一十三条第（一）项)
_REPEAT_WINDOW = re.compile(
    r"(一年|[一二三四五六七八九十百零〇两\d]+日)内([一二三四五六七八九十两\d]+)次[^，。；]{0,6}(?:受到|被)[^，。；]{0,8}处罚"
)
_DAY_WRITTEN = re.compile(r"(\d{4})[-年](\d{1,2})[-月](\d{1,2})")


def _repeat_window_contradicted(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A finding of so many penalties within so many days, while the earlier decisions the
    evidence holds (each dated in its name) never fall that many within that span."""
    found = _REPEAT_WINDOW.search(_narrative(case))
    if found is None:
        return []
    span = 365 if found.group(1) == "一年" else int(chinese_number(found.group(1)[:-1]))
    times = int(chinese_number(found.group(2)))
    days = sorted(
        date(int(y), int(m), int(d))
        for e in case.evidence
        if "处罚决定书" in e.name
        for y, m, d in _DAY_WRITTEN.findall(e.name)[:1]
    )
    if len(days) < times or times < 2:
        return []
    if any((days[i + times - 1] - days[i]).days <= span for i in range(len(days) - times + 1)):
        return []
    shown = "、".join(str(d) for d in days)
    reason = (
        f"认定“{found.group(0)}”，但案卷所附前案处罚决定书的日期为{shown}，"
        f"任何{times}次都不在{found.group(1)}内，认定的事实与证据矛盾"
    )
    return [_flag(ReviewPoint.FACTS, reason, ctx, f"facts：“{found.group(0)}”；{shown}")]


def _repeat_unproven(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The cited provision raises the penalty for a repeat, the file relies on one, but no
    evidence shows the earlier decision."""
    basis = "".join(c.text for c in penalty_provisions(case, ctx))
    relied_on = _REPEAT_IN_FACTS.search(_narrative(case))  # a bare prior_offences count only
    if not (relied_on and _REPEAT_IN_LAW.search(basis)):  # feeds the discretion tiers
        return []
    if any(_PRIOR_RECORD.search(f"{e.name}{e.note}") for e in case.evidence):
        return []
    return [
        _flag(
            ReviewPoint.FACTS,
            "处罚依据以再次（曾受处罚）为条件，但证据中没有此前的处罚决定或违法记录",
            ctx,
            f"facts.prior_offences={case.facts.prior_offences}；"
            f"evidence：{'、'.join(e.name for e in case.evidence) or '无'}",
        )
    ]

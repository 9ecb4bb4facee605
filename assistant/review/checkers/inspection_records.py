"""Records an investigation step needs: an inspection (检查、勘验) and a questioning must be written
down (《行政处罚法》第五十五条第二款: 询问或者检查应当制作笔录) — a video or photos do not replace the
record; a fact found on site with neither a record nor a recording is, besides, not proven
(第四十条); nor is a fact found on a test whose result is not in the evidence."""

from __future__ import annotations

import re
from datetime import date

from assistant.case_file import CaseFile, Event
from assistant.review.checkers.fact_flags import case_narrative
from assistant.review.checkers.measured_facts import EXCEEDANCE, FAILED
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.public_order import INSPECTION_RECORD, special_rule
from assistant.review.recording_rule import AV_RULE
from assistant.review.statutory_fine import (
    established_circumstances,
    paragraph_citation,
    penalty_provisions,
    rule_in_force,
)
from assistant.review.statutory_range import UNCORRECTED
from assistant.review.summary_procedure import is_summary

_ON_SITE = re.compile(
    r"现场检查|现场发现|现场查获|现场查明|现场勘验|现场勘测|现场测量|现场丈量|现场核查|检查时发现"
    r"|检查发现|当场查获"
    r"|(?:抽查|(?<!网络)(?<!网上)(?<!在线)(?<!线上)巡查|监督检查|执法检查)[^，。；]{0,4}发现"
    r"|检查时[^，。；]{0,12}(?:陈列|存放|库存|摆放|在售|在架|待售|查见|查获|共计?)"
    # what the officers saw on a patrol (巡查时在车间墙上看到考勤表) is a fact found on site
    r"|(?:抽查|巡查|检查)时[^，。；]{0,16}(?:看到|看见|见到|查见|发现)"
    # 在常平物流园检查时测量，该车货厢栏板高度为1600毫米: a figure the inspection measured
    r"|(?:抽查|巡查|检查)时[^，。；]{0,4}(?:测量|测得|量得|丈量)"
)
_OBJECTIVE_TYPES = frozenset({"物证", "鉴定意见", "视听资料", "电子数据", "勘验笔录", "现场笔录"})
_SITE_RECORD = re.compile(r"现场笔录|勘验笔录|检查笔录|检查记录|现场检查|执法记录仪|录像|视频|录音")
# An inspection of a site (not an interview, not a recorded roadside stop): 现场检查、勘验.
_PREMISES = (
    r"(?:经营|生产|作业|施工)?(?:场所|厂区|厂房|车间|门店|店铺|商铺|仓库|工地|诊所|药房|药店|网吧|餐厅|厨房|后厨|宾馆|酒店"
    # a shop by its kind (士多店、便利店、小卖部、超市、档口)
    r"|[\u4e00-\u9fff]{1,3}店|超市|小卖部|档口"
    # a developer's or a carrier's counter (售楼部仍未明示节能信息)
    r"|售楼部|售楼处|营业厅|展厅"
    # a museum's or a venue's rooms (馆内仍无化石档案)
    r"|馆内|场馆|展馆)"
)
_CARRIED = r"(?:背包|挎包|书包|手提包|行李|随身物品|随身携带的物品|人身)"
_NOT_ONLINE = r"(?<!网络)(?<!网上)(?<!在线)(?<!线上)"
# 勘查 as a site inspection, not the mining term (勘查许可证、地质勘查项目、勘查区块: exploration)
_SURVEYED = r"(?<!地质)(?<!矿产)(?<!探矿)勘查(?!项目|许可|区块|区|单位|工作|报告|资质|实施方案|投入|作业|设计|成果|阶段|矿种|权)"
_INSPECTION = re.compile(
    rf"现场检查|现场核查|现场查验|实地检查|检查现场|勘验|{_SURVEYED}|勘测|丈量|踏勘|监督检查|执法检查|监督抽查"
    rf"|到场检查|上门检查|进场检查"
    # 进入出租屋天台检查 / 对粤S·3M72C货车开展检查: entering or carrying out an inspection
    rf"|(?:进入|开展|进行|实施)[^，。；]{{0,12}}检查(?!笔录|记录|证明|证件)"
    # 夜查云端网咖 / 夜间检查某歌舞厅: a night inspection of premises (网吧、歌舞厅 hours); a
    # night roadside check (夜查拦停、夜查酒驾) is no inspection of premises
    rf"|(?:夜查|夜间检查)[^，。；]{{0,8}}?(?:{_PREMISES}|网咖|歌舞厅|KTV|酒吧|娱乐场所|宾馆|旅馆)"
    # measuring a site (现场测量占地面积) is inspecting it; a laboratory's 测量 is not
    rf"|(?:现场|实地)[^，。；]{{0,6}}(?:测量|丈量|测绘)"
    # 田间检查，发现联合收割机…作业: an inspection of an outdoor site named by its kind
    rf"|(?:田间|田头|地头|山场|林间|河道|河段|工地|码头|库区)(?:现场)?(?:检查|巡查)"
    # 设置样方清点被毁幼树 / 现场清点: counting on site is inspecting it
    rf"|(?:现场|实地|样方)[^，。；]{{0,8}}(?:清点|点数|计数)|设置样方"
    # 经现场查看赵丽无明显外伤: looking at a person's injuries is no inspection of a place
    rf"|现场查看(?![^，。；]{{0,8}}(?:伤|身体|伤情))|实地查看|实地核查"
    # 到倾倒地点查看 / 前往该厂察看: going to the place to look is inspecting it
    # 到种猪场检查 likewise (never a visit 到医院检查 for one's own health)
    # nor 到县征兵体检站参加体格检查, a medical examination of a person
    rf"|(?:到|赴|前往)(?![^，。；]{{0,6}}(?:医院|卫生院|诊所))[^，。；]{{0,10}}"
    rf"(?:查看|察看|核查|复查|(?<!体格)(?<!身体)(?<!健康)检查)"
    # a named campaign of inspections at premises (消毒产品专项检查, 日常检查); a roadside stop
    # (路面检查) is not one
    rf"|(?:专项|日常|例行|突击|联合)(?:监督)?检查"
    # an online patrol (网络巡查发现) looked at web pages, not a site
    rf"|(?:抽查|{_NOT_ONLINE}巡查)[^，。；]{{0,4}}发现"
    # a finding inside the premises (夜间检查，在场内发现) is a site inspection; a roadside
    # stop (路面检查时发现) is not
    rf"|(?:场|店|厂|室)内[^，。；]{{0,6}}(?:发现|查获|查见)"
    # what the officers found at the premises (在当事人营业场所货架发现) was found inspecting them;
    # a guest a hotel's own ID check flagged (在酒店被人证核验发现) was found by no inspection
    rf"|在[^，。；]{{0,12}}{_PREMISES}(?![^，。；]{{0,6}}(?:核验|比对|系统))[^，。；]{{0,6}}"
    rf"(?:发现|查获|查见)"
    # a patrol that went into the premises (巡查时进入车间) inspected them
    rf"|巡查[^，。；]{{0,6}}?(?:到|至|进入)[^，。；]{{0,12}}{_PREMISES}"
    # a patrol that reached the place and saw the act (巡查至银洲湖西岸，见当事人正为…卸砂石)
    rf"|巡查(?:至|到)[^，。；]{{2,16}}[，,](?:见|看到|看见|发现|查见)"
    rf"|(?:对|进入|到)[^，。；]{{0,12}}{_PREMISES}[^，。；]{{0,6}}检查|检查(?:了)?[^，。；]{{0,4}}{_PREMISES}"
    # searching what a person carries (当场对其背包进行检查, 人身检查); a vehicle stopped on the
    # road is left to the roadside-stop forms
    rf"|(?:对其|对当事人|对该人)?{_CARRIED}[^，。；]{{0,4}}(?:进行)?(?:检查|搜查)"
    rf"|(?:检查|搜查)(?:了)?(?:其|当事人)?(?:的)?{_CARRIED}"
    # 对其身体进行检查 searches the person; 身体检查、心理测评均无异常 is a medical examination
    rf"|对(?:其|当事人|该人)?身体[^，。；]{{0,4}}(?:进行)?(?:检查|搜查)|(?:检查|搜查)(?:了)?(?:其|当事人)?的?身体"
    # customs examining goods (对报关单项下货物实施查验); checking a paper (查验证件) is not one
    rf"|(?:实施|进行|开展)查验|(?:货物|物品|集装箱|运输工具)[^，。；]{{0,4}}查验"
    rf"|查验(?:了)?[^，。；]{{0,4}}(?:货物|物品|集装箱|运输工具)"
    # counting the stock on the premises (清点货架及仓库库存) is an inspection whatever its title
    rf"|(?:清点|盘点)[^，。；]{{0,10}}(?:库存|存货|货架|货物|商品|数量|{_PREMISES})"
)
# The written record of it, by any agency's title.
INSPECTION_RECORD_TITLE = re.compile(
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


# 经检测、经抽样检验、经监测: the finding is a laboratory's or an instrument's result
# 经检验 found by a test; 未经检验 (钢瓶超过定期检验周期未经检验) is the conduct, no test made
_TESTED = re.compile(r"(?<![未不没])经(?:抽样|抽检|委托|送检|现场)?(?:检测|检验|监测|化验|鉴定)")
# 实测载质量15200kg…超载52%: a load found by weighing, whose weighing record is the evidence
_WEIGHED = re.compile(r"实测[^，。；]{0,4}(?:质量|重量)|称重|过磅|称量|计重")
_OVERLOADED = re.compile(r"超载|超限|超(?:过|出)核定(?:载)?(?:质量|重量)")
# the result itself in any form (检测报告、检验结论、监测数据、鉴定意见、化验单); a receipt for
# the notice of it (检测结果告知书送达回执) carries no result
_RESULT_PAPER = re.compile(
    r"(?:检测|检验|监测|鉴定|化验|检定|抽检|快检|称重|过磅|计重|称量)[^，、；]{0,8}"
    r"(?:报告|意见|结论|结果|数据|记录|证书)"
    r"|(?:检测|检验|化验|称重|过磅)单|磅单"
)
_RECEIPT = re.compile(r"回执|回证|签收")
_STATEMENT = re.compile(r"陈述|询问笔录|讯问笔录|查问笔录|证人证言")


def test_result_missing(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The decision finds a product or discharge over its limit (不合格) on a test, but the
    evidence holds no result of that test: the fact rests on no evidence (第四十条)."""
    told = case_narrative(case)
    tested = _TESTED.search(told)
    weighed = _WEIGHED.search(told) if _OVERLOADED.search(told) else None
    if tested is None or not (EXCEEDANCE.search(told) or FAILED.search(told)):
        tested = weighed
    if tested is None:
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


# 海关依法检查运输工具和场所，查验货物、物品，应当制作检查、查验记录 (海关行政处罚实施条例
# 第三十六条): a customs case's own record duty, as 治安管理处罚法第八十八条 is a 治安 case's
_CUSTOMS_RECORD = "《中华人民共和国海关行政处罚实施条例》第三十六条"
_CUSTOMS_LAWS = frozenset({"海关法", "海关行政处罚实施条例"})


def record_rule(case: CaseFile, ctx: ReviewContext) -> str:
    """The article requiring an inspection's record: 治安管理处罚法第八十八条 (检查的情况应当
    制作检查笔录) for a 治安 case, 海关行政处罚实施条例第三十六条 for a customs one, the special
    law speaking for itself; 第五十五条第二款 else."""
    return (
        special_rule(case, ctx, INSPECTION_RECORD)
        or _customs_rule(case, ctx)
        or ctx.penalty_law("第五十五条第二款")
    )


# 执法人员进行询问和调查，应当制作笔录，并由被询问人或者被调查人签字 (反垄断法第四十八条第二款,
# 反洗钱法第四十四条): the field's own law asking for the record, cited beside the general rule
_OWN_RECORD_DUTY = re.compile(r"(?:询问|调查|检查)[^。；]{0,12}应当制作(?:询问|检查|现场)?笔录")


def own_law_record(case: CaseFile, ctx: ReviewContext) -> list[str]:
    """The paragraphs of the cited 罚则's own laws that require an investigation's record."""
    found = []
    for citation in penalty_provisions(case, ctx):
        for record in ctx.articles_in(citation.law, citation.version):
            for paragraph in record.paragraphs:
                if _OWN_RECORD_DUTY.search(paragraph.text):
                    found.append(paragraph_citation(record, paragraph.number))
    return list(dict.fromkeys(found))


def _customs_rule(case: CaseFile, ctx: ReviewContext) -> str | None:
    if not any(c.law in _CUSTOMS_LAWS for c in penalty_provisions(case, ctx)):
        return None
    return rule_in_force(ctx, _CUSTOMS_RECORD, case.act_date, "查验记录")


_BODY_CAMERA = re.compile(r"执法记录仪")
# 复查取证，网店首页仍未公示: a web shop looked at online is no premises visited
_ONLINE_PLACE = re.compile(r"网店|网站|网页|平台|公众号|小程序|APP|App|线上|网络|网上")


def step_said_unrecorded(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
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
        # (复查，甲、乙仍在成品车间上班: a 复查 that names the premises was made there)
        # 逾期复查服务器日志配置…执法记录仪全程记录: a 复查 filmed on a body camera was made there
        on_site = (
            _INSPECTION.search(e.note)
            or (re.search(_PREMISES, e.note) and not _ONLINE_PLACE.search(e.note))
            or _BODY_CAMERA.search(e.note)
        )
        recheck = relied and RECHECK.search(e.note) and on_site
        if said is None and not recheck:
            continue
        if e.date is not None and _recorded_on(case, e.date, INSPECTION_RECORD_TITLE):
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


# 查问 is the customs word for it (海关法第六条第（二）项, 查问笔录)
_QUESTIONING = re.compile(r"询问|讯问|查问")
_QUESTIONING_RECORD = re.compile(r"(?:询问|讯问|查问|问话|谈话|调查)[^，。；、]{0,8}(?:笔录|记录)")
_QUESTIONING_MINUTES = re.compile(r"(?:询问|讯问|查问|问话|谈话|调查)[^，。；、]{0,8}笔录")


def unrecorded_questioning(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
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


# 询问过程录音录像（未制作书面询问笔录）: a title that says the record was not made names none
_DENIED_RECORD = re.compile(
    r"(?:无(?![需须])|没有|未制作|未作|未形成|缺少|未见)[^，。；（）()]{0,8}(?:笔录|记录(?!仪))"
)


def _recorded_on(case: CaseFile, day: date | None, words: re.Pattern[str]) -> bool:
    """An evidence item or document of that day whose title names a record (``words``)."""
    return any(
        on == day and words.search(_DENIED_RECORD.sub("", text))
        for text, on in _dated_records(case)
    )


def _questioning_flag(ctx: ReviewContext, step: Event, reason: str) -> Flag:
    """第五十五条第二款 (询问应当制作笔录) for a questioning step left unwritten."""
    return Flag(
        point=ReviewPoint.EVIDENCE,
        severity=Severity.MUST_FIX,
        reason=reason,
        rule=ctx.penalty_law("第五十五条第二款"),
        evidence=f"events（{step.date} {step.type}）note：{step.note}",
    )


def questioning_said_unrecorded(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A questioning the file itself says was not written down (口头询问证人，未制作询问
    笔录), with no questioning record of that day: what was said there is no lawful evidence,
    whoever else was questioned on record later (第五十五条第二款 询问应当制作笔录)."""
    if is_summary(case):
        return []
    for e in case.events_of("调查取证"):
        said = _NO_QUESTIONING_RECORD.search(e.note)
        # 制作工作记录，未制作询问笔录: a file denying the 笔录 is answered by a 笔录 only
        made = (
            _QUESTIONING_MINUTES if said and said.group(0).endswith("笔录") else _QUESTIONING_RECORD
        )
        if said is None or _recorded_on(case, e.date, made):
            continue
        return [
            _questioning_flag(
                ctx,
                e,
                f"案卷记载{e.date}的询问未制作笔录（“{said.group(0)}”），"
                "该次询问所得的陈述不能作为认定事实的证据；询问应当制作笔录",
            )
        ]
    return []


# 询问王某强 / 询问证人李某: the person a questioning step heard
_QUESTIONED = re.compile(
    r"询问(?:了)?(?:证人|当事人|借用人|投诉人|举报人|驾驶员|乘客)?([\u4e00-\u9fff]{1,2}某[\u4e00-\u9fff]?)"
)


_STATEMENT = re.compile(r"笔录|陈述|证言|证明|说明")


def questioned_person_unrecorded(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A questioning step naming the person heard (询问王某强) with no record of that day and no
    evidence from that person, while the narrative rests on what that person said: the statement
    is no lawful evidence (第五十五条第二款 询问应当制作笔录)."""
    if is_summary(case):
        return []
    # what people said on record: statements and testimony, not papers that name them
    sources = "".join(
        f"{x.name}{x.source}"
        for x in case.evidence
        if x.type in ("证人证言", "当事人的陈述") or _STATEMENT.search(x.name)
    )
    narrative = case_narrative(case)
    for e in case.events_of("调查取证"):
        heard = _QUESTIONED.search(e.note)
        if heard is None or "笔录" in e.note:
            continue
        person = heard.group(1)
        if person in sources or person not in narrative:
            continue
        if _recorded_on(case, e.date, _ANY_RECORD):
            continue
        return [
            _questioning_flag(
                ctx,
                e,
                f"案卷记载{e.date}询问{person}，但没有该次询问的笔录，证据中也没有{person}的陈述，"
                "认定事实所依据的陈述不能作为证据；询问应当制作笔录",
            )
        ]
    return []


# 经询问乘客，乘客均称每人支付车费60元: the narrative rests on what a class of people said
_HEARD_CLASS = re.compile(
    r"经(?:询问|走访|调查)[^，。；]{0,6}?(乘客|证人|消费者|顾客|员工|工人|业主|学员|患者|购买者|村民|租户)"
)


_OWN_WORDS = re.compile(r"询问笔录|查问笔录|调查笔录|证言|陈述|证明|说明")


def narrated_hearing_unrecorded(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The decided facts rest on what people were asked (经询问乘客，乘客均称…) while no record
    of theirs is in the file — no 询问笔录, 证言 or statement naming them: what they said is no
    lawful evidence (第五十五条第二款 询问应当制作笔录)."""
    if is_summary(case):
        return []
    heard = _HEARD_CLASS.search(case_narrative(case))
    if heard is None:
        return []
    who = heard.group(1)
    # their own words on record (乘客询问笔录, 证人证言, 顾客陈述), not a paper naming them (现场
    # 检查笔录（记载车内5名乘客）) nor a review's summary of them
    papers = [f"{x.type}{x.name}{x.source or ''}" for x in case.evidence] + [
        d.type for d in case.documents
    ]
    if any(who in paper and _OWN_WORDS.search(paper) for paper in papers):
        return []
    return [
        Flag(
            point=ReviewPoint.EVIDENCE,
            severity=Severity.MUST_FIX,
            reason=f"认定的事实依据{who}的陈述（“{heard.group(0)}”），但案卷没有{who}的询问笔录或证言，"
            "该陈述不能作为认定事实的证据；询问应当制作笔录",
            rule=ctx.penalty_law("第五十五条第二款"),
            evidence="evidence：" + ("、".join(x.name for x in case.evidence) or "无"),
        )
    ]


# 电话联系患者刘某、陈某，了解收受红包情况: people asked by telephone, whose answers are statements
_REMOTE_ASKING = re.compile(
    r"(?:电话|微信|通过电话)(?:联系|询问|回访|核实|走访)[^。；]{0,30}?(?:了解|核实|询问|证实)"
)
_ANY_RECORD = re.compile(r"笔录|证言|记录(?!仪)|录音")


def remote_questioning_unrecorded(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """People asked by telephone about the facts (电话联系患者…了解情况) with no record of that day
    — no 询问笔录, 证人证言, call record or recording: what they said is no lawful evidence
    (第五十五条第二款 询问应当制作笔录)."""
    if is_summary(case):
        return []
    for e in case.events_of("调查取证"):
        said = _REMOTE_ASKING.search(e.note)
        if said is None or _recorded_on(case, e.date, _ANY_RECORD):
            continue
        return [
            _questioning_flag(
                ctx,
                e,
                f"案卷记载{e.date}以电话等方式向有关人员了解情况（“{said.group(0)}”），"
                "但当日没有询问笔录、证人证言或通话记录，所得陈述不能作为认定事实的证据；询问应当制作笔录",
            )
        ]
    return []


def _inspections(case: CaseFile) -> list[str]:
    """Where the file says an inspection took place: its steps and its narrative."""
    found = [
        f"events（{e.date} {e.type}）note：{e.note}"
        for e in case.events
        if e.type == "调查取证" and _INSPECTION.search(e.note) and not _fetched_only(case, e)
    ]
    # “无现场勘测笔录” says a record is missing, not that an inspection took place
    narrative = _NO_SITE_RECORD.sub("", case_narrative(case))
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


# 到当事人经营场所核查，调取进口合同…开列提取书证清单: a visit to take papers, its list the record
_FETCHED = re.compile(r"(?:调取|提取)[^。；]{0,40}清单")
_FETCH_LIST = re.compile(r"(?:调取|提取)[^，。；、]{0,6}清单")


def _fetched_only(case: CaseFile, step: Event) -> bool:
    """The step went to the premises to take papers and listed them that day (提取书证清单): the
    list records what was taken, and the step found nothing on site for a 检查笔录 to hold."""
    if not _FETCHED.search(step.note) or _ON_SITE.search(step.note):
        return False
    return _recorded_on(case, step.date, _FETCH_LIST)


def _party_did(text: str, start: int, people: list[str]) -> bool:
    """The clause's subject is a party (赵子豪在其打工的杂货店柜台发现…车钥匙): what the offender
    found in a shop is the act told, not an inspection of the shop."""
    clause = re.split(r"[，。；\n]", text[:start])[-1].strip()
    return any(clause.startswith(name) for name in people)


def _unrecorded(case: CaseFile) -> bool:
    """No inspection record at all, or only records of later steps — a 复查 proves the
    correction, a 测量见证记录 the area measured — not what the first inspection found."""
    found = [
        (text, day) for text, day in _dated_records(case) if INSPECTION_RECORD_TITLE.search(text)
    ]
    if not found:
        return True
    first = min(
        (e.date for e in case.events_of("调查取证") if e.date and _first_look(e.note)),
        default=None,
    )
    return first is not None and all(
        (RECHECK.search(text) or _MEASURED_LATER.search(text)) and day is not None and day > first
        for text, day in found
    )


# 测量见证记录 / 勘测定界记录: a survey's own record, made after the inspection that found the act
_MEASURED_LATER = re.compile(r"测量|丈量|勘测|测绘|见证")


# 复查 / 复核检查: the visit after an order to correct, not the inspection that found the act.
RECHECK = re.compile(r"复查|复核|回访")


def _first_look(note: str) -> bool:
    """An inspection step that is not a re-inspection."""
    return bool(_INSPECTION.search(note) or _SEARCHED.search(note)) and not RECHECK.search(note)


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
    return any(f.severity is Severity.MUST_FIX for f in on_site_unrecorded(case, ctx))


# 到棋牌室二楼检查: any step that says it inspected (the premises need not be named)
_SEARCHED = re.compile(rf"检查(?!笔录|记录)|勘验|{_SURVEYED}")


def _records(case: CaseFile) -> list[str]:
    return [text for text, _ in _dated_records(case)]


def unproven_site_fact(case: CaseFile) -> bool:
    """The file rests on a fact found on site with no record, no recording and nothing
    objective (物证、鉴定、检测): not proven (第四十条), whatever else is in the file."""
    if not _inspections(case) or not _unrecorded(case) or not _ON_SITE.search(case_narrative(case)):
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
    narrative = case_narrative(case)
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
    if _figures_from_inspection(case) or _confirmed_on_inspection(case):
        return True
    return any(
        e.type == "物证" or _TAKEN_ON_SITE.search(f"{e.name}{e.obtained_by or ''}")
        for e in case.evidence
    )


_NOTE_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# 现场检查…，确认餐厅对社会公众营业: what the inspection established, in the note's words
_CONFIRMED = re.compile(r"(?:确认|查明|证实|认定)([^，。；]{4,30})")
_SHARED = 4  # characters of the violation's own wording the confirmed clause repeats


def _confirmed_on_inspection(case: CaseFile) -> bool:
    """An inspection whose note says it established the act as the decision words it
    (确认…对社会公众营业 for 对社会公众承接酒席): the decided fact is that inspection's."""
    violation = case.violation.description
    for e in case.events_of("调查取证"):
        if not _INSPECTION.search(e.note):
            continue
        for clause in _CONFIRMED.findall(e.note):
            grams = {clause[i : i + _SHARED] for i in range(len(clause) - _SHARED + 1)}
            if any(g in violation for g in grams):
                return True
    return False


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
    said = next((m for m in (_NO_SITE_RECORD.search(t) for t in [case_narrative(case)]) if m), None)
    if said is None or any(INSPECTION_RECORD_TITLE.search(r) for r in _records(case)):
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


def on_site_unrecorded(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
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
    on_site = _ON_SITE.search(case_narrative(case))
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

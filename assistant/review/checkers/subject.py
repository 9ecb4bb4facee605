"""执法主体是否合法: competence on record, entrusted bodies that may be entrusted and act in
the entrusting name, internal units acting in their own name. (Territory and level —
第二十二条、第二十三条 — are limits of a lawful subject's power: see checkers.authority.)"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.case_text import clauses, passages
from assistant.review.checkers.authority import (
    COORDINATING_BODY,
    assigning_articles,
    authorised_in_own_name,
    beyond_authorisation,
    department_findings,
    law_assigning_rules,
    names_agency,
    penalty_assigners,
    township_without_handover,
    unauthorised_organisation,
)
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.penalty_kinds import imposes_penalty
from assistant.review.police_procedure import TRAFFIC_POLICE
from assistant.review.public_order import STATION, is_police_station, special_rule
from assistant.review.statutory_fine import is_general_law, penalty_provisions
from corpus.citation_resolver import CitationError, CitationErrorCode, ResolvedCitation

_flag = PointFlags(ReviewPoint.SUBJECT)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    return (
        _competence(case, ctx)
        + _entrustee(case, ctx)
        + _entrustment(case, ctx)
        + _unwritten_entrustment(case, ctx)
        + _internal_unit(case, ctx)
        + _coordinating_body(case, ctx)
        + _police_team(case, ctx)
        + _traffic_squad(case, ctx)
        + _organisation(case, ctx)
    )


def _organisation(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """An authorised organisation's own findings, one reading each: its basis hands the power
    to a department, it acts outside its authorisation, or (else) its basis gives none."""
    found = _unauthorised(case, ctx) + _outside_authorisation(case, ctx)
    return found or _basis_without_penalty(case, ctx)


# 处…罚款 / 没收 / 吊销 / 给予警告 / 行政处罚: a provision that gives a power to punish
_PUNISHES = re.compile(r"罚款|没收|吊销|警告|行政处罚|处罚")
# 事业单位 and companies: 某中心、某监测站、某所、某气象台 — not the 局、大队 statutes name as organs
_INSTITUTION = re.compile(r"(?:中心|站|所|台|院|部|处|公司)$")
# 某中心南雄管理部 / 某分中心 / 某办事处: a branch, not the 中心 a provision names
_BRANCH = re.compile(r"(?:管理部|分中心|办事处|分部|营业部|服务部)$")


def _basis_without_penalty(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """An organisation said to be 法律法规授权 whose cited basis gives it no power to punish
    at all (无线电管理条例第五十七条: a 监测站 monitors; 医疗保障基金使用监督管理条例第十三条: the
    经办机构 manages agreements), or a branch of the organisation the basis names (a 管理部 of a
    住房公积金管理中心): neither is an organisation a law authorises to punish (第十九条)."""
    agency = case.agency
    if not authorised_in_own_name(case) or not agency.powers.basis or _internal_unit(case, ctx):
        return []
    if not _INSTITUTION.search(agency.name) and not _law_assigns_others(case, ctx):
        return []  # a 局、大队 is an organ a statute names (消防救援机构, 交通管理部门): read elsewhere
    texts = []
    for written in agency.powers.basis:
        found = [r for r in ctx.resolve(written, case.act_date) if isinstance(r, ResolvedCitation)]
        if not found:
            return []  # a basis that cannot be read is the competence finding's
        texts += [r.article_text for r in found]
    if any(_PUNISHES.search(t) for t in texts) and not _BRANCH.search(agency.name):
        return []
    if _basis_defines_punisher(case, ctx, texts):
        return []
    why = (
        "其所列授权依据未授予行政处罚权"
        if not any(_PUNISHES.search(t) for t in texts)
        else "其为授权组织的分支机构，授权依据所授权的是该组织本身"
    )
    return [
        _flag(
            Severity.MUST_FIX,
            f"{agency.name}以法律、法规授权的组织名义实施行政处罚，但{why}"
            f"（{'、'.join(agency.powers.basis)}），不具备行政处罚主体资格",
            ctx.penalty_law("第十九条"),
            f"agency.kind={agency.kind}；agency.powers.basis：{'、'.join(agency.powers.basis)}",
            # 计量法第三十条: the law's own article saying whose its penalties are
            also_cites=assigning_articles(
                ctx, [c for c in penalty_provisions(case, ctx) if not is_general_law(c)]
            ),
        )
    ]


def _basis_defines_punisher(case: CaseFile, ctx: ReviewContext, texts: list[str]) -> bool:
    """The basis names the body as the organ the cited 罚则 gives the power to (棉花质量监督管理
    条例第四条第二款: 专业纤维检验机构…统称棉花质量监督机构; 第三十条: 由棉花质量监督机构没收…)."""
    assigners = [
        a
        for c in penalty_provisions(case, ctx)
        if not is_general_law(c)
        for a in penalty_assigners(c.article_text)
    ]
    return any(
        re.search(rf"(?:统称|以下称|以下简称|简称)[^，。；）)]{{0,4}}{re.escape(a)}", t)
        for a in assigners
        if len(a) >= 4
        for t in texts
    )


# 由…林业主管部门或其授权的单位决定 (森林病虫害防治条例第二十六条): the law lets others be authorised
_AUTHORISED_TOO = re.compile(r"授权的(?:单位|组织|机构)")
_ASSIGNED_ORGAN = re.compile(r"由([^。；]{2,60}?)(?:依据职权)?决定")


def _law_assigns_others(case: CaseFile, ctx: ReviewContext) -> bool:
    """The law of the applied 罚则 gives its penalties to named organs, none of them the
    agency's kind of body (水文条例第四十三条: 水行政主管部门或者流域管理机构, not the 水文局 a
    事业单位 is called): a 局 that no statute names as an organ is no punishing organ either."""
    provisions = [c for c in penalty_provisions(case, ctx) if not is_general_law(c)]
    for rule in assigning_articles(ctx, provisions):
        record = next(iter(ctx.resolved(rule, case.act_date)), None)
        text = record.article_text if record is not None else ""
        organs = [m.group(1) for m in _ASSIGNED_ORGAN.finditer(text)]
        if organs and not _AUTHORISED_TOO.search(text) and not names_agency(case, organs):
            return True
    return False


def _outside_authorisation(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """An authorised organisation (自然保护区管理处) applying a 罚则 that gives the power to a
    department (森林法第七十六条: 林业主管部门), under a law that never makes it a punishing
    organ, acts outside its authorisation: 第十九条 lets it punish only 在法定授权范围内."""
    if not authorised_in_own_name(case) or _internal_unit(case, ctx):
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"{case.agency.name}是法律、法规授权的组织，只能在法定授权范围内以自己名义实施行政处罚；"
            + found.reason,
            ctx.penalty_law("第十九条"),
            found.evidence,
            also_cites=[found.rule],
        )
        for found in department_findings(case, ctx)
        if beyond_authorisation(case, ctx, found)
    ]


def _unauthorised(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """Only an organisation a law or regulation itself authorises punishes in its own name
    (第十九条): one whose cited 职权依据 hands the power to a department is not authorised."""
    agency = case.agency
    if agency.acts_in_name_of and agency.acts_in_name_of != agency.name:
        return []
    if _internal_unit(case, ctx):
        return []  # the same 第十九条 defect, found as a department's unit
    named = unauthorised_organisation(case, ctx)
    if not named:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"{agency.name}不是行政机关，其职权依据{'、'.join(agency.powers.basis)}将处罚权赋予"
            f"{'、'.join(named)}部门而非该组织，不属于法律、法规授权的组织，不能以自己名义实施行政处罚",
            ctx.penalty_law("第十九条"),
            f"agency.kind={agency.kind}；agency.name={agency.name}；"
            f"agency.powers.basis：{'、'.join(agency.powers.basis)}",
            # the 罚则 applied names the department the power is the department's
            also_cites=[c.citation for c in penalty_provisions(case, ctx) if not is_general_law(c)],
        )
    ]


def _competence(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """The agency's power must rest on a provision that exists (第十七条)."""
    rule = ctx.penalty_law("第十七条")
    basis = case.agency.powers.basis
    if not basis and township_without_handover(case, ctx):
        return []  # its only basis is a 第二十四条 decision: the authority point's finding
    if not basis:
        # basis: [] says the file found none; a file that leaves the field out is silent
        stated = "basis" in case.agency.powers.model_fields_set
        return [
            _flag(
                Severity.MUST_FIX if stated else Severity.CHECK,
                "案卷未载明执法主体的法定职权依据，无法确认其具有行政处罚权",
                rule,
                "agency.powers.basis 为空" if stated else "案卷未填写 agency.powers.basis",
            )
        ]
    flags = []
    for written in basis:
        errors = [r for r in ctx.resolve(written, case.act_date) if isinstance(r, CitationError)]
        if errors:
            unknown = errors[0].code is CitationErrorCode.UNKNOWN_LAW  # a corpus gap
            flags.append(
                _flag(
                    Severity.CHECK if unknown else Severity.MUST_FIX,
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


# 口头委托 / 未签订委托书 / 无书面委托: the file says the entrustment was never put in writing
_UNWRITTEN = re.compile(
    r"口头委托|(?:未|没有|无|未曾)(?:签订|签署|出具|制作|订立|形成)?[^，。；]{0,4}"
    r"(?:书面委托|委托书|委托协议|委托合同)"
)


def _unwritten_entrustment(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """第二十条第一款: 行政机关 entrusts only in writing (书面委托). Flagged only where the file
    says the entrustment was oral or never written: files often leave the 委托书 unlisted."""
    if case.agency.kind != "受委托组织":
        return []
    for passage in passages(case):
        said = next((c for c in clauses(passage.text) if _UNWRITTEN.search(c)), None)
        if said is not None:
            return [
                _flag(
                    Severity.MUST_FIX,
                    f"{case.agency.name}受委托实施行政处罚，案卷载明委托未采用书面形式",
                    ctx.penalty_law("第二十条第一款"),
                    f"{passage.where}：{said}",
                )
            ]
    return []


# A business (企业) is not "依法成立并具有管理公共事务职能" (第二十一条第（一）项).
# 广东电网有限责任公司某供电局: a company's branch is the company
_BUSINESS = re.compile(
    r"(有限责任公司|股份有限公司|有限公司|公司|企业|合伙|工作室|商行|店)$|有限责任公司|有限公司"
)
# Units inside an agency hold no penalty power of their own: 科、股、室 and a team's 站 (某消防
# 救援大队某消防救援站: the statute authorises the 消防救援机构, the 大队) always; a 处 (not
# 办事处) when it claims to be an agency itself (some 管理处 are authorised by statute).
# Two 办公室 are government departments, not units: 人民防空办公室 (人民防空法第七条: 人民防空
# 主管部门) and 互联网信息办公室 (the 网信部门 of 网络安全法、个人信息保护法)
_INTERNAL_UNIT = re.compile(
    r"(科|股|(?<!人民防空办公)(?<!互联网信息办公)室)$|(?:大队|支队)[\u4e00-\u9fa5]{1,12}站$"
    # 某市审计局第二审计组 / 某局专案组: a team the department sends, no organ of its own
    r"|(?:局|厅|委员会)[\u4e00-\u9fa5]{0,12}(?<!领导小)组$"
    # 某出入境边防检查站执勤二队: a duty team inside a 检查站, which is the organ the law names
    r"|检查站[\u4e00-\u9fa5]{0,8}队$"
)
# 某铁路公安局广州公安处: a 公安处 of the railway (交通、森林) police is a 县级 public security
# organ with its own district, not a division inside a bureau
_INTERNAL_DIVISION = re.compile(r"(?<!办事)(?<!公安)处$")
# 某局劳动保障监察支队 / 某局执法监察大队: a team named under its department is part of that
# department; only statute makes such a team a subject (道路交通安全法: 公安机关交通管理部门;
# 消防法: 消防救援机构), so police and fire teams are left alone.
# 某区农业综合行政执法大队 / 某市自然资源执法监察大队: the 综合行政执法 reform's teams act in
# their department's name; no statute names such a team, so it is that department's unit too.
_DEPARTMENT_TEAM = re.compile(
    r"(?:局|委员会|厅)[\u4e00-\u9fa5]{0,12}(?:支队|大队|中队)$"
    r"|(?:综合行政执法|综合执法|执法监察)(?:支队|大队|中队)$"
)
_STATUTORY_TEAMS = ("公安", "交通警察", "交警", "消防")
# 某市生态环境局某某分局: since the 省以下环保机构垂直管理 reform the county bureau is the city
# bureau's 派出分局 (派出机构), and the 污染防治 laws give penalty power to 县级以上人民政府
# 生态环境主管部门 only — so the 分局 decides in the city bureau's name. A 公安分局 is a
# 县级公安机关 (治安管理处罚法第九十一条) and is not matched.
# A city 自然资源局's or 市场监督管理局's 分局 is its 派出机构 likewise (清远市自然资源局清城分局,
# 东莞市市场监督管理局长安分局): the 测绘、土地 and market laws give the power to 县级以上人民政府
# departments, not to their branches.
_BUREAU_BRANCH = re.compile(
    r"(?:生态环境|环境保护|自然资源|市场监督管理|市场监管)局[\u4e00-\u9fa5]{1,10}分局$"
)


# 台山市自然资源局斗山自然资源所 / 某县林业局某林业站: a station the bureau sends out; 派出所
# (治安管理处罚法第九十一条), 税务所 (税收征收管理法第七十四条) and 检查站 have statutory powers;
# a 市场监督管理所 is read by the authority point's station rules
_BUREAU_STATION = re.compile(
    r"局[\u4e00-\u9fa5]{1,12}(?<!派出)(?<!税务)(?<!检查)(?<!市场监督管理)(?:所|站)$"
)


def _entrustee(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """Only an organisation managing public affairs may be entrusted (第二十条第一款、
    第二十一条); a company fails 第二十一条 even when it acts in the agency's name."""
    agency = case.agency
    if agency.kind != "受委托组织" or not _BUSINESS.search(agency.name):
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"{agency.name}是企业，不是依法成立并具有管理公共事务职能的组织，"
            f"不符合受委托组织的条件，{agency.entrusted_by or '委托机关'}不得委托其实施行政处罚",
            ctx.penalty_law("第二十一条"),
            f"agency.kind=受委托组织，agency.name={agency.name}",
        )
    ]


def _department_team(name: str) -> bool:
    return bool(_DEPARTMENT_TEAM.search(name)) and not any(w in name for w in _STATUTORY_TEAMS)


def _internal_unit(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """An internal unit (内设机构、派出机构) deciding in its own name is no lawful subject: it
    is no agency (第十七条) and no organisation a law or regulation authorises (第十九条).

    A team named under its department (某水利局水政监察大队) that the file calls 法律法规授权组织
    is still that department's unit: a 罚则 giving the power to the department's kind gives
    it to the department, so the claimed authorisation (第十九条) is the defect, unless the
    cited basis itself names the team."""
    agency = case.agency
    claims_authorisation = agency.kind == "法律法规授权组织"
    internal = _INTERNAL_UNIT.search(agency.name) or (
        agency.kind == "行政机关"
        and (
            _INTERNAL_DIVISION.search(agency.name)
            or _department_team(agency.name)
            or _BUREAU_BRANCH.search(agency.name)
            or _BUREAU_STATION.search(agency.name)
        )
    )
    if claims_authorisation and _department_team(agency.name):
        internal = not _basis_names_team(case, ctx)
    if agency.kind == "受委托组织" or not internal or COORDINATING_BODY.search(agency.name):
        return []  # a coordinating body's office is _coordinating_body's finding
    if agency.acts_in_name_of and agency.acts_in_name_of != agency.name:
        return []
    rules = [ctx.penalty_law("第十七条"), ctx.penalty_law("第十九条")]
    if claims_authorisation:
        rules.reverse()
    rules += law_assigning_rules(case, ctx)
    return [
        _flag(
            Severity.MUST_FIX,
            f"{agency.name}是行政机关的内设机构或派出机构，没有法律、法规授权，"
            "不具有行政处罚权，不能以自己名义作出行政处罚",
            rules[0],
            f"agency.name={agency.name}；agency.kind={agency.kind}",
            also_cites=rules[1:],
        )
    ]


def _coordinating_body(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A 议事协调机构 (or its office) deciding in its own name: no lawful subject (第十七条)."""
    agency = case.agency
    name = agency.acts_in_name_of or agency.name
    if agency.kind == "受委托组织" or not COORDINATING_BODY.search(name):
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"{name}是议事协调机构（或其办事机构），不是行政机关，也没有法律、法规授权，"
            "不能以自己名义作出行政处罚",
            ctx.penalty_law("第十七条"),
            f"agency.name={name}；agency.kind={agency.kind}",
        )
    ]


def _basis_names_team(case: CaseFile, ctx: ReviewContext) -> bool:
    """The cited 职权依据 names the team itself (its name after the department, e.g.
    水政监察大队), so a law or regulation may authorise it; unresolvable basis: assume so."""
    found = _DEPARTMENT_TEAM.search(case.agency.name)
    team = re.sub(r"^(?:局|委员会|厅)", "", found.group()) if found else ""
    for written in case.agency.powers.basis:
        for cited in ctx.resolve(written, case.act_date):
            text = getattr(cited, "article_text", None)
            if text is None or team in text:
                return True
    return False


# 公安局治安管理大队 / 刑侦支队 / 巡特警中队: a team inside a 公安局 or 分局.
_POLICE_TEAM = re.compile(r"公安[\u4e00-\u9fa5]{0,16}(?:支队|大队|中队)$")
# teams a statute makes a subject: 公安机关交通管理部门 (道路交通安全法), 消防救援机构, 出入境管理机构
_OWN_STATUTE_TEAM = re.compile(rf"{TRAFFIC_POLICE.pattern}|消防|出入境|边防")


# 某交通警察大队沙坪中队: a squad under the county traffic brigade, not itself a 公安机关交通管理部门
_TRAFFIC_SQUAD = re.compile(
    r"交通警察大队[\u4e00-\u9fa5]{1,8}中队$|交警大队[\u4e00-\u9fa5]{1,8}中队$"
)
_TRAFFIC_DECIDER = "《道路交通安全违法行为处理程序规定》第六条第一款"


def _traffic_squad(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """警告、罚款、暂扣驾驶证 are decided by a 县级以上公安机关交通管理部门 (程序规定第六条第一款):
    the 大队 is one, a 中队 under it is its unit, which cannot decide in its own name."""
    agency = case.agency
    if not _TRAFFIC_SQUAD.search(agency.name) or not imposes_penalty(case):
        return []
    if agency.acts_in_name_of and agency.acts_in_name_of != agency.name:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            f"{agency.name}是县级公安机关交通管理部门（交通警察大队）的中队，不是公安机关交通管理部门，"
            "不能以自己名义作出警告、罚款、暂扣驾驶证的处罚决定",
            ctx.rule(_TRAFFIC_DECIDER),
            f"agency.name={agency.name}",
            also_cites=[ctx.penalty_law("第十七条")],
        )
    ]


def _police_team(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """治安管理处罚法第九十一条: 治安管理处罚由县级以上人民政府公安机关决定 (a 派出所 only
    警告 and small fines). A 大队/支队 inside a 公安局 is neither, so a 治安 penalty in its
    own name has no lawful subject; a traffic or fire team's own statutes are not 治安 cases."""
    agency = case.agency
    if not _POLICE_TEAM.search(agency.name) or is_police_station(case):
        return []
    if agency.acts_in_name_of and agency.acts_in_name_of != agency.name:
        return []
    rule = special_rule(case, ctx, STATION)
    if rule is not None:
        return [
            _flag(
                Severity.MUST_FIX,
                f"{agency.name}是公安机关的内设机构，治安管理处罚应由县级以上人民政府公安机关"
                "（或在权限内由公安派出所）决定，不能以内设机构自己的名义作出",
                rule,
                f"agency.name={agency.name}",
            )
        ]
    if _OWN_STATUTE_TEAM.search(agency.name) or not imposes_penalty(case):
        return []
    # 娱乐场所管理条例第四十四条: 由县级公安部门 — the 公安局, not its 治安管理大队
    return [
        _flag(
            Severity.MUST_FIX,
            f"{agency.name}是公安机关的内设机构，没有法律、法规授权，不能以自己的名义作出行政处罚",
            ctx.penalty_law("第十七条"),
            f"agency.name={agency.name}",
            # no agency (第十七条) and no organisation a law authorises (第十九条), as any unit
            also_cites=[ctx.penalty_law("第十九条")],
        )
    ]

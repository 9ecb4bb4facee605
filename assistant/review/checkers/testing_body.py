"""证据是否合法: a test result from a body the law does not let test those goods.

医疗器械监督管理条例第七十五条: only a body 认定 for 医疗器械 may test them, and the 药品监督管理
部门 must 委托有资质的医疗器械检验机构. A 检测报告 whose own entry says the body's scope leaves
the goods out (资质认定能力范围…不含医疗器械, 未列入医疗器械检验机构名录), or whose
qualification the file says had lapsed before the report (资质认定证书有效期至…), cannot ground
the finding. The duty is read from the cited 罚则's field (the paragraph asking for a qualified
body); without one, 行政处罚法第四十六条第三款 (证据必须经查证属实) is the finding. The
evidence checker asks this after its food-law laboratory findings (食品安全法第八十四条、第八十七条)."""

from __future__ import annotations

import re
from datetime import date

from assistant.case_file import CaseFile, EvidenceItem
from assistant.review.checkers.authority import department_kinds
from assistant.review.context import ReviewContext
from assistant.review.deciding_organ import first_field_rule
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.penalty_kinds import imposes_penalty
from assistant.review.statutory_fine import penalty_provisions

# a test's own paper (检验报告、检测结果、鉴定意见), not a letter about a party's qualification
# (关于当事人未取得雷电防护装置检测资质的复函)
_TEST = re.compile(r"(?:检测|检验|鉴定)[^，。；、（(]{0,6}?(?:报告|结果|结论|意见|数据)")
_OUTSIDE = re.compile(
    r"(?:不含|不包括|未包含|未涵盖)[^，。；]{0,12}"
    r"|(?:未列入|不在)[^，。；]{0,16}(?:范围|名录|目录)"
    r"|(?:不具备|不具有|无|未取得)[^，。；]{0,12}(?:检验|检测)[^，。；]{0,4}资质"
    r"|超出[^，。；]{0,10}(?:能力|资质|认定)范围"
)
_QUALIFIED = re.compile(r"委托有资质的[^，。；]{0,12}(?:检验|检测)机构")
# 产品质量检验机构必须具备相应的检测条件和能力，经…考核合格后，方可承担产品质量检验工作
_ASSESSED_BODY = re.compile(
    r"(?:检验|检测)的?机构[^。，]{0,6}(?:应当|必须)具备相应的检测条件[^。]{0,60}考核合格"
)
PRODUCT_QUALITY_BODY = "《中华人民共和国产品质量法》第十九条"
_OWN_TESTING_LAW = re.compile(r"食品|药品|医疗器械|化妆品|农产品|兽药|农药|种子|饲料")
# the enforcement duty (在执法工作中需要…检验的), not a registrant's own testing
_ENFORCING = re.compile(r"执法|监督检查|监督抽检|抽样检验")

_flag = PointFlags(ReviewPoint.EVIDENCE)


def unqualified_body(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not imposes_penalty(case):
        return []
    return (
        _stated_outside(case, ctx)
        or _drug_finding_without_drug_body(case, ctx)
        or _drug_finding_without_conclusion(case, ctx)
    )


# 检验检测机构资质认定证书编号…，有效期至2023年6月29日: the body's qualification lapses that day
_QUALIFIED_UNTIL = re.compile(
    r"(?:资质|资格|认定|认可|证书)[^。；]{0,30}?有效期(?:至|截至|到)\s*"
    r"(\d{4})(?:年|-|/|\.)(\d{1,2})(?:月|-|/|\.)(\d{1,2})"
)


_RENEWED = re.compile(r"延续|换发|续期|延期至|重新取得")


def _lapsed(item: EvidenceItem) -> str | None:
    """The file's own words that the body's qualification had lapsed before the report."""
    said = f"{item.name}{item.source}{item.note}"
    found = _QUALIFIED_UNTIL.search(said)
    if found is None or item.date is None or _RENEWED.search(said):
        return None  # 已延续至2030年: renewed, not lapsed
    try:
        until = date(*(int(n) for n in found.groups()))
    except ValueError:
        return None  # 2024年2月30日: an impossible date proves nothing
    if item.date <= until:
        return None
    return f"“资质有效期至{until}”，报告日期{item.date}已过有效期"


def _stated_outside(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    for index, item in enumerate(case.evidence):
        if not _TEST.search(f"{item.type}{item.name}"):
            continue
        said = _OUTSIDE.search(f"{item.name}{item.source}{item.note}")
        words = f"“{said.group(0)}”" if said is not None else _lapsed(item)
        if words is None:
            continue
        return [
            _flag(
                Severity.MUST_FIX,
                f"认定事实所依据的{item.name}由{item.source or '检验机构'}出具，案卷载明"
                f"{words}，该机构不具备相应检验资质，检验结论不能作为定案依据",
                _duty(case, ctx)
                or _product_quality_rule(case, ctx)
                or ctx.penalty_law("第四十六条第三款"),
                f"evidence[{index}]（{item.name}）：{item.note}",
            )
        ]
    return []


def _duty(case: CaseFile, ctx: ReviewContext) -> str | None:
    """The 款 of the 罚则's field that asks enforcement tests of a qualified body, else the
    one that lets only an assessed body test (种子法第四十七条, 产品质量法第十九条: 检验机构
    应当/必须具备相应的检测条件和能力…考核合格)."""
    return first_field_rule(
        case,
        ctx,
        ("委托有资质的",),
        lambda text: _QUALIFIED.search(text) and _ENFORCING.search(text),
    ) or first_field_rule(case, ctx, ("检验机构", "检验的机构"), _ASSESSED_BODY.search)


def _product_quality_rule(case: CaseFile, ctx: ReviewContext) -> str | None:
    """A market-regulation test of goods outside a field of its own (车用柴油 under 大气污染防治法):
    the body is a 产品质量检验机构, which 产品质量法第十九条 lets test only once assessed."""
    if "市场监督管理" not in department_kinds(case.agency.acts_in_name_of or case.agency.name):
        return None
    if any(_OWN_TESTING_LAW.search(c.law) for c in penalty_provisions(case, ctx)):
        return None  # food, drugs, devices, cosmetics: their own laws say who tests
    found = ctx.resolved(PRODUCT_QUALITY_BODY, case.act_date)
    return found[0].citation if found and _ASSESSED_BODY.search(found[0].text) else None


# 药品管理法第一百二十一条: 对假药、劣药的处罚决定，应当依法载明药品检验机构的质量检验结论 — the
# 药品检验机构 the 药品监督管理部门 sets up or designates (第十一条), not a commercial laboratory
DRUG_BODY_RULE = "《中华人民共和国药品管理法》第一百二十一条"
_FAKE_OR_SUBSTANDARD = re.compile(r"假药|劣药")
# (never a denied one: 非药品检验机构, 不是药品检验机构)
_DRUG_BODY = re.compile(r"(?<![非不无])(?<!不是)(?<!并非)(?:药品检验|药检|食品药品检验|药品检测所)")
_COMPANY = re.compile(r"公司|商业性|第三方")


def _drug_finding_without_drug_body(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A 假药/劣药 finding resting only on a company's test report: the decision cannot carry
    a 药品检验机构's conclusion."""
    if not any("药品管理法" in c.law for c in penalty_provisions(case, ctx)):
        return []
    if not _FAKE_OR_SUBSTANDARD.search(case.violation.description + case.facts.description):
        return []
    reports = [
        (i, e)
        for i, e in enumerate(case.evidence)
        if _TEST.search(f"{e.type}{e.name}") and "送达" not in e.name
    ]
    if not reports or any(_DRUG_BODY.search(f"{e.source}{e.name}") for _, e in reports):
        return []
    if not all(_COMPANY.search(e.source or "") for _, e in reports):
        return []
    found = ctx.resolved(DRUG_BODY_RULE, case.act_date)
    if not found:
        return []
    index, item = reports[0]
    return [
        _flag(
            Severity.MUST_FIX,
            f"假药、劣药的认定只有{item.source}出具的{item.name}，该单位不是药品检验机构，"
            "处罚决定无法载明药品检验机构的质量检验结论",
            found[0].citation,
            f"evidence[{index}]（{item.name}）：source={item.source}",
        )
    ]


# 第九十八条's grounds a laboratory decides (成份、含量不符合国家药品标准, 被污染, 变质); 劣药 by its
# label or date (超过有效期, 更改批号) or 假药 by its indications is shown without a test
_QUALITY_GROUND = re.compile(
    r"含量|成份|成分|污染|变质|不符合[^，。；]{0,8}标准|质量不合格|检验不合格|溶出度|有关物质|微生物"
)
_SCREENING = re.compile(r"快检|快速检测|快速筛查|筛查|初筛|近红外")


def _drug_finding_without_conclusion(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A 假药/劣药 finding on a quality ground with no test report at all — a quick screening
    (快检车、近红外筛查) only points to a sample worth testing."""
    told = case.violation.description + case.facts.description
    if not _FAKE_OR_SUBSTANDARD.search(told) or not _QUALITY_GROUND.search(told):
        return []
    if not any("药品管理法" in c.law for c in penalty_provisions(case, ctx)):
        return []
    reports = [
        e
        for e in case.evidence
        if _TEST.search(f"{e.type}{e.name}")
        and "送达" not in e.name
        and not _SCREENING.search(f"{e.name}{e.source}{e.note}")
    ]
    found = ctx.resolved(DRUG_BODY_RULE, case.act_date)
    if reports or not found:
        return []
    return [
        _flag(
            Severity.MUST_FIX,
            "认定假药、劣药，但证据中没有药品检验机构的质量检验结论（快检、筛查结果不能代替），"
            "处罚决定无从依法载明检验结论",
            found[0].citation,
            f"evidence：{'、'.join(e.name for e in case.evidence) or '无'}",
        )
    ]

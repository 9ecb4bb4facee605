"""治安 cases follow 《治安管理处罚法》's own procedure where it speaks (特别法优先).

A case whose 处罚依据 is an article of 治安管理处罚法 is a 治安案件: its notice
(第九十四条), hearing (第九十八条), time limit (第九十九条) and the 派出所's power
(第九十一条), decision contents (第九十六条) and delivery (第九十七条) come from that law, not from the general clauses of 行政处罚法. Each
special rule is used only when the article in force on the act date says what the
check relies on (its ``anchor`` words), so a renumbered revision never gets cited
for a duty it no longer holds; the general rule applies then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.statutory_fine import rule_in_force
from corpus.citation_resolver import ResolvedCitation

PUBLIC_ORDER_LAW = "《中华人民共和国治安管理处罚法》"
PUBLIC_ORDER_LAW_NAME = "治安管理处罚法"
STATION_MAX_FINE = 500  # 第九十一条: 派出所 may decide 警告 and fines up to 500 yuan
STATION_TYPES = ("警告", "罚款")
HEARING_FINE = 2000  # 第九十八条
CASE_DAYS = 30  # 第九十九条第一款
EXTENDED_DAYS = 30  # 第九十九条第一款, with the next-level organ's approval
PUBLIC_ORDER_DELIVERY_DAYS = 2  # 第九十七条第一款: handed over at once, else within two days


@dataclass(frozen=True)
class SpecialRule:
    """An article of 治安管理处罚法 and words its text must hold to carry the duty."""

    article: str
    anchor: tuple[str, ...]


NOTICE = SpecialRule("第九十四条第一款", ("告知", "权利"))
STATION = SpecialRule("第九十一条", ("派出所",))
HEARING = SpecialRule("第九十八条", ("听证", "二千元"))
TIME_LIMIT = SpecialRule("第九十九条第一款", ("三十日",))
DELIVERY = SpecialRule("第九十七条第一款", ("二日内送达",))
DECISION_LIST = SpecialRule("第九十六条", ("决定书", "载明"))
FAMILY_NOTICE = SpecialRule("第九十七条第一款", ("通知被处罚人的家属",))
DETENTION_NOT_EXECUTED = SpecialRule("第二十一条", ("不执行行政拘留",))
MINOR = SpecialRule("第十二条", ("不满十八周岁", "从轻或者减轻"))
MENTAL_ILLNESS = SpecialRule("第十三条", ("精神病人", "不能辨认"))
# 违反治安管理行为在六个月内没有被公安机关发现的，不再处罚 (not 行政处罚法第三十六条's two years)
LIMITATION = SpecialRule("第二十二条第一款", ("六个月", "不再处罚"))
LIMITATION_MONTHS = 6
# 人民警察…是本案当事人或者当事人的近亲属的…应当回避 (not 行政处罚法第四十三条第一款)
RECUSAL = SpecialRule("第八十一条第一款", ("应当回避",))
# 检查的情况应当制作检查笔录 (not 行政处罚法第五十五条第二款)
INSPECTION_RECORD = SpecialRule("第八十八条", ("检查笔录",))
# 只有本人陈述，没有其他证据证明的，不能作出治安管理处罚决定 (not 行政处罚法第四十六条第二款's
# general 查证属实: in a 治安 case the bare confession bars the decision)
SOLE_STATEMENT = SpecialRule("第九十三条", ("只有本人陈述", "不能作出"))
# 处警告或者二百元以下罚款的，可以当场作出治安管理处罚决定 (not 行政处罚法第五十一条)
ON_THE_SPOT = SpecialRule("第一百条", ("当场", "二百元以下罚款"))
ON_THE_SPOT_MAX_FINE = 200
# 违法行为已涉嫌犯罪的，移送主管机关依法追究刑事责任 (beside 行政处罚法第二十七条第一款)
TRANSFER = SpecialRule("第九十五条第（三）项", ("涉嫌犯罪", "移送"))


# the organs that decide 治安 cases under its own procedure (the coast guard at sea, the
# customs' anti-smuggling police); another organ citing the law is the authority point's finding
POLICE_ORGAN = re.compile(r"公安|派出所|海警|缉私")


def is_public_order_case(case: CaseFile, ctx: ReviewContext) -> bool:
    """The police punish under 治安管理处罚法 (its 处罚依据 resolves to that law)."""
    if not POLICE_ORGAN.search(case.agency.acts_in_name_of or case.agency.name):
        return False
    for written in case.citations.penalty_basis:
        for found in ctx.resolve(written, case.act_date):
            if isinstance(found, ResolvedCitation) and found.law == PUBLIC_ORDER_LAW_NAME:
                return True
    return False


def special_rule(case: CaseFile, ctx: ReviewContext, rule: SpecialRule) -> str | None:
    """The canonical citation of ``rule`` for a 治安 case, or None when the general law
    applies (not a 治安 case, or the article in force does not hold the duty)."""
    if not is_public_order_case(case, ctx):
        return None
    return _in_force(case, ctx, rule)


def _in_force(case: CaseFile, ctx: ReviewContext, rule: SpecialRule) -> str | None:
    for found in ctx.resolve(PUBLIC_ORDER_LAW + rule.article, case.act_date):
        if isinstance(found, ResolvedCitation) and all(w in found.text for w in rule.anchor):
            return found.citation
    return None


# 公安机关办理行政案件程序规定第一百七十三条: 行政拘留 is decided by a county-level organ; a
# 派出所 reports the case to it — the rule for detention under a law that does not punish
# through 治安管理处罚法 (网络安全法第六十三条: 由公安机关…处五日以下拘留)
_DETENTION_ORGAN = "《公安机关办理行政案件程序规定》第一百七十三条"
_THROUGH_PUBLIC_ORDER = re.compile(
    r"依照《?(?:中华人民共和国)?治安管理处罚法》?[^。；]{0,12}(?:决定|处罚)"
)


def station_rule(case: CaseFile, ctx: ReviewContext) -> str | None:
    """第九十一条 binds a 派出所 in a 治安 case, and wherever it detains through this law
    (消防法第六十三条, 第七十条第一款: 由公安机关依照治安管理处罚法); detention under a law of
    its own is the 程序规定's rule that a 派出所 reports it to the county-level organ."""
    if not is_police_station(case):
        return None
    if not any("拘留" in kind for kind in case.penalty.types):
        return special_rule(case, ctx, STATION)
    if is_public_order_case(case, ctx) or _through_public_order(case, ctx):
        return _in_force(case, ctx, STATION)
    return rule_in_force(ctx, _DETENTION_ORGAN, case.act_date, "派出所") or _in_force(
        case, ctx, STATION
    )


def _through_public_order(case: CaseFile, ctx: ReviewContext) -> bool:
    """A cited 罚则's law that has its penalties decided under 治安管理处罚法 (消防法第七十条第一款:
    由公安机关依照《中华人民共和国治安管理处罚法》的有关规定决定), not one naming only a
    separate 违反治安管理行为."""
    return any(
        isinstance(found, ResolvedCitation)
        and any(
            _THROUGH_PUBLIC_ORDER.search(record.text)
            for record in ctx.articles_in(found.law, found.version)
        )
        for written in case.citations.penalty_basis
        for found in ctx.resolve(written, case.act_date)
    )


def is_police_station(case: CaseFile) -> bool:
    """公安派出所 (not the county-level 公安局/分局 above it)."""
    return "派出所" in case.agency.name

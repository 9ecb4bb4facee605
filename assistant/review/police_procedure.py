"""公安机关 follow 《公安机关办理行政案件程序规定》 where it speaks (the specific rule).

The 程序规定 binds every 公安机关 in every administrative case it handles, whatever law the
罚则 is in. Where it writes the duty a check relies on more specifically than the
行政处罚法 (第五十二条第一款: 调查取证 by 人民警察 — not any 执法人员 — 不得少于二人), a
police file's flag cites it, with the 行政处罚法 article kept beside it. Each rule is
used only when the article in force on the act date holds the check's ``anchor`` words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from corpus.citation_resolver import ResolvedCitation

POLICE_RULES = "《公安机关办理行政案件程序规定》"
# 公安局、公安分局、派出所, a 交通警察支队/大队 (交警 for short)
_POLICE_AGENCY = re.compile(r"公安|派出所|交通警察|交警")
# the 公安机关交通管理部门 (道路交通安全法): its cases follow their own 程序规定
TRAFFIC_POLICE = re.compile(r"交通警察|交警|交通管理")


@dataclass(frozen=True)
class PoliceRule:
    """An article of the 程序规定 and words its text must hold to carry the duty."""

    article: str
    anchor: tuple[str, ...]


TWO_POLICE_OFFICERS = PoliceRule("第五十二条第一款", ("人民警察不得少于二人",))
# 涉及卖淫、嫖娼、赌博、毒品的案件，不适用当场处罚 (whatever the fine)
NO_ON_THE_SPOT = PoliceRule("第三十七条第二款", ("不适用当场处罚",))


def is_police_agency(case: CaseFile) -> bool:
    """The deciding agency (or the one it acts in the name of) is a 公安机关."""
    agency = case.agency
    return bool(_POLICE_AGENCY.search(agency.acts_in_name_of or agency.name))


def is_traffic_police(case: CaseFile) -> bool:
    """The deciding agency is a 公安机关交通管理部门 or one of its units."""
    return bool(TRAFFIC_POLICE.search(case.agency.acts_in_name_of or case.agency.name))


def police_rule(case: CaseFile, ctx: ReviewContext, rule: PoliceRule) -> str | None:
    """The canonical citation of ``rule`` for a police file, or None when the general law
    is the one to cite (not a 公安机关, or the article in force lacks the duty)."""
    if not is_police_agency(case):
        return None
    for found in ctx.resolve(POLICE_RULES + rule.article, case.act_date):
        if isinstance(found, ResolvedCitation) and all(w in found.text for w in rule.anchor):
            return found.citation
    return None

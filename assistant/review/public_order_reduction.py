"""《治安管理处罚法》第十九条 (2013 text): 主动投案如实陈述、消除后果并取得谅解、受胁迫诱骗、
立功、情节特别轻微 oblige 减轻处罚或者不予处罚 — not merely 从轻 as 行政处罚法第三十二条
does. In a 治安 case with such a ground on record, a detention at or above the article's
lowest number of days, or a fine at the article's top, is no 减轻 at all.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.discretion.penalty_amounts import chinese_number
from assistant.review.context import ReviewContext
from assistant.review.mitigation import affirmed
from assistant.review.public_order import PUBLIC_ORDER_LAW, SpecialRule, special_rule
from corpus.citation_resolver import ResolvedCitation

# 违反治安管理有下列情形之一的，减轻处罚或者不予处罚 (the anchor keeps a renumbered revision out)
REDUCTION = SpecialRule("第十九条", ("减轻处罚或者不予处罚", "主动投案"))
# The items' wording as files record them; 第十九条 itself when the file names it.
# 谅解 alone (a fight settled, a victim's letter) is no item: (二) needs the party's own
# 主动 remedy as well, written in one sentence.
_ITEM_WORDS = ("主动投案", "胁迫", "诱骗", "立功", "情节特别轻微")
_ITEM_2 = re.compile(r"主动(?:赔偿|消除|减轻)[^。；]{0,30}谅解")
_CITED = re.compile(r"治安管理处罚法》?第十九条")
_NUM = r"[0-9]+|[一二两三四五六七八九十]+"
_DAYS = re.compile(rf"拘留({_NUM})日|({_NUM})日(?:行政)?拘留")
_MINIMUM = re.compile(rf"处({_NUM})日以上")


def article_19_grounds(case: CaseFile) -> list[str]:
    """The 第十九条 grounds the file records (named, or in its own words not negated)."""
    facts = case.facts
    named = [g for g in facts.mitigating_grounds if _CITED.search(g)]
    texts = [*facts.circumstances, facts.description, *facts.mitigating_grounds]
    words = [w for w in _ITEM_WORDS if any(affirmed(w, t) for t in texts)]
    if any(_ITEM_2.search(t) for t in texts):
        words.append("主动消除或者减轻违法后果并取得被侵害人谅解")
    return named or words


def detention_days(text: str) -> int | None:
    """The days of detention a text decides (拘留十二日 / 10日行政拘留), or None."""
    found = _DAYS.search(text)
    return int(chinese_number(found.group(1) or found.group(2))) if found else None


def _lowest_days(case: CaseFile, ctx: ReviewContext) -> int | None:
    """The smallest 'N日以上' detention the cited penalty articles set."""
    lows = []
    for written in case.citations.penalty_basis:
        for found in ctx.resolve(written, case.act_date):
            if isinstance(found, ResolvedCitation) and PUBLIC_ORDER_LAW in found.citation:
                lows += [int(chinese_number(m)) for m in _MINIMUM.findall(found.text)]
    return min(lows) if lows else None


def not_reduced(case: CaseFile, ctx: ReviewContext, fine_high: float | None) -> str:
    """Why the penalty is no 减轻 despite a 第十九条 ground, or '' (none, or reduced)."""
    if special_rule(case, ctx, REDUCTION) is None or not article_19_grounds(case):
        return ""
    days, lowest = detention_days(case.facts.description), _lowest_days(case, ctx)
    if "行政拘留" in case.penalty.types and days is not None and lowest and days >= lowest:
        return f"行政拘留{days}日不低于法定最低{lowest}日"
    amount = case.penalty.amount
    if amount is not None and fine_high is not None and amount >= fine_high - 0.5:
        return f"罚款{amount:.10g}元为法定最高额"
    return ""

"""适用法律: a fine the 罚则 gives only for refusing to bear a cost (固体废物污染环境防治法第一百一十三条:
…组织代为处置，处置费用由危险废物产生者承担；拒不承担代为处置费用的，处代为处置费用一倍以上三倍以下的
罚款) imposed on a party the file says paid that cost. The refusal the fine needs never
happened (《行政处罚法》第三十八条第一款: no basis), whatever other refusal came before it."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.statutory_fine import paragraph_text, penalty_provisions, range_rule

# 拒不承担代为处置费用的，处…罚款: the cost whose refusal the fine is for
_REFUSED_COST = re.compile(
    r"拒不(?:承担|缴纳|支付)([^，。；的]{2,20}?费用?)的[，,][^；。]{0,20}?处"
)
_PAID = r"(?:足额|按期|如期|全额)?(?:缴纳|承担|支付|缴清|交纳)"
_DENIED = re.compile(r"未|没有|拒|不予|尚")


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if case.penalty.amount is None:
        return []
    flags = []
    for citation in penalty_provisions(case, ctx):
        text = paragraph_text(citation, ctx, case) if citation.paragraph else citation.article_text
        found = _REFUSED_COST.search(text or "")
        if found is None:
            continue
        paid = _paid(case, found.group(1))
        if paid is None:
            continue
        flags.append(
            Flag(
                point=ReviewPoint.LAW,
                severity=Severity.MUST_FIX,
                reason=f"{citation.citation}只对拒不承担{found.group(1)}的处以罚款，案卷载明当事人已"
                f"承担该费用（“{paid}”），罚款的法定前提不具备，适用法律错误",
                rule=range_rule(citation, in_paragraph=True),
                evidence=f"{paid}；罚款{case.penalty.amount:.10g}元",
            )
        )
    return flags


def _paid(case: CaseFile, cost: str) -> str | None:
    """The file's words saying the party paid the cost (已缴纳代为处置费用, 处置费用已足额缴纳),
    or an amount it records as paid; None where it says none (the party's own claim, 申辩称已承担,
    is none)."""
    core = cost[-4:]  # 代为处置费用 → 处置费用: files shorten the name
    said = re.compile(
        rf"(?:已|均已)[^，。；]{{0,6}}{_PAID}[^，。；]{{0,10}}{core}|{core}[^，。；]{{0,6}}已{_PAID}"
    )
    texts = [case.facts.description, *case.facts.circumstances]
    texts += [e.note for e in case.events if e.note] + [e.name for e in case.evidence]
    for text in texts:
        for m in said.finditer(text):
            before = text[max(0, m.start() - 12) : m.start()]
            # 申辩称已按期足额承担: the party's claim, not a finding
            if not _DENIED.search(before[-2:]) and "称" not in before:
                return m.group(0)
    paid = next((k for k, v in case.facts.amounts.items() if "已" in k and core in k and v), None)
    return None if paid is None else f"facts.amounts.{paid}"

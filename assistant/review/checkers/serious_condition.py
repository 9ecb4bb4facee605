"""法律适用 — a 罚则 written for serious conduct applied to conduct the file finds not serious.

药品管理法第一百一十八条第一款 punishes the persons responsible "生产、销售假药，或者生产、销售劣药
且情节严重的": for 劣药 its whole measure (没收所获收入、罚款、终身禁业) stands on 情节严重. A file
that applies it to 劣药 while finding the case not serious (不属于情节严重) applies a provision
whose condition it denies. Each alternative of the lead-in (…，或者…) is read on its own: one
without 情节严重 whose conduct the file names (假药) still carries the case.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.statutory_fine import (
    established_circumstances,
    is_general_law,
    paragraph_text,
    penalty_provisions,
    range_rule,
)
from assistant.review.statutory_range import SERIOUS, UNCORRECTED, fine_clauses

# 不属于情节严重 / 不属情节严重 / 未达到情节严重: the file denies the circumstance itself
_DENIED = re.compile(r"(?:不属于?|不构成|未达到?|并非|不是)[^，。；]{0,4}情节严重")
# the lead-in: what the 罚则 punishes, up to the first measure it sets
_MEASURE = re.compile(r"[，,](?:由[^，。；]{0,20})?(?:对|处|没收|责令|吊销|给予)")
_ALTERNATIVE = re.compile(r"[，,]?或者")

# 情节严重或者拒绝改正的，…并处五万元以下的罚款: either circumstance carries the fine
_OR_REFUSED = re.compile(r"情节严重或者(?:拒绝|拒不)改正|(?:拒绝|拒不)改正或者情节严重")

_flag = PointFlags(ReviewPoint.LAW)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    return _denied_serious(case, ctx) or _serious_fine_unfounded(case, ctx)


def _serious_fine_unfounded(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    """A fine under a 罚则 that fines only 情节严重 conduct (固体废物污染环境防治法第一百一十一条
    第三款: 责令改正；情节严重的，对单位处五万元以上…罚款) while the file establishes no serious
    circumstance: the fine has no legal premise."""
    if case.penalty.amount is None or SERIOUS in established_circumstances(case):
        return []
    kinds = {p.kind for p in case.parties}
    found = []
    for citation in penalty_provisions(case, ctx):
        if is_general_law(citation):
            continue
        text = paragraph_text(citation, ctx, case) if citation.paragraph else citation.article_text
        clauses = [c for c in fine_clauses(text or "") if c.party is None or c.party in kinds]
        if any(c.requires != SERIOUS for c in clauses):
            return []  # a fine the 罚则 gives without the circumstance
        if _OR_REFUSED.search(text or "") and UNCORRECTED in established_circumstances(case):
            return []  # 情节严重或者拒绝改正的 (电力法第六十五条): the refusal is the other ground
        if clauses:
            found.append(citation)
    return [
        _flag(
            Severity.MUST_FIX,
            f"{citation.citation}只对情节严重的处以罚款，案卷未认定情节严重，"
            f"罚款{case.penalty.amount:.10g}元的法定前提不具备，适用法律错误",
            range_rule(citation, in_paragraph=True),
            f"established：{'、'.join(sorted(established_circumstances(case))) or '无'}；"
            f"罚款{case.penalty.amount:.10g}元",
        )
        for citation in found[:1]
    ]


def _denied_serious(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    told = "。".join(
        [case.facts.description, *case.facts.circumstances, case.violation.description]
    )
    denied = _DENIED.search(told)
    if denied is None or SERIOUS in established_circumstances(case):
        return []
    for citation in penalty_provisions(case, ctx):
        text = paragraph_text(citation, ctx, case)
        end = _MEASURE.search(text)
        lead = text[: end.start()] if end else ""
        if SERIOUS not in lead:
            continue
        alternatives = [a for a in _ALTERNATIVE.split(lead) if a]
        if any(SERIOUS not in a and _conduct_named(a, told) for a in alternatives):
            continue
        return [
            _flag(
                Severity.MUST_FIX,
                f"{citation.citation}只适用于“{lead}”，案卷认定本案“{denied.group(0)}”，"
                "所适用条文的前提不具备，适用法律错误",
                citation.citation,
                f"{citation.citation}：“{text[:60]}”；案卷：“{denied.group(0)}”",
            )
        ]
    return []


def _conduct_named(alternative: str, told: str) -> bool:
    """The file names this alternative's conduct (生产、销售假药: 假药) other than to deny it
    (不是假药)."""
    key = alternative.rstrip("的")[-2:]
    return any(
        not _NOT.search(told[: found.start()]) for found in re.finditer(re.escape(key), told)
    )


_NOT = re.compile(r"(?:不是|并非|非|不属于?|未|无|没有)$")

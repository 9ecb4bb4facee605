"""行政处罚裁量是否适当: the days of a 治安 detention within the cited article's tier.

治安管理处罚法 articles write detention in tiers (第四十九条: 处五日以上十日以下拘留…；情节较重的，
处十日以上十五日以下拘留). A decision that detains beyond the main tier's top while the file
establishes no 情节较重 (or 情节严重) takes the heavier tier without its ground; the fine
checkers read only the money, so the days are read here."""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from assistant.discretion.penalty_amounts import chinese_number
from assistant.review.context import ReviewContext
from assistant.review.flag import Flag, PointFlags, ReviewPoint, Severity
from assistant.review.mitigation import affirmed
from assistant.review.public_order import PUBLIC_ORDER_LAW
from assistant.review.public_order_reduction import detention_days
from assistant.review.statutory_fine import paragraph_text, penalty_provisions
from corpus.citation_resolver import ResolvedCitation

_NUM = r"[0-9]+|[一二两三四五六七八九十]+"
_TIER = re.compile(rf"处(?:({_NUM})日以上)?({_NUM})日以下(?:行政)?拘留")
_GRAVER = ("情节较重", "情节严重")
_LIGHTER = ("情节较轻", "情节特别轻微")

_flag = PointFlags(ReviewPoint.DISCRETION)


def check(case: CaseFile, ctx: ReviewContext) -> list[Flag]:
    if not any("拘留" in t for t in case.penalty.types):
        return []
    days = _decided_days(case)
    if days is None:
        return []
    graver, lighter = found_tiers(case)
    for citation in penalty_provisions(case, ctx):
        if PUBLIC_ORDER_LAW not in citation.citation:
            continue
        top = _top_days(paragraph_text(citation, ctx, case), graver, lighter)
        if top is not None and days > top:
            return [_finding(citation, days, top, ctx)]
    return []


def _finding(citation: ResolvedCitation, days: int, top: int, ctx: ReviewContext) -> Flag:
    return _flag(
        Severity.MUST_FIX,
        f"决定行政拘留{days}日，超过{citation.citation}未认定情节较重时的拘留上限{top}日，"
        "案卷未认定适用较重一档的情节",
        ctx.rule(re.sub(r"第[一二三四五六七八九十]+款.*$", "", citation.citation)),
        f"行政拘留{days}日；{citation.citation}：“{citation.text[:60]}”",
    )


def _decided_days(case: CaseFile) -> int | None:
    texts = [case.facts.description] + [e.note for e in case.events if e.type == "决定"]
    return next((days for t in texts if (days := detention_days(t)) is not None), None)


def found_tiers(case: CaseFile) -> tuple[bool, bool]:
    """Whether the file establishes the graver (情节较重/严重) and the lighter (情节较轻) tier."""
    told = [case.violation.description, case.facts.description, *case.facts.circumstances]
    graver = any(affirmed(w, t) for w in _GRAVER for t in told)
    lighter = any(affirmed(w, t) for w in _LIGHTER for t in told)
    return graver, lighter


def tier_sentences(
    text: str, graver: bool, lighter: bool, marker: re.Pattern[str]
) -> list[tuple[str, re.Match[str]]]:
    """The 罚则's sentences setting what ``marker`` finds in the tiers the file establishes:
    the main tier always, the graver and lighter ones when the file finds their circumstance."""
    found = []
    for sentence in re.split(r"[；。\n]", text):
        tier = marker.search(sentence)
        if tier is None:
            continue
        before = sentence[: tier.start()]
        if any(w in before for w in _GRAVER) and not graver:
            continue
        if any(w in before for w in _LIGHTER) and not lighter:
            continue
        found.append((sentence, tier))
    return found


def _top_days(text: str, graver: bool, lighter: bool) -> int | None:
    """The most days the tiers the file establishes allow. None when no tier is read."""
    tops = [
        int(chinese_number(t.group(2))) for _, t in tier_sentences(text, graver, lighter, _TIER)
    ]
    return max(tops) if tops else None

"""The fine a penalty article sets, read from its own text, clause by clause.

Penalty articles write fines as fixed ranges (处一万元以上十万元以下罚款), multiples of a
base (货值金额等值以上三倍以下), tiers chosen by that base (货值金额不足一万元的，并处五万元
以上十万元以下罚款；货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款) and
item-specific sentences (有前款第一项、第八项行为之一，处…). A case's lawful range is the
envelope of every clause that can apply to it: a fine outside that envelope is outside
the law whatever the unread circumstances (逾期未改正, 情节严重…) turn out to be.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.discretion.model import PenaltyRange
from assistant.discretion.penalty_amounts import (
    chinese_number,
    parse_penalty,
    resolve_yuan,
    split_unit_and_individual,
)
from corpus.text_normalizer import normalize_text

_NUM = r"[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千万]+"
_TIER_BASES = ("货值金额", "违法所得", "销售金额")
_FINE = re.compile(r"处[^；。]*?罚款|处[^；。]*倍")
_TIER = re.compile(
    rf"(?:没有({'|'.join(_TIER_BASES)})或者)?({'|'.join(_TIER_BASES)})"
    rf"(不足|不满|低于|在)?({_NUM})(万元|元)(以上|以下)?的"
)
_NO_BASE = re.compile(rf"没有({'|'.join(_TIER_BASES)})的")
_ITEMS = re.compile(
    r"有(?:前款|本条第[一二三四五六七八九十]+款)((?:第[一二三四五六七八九十]+项[、和或者至]*)+)"
)
_ITEM = re.compile(r"第([一二三四五六七八九十]+)项")


@dataclass(frozen=True)
class FineClause:
    """One fine sentence of the article and the circumstances it is limited to."""

    fine: PenaltyRange
    tier_base: str | None = None
    below: float | None = None  # applies when the base amount is under this
    at_least: float | None = None  # applies when the base amount is this or more
    no_base: bool = False  # 没有违法所得的…
    items: frozenset[int] = frozenset()  # 有前款第X项…; empty: any item

    def applies(self, amounts: dict[str, float], item: int | None) -> bool:
        """False only when the case's item or base amount rules this clause out."""
        if self.items and item is not None and item not in self.items:
            return False
        if self.tier_base is None:
            return True
        amount = _amount(self.tier_base, amounts)
        if amount is None:
            return True
        if self.no_base and amount <= 0:
            return True
        if self.below is not None and amount >= self.below:
            return False
        return self.at_least is None or amount >= self.at_least


def _amount(base: str, amounts: dict[str, float]) -> float | None:
    for name, value in amounts.items():
        if base in name or name in base:
            return value
    return None


def _clean(text: str) -> str:
    clean = re.sub(r"\s+", "", normalize_text(text))
    return clean.replace("等值以上", "一倍以上")


def _tier(prefix: str) -> dict:
    """Tier bounds from the condition written before the fine (last one wins)."""
    found = list(_TIER.finditer(prefix))
    if not found:
        no_base = _NO_BASE.search(prefix)
        return {"tier_base": no_base.group(1), "no_base": True, "below": 0.0} if no_base else {}
    either, base, below_word, number, unit, direction = found[-1].groups()
    value = chinese_number(number) * (10_000 if unit == "万元" else 1)
    below = below_word in ("不足", "不满", "低于") or direction == "以下"
    bounds = {"below": value} if below else {"at_least": value}
    return {"tier_base": base, "no_base": bool(either), **bounds}


def _items(prefix: str) -> frozenset[int]:
    listed = _ITEMS.search(prefix)
    if not listed:
        return frozenset()
    return frozenset(int(chinese_number(n)) for n in _ITEM.findall(listed.group(1)))


def fine_clauses(article_text: str) -> list[FineClause]:
    """Every fine sentence of an article, with its tier and item conditions."""
    clauses = []
    for sentence in re.split(r"[；。\n]", _clean(article_text)):
        for found in _FINE.finditer(sentence):
            unit_part = split_unit_and_individual(found.group(0))[0]
            try:
                fine = parse_penalty(unit_part)
                conditions = _tier(sentence[: found.start()])
            except ValueError:
                continue
            if fine is None or not fine.has_numbers:
                continue
            prefix = sentence[: found.start()]
            clauses.append(FineClause(fine=fine, items=_items(prefix), **conditions))
    return clauses


@dataclass(frozen=True)
class StatutoryBounds:
    """The lawful fine for this case, in yuan; None where the law sets no such bound."""

    low: float | None
    high: float | None
    wording: str
    base: str | None  # the base amount a multiple needs, when the fine is one


def statutory_bounds(
    article_text: str, amounts: dict[str, float], item: int | None
) -> StatutoryBounds | None:
    """The envelope of the clauses that can apply; None when no clause is readable or
    an applicable multiple lacks its base amount (the facts checker flags that)."""
    applicable = [c for c in fine_clauses(article_text) if c.applies(amounts, item)]
    if not applicable:
        return None
    lows, highs = [], []
    for clause in applicable:
        low, high = resolve_yuan(clause.fine, amounts)
        if clause.fine.base is not None and low is None and high is None:
            if any(c.no_base and c.tier_base == clause.fine.base for c in applicable):
                return None  # 没有违法所得的… : an unrecorded base may lawfully be none
            return StatutoryBounds(None, None, clause.fine.raw, clause.fine.base)
        lows.append(low)
        highs.append(high)
    wording = "；".join(dict.fromkeys(c.fine.raw for c in applicable))
    return StatutoryBounds(
        low=None if None in lows else min(lows),
        high=None if None in highs else max(highs),
        wording=wording,
        base=next((c.fine.base for c in applicable if c.fine.base), None),
    )

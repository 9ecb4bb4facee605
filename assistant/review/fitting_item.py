"""The item (项) of a 罚则 that a case's act fits, read from the words of the file.

A 罚则 rewritten into items (道路运输条例第六十三条 since 2023: 普通货物, 客运, 危险货物)
sets a different fine per item; a decision citing the bare article is measured against
the item its facts describe, not the envelope of all items.
"""

from __future__ import annotations

import re

from assistant.case_file import CaseFile
from corpus.citation_resolver import ResolvedCitation

ITEM_LINE = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)](.*)$")


def fitting_item(case: CaseFile, citation: ResolvedCitation) -> tuple[str, str] | None:
    """The item of the in-force article the case's act fits: the one whose own words (those
    no other item shares) the file uses most; None when the article has no items, the
    citation names one, or no item stands out."""
    if citation.item:
        return None
    items, lines = {}, {}
    for line in citation.article_text.splitlines():
        found = ITEM_LINE.match(line.strip())
        if found:
            items[found.group(1)] = bigrams(found.group(2).split("，违法所得")[0])
            lines[found.group(1)] = found.group(2)
    if len(items) < 2:
        return None
    text = "".join([case.title, case.violation.description, case.facts.description])
    own = bigrams(text)
    scores = {}
    for number, grams in items.items():
        others = set().union(*(g for n, g in items.items() if n != number))
        scores[number] = len((grams - others) & own)
    best = max(scores.values())
    winners = [n for n, v in scores.items() if v == best]
    if best == 0 or len(winners) > 1:
        ordinary = _ordinary_item(items, lines, own)
        return None if ordinary is None else (ordinary, lines[ordinary])
    return winners[0], lines[winners[0]]


def _ordinary_item(items: dict[str, set[str]], lines: dict[str, str], own: set[str]) -> str | None:
    """道路普通货物运输 beside 道路危险货物运输 (道路运输条例2023年第六十三条): a file that names the
    kind the items share (货物运输) and neither item's qualifier is the ordinary kind, the one
    the law marks 普通 — the special kind must be named to be the case."""
    shared = {n: len(g & own) for n, g in items.items()}
    top = max(shared.values())
    alike = [n for n, v in shared.items() if v == top]
    ordinary = [n for n in alike if "普通" in lines[n]]
    return ordinary[0] if top > 0 and len(alike) > 1 and len(ordinary) == 1 else None


def item_body(text: str) -> str:
    """An item's words without its （一） mark and closing punctuation."""
    found = ITEM_LINE.match(text.strip())
    return (found.group(2) if found else text).strip().rstrip("；;。，,")


def article_paragraphs(article_text: str) -> list[list[str]]:
    """The article's 款 in order, each its head line followed by its item lines (（一）…)."""
    paragraphs: list[list[str]] = []
    for line in article_text.splitlines():
        line = line.strip()
        if ITEM_LINE.match(line) and paragraphs:
            paragraphs[-1].append(line)
        elif line:
            paragraphs.append([line])
    return paragraphs


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def cjk_bigrams(text: str) -> set[str]:
    """The pairs of the text's Chinese characters, figures and punctuation left out: the words
    an act and a 罚则's situation can share whatever their numbers and commas."""
    return bigrams(re.sub(r"[^\u4e00-\u9fff]", "", text))

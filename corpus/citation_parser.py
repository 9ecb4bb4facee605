"""Find statute citations in free text, as officers and documents write them.

Handles 《中华人民共和国行政处罚法》第三十二条第一款第（二）项, 行政处罚法第32条,
lists (第五十九条、第六十条 / 第五十九条、六十条), ranges (第五十九条至第六十一条),
同法/该法/本法 back-references and bare 第X款 continuing the previous article.
The parser only reads text; ``citation_resolver`` checks each reference against
the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from corpus.law_names import short_name
from corpus.numerals import CHINESE_DIGITS, parse_number
from corpus.text_normalizer import normalize_text

_N = rf"[{CHINESE_DIGITS}\d]+"
_ITEM = rf"第?\s*[（(]\s*(?P<item>{_N})\s*[）)]\s*项|第\s*(?P<item2>{_N})\s*项"
_UNIT_RE = re.compile(
    rf"第\s*(?P<art>{_N})\s*条(?:\s*之\s*(?P<suf>{_N}))?(?:\s*第\s*(?P<para>{_N})\s*款)?(?:\s*(?:{_ITEM}))?"
    rf"|(?<=[、和及与])\s*(?P<bare>{_N})\s*条(?:\s*之\s*(?P<bsuf>{_N}))?"
    rf"|第\s*(?P<opara>{_N})\s*款(?:\s*(?:{_ITEM.replace('item', 'oitem')}))?"
)
_BRACKETED = re.compile(r"《([^《》]{2,60})》\s*(?:[（(]\d{4}年?(?:修订|修正|版)?[）)])?\s*$")
_BACK_REF = re.compile(r"(同法|该法|本法|上述法律|前述法律|该条例|本条例|同条例)\s*$")
_LAW_SUFFIX = re.compile(
    r"([\u4e00-\u9fff（）()]{2,40}?(?:法|条例|规定|办法|细则|规则|决定|解释|准则|意见|通知))\s*$"
)
_LIST_GAP = re.compile(r"^[\s、，,和及与以及或者或]*$")
_RANGE_GAP = re.compile(r"^\s*(至|到|—|－|-|~|～)\s*$")
_LEADING_NOISE = re.compile(r"^(以及|并|和|及|与|、|，|,|的)+")
_CUE_WORDS = re.compile(r"根据|依据|依照|按照|违反了?|适用|参照|对照|符合|属于")


@dataclass(frozen=True)
class CitationRef:
    """One cited unit as written; ``law`` is None when the text names no law."""

    law: str | None
    article: int | None
    suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    raw: str = ""
    start: int = 0
    end: int = 0
    same_law: bool = False


def _num(value: str | None) -> int | None:
    return parse_number(value) if value else None


def _law_before(gap: str, known: list[str]) -> tuple[str | None, bool]:
    """The law named at the end of ``gap``: (name, is_back_reference)."""
    stripped = gap.rstrip()
    if match := _BRACKETED.search(stripped):
        return match.group(1), False
    if _BACK_REF.search(stripped):
        return None, True
    for name in known:
        if stripped.endswith(name):
            return name, False
    if match := _LAW_SUFFIX.search(stripped):
        name = _CUE_WORDS.split(match.group(1))[-1]
        return _LEADING_NOISE.sub("", name) or None, False
    return None, False


def _sorted_names(known_names: Iterable[str] | None) -> list[str]:
    return sorted(set(known_names or ()), key=len, reverse=True)


def _make_ref(
    match: re.Match[str], law: str | None, previous: CitationRef | None, same: bool
) -> CitationRef:
    g = match.groupdict()
    item = _num(g.get("item") or g.get("item2") or g.get("oitem") or g.get("oitem2"))
    if g.get("art"):
        return CitationRef(
            law,
            _num(g["art"]),
            _num(g["suf"]) or 0,
            _num(g["para"]),
            item,
            match.group(0),
            match.start(),
            match.end(),
            same,
        )
    if g.get("bare"):
        return CitationRef(
            law,
            _num(g["bare"]),
            _num(g["bsuf"]) or 0,
            None,
            None,
            match.group(0),
            match.start(),
            match.end(),
            same,
        )
    article = previous.article if previous else None
    suffix = previous.suffix if previous else 0
    return CitationRef(
        law,
        article,
        suffix,
        _num(g["opara"]),
        item,
        match.group(0),
        match.start(),
        match.end(),
        same,
    )


def parse_citations(text: str, known_names: Iterable[str] | None = None) -> list[CitationRef]:
    """Every citation in ``text``, in order; ``known_names`` helps find unbracketed law names."""
    text = normalize_text(text)
    known = _sorted_names(known_names)
    refs: list[CitationRef] = []
    cursor = 0
    for match in _UNIT_RE.finditer(text):
        gap = text[cursor : match.start()]
        previous = refs[-1] if refs else None
        if previous and _RANGE_GAP.match(gap) and match.group("art"):
            refs.extend(_expand_range(previous, match))
        law, back_ref = _law_before(gap, known)
        continues = previous is not None and (_LIST_GAP.match(gap) or _RANGE_GAP.match(gap))
        if law is None and (continues or back_ref) and previous is not None:
            ref = _make_ref(match, previous.law, previous, same=back_ref or previous.same_law)
        else:
            ref = _make_ref(match, law, previous if continues else None, same=False)
        if ref.article is not None:
            refs.append(ref)
        cursor = match.end()
    return refs


def _expand_range(first: CitationRef, last_match: re.Match[str]) -> list[CitationRef]:
    """第五十九条至第六十一条 cites the articles strictly between the two ends too."""
    last = _num(last_match.group("art")) or 0
    if first.article is None or not first.article < last <= first.article + 50:
        return []
    return [
        replace(first, article=n, suffix=0, paragraph=None, item=None, raw=f"{first.raw}…")
        for n in range(first.article + 1, last)
    ]


def normalized_law_name(name: str) -> str:
    """The lookup key for a law name as written."""
    return short_name(name)

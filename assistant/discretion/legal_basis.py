"""法律依据 cells → raw text plus (law, article, paragraph, item) references.

A light parser of its own: the standards cite in one regular form
(《中华人民共和国水污染防治法》（2017年修订）第八十三条第（一）项), and an officer
searching by law + article needs exactly these numbers.
"""

from __future__ import annotations

import re

from assistant.discretion.model import LegalBasis, LegalRef
from corpus.law_names import short_name
from corpus.numerals import parse_number
from corpus.text_normalizer import normalize_text

_N = r"[0-9零〇一二两三四五六七八九十百千]+"
_LAW = re.compile(r"《([^》]{2,60})》")
_ARTICLE = re.compile(
    rf"第({_N})条(?:之({_N}))?(?:第({_N})款)?(?:第[（(]?({_N})[）)]?项)?"
    rf"((?:[、和及]第({_N})款)*)"
)
_EXTRA_PARAGRAPH = re.compile(rf"第({_N})款")
_HEAD_GAP = re.compile(r"\s*(?:[（(][^）)]{0,12}[）)])?\s*[、和及,，]?\s*")


def parse_legal_basis(text: str) -> LegalBasis:
    """Keep the raw citation and the references it names (law carried to later articles)."""
    raw = normalize_text(text)
    return LegalBasis(raw=raw, refs=_refs(raw))


def _refs(text: str) -> list[LegalRef]:
    """Citation heads only: an article right after 《law》 or chained with 、 to one.

    Articles quoted inside the provision text (依照本法第二十四条) are not the basis.
    """
    refs: list[LegalRef] = []
    law: str | None = None
    anchor = -1
    for token in sorted([*_LAW.finditer(text), *_ARTICLE.finditer(text)], key=lambda m: m.start()):
        if token.re is _LAW:
            law, anchor = short_name(token.group(1)), token.end()
            continue
        if anchor >= 0 and _HEAD_GAP.fullmatch(text[anchor : token.start()]):
            refs.extend(_article_refs(token, law))
            anchor = token.end()
    return refs


def _article_refs(found: re.Match[str], law: str | None) -> list[LegalRef]:
    """One reference per paragraph named (第三十一条第一款、第二款 → two refs)."""
    article, suffix, paragraph, item, more = found.group(1, 2, 3, 4, 5)
    base = {
        "law": law,
        "article": parse_number(article),
        "suffix": parse_number(suffix) if suffix else 0,
        "item": parse_number(item) if item else None,
    }
    paragraphs = [parse_number(paragraph)] if paragraph else [None]
    paragraphs += [parse_number(p) for p in _EXTRA_PARAGRAPH.findall(more or "")]
    return [LegalRef(**base, paragraph=p, raw=found.group(0)) for p in paragraphs]


def law_matches(ref: LegalRef, law_query: str) -> bool:
    """Whether a reference's law is the one asked for (short or full name, alias-free)."""
    if ref.law is None:
        return False
    wanted = short_name(law_query)
    return wanted == ref.law or wanted in ref.law or ref.law in wanted

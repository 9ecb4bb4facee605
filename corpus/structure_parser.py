"""One parser for the 编/章/节 → 第X条 → 款 → （一）项 grammar, whatever the container.

Loaders (Markdown, PDF, DOCX, text) only turn their container into a list of
blocks — one block per visual paragraph — and this module finds the structure,
so a statute parses to the same articles from any format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from corpus.model import Article, Item, Paragraph
from corpus.numerals import CHINESE_DIGITS, parse_number

_NUM = rf"[{CHINESE_DIGITS}\d]+"
ARTICLE_RE = re.compile(rf"^第({_NUM})条(?:之({_NUM}))?(?:[\s:：]+|$|(?=【))(.*)$", re.S)
HEADING_RE = re.compile(rf"^第({_NUM})(编|分编|章|节)(?:\s+|$)(.*)$")
ITEM_RE = re.compile(rf"^[（(]({_NUM})[）)]\s*")
# Appendices end the article body: their text belongs to no article.
APPENDIX_RE = re.compile(r"^(附件|附表|附录)[一二三四五六七八九十\d]*[\s：:]*")

_SPACES = re.compile(r"\s+")
_HEADING_RANK = {"编": 0, "分编": 1, "章": 2, "节": 3}


@dataclass
class _ArticleBuilder:
    number: int
    suffix: int
    headings: tuple[str, ...]
    blocks: list[str] = field(default_factory=list)

    def build(self) -> Article:
        return Article(
            number=self.number,
            suffix=self.suffix,
            headings=self.headings,
            paragraphs=tuple(_group_paragraphs(self.blocks)),
        )


@dataclass
class StructureResult:
    """Articles found, the text before the first article, and what looked odd."""

    articles: list[Article]
    preamble: str
    warnings: list[str]


def _group_paragraphs(blocks: list[str]) -> list[Paragraph]:
    """Blocks → 款: an item block ``（一）…`` attaches to the paragraph before it."""
    grouped: list[tuple[str, list[Item]]] = []
    for block in blocks:
        match = ITEM_RE.match(block)
        if match and grouped:
            grouped[-1][1].append(Item(number=parse_number(match.group(1)), text=block))
        else:
            grouped.append((block, []))
    return [
        Paragraph(number=i, text="\n".join([head] + [it.text for it in items]), items=tuple(items))
        for i, (head, items) in enumerate(grouped, start=1)
    ]


def _update_headings(headings: dict[str, str], kind: str, text: str) -> None:
    """Set a heading and drop every lower-ranked one (a new 章 resets 节)."""
    rank = _HEADING_RANK[kind]
    for other, other_rank in _HEADING_RANK.items():
        if other_rank > rank:
            headings.pop(other, None)
    headings[kind] = text


def _is_next_article(number: int, suffix: int, last: _ArticleBuilder | None) -> bool:
    """Article numbers only grow; a line starting 第X条 that goes backwards is body text."""
    if last is None:
        return True
    return (number, suffix) > (last.number, last.suffix)


def parse_structure(blocks: Iterable[str]) -> StructureResult:
    """Find headings, articles, paragraphs and items in normalised text blocks."""
    articles: list[Article] = []
    preamble: list[str] = []
    warnings: list[str] = []
    headings: dict[str, str] = {}
    current: _ArticleBuilder | None = None
    in_appendix = False
    for raw in blocks:
        block = raw.strip()
        if not block:
            continue
        heading = HEADING_RE.match(block)
        if heading and len(block) <= 60:
            kind = heading.group(2)
            name = _SPACES.sub("", heading.group(3))
            title = f"第{heading.group(1)}{kind} {name}".strip()
            _update_headings(headings, kind, title)
            in_appendix = False
            continue
        article = ARTICLE_RE.match(block)
        if article:
            number = parse_number(article.group(1))
            suffix = parse_number(article.group(2)) if article.group(2) else 0
            if _is_next_article(number, suffix, current):
                if current is not None:
                    articles.append(current.build())
                ordered = tuple(headings[k] for k in _HEADING_RANK if k in headings)
                current = _ArticleBuilder(number, suffix, ordered)
                body = article.group(3).strip()
                if body:
                    current.blocks.append(body)
                in_appendix = False
                continue
            warnings.append(f"条号未递增，按正文处理：{block[:30]}")
        if APPENDIX_RE.match(block):
            in_appendix = True
        if in_appendix:
            continue
        if current is None:
            preamble.append(block)
        else:
            current.blocks.append(block)
    if current is not None:
        articles.append(current.build())
    for art in articles:
        if not art.paragraphs:
            warnings.append(f"{art.label}无正文")
    return StructureResult(articles=articles, preamble="\n".join(preamble), warnings=warnings)

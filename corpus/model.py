"""The statute data model: law → version → 编/章/节 → 条 → 款 → 项.

Parsed structures are immutable dataclasses so that every loader (Markdown, PDF,
DOCX, text) produces exactly the same shape, and tests can compare them with ``==``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

LEVELS: tuple[str, ...] = (
    "宪法",
    "法律",
    "行政法规",
    "部门规章",
    "地方性法规",
    "地方政府规章",
    "司法解释",
    "规范性文件",
)


@dataclass(frozen=True)
class Item:
    """项: ``（一）…`` inside a paragraph."""

    number: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """款: a paragraph of an article; ``text`` includes the text of its items."""

    number: int
    text: str
    items: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Article:
    """条: numbered ``number`` (and ``suffix`` for 第X条之Y), with its heading path."""

    number: int
    paragraphs: tuple[Paragraph, ...]
    suffix: int = 0
    headings: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Compact article key used in unit ids: ``32`` or ``120-1`` for 第一百二十条之一."""
        return f"{self.number}-{self.suffix}" if self.suffix else str(self.number)

    @property
    def label(self) -> str:
        """The article as Chinese law writes it: 第三十二条 / 第一百二十条之一."""
        from corpus.numerals import article_label

        return article_label(self.number, self.suffix)

    @property
    def text(self) -> str:
        """Full text of the article, paragraphs separated by newlines."""
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class VersionInfo:
    """Metadata of one version of a law, as far as the source tells it."""

    title: str
    version_date: date | None = None
    effective_date: date | None = None
    repealed_date: date | None = None
    level: str | None = None
    issuer: str | None = None
    category: str | None = None
    region: str | None = None
    expired: bool = False
    part: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedLaw:
    """One version of one law, parsed from a file of any container format."""

    info: VersionInfo
    articles: tuple[Article, ...]
    preamble: str = ""
    source: str = ""
    warnings: tuple[str, ...] = field(default=(), compare=False)


def unit_id(
    law: str,
    effective: date,
    article_key: str,
    paragraph: int | None = None,
    item: int | None = None,
) -> str:
    """Stable id of a unit, e.g. ``行政处罚法@2021-07-15#32.1.2``."""
    parts = [article_key]
    if paragraph is not None:
        parts.append(str(paragraph))
        if item is not None:
            parts.append(str(item))
    return f"{law}@{effective.isoformat()}#{'.'.join(parts)}"


# A chapter that states each act with its penalty (治安管理处罚法 第三章 违反治安管理的行为和处罚,
# 海关行政处罚实施条例 第二章 走私行为及其处罚): its articles are 罚则 without a separate duty.
SELF_STATED_HEADING = re.compile(r"行为(?:和|及其)处罚")
# The headings under which a law puts its 罚则: 法律责任, 罚则, and the self-stated chapters.
# 奖励和惩罚 / 奖励与处罚 / 表彰和处罚 (森林病虫害防治条例第四章): older regulations' 罚则 chapters
LIABILITY_HEADING = re.compile(
    rf"法律责任|罚则|{SELF_STATED_HEADING.pattern}|(?:奖励|表彰)(?:和|与)(?:惩罚|处罚)|其他处罚规定"
)


@dataclass(frozen=True)
class ArticleRecord:
    """An article as stored: what retrieval indexes and what citations resolve to.

    ``effective_to`` is the day the version stopped being in force (exclusive), or
    None while it is in force; ``law`` is the short name without 中华人民共和国.
    """

    unit_id: str
    law: str
    title: str
    version: date
    published: date | None
    effective_to: date | None
    level: str | None
    region: str | None
    number: int
    suffix: int
    headings: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]

    @property
    def article_key(self) -> str:
        return f"{self.number}-{self.suffix}" if self.suffix else str(self.number)

    @property
    def label(self) -> str:
        from corpus.numerals import article_label

        return article_label(self.number, self.suffix)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def citation(self) -> str:
        """Canonical citation: 《行政处罚法》第三十二条."""
        return f"《{self.law}》{self.label}"

    def in_force_on(self, day: date) -> bool:
        """True when this version was in force on ``day``."""
        return self.version <= day and (self.effective_to is None or day < self.effective_to)

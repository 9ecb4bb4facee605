"""Articles → retrieval units: what both retrievers index and what a hit prints.

A unit is one article, or — for a long article — a run of its 款 that keeps the
article's id, so hits always collapse back to the article they came from. Each unit
carries everything needed to filter and print it without the database.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import Any

from corpus.model import ArticleRecord, Paragraph


@dataclass(frozen=True)
class RetrievalUnit:
    """One indexed passage; ``article_id`` is the ArticleRecord.unit_id it belongs to."""

    unit_id: str
    article_id: str
    law: str
    title: str
    version: str
    effective_to: str | None
    level: str | None
    region: str | None
    number: int
    suffix: int
    headings: tuple[str, ...]
    citation: str
    text: str

    @property
    def context(self) -> str:
        """The 编/章/节 titles that put the article in context."""
        return " ".join(self.headings)

    def index_text(self) -> str:
        """What BM25 indexes: law name and chapter prefixed, which measurably helps BM25."""
        return "\n".join(part for part in (self.law, self.context, self.text) if part)

    def embed_text(self, max_chars: int) -> str:
        """What the embedder sees: the same text, truncated (the model reads ~512 tokens)."""
        return self.index_text()[:max_chars]

    def in_force_on(self, day: date) -> bool:
        """Same rule as ArticleRecord.in_force_on, on the stored ISO dates."""
        iso = day.isoformat()
        return self.version <= iso and (self.effective_to is None or iso < self.effective_to)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RetrievalUnit:
        return cls(**{**data, "headings": tuple(data["headings"])})


def text_hash(text: str) -> str:
    """Content key of an embedded text (the cache is keyed by model + this)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def paragraph_groups(paragraphs: tuple[Paragraph, ...], max_chars: int) -> list[list[Paragraph]]:
    """Consecutive 款 packed into groups of at most ``max_chars`` (a 款 is never cut)."""
    groups: list[list[Paragraph]] = []
    size = 0
    for paragraph in paragraphs:
        if groups and size + len(paragraph.text) <= max_chars:
            groups[-1].append(paragraph)
            size += len(paragraph.text) + 1
        else:
            groups.append([paragraph])
            size = len(paragraph.text) + 1
    return groups


def article_units(record: ArticleRecord, max_chars: int) -> list[RetrievalUnit]:
    """The units of one article: itself, or its 款 groups when longer than ``max_chars``."""
    base = {
        "article_id": record.unit_id,
        "law": record.law,
        "title": record.title,
        "version": record.version.isoformat(),
        "effective_to": record.effective_to.isoformat() if record.effective_to else None,
        "level": record.level,
        "region": record.region,
        "number": record.number,
        "suffix": record.suffix,
        "headings": tuple(record.headings),
        "citation": record.citation,
    }
    if len(record.text) <= max_chars or len(record.paragraphs) < 2:
        return [RetrievalUnit(unit_id=record.unit_id, text=record.text, **base)]
    return [
        RetrievalUnit(
            unit_id=f"{record.unit_id}.{group[0].number}",
            text="\n".join(p.text for p in group),
            **base,
        )
        for group in paragraph_groups(record.paragraphs, max_chars)
    ]


def build_units(records: Iterable[ArticleRecord], max_chars: int) -> Iterator[RetrievalUnit]:
    """All units of ``records``, in order.

    The store can hold two articles under one id (a version imported from two files);
    an exact copy is skipped, a different text is kept under ``id~2`` so no article
    is lost and ids stay unique.
    """
    seen: dict[str, list[str]] = {}
    for record in records:
        texts = seen.setdefault(record.unit_id, [])
        if record.text in texts:
            continue
        texts.append(record.text)
        if len(texts) > 1:
            record = replace(record, unit_id=f"{record.unit_id}~{len(texts)}")
        yield from article_units(record, max_chars)


def law_fingerprints(units: Iterable[RetrievalUnit]) -> dict[str, str]:
    """One hash per law over its units: an update re-indexes only laws whose hash changed."""
    digests: dict[str, hashlib._Hash] = {}
    for unit in units:
        digest = digests.setdefault(unit.law, hashlib.sha256())
        digest.update(json.dumps(unit.to_dict(), ensure_ascii=False, sort_keys=True).encode())
    return {law: digest.hexdigest() for law, digest in digests.items()}

"""Persistent statute store: laws, versions and articles in SQL (SQLite by default).

One version is written in one transaction, so a failed import never leaves half
a law behind; the connection URL is configuration, so PostgreSQL works unchanged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    func,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from corpus.law_names import COMMON_ALIASES, name_variants, short_name
from corpus.model import ArticleRecord, Item, Paragraph, ParsedLaw, unit_id
from corpus.settings import CorpusSettings


class WriteOutcome(StrEnum):
    """What writing one version did."""

    WRITTEN = "written"
    UNCHANGED = "unchanged"
    SHADOWED = "shadowed"  # a later-published text with the same effective date is kept


class Base(DeclarativeBase):
    pass


class LawRow(Base):
    __tablename__ = "law"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True, index=True)
    title: Mapped[str] = mapped_column(String(300))


class AliasRow(Base):
    __tablename__ = "law_alias"
    alias: Mapped[str] = mapped_column(String(300), primary_key=True)
    law_id: Mapped[int] = mapped_column(ForeignKey("law.id", ondelete="CASCADE"), index=True)


class VersionRow(Base):
    __tablename__ = "law_version"
    __table_args__ = (UniqueConstraint("law_id", "effective_date", name="uq_law_version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    law_id: Mapped[int] = mapped_column(ForeignKey("law.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    version_date: Mapped[date] = mapped_column(Date)
    effective_date: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    expired: Mapped[bool] = mapped_column(Boolean, default=False)
    repealed_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    level: Mapped[str | None] = mapped_column(String(40), nullable=True)
    issuer: Mapped[str | None] = mapped_column(String(200), nullable=True)
    region: Mapped[str | None] = mapped_column(String(100), nullable=True)
    category: Mapped[str | None] = mapped_column(String(100), nullable=True)
    sources: Mapped[str] = mapped_column(Text, default="[]")
    source_sha256: Mapped[str] = mapped_column(String(64))
    article_count: Mapped[int] = mapped_column(Integer, default=0)


class ArticleRow(Base):
    __tablename__ = "article"
    __table_args__ = (UniqueConstraint("version_id", "number", "suffix", name="uq_article"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("law_version.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    suffix: Mapped[int] = mapped_column(Integer, default=0)
    headings: Mapped[str] = mapped_column(Text, default="[]")
    body: Mapped[str] = mapped_column(Text)


@dataclass(frozen=True)
class VersionSummary:
    """A version as listed to users and used for date selection."""

    law: str
    title: str
    version_date: date
    effective_date: date
    effective_to: date | None
    expired: bool
    repealed_date: date | None
    level: str | None
    region: str | None
    article_count: int
    max_article: int

    def in_force_on(self, day: date) -> bool:
        return self.effective_date <= day and (self.effective_to is None or day < self.effective_to)


def _encode_paragraphs(paragraphs: Iterable[Paragraph]) -> str:
    return json.dumps(
        [[p.text, [[i.number, i.text] for i in p.items]] for p in paragraphs], ensure_ascii=False
    )


def _decode_paragraphs(body: str) -> tuple[Paragraph, ...]:
    return tuple(
        Paragraph(number=n, text=text, items=tuple(Item(num, t) for num, t in items))
        for n, (text, items) in enumerate(json.loads(body), start=1)
    )


def content_hash(laws: Iterable[ParsedLaw]) -> str:
    """Hash of the parsed content: unchanged files re-import as a no-op."""
    digest = hashlib.sha256()
    for law in laws:
        for article in law.articles:
            digest.update(f"{article.key}|{'/'.join(article.headings)}|{article.text}\n".encode())
    return digest.hexdigest()


def _add_sources(row: VersionRow, parts: list[ParsedLaw]) -> None:
    """An unchanged text read again from another file: remember that file too, so pruning
    one source never drops a version another still yields."""
    sources = json.loads(row.sources or "[]")
    new = [p.source for p in parts if p.source not in sources]
    if new:
        row.sources = json.dumps(sources + new, ensure_ascii=False)


def version_key(parts: list[ParsedLaw]) -> tuple[str, date]:
    """What identifies a stored version: the law's short name and its 施行 date."""
    first = parts[0].info
    return short_name(first.title), first.effective_date or first.version_date


class CorpusStore:
    """Reads and writes the statute base; one instance per database URL."""

    def __init__(self, settings: CorpusSettings) -> None:
        url = settings.resolved_database_url
        if url.startswith("sqlite:///"):
            settings.ensure_data_dir()
        self.engine: Engine = create_engine(url, future=True)
        Base.metadata.create_all(self.engine)

    # -- writing ---------------------------------------------------------------
    def upsert_version(self, parts: list[ParsedLaw]) -> WriteOutcome:
        """Write one version (possibly several part files, e.g. 民法典编) atomically.

        A version is identified by its effective date: of two texts taking effect on
        the same day (the same interpretation filed under two publication dates),
        the later-published one is kept.
        """
        first = parts[0].info
        name, effective = version_key(parts)
        digest = content_hash(parts)
        with Session(self.engine) as session, session.begin():
            law = self._law_row(session, name, first.title)
            self._add_aliases(session, law, [first.title, *first.aliases])
            existing = session.scalar(
                select(VersionRow).where(
                    VersionRow.law_id == law.id, VersionRow.effective_date == effective
                )
            )
            self._drop_redated(session, law.id, first.version_date, effective, digest)
            if existing is not None and existing.source_sha256 == digest:
                _add_sources(existing, parts)
                same_file = existing.version_date == first.version_date
                return WriteOutcome.UNCHANGED if same_file else WriteOutcome.SHADOWED
            if existing is not None and existing.version_date > first.version_date:
                return WriteOutcome.SHADOWED
            if existing is not None:
                self._delete_version(session, existing)
            self._insert_version(session, law, parts, digest)
            session.flush()
            self._recompute_effective_to(session, law.id)
        return WriteOutcome.WRITTEN

    def _drop_redated(
        self, session: Session, law_id: int, version_date: date, effective: date, digest: str
    ) -> None:
        """The same text stored under another 施行 date (a date since corrected, e.g. an
        amendment first dated from its publication) is this version: drop the old row."""
        stale = session.scalars(
            select(VersionRow).where(
                VersionRow.law_id == law_id,
                VersionRow.version_date == version_date,
                VersionRow.source_sha256 == digest,
                VersionRow.effective_date != effective,
            )
        ).all()
        for row in stale:
            self._delete_version(session, row)

    def _delete_version(self, session: Session, row: VersionRow) -> None:
        session.execute(delete(ArticleRow).where(ArticleRow.version_id == row.id))
        session.delete(row)
        session.flush()

    def _law_row(self, session: Session, name: str, title: str) -> LawRow:
        law = session.scalar(select(LawRow).where(LawRow.name == name))
        if law is None:
            law = LawRow(name=name, title=title)
            session.add(law)
            session.flush()
        return law

    def _add_aliases(self, session: Session, law: LawRow, titles: list[str]) -> None:
        wanted = set().union(*(name_variants(t) for t in titles)) - {law.name}
        wanted |= {alias for alias, target in COMMON_ALIASES.items() if target == law.name}
        for alias in wanted - {law.name}:
            if session.get(AliasRow, alias) is None:
                session.add(AliasRow(alias=alias, law_id=law.id))

    def _insert_version(
        self, session: Session, law: LawRow, parts: list[ParsedLaw], digest: str
    ) -> None:
        info = parts[0].info
        articles = sorted(
            (a for part in parts for a in part.articles), key=lambda a: (a.number, a.suffix)
        )
        version = VersionRow(
            law_id=law.id,
            title=info.title,
            version_date=info.version_date,
            effective_date=info.effective_date or info.version_date,
            expired=info.expired,
            level=info.level,
            issuer=info.issuer,
            region=info.region,
            category=info.category,
            sources=json.dumps([p.source for p in parts], ensure_ascii=False),
            source_sha256=digest,
            article_count=len(articles),
        )
        session.add(version)
        session.flush()
        session.add_all(
            ArticleRow(
                version_id=version.id,
                number=a.number,
                suffix=a.suffix,
                headings=json.dumps(list(a.headings), ensure_ascii=False),
                body=_encode_paragraphs(a.paragraphs),
            )
            for a in articles
        )

    def _recompute_effective_to(self, session: Session, law_id: int) -> None:
        """A version stays in force until the next version takes effect."""
        versions = session.scalars(
            select(VersionRow)
            .where(VersionRow.law_id == law_id)
            .order_by(VersionRow.effective_date, VersionRow.version_date)
        ).all()
        for current, following in zip(versions, versions[1:], strict=False):
            current.effective_to = following.effective_date
        if versions:
            versions[-1].effective_to = versions[-1].repealed_date

    def set_repeal(self, name: str, repealed: date) -> bool:
        """Record that a law (its last version) ceased to be in force on ``repealed``."""
        with Session(self.engine) as session, session.begin():
            law = session.scalar(select(LawRow).where(LawRow.name == name))
            if law is None:
                return False
            last = session.scalars(
                select(VersionRow)
                .where(VersionRow.law_id == law.id)
                .order_by(VersionRow.effective_date.desc())
            ).first()
            last.repealed_date = repealed
            last.expired = True
            self._recompute_effective_to(session, law.id)
            return True

    def prune_versions(
        self, owned: Callable[[str], bool], kept: set[tuple[str, date]]
    ) -> list[str]:
        """Delete the versions a source once yielded and no longer does; returns their labels.

        A version belongs to the source when every file it was read from is ``owned`` (a
        version also read from a user's own file stays). It is stale when its (law,
        effective date) is not in ``kept``: a title the parser now reads differently, or a
        file the source dropped. A law left without versions goes with its aliases.
        """
        removed: list[str] = []
        with Session(self.engine) as session, session.begin():
            rows = session.execute(
                select(VersionRow, LawRow.name).join(LawRow, LawRow.id == VersionRow.law_id)
            ).all()
            touched: set[int] = set()
            for version, name in rows:
                sources = json.loads(version.sources or "[]")
                if not sources or not all(owned(s) for s in sources):
                    continue
                if (name, version.effective_date) in kept:
                    continue
                removed.append(f"《{name}》（{version.effective_date.isoformat()} 施行）")
                touched.add(version.law_id)
                self._delete_version(session, version)
            for law_id in touched:
                self._drop_if_empty(session, law_id)
        return removed

    def _drop_if_empty(self, session: Session, law_id: int) -> None:
        if session.scalar(select(VersionRow.id).where(VersionRow.law_id == law_id).limit(1)):
            self._recompute_effective_to(session, law_id)
            return
        session.execute(delete(AliasRow).where(AliasRow.law_id == law_id))
        session.execute(delete(LawRow).where(LawRow.id == law_id))

    def remove_law(self, name: str) -> int:
        """Delete a law with all its versions; returns the number of versions removed."""
        with Session(self.engine) as session, session.begin():
            law = session.scalar(select(LawRow).where(LawRow.name == name))
            if law is None:
                return 0
            version_ids = session.scalars(
                select(VersionRow.id).where(VersionRow.law_id == law.id)
            ).all()
            session.execute(delete(ArticleRow).where(ArticleRow.version_id.in_(version_ids)))
            session.execute(delete(VersionRow).where(VersionRow.law_id == law.id))
            session.execute(delete(AliasRow).where(AliasRow.law_id == law.id))
            session.delete(law)
            return len(version_ids)

    # -- reading ---------------------------------------------------------------
    def law_names(self) -> dict[str, str]:
        """Every spelling (name and alias) → short name, for citation parsing."""
        with Session(self.engine) as session:
            names = {n: n for n in session.scalars(select(LawRow.name))}
            rows = session.execute(
                select(AliasRow.alias, LawRow.name).join(LawRow, LawRow.id == AliasRow.law_id)
            ).all()
        names.update({alias: name for alias, name in rows if alias not in names})
        return names

    def versions(self, law: str) -> list[VersionSummary]:
        """All versions of a law, oldest first."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(VersionRow, LawRow.name)
                .join(LawRow, LawRow.id == VersionRow.law_id)
                .where(LawRow.name == law)
                .order_by(VersionRow.effective_date)
            ).all()
            return [self._summary(session, row, name) for row, name in rows]

    def _summary(self, session: Session, row: VersionRow, name: str) -> VersionSummary:
        max_number = session.scalar(
            select(ArticleRow.number)
            .where(ArticleRow.version_id == row.id)
            .order_by(ArticleRow.number.desc())
            .limit(1)
        )
        return _version_summary(row, name, max_number)

    def all_versions(self) -> list[VersionSummary]:
        """Every version of every law, by law then 施行 date, in one query (``corpus list``)."""
        last_article = (
            select(ArticleRow.version_id, func.max(ArticleRow.number).label("last"))
            .group_by(ArticleRow.version_id)
            .subquery()
        )
        with Session(self.engine) as session:
            rows = session.execute(
                select(VersionRow, LawRow.name, last_article.c.last)
                .join(LawRow, LawRow.id == VersionRow.law_id)
                .outerjoin(last_article, last_article.c.version_id == VersionRow.id)
                .order_by(LawRow.name, VersionRow.effective_date)
            ).all()
            return [_version_summary(row, name, last) for row, name, last in rows]

    def list_laws(self) -> list[VersionSummary]:
        """The latest version of every law."""
        with Session(self.engine) as session:
            names = session.scalars(select(LawRow.name).order_by(LawRow.name)).all()
        return [self.versions(name)[-1] for name in names if self.versions(name)]

    def article(
        self, law: str, effective_date: date, number: int, suffix: int = 0
    ) -> ArticleRecord | None:
        """One article of one version, or None."""
        records = list(
            self._query_articles(
                [
                    LawRow.name == law,
                    VersionRow.effective_date == effective_date,
                    ArticleRow.number == number,
                    ArticleRow.suffix == suffix,
                ]
            )
        )
        return records[0] if records else None

    def iter_articles(self, laws: Iterable[str] | None = None) -> Iterator[ArticleRecord]:
        """Every article of every version (or of the named laws), in a stable order."""
        conditions = [LawRow.name.in_(list(laws))] if laws is not None else []
        yield from self._query_articles(conditions)

    def articles_containing(self, fragment: str) -> Iterator[ArticleRecord]:
        """Every article whose text contains ``fragment`` (e.g. a 废止 clause naming a law)."""
        yield from self._query_articles([ArticleRow.body.contains(fragment)])

    def _query_articles(self, conditions: list) -> Iterator[ArticleRecord]:
        statement = (
            select(ArticleRow, VersionRow, LawRow.name)
            .join(VersionRow, VersionRow.id == ArticleRow.version_id)
            .join(LawRow, LawRow.id == VersionRow.law_id)
            .where(*conditions)
            .order_by(LawRow.name, VersionRow.effective_date, ArticleRow.number, ArticleRow.suffix)
        )
        with Session(self.engine) as session:
            for art, version, name in session.execute(statement).yield_per(2000):
                yield _record(art, version, name)

    def stats(self) -> dict[str, int]:
        with Session(self.engine) as session:
            return {
                "laws": session.query(LawRow).count(),
                "versions": session.query(VersionRow).count(),
                "articles": session.query(ArticleRow).count(),
            }


def _record(art: ArticleRow, version: VersionRow, name: str) -> ArticleRecord:
    key = f"{art.number}-{art.suffix}" if art.suffix else str(art.number)
    return ArticleRecord(
        unit_id=unit_id(name, version.effective_date, key),
        law=name,
        title=version.title,
        version=version.effective_date,
        published=version.version_date,
        effective_to=version.effective_to,
        level=version.level,
        region=version.region,
        number=art.number,
        suffix=art.suffix,
        headings=tuple(json.loads(art.headings)),
        paragraphs=_decode_paragraphs(art.body),
    )


def _version_summary(row: VersionRow, name: str, last_article: int | None) -> VersionSummary:
    return VersionSummary(
        law=name,
        title=row.title,
        version_date=row.version_date,
        effective_date=row.effective_date,
        effective_to=row.effective_to,
        expired=row.expired,
        repealed_date=row.repealed_date,
        level=row.level,
        region=row.region,
        article_count=row.article_count,
        max_article=last_article or 0,
    )

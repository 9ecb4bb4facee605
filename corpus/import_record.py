"""What `corpus init` last imported, so an unchanged source is not parsed again.

Re-parsing the shipped national archive costs ~22 s of CPU on every `make run` although
the store already holds it. After a successful import we record, in the store's own
database, the source's SHA-256 and the parser version (a digest of the corpus package's
code, so any change to parsing re-imports); the next init skips a source whose record
matches. A fresh database has no record, so it always imports.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from corpus.ingest import IngestReport
from corpus.law_metadata import EFFECTIVE_DATES
from corpus.serialized_writes import create_tables
from corpus.store import Base, CorpusStore

_CORPUS_PACKAGE = Path(__file__).resolve().parent
_CHUNK = 1 << 20


class ImportedSourceRow(Base):
    __tablename__ = "imported_source"
    source: Mapped[str] = mapped_column(String(100), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    parser_version: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(DateTime)


@dataclass(frozen=True)
class SourceFingerprint:
    """A source's content digest and the parser that read it."""

    sha256: str
    parser_version: str


@cache
def parser_version() -> str:
    """Digest of the corpus package's Python sources and the 施行 dates it applies to every
    source (data/effective_dates.json): changes whenever parsing may."""
    digest = hashlib.sha256()
    for path in [*sorted(_CORPUS_PACKAGE.rglob("*.py")), EFFECTIVE_DATES]:
        digest.update(path.relative_to(_CORPUS_PACKAGE).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def file_fingerprint(path: Path) -> SourceFingerprint:
    """SHA-256 of one file (the national archive)."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(block)
    return SourceFingerprint(digest.hexdigest(), parser_version())


def folder_fingerprint(folder: Path, exclude: Path | None = None) -> SourceFingerprint:
    """SHA-256 over the relative names and contents of every file under ``folder``
    (but ``exclude``, a sub-folder fingerprinted on its own)."""
    digest = hashlib.sha256()
    files = [p for p in Path(folder).rglob("*") if p.is_file()]
    if exclude is not None:
        files = [p for p in files if not p.resolve().is_relative_to(exclude.resolve())]
    for path in sorted(files):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return SourceFingerprint(digest.hexdigest(), parser_version())


def import_unless_unchanged(
    store: CorpusStore,
    source: str,
    fingerprint: SourceFingerprint,
    run_import: Callable[[], IngestReport],
    force: bool = False,
) -> IngestReport | None:
    """Run ``run_import`` unless ``source`` was imported with this fingerprint (None then).

    Only an import without failures is recorded, so a failed one is retried next time.
    """
    if not force and recorded_fingerprint(store, source) == fingerprint:
        return None
    report = run_import()
    if not report.failures:
        record_import(store, source, fingerprint)
    return report


def recorded_fingerprint(store: CorpusStore, source: str) -> SourceFingerprint | None:
    """What the last successful import of ``source`` recorded, if any."""
    _ensure_table(store)
    with Session(store.engine) as session:
        row = session.get(ImportedSourceRow, source)
        return None if row is None else SourceFingerprint(row.sha256, row.parser_version)


def record_import(store: CorpusStore, source: str, fingerprint: SourceFingerprint) -> None:
    """Remember that ``source`` with ``fingerprint`` is fully imported (one transaction)."""
    _ensure_table(store)
    with Session(store.engine) as session, session.begin():
        row = session.get(ImportedSourceRow, source) or ImportedSourceRow(source=source)
        row.sha256 = fingerprint.sha256
        row.parser_version = fingerprint.parser_version
        row.imported_at = datetime.now(UTC).replace(tzinfo=None)
        session.merge(row)


def forget_imports(store: CorpusStore) -> None:
    """Drop every record: the next init imports everything again."""
    _ensure_table(store)
    with Session(store.engine) as session, session.begin():
        session.query(ImportedSourceRow).delete()


def _ensure_table(store: CorpusStore) -> None:
    """Databases made before this table existed get it on first use."""
    create_tables(store.engine, Base.metadata, [ImportedSourceRow.__table__])  # type: ignore[list-item]

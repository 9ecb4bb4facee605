"""Shared helpers of the administration tests: a private copy of the corpus database
with the shipped example roster imported."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from api.settings import Settings
from assistant.administration.roster import RosterStore
from assistant.administration.roster_records import RosterKind
from corpus.citation_resolver import CitationResolver
from corpus.store import CorpusStore

EXAMPLES = (
    Path(__file__).resolve().parent.parent / "assistant" / "data" / "administration" / "examples"
)
AGENCY = "江门市生态环境局"
IMPORT_DAY = date(2024, 6, 1)


def copy_database(source: Settings, data_dir: Path) -> None:
    """A consistent copy of ``source``'s SQLite database (the corpus is imported once)."""
    with (
        sqlite3.connect(source.data_dir / "zhifa.db") as origin,
        sqlite3.connect(data_dir / "zhifa.db") as target,
    ):
        origin.backup(target)


def settings_with_roster(source: Settings, data_dir: Path) -> Settings:
    """A copy of ``source``'s database with the example agencies, powers and officers."""
    copy_database(source, data_dir)
    settings = Settings(data_dir=data_dir)
    roster = RosterStore(settings)
    resolver = CitationResolver(CorpusStore(settings))
    for kind in (RosterKind.AGENCIES, RosterKind.POWERS, RosterKind.OFFICERS):
        report = roster.import_file(EXAMPLES / f"{kind.value}.csv", kind, resolver, IMPORT_DAY)
        assert report.ok, report.summary()
    return settings

"""The service's own tables (users, tokens, audit) in the corpus database.

They have their own metadata so the statute store's schema stays untouched; the
engine comes from the same ``Settings.resolved_database_url``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

from api.settings import Settings


class ServiceBase(DeclarativeBase):
    """Declarative base of users, tokens and audit rows."""


def open_service_db(settings: Settings) -> Engine:
    """An engine on the configured database; each store creates its own tables."""
    url = settings.resolved_database_url
    if url.startswith("sqlite:///"):
        settings.ensure_data_dir()
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection: Any, _: Any) -> None:
    """Every request appends an audit row: WAL keeps readers and that writer apart."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()

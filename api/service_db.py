"""The service's own tables (users, tokens, audit) in the corpus database.

They have their own metadata so the statute store's schema stays untouched; the
engine comes from the same ``Settings.resolved_database_url``.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

from api.settings import Settings
from corpus.serialized_writes import open_engine


class ServiceBase(DeclarativeBase):
    """Declarative base of users, tokens and audit rows."""


def open_service_db(settings: Settings) -> Engine:
    """An engine on the configured database (WAL on SQLite: every request appends an
    audit row, readers and that writer stay apart); each store creates its own tables."""
    url = settings.resolved_database_url
    if url.startswith("sqlite:///"):
        settings.ensure_data_dir()
    return open_engine(url)

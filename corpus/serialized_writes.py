"""One writer at a time for read-modify-write transactions, on SQLite and PostgreSQL.

A read-then-insert (next sequence number of a case record, "user exists?" before
adding one, roster upsert by natural key) is only correct when no other writer runs
the same read in between. SQLite ignores ``SELECT … FOR UPDATE``, so two deferred
transactions read the same head and one of them fails on the unique key. Here a
write transaction takes the lock first: ``BEGIN IMMEDIATE`` on SQLite (the database
write lock, waited for through the busy timeout), a transaction-scoped advisory lock
on PostgreSQL keyed by what is written (one case, the user table…), so writers to
different cases do not wait for each other there. A lock that cannot be had in time
("database is locked", a deadlock) is retried a bounded number of times with backoff.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import MetaData, Table, create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from corpus.errors import ErrorKind, ZhifaError

T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 15_000
ATTEMPTS = 6
BACKOFF_S = 0.05


class StoreBusyError(ZhifaError, RuntimeError, kind=ErrorKind.UNAVAILABLE, code="store_busy"):
    """The database stayed locked by other writers through every retry."""


def open_engine(url: str) -> Engine:
    """An engine whose SQLite connections use WAL and wait for the write lock."""
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection: Any, _: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def lock_key(scope: str) -> int:
    """A signed 64-bit advisory-lock key for a scope name ("case_record:粤环罚〔2024〕7号")."""
    return int.from_bytes(hashlib.sha256(scope.encode("utf-8")).digest()[:8], "big", signed=True)


def serialized_write(engine: Engine, scope: str, work: Callable[[Session], T]) -> T:
    """Run ``work`` in one transaction holding the write lock for ``scope``; commit; return.

    ``work`` may be called again after a lock timeout, so it must only touch the
    session (and files it can write twice, such as content-addressed copies).
    """
    for attempt in range(ATTEMPTS):
        try:
            with Session(engine) as session:
                _begin_locked(session, scope)
                result = work(session)
                session.commit()
                return result
        except OperationalError as exc:
            if not _is_lock_contention(exc) or attempt == ATTEMPTS - 1:
                if _is_lock_contention(exc):
                    raise StoreBusyError("数据库正忙（其他写入占用过久），请稍后重试") from exc
                raise
            time.sleep(BACKOFF_S * (2**attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")


def _begin_locked(session: Session, scope: str) -> None:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        session.execute(text("BEGIN IMMEDIATE"))
    elif dialect == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(scope)})


def _is_lock_contention(exc: OperationalError) -> bool:
    message = str(exc.orig).lower()
    return any(
        marker in message
        for marker in ("database is locked", "database table is locked", "deadlock detected")
    )


def create_tables(engine: Engine, metadata: MetaData, tables: list[Table] | None = None) -> None:
    """``create_all`` under the write lock: two processes starting at once would both see a
    table missing and the second ``CREATE TABLE`` would fail."""

    def create(session: Session) -> None:
        metadata.create_all(session.connection(), tables=tables)

    serialized_write(engine, "schema", create)

"""The append-only audit log: who did what, when, and how it ended.

Rows are only ever inserted; nothing in the service updates or deletes them. The
request body, query string and token are never written: case files hold personal
data, and the trace must not become a second copy of it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from sqlalchemy import DateTime, Float, Integer, String, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from api.service_db import ServiceBase
from corpus.serialized_writes import create_tables


class AuditRow(ServiceBase):
    __tablename__ = "service_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    time: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    user: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    role: Mapped[str | None] = mapped_column(String(16), nullable=True)
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(300))
    status: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(16))
    client_ip: Mapped[str | None] = mapped_column(String(64), nullable=True)
    duration_ms: Mapped[float] = mapped_column(Float)


@dataclass(frozen=True)
class AuditEntry:
    """One request as the audit log keeps it."""

    time: datetime
    user: str | None
    role: str | None
    method: str
    path: str
    status: int
    outcome: str
    client_ip: str | None
    duration_ms: float

    def to_json(self) -> dict[str, object]:
        return asdict(self) | {"time": self.time.isoformat(timespec="milliseconds")}


def outcome_of(status: int) -> str:
    """ok · denied (401/403) · rejected (other 4xx) · error (5xx)."""
    if status in (401, 403):
        return "denied"
    if status >= 500:
        return "error"
    if status >= 400:
        return "rejected"
    return "ok"


class AuditLog:
    """Append entries, read the newest ones back."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        create_tables(engine, ServiceBase.metadata, [AuditRow.__table__])

    def append(self, entry: AuditEntry) -> None:
        with Session(self.engine) as session, session.begin():
            session.add(AuditRow(**asdict(entry)))

    def append_many(self, entries: list[AuditEntry]) -> None:
        """All in one transaction: the service's writer commits what queued up meanwhile.
        A Core insert, not the ORM: every request pays for one, and the ORM's unit of work
        costs ~0.4 ms CPU per commit against ~0.17 ms (same rows, nothing read back)."""
        if not entries:
            return
        with self.engine.begin() as connection:
            connection.execute(insert(AuditRow.__table__), [asdict(entry) for entry in entries])

    def tail(self, limit: int = 50, user: str | None = None) -> list[AuditEntry]:
        """The newest ``limit`` entries, oldest first (as a log reads)."""
        query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
        if user is not None:
            query = query.where(AuditRow.user == user)
        with Session(self.engine) as session:
            rows = session.scalars(query).all()
        return [_entry(row) for row in reversed(rows)]


def _entry(row: AuditRow) -> AuditEntry:
    moment = row.time if row.time.tzinfo else row.time.replace(tzinfo=UTC)
    return AuditEntry(
        time=moment,
        user=row.user,
        role=row.role,
        method=row.method,
        path=row.path,
        status=row.status,
        outcome=row.outcome,
        client_ip=row.client_ip,
        duration_ms=row.duration_ms,
    )

"""SQL tables of the whole-process record, in the statute base's database.

Own DeclarativeBase (the corpus schema stays untouched); SQLite by default,
PostgreSQL by URL. ``case_event`` and ``case_attachment`` are append-only: the
store offers no update or delete, and SQLite/PostgreSQL triggers refuse them.
``case_head`` holds the count and last hash so a cut-off tail is noticed.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from corpus.serialized_writes import serialized_write


class RecordBase(DeclarativeBase):
    pass


class CaseEventRow(RecordBase):
    __tablename__ = "case_event"
    __table_args__ = (UniqueConstraint("case_no", "seq", name="uq_case_event_seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_no: Mapped[str] = mapped_column(String(120), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    event_type: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(120))
    occurred_at: Mapped[str] = mapped_column(String(40))
    recorded_at: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    payload_hash: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    event_hash: Mapped[str] = mapped_column(String(64), unique=True)


class CaseAttachmentRow(RecordBase):
    __tablename__ = "case_attachment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("case_event.id"), index=True)
    case_no: Mapped[str] = mapped_column(String(120), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    stored_path: Mapped[str] = mapped_column(Text)


class CaseHeadRow(RecordBase):
    __tablename__ = "case_head"
    case_no: Mapped[str] = mapped_column(String(120), primary_key=True)
    event_count: Mapped[int] = mapped_column(Integer)
    head_hash: Mapped[str] = mapped_column(String(64))


APPEND_ONLY_TABLES = ("case_event", "case_attachment")

_SQLITE_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS {table}_no_{op} BEFORE {op_upper} ON {table}
BEGIN SELECT RAISE(ABORT, '执法全过程记录只能追加，不能修改或删除'); END
"""
_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION zhifa_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION '执法全过程记录只能追加，不能修改或删除'; END $$ LANGUAGE plpgsql
"""
_PG_TRIGGER = """
CREATE OR REPLACE TRIGGER {table}_no_{op} BEFORE {op_upper} ON {table}
FOR EACH ROW EXECUTE FUNCTION zhifa_append_only()
"""


def create_record_tables(engine: Engine) -> None:
    """Create the tables and the append-only triggers (idempotent)."""
    dialect = engine.dialect.name

    def create(session: Session) -> None:
        connection = session.connection()
        RecordBase.metadata.create_all(connection)
        if dialect not in ("sqlite", "postgresql"):
            return
        if dialect == "postgresql":
            connection.execute(text(_PG_FUNCTION))
        template = _SQLITE_TRIGGER if dialect == "sqlite" else _PG_TRIGGER
        for table in APPEND_ONLY_TABLES:
            for op in ("update", "delete"):
                sql = template.format(table=table, op=op, op_upper=op.upper())
                connection.execute(text(sql))

    serialized_write(engine, "schema", create)  # processes starting at once take turns

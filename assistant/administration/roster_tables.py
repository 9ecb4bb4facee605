"""SQL tables of the enforcement roster, in the statute base's database.

Own DeclarativeBase (the corpus schema stays untouched); SQLite by default,
PostgreSQL by URL. Natural keys (agency name, power code, certificate number) are
unique so an import re-run updates rows instead of duplicating them.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from corpus.serialized_writes import create_tables


class RosterBase(DeclarativeBase):
    pass


class AgencyRow(RosterBase):
    __tablename__ = "roster_agency"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    region: Mapped[str] = mapped_column(String(100), default="")
    credit_code: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")


class PowerRow(RosterBase):
    __tablename__ = "roster_power"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True, index=True)
    agency_id: Mapped[int] = mapped_column(
        ForeignKey("roster_agency.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    power_type: Mapped[str] = mapped_column(String(10))
    basis_written: Mapped[str] = mapped_column(Text)
    basis_citations: Mapped[str] = mapped_column(Text, default="[]")  # JSON list, canonical
    responsible_unit: Mapped[str] = mapped_column(String(200), default="")
    random_check: Mapped[bool] = mapped_column(Boolean, default=False)
    check_targets: Mapped[str] = mapped_column(String(300), default="")
    check_method: Mapped[str] = mapped_column(String(200), default="")


class OfficerRow(RosterBase):
    __tablename__ = "roster_officer"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    certificate_no: Mapped[str] = mapped_column(String(60), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(100))
    agency_id: Mapped[int] = mapped_column(
        ForeignKey("roster_agency.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(20))
    scope: Mapped[str] = mapped_column(String(300), default="")
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    related_targets: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of target codes


def create_roster_tables(engine: Engine) -> None:
    """Create the roster tables (idempotent)."""
    create_tables(engine, RosterBase.metadata)

"""The roster of agencies, their statutory powers and their officers and legal reviewers.

It is the one place officers' certificates are kept, so the review engine reads
qualifications from here, the draw picks inspectors from here and the 人员清单 is
published from here. Imports are validated completely before one transaction writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from assistant.administration.roster_import import (
    ImportChecks,
    ImportReport,
    validate_rows,
)
from assistant.administration.roster_records import (
    ENFORCER_ROLE,
    REVIEWER_ROLE,
    AgencyRecord,
    OfficerRecord,
    PowerRecord,
    RosterKind,
    export_headers,
)
from assistant.administration.roster_tables import (
    AgencyRow,
    OfficerRow,
    PowerRow,
    create_roster_tables,
)
from assistant.administration.tabular_files import Row, read_table, write_table
from assistant.case_file import Officer
from assistant.settings import AssistantSettings
from corpus.citation_resolver import CitationResolver
from corpus.errors import ErrorKind, ZhifaError
from corpus.serialized_writes import open_engine, serialized_write

REVIEWER_RATIO_RULE = "《广东省重大行政执法决定法制审核办法》第八条"


class RosterError(ZhifaError, LookupError, kind=ErrorKind.NOT_FOUND, code="roster_not_found"):
    """A roster lookup that fails (unknown agency); the message is Chinese."""


@dataclass(frozen=True)
class CertificateWarning:
    """A certificate expiring within the warning window, or already expired."""

    officer: OfficerRecord
    days_left: int

    @property
    def expired(self) -> bool:
        return self.days_left < 0

    def as_json(self) -> dict[str, object]:
        return {
            "name": self.officer.name,
            "certificate_no": self.officer.certificate_no,
            "agency": self.officer.agency,
            "role": self.officer.role,
            "valid_to": self.officer.valid_to.isoformat() if self.officer.valid_to else None,
            "days_left": self.days_left,
            "expired": self.expired,
        }


@dataclass(frozen=True)
class ReviewerRatio:
    """Legal reviewers against enforcement officers of one agency, on one day."""

    agency: str
    officers: int
    reviewers: int
    minimum: float

    @property
    def ratio(self) -> float:
        return self.reviewers / self.officers if self.officers else 0.0

    @property
    def meets(self) -> bool:
        return self.officers == 0 or self.ratio >= self.minimum

    @property
    def reviewers_needed(self) -> int:
        """Reviewers to add to reach the minimum."""
        needed = 0
        while (self.reviewers + needed) < self.minimum * self.officers - 1e-9:
            needed += 1
        return needed

    def as_json(self) -> dict[str, object]:
        return {
            "agency": self.agency,
            "officers": self.officers,
            "reviewers": self.reviewers,
            "ratio": round(self.ratio, 4),
            "minimum": self.minimum,
            "meets": self.meets,
            "reviewers_needed": self.reviewers_needed,
            "rule": REVIEWER_RATIO_RULE,
        }


def _agency_record(row: AgencyRow) -> AgencyRecord:
    return AgencyRecord(
        name=row.name,
        kind=row.kind,
        region=row.region,
        credit_code=row.credit_code,
        address=row.address,
        phone=row.phone,
    )


def _power_record(row: PowerRow, agency: str) -> PowerRecord:
    return PowerRecord(
        code=row.code,
        agency=agency,
        name=row.name,
        power_type=row.power_type,
        basis_written=row.basis_written,
        basis=json.loads(row.basis_citations),
        responsible_unit=row.responsible_unit,
        random_check=row.random_check,
        check_targets=row.check_targets,
        check_method=row.check_method,
    )


def _officer_record(row: OfficerRow, agency: str) -> OfficerRecord:
    return OfficerRecord(
        name=row.name,
        certificate_no=row.certificate_no,
        agency=agency,
        role=row.role,
        scope=row.scope,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        related_targets=json.loads(row.related_targets),
    )


class RosterStore:
    """Agencies, powers and officers in the database of ``settings`` (same URL as the corpus)."""

    def __init__(self, settings: AssistantSettings) -> None:
        url = settings.resolved_database_url
        if url.startswith("sqlite:///"):
            settings.ensure_data_dir()
        self.engine: Engine = open_engine(url)
        create_roster_tables(self.engine)

    # -- import ----------------------------------------------------------------------
    def import_file(
        self, path: Path, kind: RosterKind, resolver: CitationResolver, on: date
    ) -> ImportReport:
        """Validate every row of a CSV/XLSX file; write all of them or none."""
        return self.import_rows(read_table(path), kind, resolver, on)

    def import_rows(
        self, rows: list[tuple[int, Row]], kind: RosterKind, resolver: CitationResolver, on: date
    ) -> ImportReport:
        """Validate numbered rows ({column: value}); write all of them or none."""
        checks = ImportChecks(frozenset(a.name for a in self.agencies()), resolver, on)
        records, problems = validate_rows(kind, rows, checks)
        report = ImportReport(kind=kind, rows=len(rows), problems=problems)
        if report.ok:
            report.written = self.write(kind, records)
        return report

    def write(self, kind: RosterKind, records: list[BaseModel]) -> int:
        """Insert or update records by their natural key, in one transaction (one writer at a time)."""

        def upsert(session: Session) -> int:
            agency_ids = {a.name: a.id for a in session.scalars(select(AgencyRow))}
            for record in records:
                if isinstance(record, AgencyRecord):
                    self._put_agency(session, record)
                elif isinstance(record, PowerRecord):
                    self._put_power(session, record, agency_ids)
                elif isinstance(record, OfficerRecord):
                    self._put_officer(session, record, agency_ids)
            return len(records)

        return serialized_write(self.engine, "roster", upsert)

    @staticmethod
    def _put_agency(session: Session, record: AgencyRecord) -> None:
        row = session.scalar(select(AgencyRow).where(AgencyRow.name == record.name))
        if row is None:
            row = AgencyRow(name=record.name)
            session.add(row)
        for name in ("kind", "region", "credit_code", "address", "phone"):
            setattr(row, name, getattr(record, name))

    @staticmethod
    def _put_power(session: Session, record: PowerRecord, agency_ids: dict[str, int]) -> None:
        row = session.scalar(select(PowerRow).where(PowerRow.code == record.code))
        if row is None:
            row = PowerRow(code=record.code)
            session.add(row)
        row.agency_id = agency_ids[record.agency]
        row.basis_citations = json.dumps(record.basis, ensure_ascii=False)
        row.power_type = record.power_type
        for name in ("name", "basis_written", "responsible_unit", "random_check"):
            setattr(row, name, getattr(record, name))
        row.check_targets, row.check_method = record.check_targets, record.check_method

    @staticmethod
    def _put_officer(session: Session, record: OfficerRecord, agency_ids: dict[str, int]) -> None:
        number = record.certificate_no
        row = session.scalar(select(OfficerRow).where(OfficerRow.certificate_no == number))
        if row is None:
            row = OfficerRow(certificate_no=number)
            session.add(row)
        row.agency_id = agency_ids[record.agency]
        row.related_targets = json.dumps(record.related_targets, ensure_ascii=False)
        for name in ("name", "role", "scope", "valid_from", "valid_to"):
            setattr(row, name, getattr(record, name))

    # -- reading ---------------------------------------------------------------------
    def agencies(self) -> list[AgencyRecord]:
        with Session(self.engine) as session:
            rows = session.scalars(select(AgencyRow).order_by(AgencyRow.name)).all()
            return [_agency_record(r) for r in rows]

    def agency(self, name: str) -> AgencyRecord:
        found = next((a for a in self.agencies() if a.name == name), None)
        if found is None:
            known = "、".join(a.name for a in self.agencies()) or "（人员库为空）"
            raise RosterError(f"人员库中没有执法主体“{name}”；已有：{known}")
        return found

    def powers(self, agency: str | None = None) -> list[PowerRecord]:
        with Session(self.engine) as session:
            query = select(PowerRow, AgencyRow.name).join(AgencyRow).order_by(PowerRow.code)
            if agency is not None:
                query = query.where(AgencyRow.name == agency)
            return [_power_record(p, name) for p, name in session.execute(query)]

    def officers(self, agency: str | None = None, role: str | None = None) -> list[OfficerRecord]:
        with Session(self.engine) as session:
            query = (
                select(OfficerRow, AgencyRow.name)
                .join(AgencyRow)
                .order_by(OfficerRow.certificate_no)
            )
            if agency is not None:
                query = query.where(AgencyRow.name == agency)
            if role is not None:
                query = query.where(OfficerRow.role == role)
            return [_officer_record(o, name) for o, name in session.execute(query)]

    def officer_record(self, certificate_no: str) -> OfficerRecord | None:
        with Session(self.engine) as session:
            query = (
                select(OfficerRow, AgencyRow.name)
                .join(AgencyRow)
                .where(OfficerRow.certificate_no == certificate_no.strip())
            )
            found = session.execute(query).first()
            return _officer_record(found[0], found[1]) if found else None

    def officer_by_certificate(self, certificate_no: str) -> Officer | None:
        """The officer as the review engine's case file models one (its hook in ReviewContext)."""
        record = self.officer_record(certificate_no)
        if record is None:
            return None
        return Officer(
            name=record.name,
            certificate_no=record.certificate_no,
            valid_from=record.valid_from,
            valid_to=record.valid_to,
        )

    # -- reports ---------------------------------------------------------------------
    def expiring(self, on: date, within_days: int) -> list[CertificateWarning]:
        """Certificates expired by ``on`` or expiring within ``within_days`` after it."""
        room = (date.max - on).days
        horizon = on + timedelta(days=min(within_days, room))
        warnings = [
            CertificateWarning(o, (o.valid_to - on).days)
            for o in self.officers()
            if o.valid_to is not None and o.valid_to <= horizon
        ]
        return sorted(warnings, key=lambda w: (w.days_left, w.officer.certificate_no))

    def reviewer_ratios(self, on: date, minimum: float) -> list[ReviewerRatio]:
        """Per agency: officers and reviewers whose certificates are valid on ``on``."""
        valid = [o for o in self.officers() if o.valid_on(on)]
        return [
            ReviewerRatio(
                agency=a.name,
                officers=sum(1 for o in valid if o.agency == a.name and o.role == ENFORCER_ROLE),
                reviewers=sum(1 for o in valid if o.agency == a.name and o.role == REVIEWER_ROLE),
                minimum=minimum,
            )
            for a in self.agencies()
        ]

    # -- export ----------------------------------------------------------------------
    def export_rows(self, kind: RosterKind) -> list[list[object]]:
        """Rows in the column order of ``export_headers(kind)`` (re-importable)."""
        if kind is RosterKind.AGENCIES:
            return [list(a.model_dump().values()) for a in self.agencies()]
        if kind is RosterKind.POWERS:
            return [
                [p.code, p.agency, p.name, p.power_type, p.basis_written, p.responsible_unit]
                + [p.random_check, p.check_targets, p.check_method]
                for p in self.powers()
            ]
        return [
            [o.name, o.certificate_no, o.agency, o.role, o.scope, o.valid_from, o.valid_to]
            + [o.related_targets]
            for o in self.officers()
        ]

    def export(self, kind: RosterKind, path: Path) -> Path:
        """Write one roster table as .csv, .xlsx or .html."""
        title = f"{kind.label}库"
        return write_table(path, export_headers(kind), self.export_rows(kind), title)

"""The case base in SQL, in the same database as the statutes (own tables, own metadata).

A case is stored whole as JSON plus the columns lists and filters need. Its id is
derived from its content hash, so re-importing the same files is a no-op, and a
batch is written in one transaction: a failed import leaves nothing half-written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import Date, DateTime, String, Text, create_engine, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from assistant.cases.model import Case, CaseKind
from assistant.settings import AssistantSettings


class CaseBase(DeclarativeBase):
    pass


class CaseRow(CaseBase):
    __tablename__ = "case_base_case"
    case_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    content_sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(String(300))
    domain: Mapped[str | None] = mapped_column(String(60), nullable=True, index=True)
    agency: Mapped[str | None] = mapped_column(String(200), nullable=True)
    decided: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    charges: Mapped[str] = mapped_column(Text, default="[]")
    laws: Mapped[str] = mapped_column(Text, default="[]")
    source: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)


@dataclass
class CaseImportReport:
    """What one import did: new cases, ones already stored, and files that failed."""

    added: int = 0
    unchanged: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)
    added_ids: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "added": self.added,
            "unchanged": self.unchanged,
            "by_kind": dict(self.by_kind),
            "failures": [{"path": p, "reason": r} for p, r in self.failures],
        }


class CaseStore:
    """Reads and writes cases; one instance per database URL."""

    def __init__(self, settings: AssistantSettings) -> None:
        url = settings.resolved_database_url
        if url.startswith("sqlite:///"):
            settings.ensure_data_dir()
        self.engine: Engine = create_engine(url, future=True)
        CaseBase.metadata.create_all(self.engine)

    def add_cases(
        self, cases: Iterable[Case], report: CaseImportReport | None = None
    ) -> CaseImportReport:
        """Store new cases in one transaction; cases already stored (same content) are skipped."""
        report = report or CaseImportReport()
        batch = {case.content_hash(): case for case in cases}
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with Session(self.engine) as session, session.begin():
            known = set(session.scalars(select(CaseRow.content_sha256)))
            for digest, case in batch.items():
                if digest in known:
                    report.unchanged += 1
                    continue
                session.add(_row(case, digest, now))
                report.added += 1
                report.by_kind[case.kind.value] += 1
                report.added_ids.append(case.case_id)
        return report

    def get(self, case_id: str) -> Case | None:
        with Session(self.engine) as session:
            row = session.get(CaseRow, case_id)
            return Case.model_validate_json(row.data) if row else None

    def iter_cases(self, kinds: Iterable[CaseKind] | None = None) -> Iterator[Case]:
        """Every case (or those of ``kinds``), in id order."""
        statement = select(CaseRow.data).order_by(CaseRow.case_id)
        if kinds is not None:
            statement = statement.where(CaseRow.kind.in_([k.value for k in kinds]))
        with Session(self.engine) as session:
            for data in session.scalars(statement).yield_per(1000):
                yield Case.model_validate_json(data)

    def count(self) -> int:
        with Session(self.engine) as session:
            return int(session.scalar(select(func.count()).select_from(CaseRow)) or 0)

    def stats(self) -> dict:
        """Counts by kind and domain, and the most frequent charges and cited laws."""
        kinds: Counter[str] = Counter()
        domains: Counter[str] = Counter()
        charges: Counter[str] = Counter()
        laws: Counter[str] = Counter()
        with Session(self.engine) as session:
            rows = session.execute(
                select(CaseRow.kind, CaseRow.domain, CaseRow.charges, CaseRow.laws)
            )
            for kind, domain, charge_json, law_json in rows:
                kinds[kind] += 1
                domains[domain or "未分类"] += 1
                charges.update(json.loads(charge_json))
                laws.update(json.loads(law_json))
        return {
            "cases": sum(kinds.values()),
            "by_kind": dict(kinds),
            "by_domain": dict(domains.most_common()),
            "top_charges": dict(charges.most_common(10)),
            "top_cited_laws": dict(laws.most_common(10)),
        }


def _row(case: Case, digest: str, now: dt.datetime) -> CaseRow:
    return CaseRow(
        case_id=case.case_id,
        content_sha256=digest,
        kind=case.kind.value,
        title=case.title[:300],
        domain=case.domain,
        agency=case.agency,
        decided=case.date,
        charges=json.dumps(case.charges, ensure_ascii=False),
        laws=json.dumps(case.cited_laws, ensure_ascii=False),
        source=case.source,
        data=case.model_dump_json(),
        imported_at=now,
    )

"""How much of each standard parsed into numbers, and which rows did not.

A tier row counts as parsed when its fine yielded a yuan bound or a multiple; a
权重 row when its weight is a percentage; a 权重 table also needs a readable
formula base. Rows without a fine at all (警告, 责令停业) are listed, not hidden.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from assistant.discretion.model import StandardsModel, Violation


class UnparsedRow(BaseModel):
    """One row that did not yield numbers, with where to find it."""

    violation_id: str
    location: str
    text: str


class SourceCoverage(BaseModel):
    """Counts for one standard."""

    source: str
    violations: int
    rows_total: int
    rows_parsed: int
    unparsed: list[UnparsedRow] = Field(default_factory=list)

    @property
    def fraction(self) -> float:
        return self.rows_parsed / self.rows_total if self.rows_total else 0.0


def coverage_report(model: StandardsModel) -> list[SourceCoverage]:
    """One SourceCoverage per standard (江门, 广东)."""
    report = []
    for source in ("jiangmen", "guangdong"):
        violations = [v for v in model.violations if v.source == source]
        rows = [row for v in violations for row in _rows(v)]
        report.append(
            SourceCoverage(
                source=source,
                violations=len(violations),
                rows_total=len(rows),
                rows_parsed=sum(1 for ok, _ in rows if ok),
                unparsed=[bad for ok, bad in rows if not ok],
            )
        )
    return report


def _rows(violation: Violation) -> list[tuple[bool, UnparsedRow]]:
    rows = []
    for tier in violation.tiers:
        ok = tier.penalty is not None and tier.penalty.has_numbers
        rows.append(
            (
                ok,
                UnparsedRow(
                    violation_id=violation.id, location=tier.location, text=tier.penalty_text
                ),
            )
        )
    for factor in violation.factors:
        for level in factor.levels:
            ok = any(w is not None for w in level.weights_pct)
            text = f"{factor.name}：{level.text}"
            rows.append(
                (ok, UnparsedRow(violation_id=violation.id, location=level.location, text=text))
            )
    for schedule in violation.schedules:
        ok = (
            schedule.start_pct is not None
            and (schedule.base_yuan or schedule.base_name) is not None
        )
        text = f"裁量起点/计算方法：{schedule.label} {schedule.formula}"
        rows.append(
            (ok, UnparsedRow(violation_id=violation.id, location=violation.location, text=text))
        )
    return rows

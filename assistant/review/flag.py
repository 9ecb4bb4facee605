"""A review flag: which review point, how serious, why, the rule it rests on, the evidence."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel


class ReviewPoint(StrEnum):
    """The ten review points of 法制审核, in the order a reviewer reads them."""

    SUBJECT = "subject"
    QUALIFICATION = "qualification"
    PROCEDURE = "procedure"
    FACTS = "facts"
    EVIDENCE = "evidence"
    LAW = "law"
    DISCRETION = "discretion"
    AUTHORITY = "authority"
    DOCUMENTS = "documents"
    TRANSFER = "transfer"

    @property
    def label(self) -> str:
        return POINT_LABELS[self]


POINT_LABELS: dict[ReviewPoint, str] = {
    ReviewPoint.SUBJECT: "执法主体是否合法",
    ReviewPoint.QUALIFICATION: "执法人员是否具备执法资格",
    ReviewPoint.PROCEDURE: "程序是否合法",
    ReviewPoint.FACTS: "事实是否清楚",
    ReviewPoint.EVIDENCE: "证据是否合法充分",
    ReviewPoint.LAW: "适用法律是否准确",
    ReviewPoint.DISCRETION: "裁量基准运用是否适当",
    ReviewPoint.AUTHORITY: "是否超越法定权限",
    ReviewPoint.DOCUMENTS: "文书是否完备规范",
    ReviewPoint.TRANSFER: "是否涉嫌犯罪需移送司法机关",
}


class Severity(StrEnum):
    MUST_FIX = "must_fix"  # 必须纠正
    CHECK = "check"  # 应当核查
    NOTE = "note"  # 提示

    @property
    def label(self) -> str:
        return {"must_fix": "必须纠正", "check": "应当核查", "note": "提示"}[self.value]

    @property
    def rank(self) -> int:
        return {"must_fix": 0, "check": 1, "note": 2}[self.value]


class Flag(BaseModel):
    """One problem put in front of the reviewer; ``rule`` resolves in the corpus when cited."""

    point: ReviewPoint
    severity: Severity
    reason: str
    rule: str
    evidence: str
    # further provisions the same finding rests on (the 刑法 article and the 司法解释 line
    # that writes its threshold), each resolved in the corpus like ``rule``
    also_cites: list[str] = []

    def as_json(self) -> dict[str, str | list[str]]:
        return {
            "point": self.point.value,
            "severity": self.severity.value,
            "reason": self.reason,
            "rule": self.rule,
            "also_cites": self.also_cites,
            "evidence": self.evidence,
        }


@dataclass(frozen=True)
class PointFlags:
    """Makes the flags of one review point, so a checker names its point once."""

    point: ReviewPoint

    def __call__(
        self,
        severity: Severity,
        reason: str,
        rule: str,
        evidence: str,
        also_cites: list[str] | None = None,
    ) -> Flag:
        return Flag(
            point=self.point,
            severity=severity,
            reason=reason,
            rule=rule,
            evidence=evidence,
            also_cites=also_cites or [],
        )

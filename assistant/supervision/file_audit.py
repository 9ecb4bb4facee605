"""案卷评查: score a closed case file against the rubric.

Basic standards read the 法制审核 engine's flags (or a property test); any failure
makes the file 不合格卷. 卷面 and 内容 items deduct per defect, never below zero.
Every review flag the rubric does not use is still listed (``unscored``), so nothing
the engine found is hidden from the reviewer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from assistant.case_file import CaseFile, parse_case
from assistant.review.context import ReviewContext
from assistant.review.engine import review
from assistant.review.flag import Flag
from assistant.settings import AssistantSettings
from assistant.supervision.dossier import Dossier, parse_dossier
from assistant.supervision.file_tests import PROPERTY_TESTS, AuditSubject
from assistant.supervision.rubric import (
    BasicStandard,
    Deduction,
    FlagMatch,
    Part,
    Rubric,
    ScoredItem,
    is_own_statement,
    load_rubric,
    rubric_path,
)

FAILED_GRADE = "不合格"


@dataclass(frozen=True)
class Finding:
    """One problem in the file: why, the rule it rests on, where in the file."""

    reason: str
    rule: str
    evidence: str


@dataclass(frozen=True)
class BasicFailure:
    id: str
    label: str
    rule: str
    findings: list[Finding]


@dataclass(frozen=True)
class AppliedDeduction:
    item_id: str
    item_label: str
    part: Part
    points: float
    per_defect: float
    reason: str
    rule: str
    rule_is_own: bool
    evidence: str
    note: str = ""


@dataclass(frozen=True)
class ItemResult:
    id: str
    label: str
    part: Part
    points: float
    score: float


@dataclass
class FileAudit:
    case_id: str
    title: str
    rubric: str
    score: float
    layout_score: float
    content_score: float
    full_marks: float
    grade: str
    failures: list[BasicFailure] = field(default_factory=list)
    items: list[ItemResult] = field(default_factory=list)
    deductions: list[AppliedDeduction] = field(default_factory=list)
    unscored: list[Finding] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.failures)

    def as_json(self) -> dict[str, object]:
        return {
            "case_id": self.case_id,
            "title": self.title,
            "rubric": self.rubric,
            "score": self.score,
            "layout_score": self.layout_score,
            "content_score": self.content_score,
            "full_marks": self.full_marks,
            "grade": self.grade,
            "failed": self.failed,
            "failures": [asdict(f) for f in self.failures],
            "items": [asdict(i) for i in self.items],
            "deductions": [asdict(d) for d in self.deductions],
            "unscored": [asdict(f) for f in self.unscored],
        }


def _under(rule: str, parent: str) -> bool:
    """``rule`` is ``parent`` or one of its paragraphs/items."""
    return rule == parent or (rule.startswith(parent) and rule[len(parent)] == "第")


def _matches(flag: Flag, match: FlagMatch, ctx: ReviewContext) -> bool:
    if flag.point != match.point or flag.severity != match.severity:
        return False
    rule = ctx.rule(flag.rule)
    if match.rule and not _under(rule, ctx.rule(match.rule)):
        return False
    if any(_under(rule, ctx.rule(r)) for r in match.except_rules):
        return False
    return match.reason_contains is None or match.reason_contains in flag.reason


class FileAuditor:
    """The rubric, the review context and the settings, applied to one file at a time."""

    def __init__(self, rubric: Rubric, ctx: ReviewContext, settings: AssistantSettings) -> None:
        self.rubric = rubric
        self.ctx = ctx
        self.settings = settings

    @classmethod
    def from_settings(
        cls, settings: AssistantSettings, ctx: ReviewContext, path: Path | None = None
    ) -> FileAuditor:
        """The agency's rubric (or ``path``, or the shipped default), checked against the corpus."""
        rubric = load_rubric(path or rubric_path(settings), ctx.resolver, set(PROPERTY_TESTS))
        return cls(rubric, ctx, settings)

    def audit_data(self, data: object) -> FileAudit:
        """Audit raw case-file data (the review format plus an optional ``dossier``)."""
        return self.audit(parse_case(data), parse_dossier(data))

    def audit(self, case: CaseFile, dossier: Dossier) -> FileAudit:
        flags = review(case, self.ctx).flags
        subject = AuditSubject(case, dossier, self.ctx, self.settings, self.rubric)
        used: set[int] = set()
        failures = [
            failure
            for standard in self.rubric.basic
            if (failure := self._basic(standard, flags, subject, used)) is not None
        ]
        items, deductions = [], []
        for part, item in self.rubric.items():
            result, applied = self._score(part, item, flags, subject, used)
            items.append(result)
            deductions += applied
        layout = sum(i.score for i in items if i.part == "卷面")
        content = sum(i.score for i in items if i.part == "内容")
        score = layout + content
        return FileAudit(
            case_id=case.case_id,
            title=case.title,
            rubric=self.rubric.name,
            score=score,
            layout_score=layout,
            content_score=content,
            full_marks=self.rubric.full_marks,
            grade=FAILED_GRADE if failures else self.rubric.grade(score),
            failures=failures,
            items=items,
            deductions=deductions,
            unscored=[_finding(f) for i, f in enumerate(flags) if i not in used],
        )

    def _findings(
        self,
        review_matches: list[FlagMatch],
        test: str | None,
        flags: list[Flag],
        subject: AuditSubject,
        used: set[int],
    ) -> list[Finding]:
        found = []
        for index, flag in enumerate(flags):
            if any(_matches(flag, m, self.ctx) for m in review_matches):
                used.add(index)
                found.append(_finding(flag))
        tested = PROPERTY_TESTS[test](subject) if test is not None else []
        seen = {f.evidence for f in found}
        return found + [Finding(d.reason, "", d.evidence) for d in tested if d.evidence not in seen]

    def _basic(
        self, standard: BasicStandard, flags: list[Flag], subject: AuditSubject, used: set[int]
    ) -> BasicFailure | None:
        findings = self._findings(standard.review, standard.test, flags, subject, used)
        if not findings:
            return None
        rule = self.ctx.rule(standard.rule)
        findings = [Finding(f.reason, f.rule or rule, f.evidence) for f in findings]
        return BasicFailure(standard.id, standard.label, rule, findings)

    def _score(
        self, part: Part, item: ScoredItem, flags: list[Flag], subject: AuditSubject, used: set[int]
    ) -> tuple[ItemResult, list[AppliedDeduction]]:
        left = item.points
        applied: list[AppliedDeduction] = []
        for deduction in item.deductions:
            for finding in self._findings(deduction.review, deduction.test, flags, subject, used):
                points = min(deduction.per_defect, left)
                left -= points
                applied.append(self._applied(part, item, deduction, finding, points))
        return ItemResult(item.id, item.label, part, item.points, left), applied

    def _applied(
        self, part: Part, item: ScoredItem, deduction: Deduction, finding: Finding, points: float
    ) -> AppliedDeduction:
        rule = deduction.rule or finding.rule
        own = is_own_statement(rule)
        return AppliedDeduction(
            item_id=item.id,
            item_label=item.label,
            part=part,
            points=points,
            per_defect=deduction.per_defect,
            reason=finding.reason,
            rule=rule if own else self.ctx.rule(rule),
            rule_is_own=own,
            evidence=finding.evidence,
            note=deduction.note,
        )


def _finding(flag: Flag) -> Finding:
    return Finding(flag.reason, flag.rule, flag.evidence)

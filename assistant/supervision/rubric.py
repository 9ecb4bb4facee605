"""The 案卷评查 rubric: editable YAML of basic standards, 卷面 and 内容 items.

Loading validates the structure and resolves every cited rule in the corpus, so a
rubric can never show an article that does not exist; a rule written as
``本标准：…`` is the rubric's own statement and is shown as such.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

from assistant import shipped_data
from assistant.review.flag import ReviewPoint, Severity
from assistant.settings import AssistantSettings
from corpus.citation_resolver import CitationResolver, ResolvedCitation
from corpus.errors import ErrorKind, ZhifaError

DEFAULT_RUBRIC = shipped_data.SHIPPED_DATA_DIR / "supervision" / "file_audit_rubric.yaml"
OWN_STATEMENT = "本标准："
Part = Literal["卷面", "内容"]


class RubricError(ZhifaError, ValueError, kind=ErrorKind.UNAVAILABLE, code="audit_rubric_invalid"):
    """A rubric file that cannot be used; the message names the item."""


class FlagMatch(BaseModel):
    """Which review flags an item reads: point and severity, optionally rule and wording."""

    point: ReviewPoint
    severity: Severity
    rule: str | None = None
    except_rules: list[str] = Field(default_factory=list)
    reason_contains: str | None = None


class Deduction(BaseModel):
    """Points taken per defect found by a review match or a property test."""

    per_defect: float = Field(gt=0)
    review: list[FlagMatch] = Field(default_factory=list)
    test: str | None = None
    rule: str | None = None
    note: str = ""

    @model_validator(mode="after")
    def _one_way(self) -> Deduction:
        if bool(self.review) == bool(self.test):
            raise ValueError("每条扣分规则须写 review 或 test 之一")
        if self.test and not self.rule:
            raise ValueError("test 扣分规则须写 rule")
        return self


class BasicStandard(BaseModel):
    """Any failure makes the file 不合格卷."""

    id: str
    label: str
    rule: str
    review: list[FlagMatch] = Field(default_factory=list)
    test: str | None = None

    @model_validator(mode="after")
    def _some_way(self) -> BasicStandard:
        if not self.review and not self.test:
            raise ValueError(
                f"基本标准 {self.id} 须写 review 或 test（可同时写，任一发现即不合格）"
            )
        return self


class ScoredItem(BaseModel):
    id: str
    label: str
    points: float = Field(gt=0)
    deductions: list[Deduction]


class Grade(BaseModel):
    name: str
    min: float


class OrderStage(BaseModel):
    stage: str
    keywords: list[str]


class Rubric(BaseModel):
    name: str
    source: str
    grades: list[Grade]
    order: list[OrderStage]
    cover_fields: list[str]
    basic: list[BasicStandard]
    layout: list[ScoredItem]
    content: list[ScoredItem]

    def items(self) -> list[tuple[Part, ScoredItem]]:
        return [("卷面", i) for i in self.layout] + [("内容", i) for i in self.content]

    @property
    def full_marks(self) -> float:
        return sum(item.points for _, item in self.items())

    def grade(self, score: float) -> str:
        return next(g.name for g in sorted(self.grades, key=lambda g: -g.min) if score >= g.min)

    def rules(self) -> list[str]:
        """Every rule the rubric states (items, deductions, review matches)."""
        found = [b.rule for b in self.basic]
        for _, item in self.items():
            found += [d.rule for d in item.deductions if d.rule]
        matches = [m for b in self.basic for m in b.review]
        matches += [m for _, i in self.items() for d in i.deductions for m in d.review]
        for match in matches:
            found += [match.rule] if match.rule else []
            found += match.except_rules
        return found


def is_own_statement(rule: str) -> bool:
    return rule.startswith(OWN_STATEMENT)


def rubric_path(settings: AssistantSettings) -> Path:
    return Path(settings.audit_rubric_path or DEFAULT_RUBRIC)


def load_rubric(path: Path, resolver: CitationResolver, known_tests: set[str]) -> Rubric:
    """Parse and check a rubric: structure, known property tests, every rule resolving."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rubric = Rubric.model_validate(data)
    except OSError as exc:
        raise RubricError(f"无法读取案卷评查标准 {path}：{exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise RubricError(f"案卷评查标准 {path} 不是有效的 YAML") from exc
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise RubricError(f"案卷评查标准 {path} 字段 {where}：{error['msg']}") from exc
    _check_tests(rubric, known_tests, path)
    _check_rules(rubric, resolver, path)
    _check_grades(rubric, path)
    return rubric


def _check_tests(rubric: Rubric, known: set[str], path: Path) -> None:
    named = [b.test for b in rubric.basic if b.test]
    named += [d.test for _, i in rubric.items() for d in i.deductions if d.test]
    unknown = sorted(set(named) - known)
    if unknown:
        raise RubricError(
            f"案卷评查标准 {path} 使用了未知的检验项：{'、'.join(unknown)}"
            f"（可用：{'、'.join(sorted(known))}）"
        )


def _check_rules(rubric: Rubric, resolver: CitationResolver, path: Path) -> None:
    for rule in dict.fromkeys(rubric.rules()):
        if is_own_statement(rule):
            continue
        results = resolver.resolve_text(rule)
        if not results or not all(isinstance(r, ResolvedCitation) for r in results):
            problem = next((str(r) for r in results if not isinstance(r, ResolvedCitation)), "")
            raise RubricError(
                f"案卷评查标准 {path} 的依据“{rule}”无法在语料库中核验{('：' + problem) if problem else ''}；"
                f"本标准自己的规定请以“{OWN_STATEMENT}”开头"
            )


def _check_grades(rubric: Rubric, path: Path) -> None:
    if not any(g.min <= 0 for g in rubric.grades):
        raise RubricError(f"案卷评查标准 {path} 的 grades 须有一个 min 为 0 的等次")

"""Is 法制审核 mandatory for this file? The agency's 目录清单, Guangdong's 第十条 by default.

The catalogue is data an agency edits (第十一条 lets it widen the scope, 第十二条
asks for a list by category, level, field and amount); the code only evaluates it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, ValidationError

from assistant.case_file import CaseFile
from assistant.settings import AssistantSettings
from assistant.shipped_data import MAJOR_DECISION_CATALOGUE
from corpus.errors import ErrorKind, ZhifaError

DEFAULT_CATALOGUE = MAJOR_DECISION_CATALOGUE


class CatalogueError(
    ZhifaError, ValueError, kind=ErrorKind.UNAVAILABLE, code="review_catalogue_invalid"
):
    """A catalogue file that cannot be used; Chinese message."""


class Trigger(BaseModel):
    """Any one of these makes the criterion hold."""

    factor: str | None = None
    event: str | None = None
    penalty_types: list[str] = Field(default_factory=list)
    amount_at_least: float | str | None = None


# 第九条's kinds as the catalogue names them → the words a file's penalty type may use
# (吊销道路运输经营许可证 is 吊销许可证件; 责令停业整顿 is 责令停产停业).
_KIND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("吊销", re.compile(r"吊销.*(?:许可证|执照)")),  # a 驾驶证 only where the catalogue lists it
    ("停产停业", re.compile(r"停产|停业|停止营业|停止生产")),
    ("关闭", re.compile(r"关闭")),
    # 停止执业 (律师法第四十八条), 暂停执业 (医师法): a practitioner barred from practice for a time
    (
        "限制从业",
        re.compile(r"限制从业|禁止(?:其)?[^，。；]{0,12}?从事|不得从事|停止执业|暂停执业"),
    ),
    ("降低资质", re.compile(r"降低资质")),
)


def same_kind(listed: str, penalty_type: str) -> bool:
    """The catalogue's penalty kind ``listed`` covers the file's ``penalty_type``."""
    if listed in penalty_type:
        return True
    return any(word in listed and used.search(penalty_type) for word, used in _KIND_WORDS)


# Where the duty to review a major decision rests when only the catalogue makes it major.
CATALOGUE_DUTY = "《广东省重大行政执法决定法制审核办法》第三条第一款"


class Criterion(BaseModel):
    """``duty``: the provision that itself obliges review when this criterion holds
    (《行政处罚法》第五十八条第一款 for its four cases); empty → the catalogue's duty."""

    id: str
    label: str
    rule: str
    when: Trigger
    duty: str | None = None


class HearingThresholds(BaseModel):
    """较大数额 for 《行政处罚法》第六十三条, per party kind, with its source."""

    individual: float = Field(alias="个人")
    organization: float = Field(alias="单位")
    rule: str
    # Agencies the source governs (names containing one of these); empty: every agency.
    # Elsewhere 较大数额 is set by other rules, so an amount alone is only checked.
    departments: list[str] = Field(default_factory=list)
    # False where the source sets 较大数额 for fines only (公安: 第一百二十三条第二款 says 罚款).
    covers_confiscation: bool = True

    def binds(self, agency_name: str) -> bool:
        return not self.departments or any(d in agency_name for d in self.departments)

    def for_kind(self, kind: str) -> float:
        return self.individual if kind == "个人" else self.organization


class AmountByKind(BaseModel):
    """An amount per party kind (个人 / 单位)."""

    individual: float = Field(alias="个人")
    organization: float = Field(alias="单位")

    def for_kind(self, kind: str) -> float:
        return self.individual if kind == "个人" else self.organization


class MajorCatalogue(BaseModel):
    name: str
    source: str
    amount_threshold_yuan: float
    hearing_thresholds: HearingThresholds
    # Departments whose own rules set 较大数额 (公安机关办理行政案件程序规定第一百二十三条第二款).
    department_hearing_thresholds: list[HearingThresholds] = Field(default_factory=list)
    # An amount at or above which every department's own 较大数额 is met: the hearing duty is
    # then certain even where that department's rule is not in the corpus.
    hearing_certain_at: AmountByKind | None = None
    criteria: list[Criterion]
    duty_rule: str = CATALOGUE_DUTY

    def hearing_thresholds_for(self, agency_name: str) -> HearingThresholds:
        """The 较大数额 source that governs this agency: its department's own, else the default."""
        own = (t for t in self.department_hearing_thresholds if t.binds(agency_name))
        return next(own, self.hearing_thresholds)

    @classmethod
    def load(cls, settings: AssistantSettings) -> MajorCatalogue:
        """The agency's catalogue (settings.review_catalogue_path) or the shipped default."""
        path = Path(settings.review_catalogue_path or DEFAULT_CATALOGUE)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            catalogue = cls.model_validate(data)
        except (OSError, yaml.YAMLError, ValidationError) as exc:
            raise CatalogueError(
                f"无法读取重大执法决定目录清单 {path}：{type(exc).__name__}"
            ) from exc
        if settings.major_amount_threshold_yuan is not None:
            catalogue.amount_threshold_yuan = settings.major_amount_threshold_yuan
        return catalogue


class MajorResult(BaseModel):
    major: bool
    reasons: list[str]
    rules: list[str]
    duties: list[str] = Field(default_factory=list)  # provisions obliging the review, canonical


def penalty_total(case: CaseFile) -> float:
    """Fine plus confiscation, the 涉及金额 of the proposed decision."""
    return (case.penalty.amount or 0.0) + (case.penalty.confiscation_yuan or 0.0)


def _holds(trigger: Trigger, case: CaseFile, threshold: float) -> str | None:
    """The fact that satisfies the trigger, described, or None."""
    if trigger.factor and getattr(case.major_factors, trigger.factor, False):
        return f"案卷认定 major_factors.{trigger.factor}"
    if trigger.event and case.events_of(trigger.event):
        return f"案卷有“{trigger.event}”环节（{case.events_of(trigger.event)[0].date}）"
    types = [t for t in case.penalty.types if any(same_kind(p, t) for p in trigger.penalty_types)]
    if types:
        return f"拟处{'、'.join(types)}"
    if trigger.amount_at_least is not None:
        limit = (
            threshold if trigger.amount_at_least == "threshold" else float(trigger.amount_at_least)
        )
        total = penalty_total(case)
        if total >= limit:
            return f"罚没金额{total:.10g}元，不低于{limit:.10g}元"
    return None


def assess_major(
    case: CaseFile, catalogue: MajorCatalogue, canonical: Callable[[str], str] = str
) -> MajorResult:
    """Every criterion of the catalogue that the file meets, with the fact and the rule
    (``canonical`` turns the rule as the agency wrote it into the verified citation)."""
    reasons: list[str] = []
    rules: list[str] = []
    duties: list[str] = []
    for criterion in catalogue.criteria:
        fact = _holds(criterion.when, case, catalogue.amount_threshold_yuan)
        if fact is not None:
            rule = canonical(criterion.rule)
            reasons.append(f"{criterion.label}：{fact}（{rule}）")
            rules.append(rule)
            duty = canonical(criterion.duty or catalogue.duty_rule)
            if duty not in duties:
                duties.append(duty)
    return MajorResult(major=bool(reasons), reasons=reasons, rules=rules, duties=duties)

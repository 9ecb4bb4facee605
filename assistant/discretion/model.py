"""The one structured model behind both discretion standards (江门 xls, 广东 pdf).

Pydantic models so that the parsed standards round-trip through the shipped JSON
cache unchanged, and so that CLI/API layers can dump them with ``model_dump``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Source = Literal["jiangmen", "guangdong"]
Mode = Literal["tiers", "weights"]


class LegalRef(BaseModel):
    """One cited provision: law name as written (short form) and article numbers."""

    law: str | None
    article: int
    suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    raw: str


class LegalBasis(BaseModel):
    """A 法律依据 / 违反条款 cell: the raw text kept verbatim plus the parsed references."""

    raw: str
    refs: list[LegalRef] = Field(default_factory=list)


class PenaltyRange(BaseModel):
    """A fine as numbers: fixed yuan bounds, or multiples/ratios of a named base amount.

    ``min_multiple``/``max_multiple`` hold 倍数 (3 for 三倍) and ratios (0.01 for 百分之一)
    of ``base`` (违法所得, 货值金额, 建设项目总投资额…); yuan bounds are then unknown
    until the case supplies the base amount.
    """

    raw: str
    min_yuan: float | None = None
    max_yuan: float | None = None
    base: str | None = None
    min_multiple: float | None = None
    max_multiple: float | None = None
    per_day: bool = False

    @property
    def has_numbers(self) -> bool:
        """True when the text yielded at least one numeric bound."""
        values = (self.min_yuan, self.max_yuan, self.min_multiple, self.max_multiple)
        return any(v is not None for v in values)


class Condition(BaseModel):
    """One 裁量情节 / 违法程度 cell; ``factor`` names its column where the table has one."""

    factor: str | None = None
    text: str


class Tier(BaseModel):
    """One penalty tier (江门 类别 row group, or one 广东 幅度 row)."""

    level: int
    conditions: list[Condition]
    penalty_text: str
    penalty: PenaltyRange | None = None
    individual_penalty: PenaltyRange | None = None
    note: str = ""
    location: str = ""
    scenario: str = ""


class FactorLevel(BaseModel):
    """One 违法程度 of a 裁量要素 with its 裁量权重 per schedule (percent)."""

    text: str
    weights_pct: list[float | None]
    location: str = ""


class Factor(BaseModel):
    """A 裁量要素 of the 权重累加 mode with its ordered levels (lowest first)."""

    name: str
    levels: list[FactorLevel]


class WeightSchedule(BaseModel):
    """One weight column: 裁量起点 and the base the summed percentage multiplies.

    广东《裁量权规定》第六条: 罚款 = 各项权重累加（≤100%）× 法定最高罚款数额; the 备注
    of each table spells the base out (×100万, ×所需处置费用×5倍, ×建设项目总投资额×5%).
    """

    label: str = ""
    start_pct: float | None = None
    base_yuan: float | None = None
    base_name: str | None = None
    base_factor: float = 1.0
    min_total_pct: float | None = None
    max_total_pct: float = 100.0
    formula: str = ""


class Violation(BaseModel):
    """One violation of one standard, with everything needed to pick a tier."""

    id: str
    source: Source
    number: str
    title: str
    category: str
    mode: Mode
    legal_basis: list[LegalBasis] = Field(default_factory=list)
    violated_provisions: list[LegalBasis] = Field(default_factory=list)
    statutory_range: PenaltyRange | None = None
    tiers: list[Tier] = Field(default_factory=list)
    factor_columns: list[str] = Field(default_factory=list)
    factors: list[Factor] = Field(default_factory=list)
    schedules: list[WeightSchedule] = Field(default_factory=list)
    notes: str = ""
    location: str = ""


class ExemptionItem(BaseModel):
    """One entry of a 不予处罚清单: violation, provisions and the conditions to meet together."""

    id: str
    source: Source
    number: str
    category: str
    title: str
    provisions: list[LegalBasis] = Field(default_factory=list)
    conditions: list[str]
    discretionary: bool = False


class SourceFile(BaseModel):
    """Provenance of one parsed file (name and SHA-256 of the shipped copy)."""

    name: str
    sha256: str
    title: str


class StandardsModel(BaseModel):
    """Everything parsed from the shipped standards folder."""

    sources: list[SourceFile]
    violations: list[Violation]
    exemptions: list[ExemptionItem]

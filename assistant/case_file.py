"""The case file (案卷) that review, drafting, administration and records share, as JSON or YAML.

Dates follow the statute: the law applied is the one in force when the act was
committed (《行政处罚法》第三十七条); a continuing act counts from the day it ended
(第三十六条第二款), so ``act_date`` is ``violation.end_date`` when given.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from assistant import shipped_data
from corpus.errors import ErrorKind, ZhifaError
from corpus.field_types import Amount, BoundedDate, Count, Identifier, Name, Quantity, Text

# Names joined in one entry: 李明、陈华 / 李明，陈华 / 李明 陈华 / 李明/陈华
_OFFICER_SEPARATORS = re.compile(r"[、，,；;/／\s]+")

EventType = Literal[
    "立案",
    "调查取证",
    "告知",
    "陈述申辩",
    "听证通知",
    "听证",
    "法制审核",
    "集体讨论",
    "延期",
    "决定",
    "送达",
    "公示",
    "移送",
]
PartyKind = Literal["个人", "单位"]
AgencyKind = Literal["行政机关", "法律法规授权组织", "受委托组织"]


class CaseFileError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_case_file"):
    """A case file that cannot be read; the message is one Chinese line naming the field."""


class Officer(BaseModel):
    """An enforcement officer and the certificate (执法证) that qualifies them."""

    name: Name
    certificate_no: Identifier | None = None
    valid_from: BoundedDate | None = None
    valid_to: BoundedDate | None = None

    def valid_on(self, day: dt.date) -> bool:
        """The certificate exists and covers ``day``."""
        if not self.certificate_no:
            return False
        starts = self.valid_from is None or self.valid_from <= day
        return starts and (self.valid_to is None or day <= self.valid_to)


class Powers(BaseModel):
    """The agency's statutory competence: the provisions granting it, laws and penalty types."""

    basis: list[str] = Field(default_factory=list)
    laws: list[str] = Field(default_factory=list)
    penalty_types: list[str] = Field(default_factory=list)


class Agency(BaseModel):
    """The enforcement subject (执法主体)."""

    name: Name
    kind: AgencyKind = "行政机关"
    region: str | None = None
    entrusted_by: str | None = None
    acts_in_name_of: str | None = None
    powers: Powers = Field(default_factory=Powers)
    designated_jurisdiction: str | None = None  # 指定管辖: who designated it, and the document


MentalState = Literal["不能辨认或者不能控制", "尚未完全丧失辨认或者控制能力"]


class Party(BaseModel):
    """A party; ``birth_date`` and ``mental_illness`` decide capacity (第三十条、第三十一条)."""

    name: Name
    kind: PartyKind = "单位"
    id_code: Identifier | None = None
    address: Name | None = None
    birth_date: BoundedDate | None = None
    mental_illness: MentalState | None = None  # 精神病人、智力残疾人 on the act date


class Violation(BaseModel):
    """The act under review; ``date`` is when it was committed (违法行为发生日)."""

    date: BoundedDate
    end_date: BoundedDate | None = None
    place: Name | None = None
    description: Text
    standard_id: Identifier | None = None


class Event(BaseModel):
    """One procedural step with its date and what the file records about it."""

    type: EventType
    date: BoundedDate
    officers: list[str] = Field(default_factory=list)
    rights: list[str] = Field(default_factory=list)
    certificates_shown: bool | None = None
    audio_video: bool | None = None
    hearing_requested: bool | None = None
    method: str | None = None
    result: str | None = None
    note: str = ""

    @field_validator("officers", mode="before")
    @classmethod
    def _each_officer(cls, value: object) -> object:
        """``[李明、陈华]`` or ``李明 陈华`` names two officers, as a decision would write them."""
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            return value
        return [n for item in items for n in _OFFICER_SEPARATORS.split(str(item)) if n]


class Citations(BaseModel):
    """The articles cited, exactly as written in the draft decision."""

    violated: list[str] = Field(default_factory=list)
    penalty_basis: list[str] = Field(default_factory=list)


class Penalty(BaseModel):
    """The proposed penalty; ``amount`` is the fine in yuan."""

    types: list[str] = Field(default_factory=list)
    amount: Amount | None = None
    confiscation_yuan: Amount | None = None

    @field_validator("types", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value


class Facts(BaseModel):
    """Established facts: narrative, amounts (yuan), quantities and discretion circumstances."""

    description: Text
    amounts: dict[Name, Amount] = Field(default_factory=dict)
    quantities: dict[Name, Amount] = Field(default_factory=dict)
    first_offence: bool | None = None
    prior_offences: Count | None = None
    corrected_in_time: bool | None = None
    harm: Literal["无", "轻微", "一般", "严重", "重大"] | None = None
    cooperated: bool | None = None
    sensitive_area: bool | None = None
    aggravating: bool = False
    mitigating: bool = False
    circumstances: list[str] = Field(default_factory=list)
    mitigating_grounds: list[str] = Field(default_factory=list)  # 第三十二条 从轻/减轻 grounds
    unverified: list[str] = Field(default_factory=list)  # amounts still 尚在核实 / 待核实


class Measurement(BaseModel):
    """A measured value an evidence item records, with the limit it is compared against."""

    item: str
    value: Quantity
    limit: Quantity | None = None
    unit: str = ""


class EvidenceItem(BaseModel):
    """One piece of evidence: statutory type, what it is, where from and how obtained."""

    type: str
    name: str
    source: str | None = None
    obtained_by: str | None = None
    date: BoundedDate | None = None
    measurements: list[Measurement] = Field(default_factory=list)
    note: str = ""


class Document(BaseModel):
    """A document in the file; ``contents`` lists the matters it states (for 决定书)."""

    type: str
    date: BoundedDate | None = None
    contents: list[str] = Field(default_factory=list)
    sealed: bool | None = None


class MajorFactors(BaseModel):
    """Circumstances only the handling officer can assert (目录清单 criteria)."""

    public_interest: bool = False
    social_impact: bool = False
    complex_facts: bool = False
    multiple_legal_relations: bool = False
    required_by_law: bool = False


class CaseFile(BaseModel):
    """Everything the 法制审核 engine reads."""

    case_id: Identifier
    title: Name = ""
    agency: Agency
    officers: list[Officer] = Field(default_factory=list)
    parties: list[Party] = Field(default_factory=list)
    violation: Violation
    events: list[Event] = Field(default_factory=list)
    citations: Citations = Field(default_factory=Citations)
    penalty: Penalty = Field(default_factory=Penalty)
    facts: Facts
    evidence: list[EvidenceItem] = Field(default_factory=list)
    documents: list[Document] = Field(default_factory=list)
    major_factors: MajorFactors = Field(default_factory=MajorFactors)

    @property
    def act_date(self) -> dt.date:
        """The date whose law applies (第三十七条), end of a continuing act (第三十六条第二款)."""
        return self.violation.end_date or self.violation.date

    def events_of(self, kind: str) -> list[Event]:
        return sorted((e for e in self.events if e.type == kind), key=lambda e: e.date)

    def paper(self, title_words: str) -> Document | None:
        """The first document whose title holds the words (处罚决定书: the penalty decision)."""
        return next((d for d in self.documents if title_words in d.type), None)

    def first(self, kind: str) -> Event | None:
        found = self.events_of(kind)
        return found[0] if found else None

    def officer(self, reference: str) -> Officer | None:
        """An officer by name or certificate number, or the one whose name the reference
        carries with a note (李明（执法证号44070021001）)."""
        exact = next((o for o in self.officers if reference in (o.name, o.certificate_no)), None)
        if exact is not None:
            return exact
        named = [o for o in self.officers if len(o.name) >= 2 and o.name in reference]
        return named[0] if len(named) == 1 else None

    def document(self, kind: str) -> Document | None:
        return next((d for d in self.documents if d.type == kind), None)


_MESSAGES = {
    "missing": "缺少必填字段",
    "date_from_datetime_parsing": "日期无效，应为 YYYY-MM-DD",
    "date_parsing": "日期无效，应为 YYYY-MM-DD",
    "date_type": "日期无效，应为 YYYY-MM-DD",
    "float_parsing": "应为数字",
    "float_type": "应为数字",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "string_type": "应为文本",
    "list_type": "应为列表",
    "dict_type": "应为对象（键值对）",
    "model_type": "应为对象（键值对）",
    "greater_than_equal": "不能为负数",
    "less_than_equal": "数值过大",
    "finite_number": "应为有限数值",
    "string_too_long": "内容过长",
    "literal_error": "取值无效",
}


def describe_error(exc: ValidationError) -> str:
    """The first validation error as one Chinese line naming the field."""
    error = exc.errors()[0]
    field = ".".join(str(part) for part in error["loc"]) or "（根）"
    message = _MESSAGES.get(error["type"], "取值无效")
    if error["type"] == "value_error":  # our bounded types say why in Chinese
        message = str(error.get("ctx", {}).get("error", message))
    if error["type"] == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        message = f"取值无效（可选：{allowed}）"
    return f"案卷字段 {field}：{message}"


def parse_case(data: object) -> CaseFile:
    """Validate loaded JSON/YAML data, or raise CaseFileError with a Chinese reason."""
    if not isinstance(data, dict):
        raise CaseFileError("案卷文件的顶层应为对象（键值对）")
    try:
        return CaseFile.model_validate(data)
    except ValidationError as exc:
        raise CaseFileError(describe_error(exc)) from exc


# In a YAML flow mapping ({note: 货值52,000元}) the comma of a thousands separator ends the
# value: PyYAML reads note: 货值52 and a key "000元" with no value. That key, right after a
# value ending in a digit, is the rest of the figure.
_SPLIT_FIGURE = re.compile(r"^\d{3}(?:,\d{3})*(?:\.\d+)?(?!\d)")


def rejoin_thousands(data: Any) -> Any:
    """Undo the flow-mapping split of 52,000元 so no figure of a case file is lost."""
    if isinstance(data, list):
        return [rejoin_thousands(item) for item in data]
    if not isinstance(data, dict):
        return data
    joined: dict = {}
    last: Any = None
    for key, value in data.items():
        previous = joined.get(last)
        if (
            value is None
            and isinstance(key, (str, int))
            and _SPLIT_FIGURE.match(str(key))
            and isinstance(previous, (str, int))
            and str(previous)[-1:].isdigit()
        ):
            joined[last] = f"{previous},{key}"
            continue
        joined[key] = rejoin_thousands(value)
        last = key
    return joined


def read_case_data(path: Path) -> dict:
    """The raw mapping of a ``.json``, ``.yaml`` or ``.yml`` case file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CaseFileError(f"案卷文件不存在：{path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError(f"无法读取案卷文件 {path}（需为 UTF-8 文本）") from exc
    try:
        if path.suffix.lower() == ".json":
            return json.loads(text)
        return rejoin_thousands(yaml.safe_load(text))
    except json.JSONDecodeError as exc:
        raise CaseFileError(f"案卷文件不是有效的 JSON：第{exc.lineno}行第{exc.colno}列") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"：第{mark.line + 1}行" if mark else ""
        raise CaseFileError(f"案卷文件不是有效的 YAML{where}") from exc


def load_case(path: Path) -> CaseFile:
    """Read and validate one case file."""
    return parse_case(read_case_data(path))


EXAMPLE_CASE = shipped_data.EXAMPLE_CASE
"""A complete, clean case file: ``zhifa review --example`` and the web page's sample."""

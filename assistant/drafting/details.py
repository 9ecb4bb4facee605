"""What documents state but review does not need: the case file's optional ``drafting`` section.

The review case file (assistant/case_file.py) ignores keys it does not know,
so an agency adds these to the same YAML/JSON file; anything left out prints as a
【待补充】 marker in the draft rather than a guess.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from assistant.case_file import (
    CaseFile,
    CaseFileError,
    describe_error,
    parse_case,
    read_case_data,
)
from corpus.field_types import BoundedDate


class Correction(BaseModel):
    """责令改正: what the party must do and by when."""

    requirement: str | None = None
    deadline: BoundedDate | None = None


class DraftingDetails(BaseModel):
    """Document-only data; every field is optional."""

    numbers: dict[str, str] = Field(
        default_factory=dict, description="文书编号 by document type (全称或简称)."
    )
    legal_representative: str | None = Field(default=None, description="单位当事人的法定代表人.")
    case_source: str | None = Field(default=None, description="案件来源（立案审批表）.")
    inspection_findings: str | None = Field(default=None, description="现场检查情况.")
    correction: Correction = Field(default_factory=Correction)
    review_body: str | None = Field(default=None, description="行政复议机关.")
    court: str | None = Field(default=None, description="有管辖权的人民法院.")
    payment_account: str | None = Field(default=None, description="罚没款缴纳银行及账户.")
    agency_address: str | None = Field(default=None, description="行政机关地址.")
    statement_days: int | None = Field(
        default=None, ge=1, le=365, description="陈述、申辩期限（日），事先告知书载明."
    )
    contact: str | None = Field(default=None, description="联系人及电话.")

    def number_for(self, name: str, aliases: tuple[str, ...]) -> str | None:
        """The 文书编号 written under the full name or any alias."""
        for key in (name, *aliases):
            if self.numbers.get(key):
                return self.numbers[key]
        return None


def parse_drafting_input(data: object) -> tuple[CaseFile, DraftingDetails]:
    """The validated case file and its ``drafting`` section, or CaseFileError in Chinese."""
    case = parse_case(data)  # raises unless data is a mapping
    section = data.get("drafting") or {}
    if not isinstance(section, dict):
        raise CaseFileError("案卷字段 drafting：应为对象（键值对）")
    try:
        details = DraftingDetails.model_validate(section)
    except ValidationError as exc:
        raise CaseFileError(describe_error(exc).replace("案卷字段 ", "案卷字段 drafting.")) from exc
    return case, details


def load_drafting_input(path: Path) -> tuple[CaseFile, DraftingDetails]:
    """Read one case file (JSON or YAML) for drafting."""
    return parse_drafting_input(read_case_data(path))

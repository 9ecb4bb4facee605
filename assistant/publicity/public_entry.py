"""The public entry of one decision: the 信息摘要 of 公示办法第十三条, redacted per 第十四条.

Natural persons appear as 张* with their data masked; legal persons and other
organisations appear with their name and 统一社会信用代码 (and 法定代表人), as the
双公示 practice requires. Minors' cases are withheld (第十五条第一款第一项).
"""

from __future__ import annotations

from datetime import date
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from assistant.publicity.checksums import id_birth_date, is_valid_id_number
from assistant.publicity.deadlines import DecisionKind, deadline_for
from assistant.publicity.redaction import Redactor
from assistant.settings import AssistantSettings

PartyType = Literal["自然人", "法人", "非法人组织", "个体工商户"]
CATEGORY_KINDS = {"行政处罚": DecisionKind.PENALTY, "行政许可": DecisionKind.PERMIT}


class Party(BaseModel):
    name: str
    type: PartyType = "自然人"
    credit_code: str | None = None
    id_number: str | None = None
    legal_representative: str | None = None
    minor: bool = False


class CaseDecision(BaseModel):
    """A decided case as the office records it (input of ``publicity entry``/``report``)."""

    case_no: str = Field(description="决定书文号")
    case_name: str = ""
    authority: str = Field(description="执法主体（执法机关）")
    party: Party
    category: str = Field(default="行政处罚", description="行政处罚、行政许可、行政强制…")
    facts: str = ""
    conclusion: str = Field(description="执法决定（结论）")
    basis: list[str] = Field(default_factory=list, description="法律依据")
    decided: date
    officers: list[str] = Field(default_factory=list)
    reviewed: bool = Field(default=False, description="经重大执法决定法制审核")
    reconsideration: str | None = Field(default=None, description="行政复议结果")
    litigation: str | None = Field(default=None, description="行政诉讼结果")
    published: date | None = None
    revoked: date | None = None
    withdrawn: date | None = None

    @property
    def kind(self) -> DecisionKind:
        return CATEGORY_KINDS.get(self.category, DecisionKind.OTHER)

    @property
    def natural_person(self) -> bool:
        return self.party.type == "自然人"


class BasisChecker(Protocol):
    def check(self, basis: str, on: date) -> tuple[str | None, str | None]:
        """(canonical citation, None) or (None, reason it does not resolve)."""
        ...


def _is_minor(party: Party, on: date) -> bool:
    if party.minor:
        return True
    if party.id_number and is_valid_id_number(party.id_number):
        born = id_birth_date(party.id_number)
        return (
            born is not None
            and (on.year - born.year - ((on.month, on.day) < (born.month, born.day))) < 18
        )
    return False


def _masked_party_name(name: str, redactor: Redactor) -> str:
    redacted = redactor.redact(f"当事人{name}。").text[3:-1]
    return redacted if "*" in redacted else name[:1] + "*" * (len(name) - 1)


def public_entry(
    case: CaseDecision,
    redactor: Redactor,
    settings: AssistantSettings,
    checker: BasisChecker | None = None,
) -> dict[str, object]:
    """The entry to publish, or a withheld notice with its reason."""
    if case.natural_person and _is_minor(case.party, case.decided):
        return {
            "publish": False,
            "case_no": case.case_no,
            "reason": "当事人是未成年人，依《广东省行政执法公示办法》第十五条不予公开；"
            "不公开理由应在公开时限内报同级司法行政部门备案（第十六条）",
        }
    keep = frozenset(case.officers)
    if not case.natural_person:
        keep |= {case.party.legal_representative} - {None}
        keep |= {case.party.name}
    party_name = (
        _masked_party_name(case.party.name, redactor) if case.natural_person else case.party.name
    )
    basis, warnings = [], []
    for item in case.basis:
        citation, problem = checker.check(item, case.decided) if checker else (item, None)
        basis.append(citation or item)
        if problem:
            warnings.append(f"依据“{item}”未能核验：{problem}")
    deadline = deadline_for(case.decided, case.kind, settings, case.revoked)
    return {
        "publish": True,
        "文号": case.case_no,
        "案件名称": redactor.redact(case.case_name, keep).text,
        "执法机关": case.authority,
        "执法对象": party_name,
        "当事人类型": "非法人组织" if case.party.type == "个体工商户" else case.party.type,
        "统一社会信用代码": None if case.natural_person else case.party.credit_code,
        "法定代表人": None if case.natural_person else case.party.legal_representative,
        "类别": case.category,
        "违法事实": redactor.redact(case.facts, keep).text,
        "结论": redactor.redact(case.conclusion, keep).text,
        "依据": basis,
        "日期": case.decided.isoformat(),
        "公开期限": deadline.publish_due.isoformat(),
        "撤下期限": deadline.withdraw_due.isoformat() if deadline.withdraw_due else None,
        "warnings": warnings,
    }

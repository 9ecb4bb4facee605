"""The roster's records (执法主体、执法事项、执法人员) and their spreadsheet columns.

Columns are Chinese as agencies write them; English field names are accepted too,
so an export can be edited and imported again unchanged.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from corpus.field_types import BoundedDate

AgencyKind = Literal["行政机关", "法律法规授权组织", "受委托组织"]
PowerType = Literal["处罚", "许可", "强制", "检查", "征收"]
OfficerRole = Literal["执法人员", "法制审核人员"]
POWER_TYPES: tuple[str, ...] = ("处罚", "许可", "强制", "检查", "征收")
REVIEWER_ROLE = "法制审核人员"
ENFORCER_ROLE = "执法人员"


class RosterKind(StrEnum):
    AGENCIES = "agencies"
    POWERS = "powers"
    OFFICERS = "officers"

    @property
    def label(self) -> str:
        return {"agencies": "执法主体", "powers": "执法事项", "officers": "执法人员"}[self.value]


class AgencyRecord(BaseModel):
    """An enforcement subject (执法主体) as published under 公示办法第八条第（一）项."""

    name: str
    kind: AgencyKind = "行政机关"
    region: str = ""
    credit_code: str = ""
    address: str = ""
    phone: str = ""


class PowerRecord(BaseModel):
    """One enforcement power (执法事项) with its legal basis verified in the corpus."""

    code: str
    agency: str
    name: str
    power_type: PowerType
    basis_written: str
    basis: list[str] = Field(default_factory=list, description="Canonical citations.")
    responsible_unit: str = ""
    random_check: bool = False
    check_targets: str = ""
    check_method: str = ""


class OfficerRecord(BaseModel):
    """An officer or legal reviewer and the certificate (执法证) that qualifies them."""

    name: str
    certificate_no: str
    agency: str
    role: OfficerRole = ENFORCER_ROLE
    scope: str = ""
    valid_from: BoundedDate | None = None
    valid_to: BoundedDate | None = None
    related_targets: list[str] = Field(default_factory=list)

    def valid_on(self, day: date) -> bool:
        """The certificate covers ``day`` (both ends inclusive)."""
        starts = self.valid_from is None or self.valid_from <= day
        return starts and (self.valid_to is None or day <= self.valid_to)


# field -> (Chinese header used on export, other accepted headers)
COLUMNS: dict[RosterKind, dict[str, tuple[str, ...]]] = {
    RosterKind.AGENCIES: {
        "name": ("执法主体名称", "名称", "机关名称"),
        "kind": ("主体类型", "类型"),
        "region": ("地区", "行政区域"),
        "credit_code": ("统一社会信用代码",),
        "address": ("办公地址", "地址"),
        "phone": ("联系方式", "电话"),
    },
    RosterKind.POWERS: {
        "code": ("事项编码", "编码"),
        "agency": ("实施主体", "执法主体"),
        "name": ("事项名称", "名称"),
        "power_type": ("事项类型", "类型"),
        "basis_written": ("实施依据", "法律依据", "依据"),
        "responsible_unit": ("责任单位", "承办机构"),
        "random_check": ("纳入随机抽查", "随机抽查"),
        "check_targets": ("抽查对象",),
        "check_method": ("抽查方式",),
    },
    RosterKind.OFFICERS: {
        "name": ("姓名",),
        "certificate_no": ("执法证号", "证件号"),
        "agency": ("所属机关", "执法主体"),
        "role": ("人员类别", "类别"),
        "scope": ("执法领域", "执法范围"),
        "valid_from": ("有效期起", "发证日期"),
        "valid_to": ("有效期至", "有效期止"),
        "related_targets": ("关联对象", "回避对象"),
    },
}

REQUIRED_FIELDS: dict[RosterKind, tuple[str, ...]] = {
    RosterKind.AGENCIES: ("name",),
    RosterKind.POWERS: ("code", "agency", "name", "power_type", "basis_written"),
    RosterKind.OFFICERS: ("name", "certificate_no", "agency"),
}


def export_headers(kind: RosterKind) -> list[str]:
    return [names[0] for names in COLUMNS[kind].values()]


def field_label(kind: RosterKind, field: str) -> str:
    return COLUMNS[kind][field][0]

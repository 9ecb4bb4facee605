"""双随机、一公开: draw inspection targets and a pair of inspectors for each, reproducibly.

The seed is published with a SHA-256 of the inputs; inputs are sorted before the
draw and ``random.Random(seed)`` (Mersenne Twister, string seeds hashed with
SHA-512) is the only source of chance, so anyone holding the same lists and seed
gets the same result. Officers whose certificates are not valid on the draw date
never inspect, and an officer never inspects a target recorded as related to them.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field

from pydantic import BaseModel, Field

from assistant.administration.roster_records import ENFORCER_ROLE, OfficerRecord
from corpus.errors import ErrorKind, ZhifaError
from corpus.field_types import BoundedDate

DRAW_METHOD = (
    "检查对象按编码、执法人员按执法证号排序后，以公布的随机种子初始化 Python random.Random"
    "（梅森旋转算法），先从检查对象中不放回抽取，再为每个抽中对象从有效期内、无关联关系的执法人员中"
    "随机抽取两名（已派人次较少者优先）"
)


class DrawError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_draw"):
    """A draw that cannot be made; the message is Chinese."""


class DrawTarget(BaseModel):
    """A market entity or object that may be inspected."""

    code: str
    name: str
    credit_code: str = ""
    related_officers: list[str] = Field(
        default_factory=list, description="Certificate numbers or names of related officers."
    )


class DrawRequest(BaseModel):
    """Everything the draw depends on; the same request always gives the same result."""

    agency: str
    matter: str = Field(default="", description="抽查事项")
    on: BoundedDate
    count: int = Field(ge=1)
    seed: str = Field(min_length=1)
    targets: list[DrawTarget]
    officers: list[OfficerRecord]

    def inputs_hash(self) -> str:
        """SHA-256 of the sorted inputs (the seed is published beside it)."""
        body = {
            "agency": self.agency,
            "matter": self.matter,
            "on": self.on.isoformat(),
            "count": self.count,
            "targets": [t.model_dump() for t in sorted(self.targets, key=lambda t: t.code)],
            "officers": [
                o.model_dump(mode="json")
                for o in sorted(self.officers, key=lambda o: o.certificate_no)
            ],
        }
        text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Assignment:
    target: DrawTarget
    inspectors: tuple[OfficerRecord, OfficerRecord]

    def as_json(self) -> dict[str, object]:
        return {
            "target": self.target.model_dump(exclude={"related_officers"}),
            "inspectors": [
                {"name": o.name, "certificate_no": o.certificate_no} for o in self.inspectors
            ],
        }


@dataclass
class DrawResult:
    request: DrawRequest
    inputs_hash: str
    assignments: list[Assignment]
    excluded: list[str] = field(default_factory=list)
    draw_id: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "draw_id": self.draw_id,
            "agency": self.request.agency,
            "matter": self.request.matter,
            "date": self.request.on.isoformat(),
            "seed": self.request.seed,
            "inputs_sha256": self.inputs_hash,
            "count": self.request.count,
            "targets_total": len(self.request.targets),
            "officers_total": len(self.request.officers),
            "method": DRAW_METHOD,
            "assignments": [a.as_json() for a in self.assignments],
            "excluded_officers": self.excluded,
        }


def conflicted(officer: OfficerRecord, target: DrawTarget) -> bool:
    """The officer is recorded as related to the target (on either side)."""
    on_target = {officer.certificate_no, officer.name} & set(target.related_officers)
    on_officer = {target.code, target.name} & set(officer.related_targets)
    return bool(on_target or on_officer)


def _eligible(request: DrawRequest) -> tuple[list[OfficerRecord], list[str]]:
    valid, excluded = [], []
    for officer in sorted(request.officers, key=lambda o: o.certificate_no):
        who = f"{officer.name}（{officer.certificate_no}）"
        if officer.role != ENFORCER_ROLE:
            excluded.append(f"{who}：{officer.role}不参加检查")
        elif not officer.valid_on(request.on):
            excluded.append(f"{who}：执法证在{request.on}不在有效期内")
        else:
            valid.append(officer)
    return valid, excluded


def _check_inputs(request: DrawRequest, eligible: list[OfficerRecord]) -> None:
    codes = [t.code for t in request.targets]
    if len(set(codes)) != len(codes):
        duplicated = sorted({c for c in codes if codes.count(c) > 1})
        raise DrawError(f"检查对象编码重复：{'、'.join(duplicated)}")
    numbers = [o.certificate_no for o in request.officers]
    if len(set(numbers)) != len(numbers):
        raise DrawError("执法人员的执法证号有重复")
    if request.count > len(request.targets):
        raise DrawError(f"抽取数量{request.count}超过检查对象总数{len(request.targets)}")
    if len(eligible) < 2:
        raise DrawError(
            f"{request.on}执法证有效的执法人员不足两名（{len(eligible)}名），无法组成检查组"
        )


def _pair(
    target: DrawTarget, eligible: list[OfficerRecord], load: dict[str, int], rng: random.Random
) -> tuple[OfficerRecord, OfficerRecord]:
    candidates = [o for o in eligible if not conflicted(o, target)]
    if len(candidates) < 2:
        raise DrawError(
            f"检查对象“{target.name}”（{target.code}）回避后可派执法人员不足两名"
            f"（{len(candidates)}名），无法完成抽取"
        )
    shuffled = rng.sample(candidates, len(candidates))
    first, second = sorted(shuffled, key=lambda o: load[o.certificate_no])[:2]
    return first, second


def draw(request: DrawRequest) -> DrawResult:
    """Draw ``count`` targets and two inspectors each; DrawError when it cannot be done."""
    eligible, excluded = _eligible(request)
    _check_inputs(request, eligible)
    rng = random.Random(request.seed)
    targets = sorted(request.targets, key=lambda t: t.code)
    drawn = rng.sample(targets, request.count)
    load = {o.certificate_no: 0 for o in eligible}
    assignments = []
    for target in drawn:
        pair = _pair(target, eligible, load, rng)
        for officer in pair:
            load[officer.certificate_no] += 1
        assignments.append(Assignment(target, pair))
    return DrawResult(request, request.inputs_hash(), assignments, excluded)

"""Officer assistance over HTTP: provisions, discretion rows and the evidence checklist.

The assistant is the process's shared one (``api.components.Components.assistant``),
the same the command line uses; queries run under the components' query lock.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from api.components import Components
from api.http.auth import AnyUser
from api.http.errors import ErrorBody
from corpus.field_types import BoundedDate

router = APIRouter(tags=["办案辅助"])
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 422, 503)
}


class AskRequest(BaseModel):
    question: str = Field(min_length=2, max_length=2000, description="案情或问题")
    on: BoundedDate | None = Field(
        default=None, alias="date", description="违法行为发生日期，默认今天"
    )
    k: int = Field(default=5, ge=1, le=30, description="检索命中条数（关联条文另计）")
    have: list[Annotated[str, Field(max_length=200)]] = Field(
        default_factory=list, max_length=100, description="案卷中已有的证据"
    )


class CitationOut(BaseModel):
    law: str
    version: str
    article: int
    article_suffix: int
    paragraph: int | None
    item: int | None
    citation: str
    text: str
    unit_id: str


class ProvisionOut(CitationOut):
    role: str
    role_label: str
    reason: str


class StandardNoteOut(BaseModel):
    id: str
    source: str
    title: str
    similarity: float
    agrees: bool = Field(description="检索得出的条款对与该裁量基准所列一致")


class PairOut(BaseModel):
    violated: CitationOut = Field(description="违法依据：被违反的义务条款（到款、项）")
    penalty: CitationOut = Field(description="处罚依据：对应的罚则条款（到款、项）")
    reason: str = Field(description="两者关联的理由")
    link: str = Field(description="explicit|enumeration|wording|standard")
    score: float
    standard: StandardNoteOut | None = None
    evidence: list[dict[str, Any]] = Field(default_factory=list)


class DiscretionOut(BaseModel):
    id: str
    source: str
    title: str
    reason: str
    tiers: list[dict[str, Any]]


class EvidenceItemOut(BaseModel):
    item: str
    kind: str
    reason: str
    source: str
    origin: str
    present: bool


class EvidenceOut(BaseModel):
    statutory_types: list[str]
    items: list[EvidenceItemOut]
    missing: int
    warnings: list[str]


class MissingLawOut(BaseModel):
    law: str
    reason: str
    message: str


class AskResponse(BaseModel):
    question: str
    question_kind: str = Field(
        default="violation",
        description="violation：描述了违法情形；procedural：询问执法程序，此时 pairs 为空",
    )
    date: str
    query: str
    pairs: list[PairOut] = Field(
        description="0–3 个（违法依据，处罚依据）条款对，按与案情的吻合程度排序；程序性问题为空"
    )
    notes: list[str] = Field(default_factory=list, description="如检索结果与裁量基准不一致的提示")
    routed_laws: dict[str, list[str]] = Field(default_factory=dict)
    provisions: list[ProvisionOut]
    dropped: list[str]
    missing_laws: list[MissingLawOut]
    discretion: list[DiscretionOut]
    evidence: EvidenceOut | None
    similar_cases: list[dict[str, Any]]


def _answer(request: Request, body: AskRequest) -> AskResponse:
    components: Components = request.app.state.components
    assistant = components.assistant
    with components.query_lock:
        answer = assistant.assist(body.question, body.on, body.k, body.have)
    return AskResponse.model_validate(answer.as_json())


@router.post(
    "/ask",
    response_model=AskResponse,
    summary="按案情推送适用条文、裁量基准和证据清单",
    responses=_ERRORS,
)
def ask(request: Request, _: AnyUser, body: AskRequest) -> AskResponse:
    return _answer(request, body)


@router.post(
    "/evidence",
    response_model=EvidenceOut,
    summary="需收集的证据清单（附理由与出处）",
    responses=_ERRORS,
)
def evidence(request: Request, _: AnyUser, body: AskRequest) -> EvidenceOut:
    answer = _answer(request, body)
    assert answer.evidence is not None
    return answer.evidence

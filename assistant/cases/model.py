"""The one case model behind every source (处罚决定书, court cases, CAIL criminal cases).

Pydantic, so a case round-trips through the database JSON column and the CLI/API
can dump it unchanged. ``parties`` is kept only so display code can redact them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import StrEnum

from pydantic import BaseModel, Field


class CaseKind(StrEnum):
    """Where a case comes from; the value is what users see and filter on."""

    DECISION = "处罚决定"
    JUDGMENT = "判决"
    CRIMINAL = "刑事案例"


ID_PREFIX: dict[CaseKind, str] = {
    CaseKind.DECISION: "cf",
    CaseKind.JUDGMENT: "pj",
    CaseKind.CRIMINAL: "xs",
}


class CitedArticle(BaseModel):
    """A provision the case cites: as written, and the corpus unit when it resolves."""

    written: str
    law: str | None = None
    article: int | None = None
    unit_id: str | None = None
    citation: str | None = None
    error: str | None = None

    @property
    def article_key(self) -> str | None:
        """``刑法#234``: law and article, the granularity cases are compared at."""
        return f"{self.law}#{self.article}" if self.law and self.article else None


class Penalty(BaseModel):
    """What was imposed: kinds (罚款, 警告, 有期徒刑…), fine in yuan, prison term in months."""

    types: list[str] = Field(default_factory=list)
    fine_yuan: float | None = None
    confiscated_yuan: float | None = None
    term_months: int | None = None
    life_imprisonment: bool = False
    death_penalty: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.types and self.fine_yuan is None and self.term_months is None


class Case(BaseModel):
    """One case, as every loader produces it and the store keeps it."""

    case_id: str = ""
    kind: CaseKind
    title: str
    agency: str | None = None
    date: dt.date | None = None
    parties: list[str] = Field(default_factory=list)
    facts: str
    evidence: list[str] = Field(default_factory=list)
    cited: list[CitedArticle] = Field(default_factory=list)
    decision: str = ""
    penalty: Penalty = Field(default_factory=Penalty)
    charges: list[str] = Field(default_factory=list)
    domain: str | None = None
    sections: dict[str, str] = Field(default_factory=dict)
    source: str = ""

    def content_hash(self) -> str:
        """Hash of what the source says (not ids, paths or corpus resolution): import key."""
        payload = self.model_dump_json(
            exclude={"case_id": True, "source": True, "cited": {"__all__": _RESOLVED_FIELDS}}
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def with_id(self) -> Case:
        """This case with its id set from the kind and content hash (stable across imports)."""
        return self.model_copy(
            update={"case_id": f"{ID_PREFIX[self.kind]}-{self.content_hash()[:12]}"}
        )

    @property
    def article_keys(self) -> list[str]:
        """Resolved cited articles as ``law#number``, in order, without repeats."""
        return list(dict.fromkeys(k for c in self.cited if (k := c.article_key)))

    @property
    def cited_laws(self) -> list[str]:
        return list(dict.fromkeys(c.law for c in self.cited if c.law))


_RESOLVED_FIELDS = {"law", "article", "unit_id", "citation", "error"}

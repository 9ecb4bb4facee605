"""One answer for an officer describing a case: provisions, discretion, evidence, cases.

Every part is traceable: provisions are verified citations, discretion entries
name their standard row, evidence items name the rule or row they come from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from assistant.cases.similar_cases import SimilarCase, SimilarCaseSearch
from assistant.discretion.catalogue import StandardsCatalogue
from assistant.discretion.model import Violation
from assistant.evidence_checklist import (
    EvidenceChecklist,
    EvidenceItem,
    EvidenceSource,
    dedupe,
    element_items,
    factor_items,
    mark_present,
    statutory_types,
)
from assistant.provisions import ProvisionAnswer, ProvisionFinder, ProvisionRole
from corpus.citation_resolver import CitationError, ResolvedCitation

DISCRETION_TEXT_MIN_SCORE = 0.35


@dataclass(frozen=True)
class DiscretionMatch:
    """A discretion-standard row that applies to a provision, and why it was matched."""

    violation: Violation
    reason: str

    def as_json(self) -> dict:
        tiers = [
            {
                "level": t.level,
                "penalty": t.penalty_text,
                "conditions": [c.text for c in t.conditions],
            }
            for t in self.violation.tiers
        ]
        return {
            "id": self.violation.id,
            "source": str(self.violation.source),
            "title": self.violation.title,
            "reason": self.reason,
            "tiers": tiers,
        }


@dataclass
class AssistAnswer:
    provisions: ProvisionAnswer
    discretion: list[DiscretionMatch] = field(default_factory=list)
    evidence: EvidenceChecklist | None = None
    similar_cases: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            **self.provisions.as_json(),
            "discretion": [d.as_json() for d in self.discretion],
            "evidence": self.evidence.as_json() if self.evidence else None,
            "similar_cases": self.similar_cases,
        }


class OfficerAssistant:
    """assist(case_description, date): the bundle the three-systems plans ask for."""

    def __init__(
        self,
        finder: ProvisionFinder,
        catalogue: StandardsCatalogue,
        cases: SimilarCaseSearch | None = None,
    ) -> None:
        self.finder = finder
        self.catalogue = catalogue
        self.cases = cases

    def similar_cases_for(
        self, description: str, provisions: ProvisionAnswer, k: int = 5
    ) -> list[SimilarCase]:
        """Past cases with similar facts, ranked higher when they cite the same articles."""
        if self.cases is None:
            return []
        cited = [
            p.citation.citation
            for p in provisions.provisions
            if p.role is not ProvisionRole.RELATED
        ]
        return self.cases.search(description, k=k, citations=cited)

    def discretion_for(
        self, provisions: ProvisionAnswer, description: str
    ) -> list[DiscretionMatch]:
        """Standard rows citing a found provision; by wording only when none cites one."""
        matches: dict[str, DiscretionMatch] = {}
        for provision in provisions.provisions:
            if provision.role is ProvisionRole.RELATED:
                continue
            c = provision.citation
            for violation in self.catalogue.search_article(c.law, c.article):
                matches.setdefault(
                    violation.id, DiscretionMatch(violation, f"该裁量基准的依据引用{c.citation}")
                )
        if not matches:
            for hit in self.catalogue.search_text(description, limit=3):
                if hit.score >= DISCRETION_TEXT_MIN_SCORE:
                    reason = f"违法行为名称与案情相近（相似度 {hit.score:.2f}），请核对依据条款"
                    matches.setdefault(hit.violation.id, DiscretionMatch(hit.violation, reason))
        return list(matches.values())

    def evidence_for(
        self,
        violated: list[ResolvedCitation],
        discretion: list[DiscretionMatch],
        on: date,
        collected: list[str] | None = None,
        similar: list[SimilarCase] | None = None,
    ) -> EvidenceChecklist:
        """Statutory types + elements + discretion facts, marked against what is collected."""
        types = statutory_types(self.finder.resolver, on)
        checklist = EvidenceChecklist(statutory_types=[])
        if isinstance(types, CitationError):
            checklist.warnings.append(f"无法确定法定证据种类：{types.message}")
        else:
            checklist.statutory_types = [
                line.strip("（）一二三四五六七八九十；。") for line in types.text.splitlines()[1:]
            ]
            checklist.items.append(
                EvidenceItem(
                    item="证据须经查证属实，方可作为认定案件事实的根据",
                    kind="、".join(checklist.statutory_types),
                    reason="法定证据种类及查证要求",
                    source=types.citation,
                    origin=EvidenceSource.STATUTE,
                )
            )
        items: list[EvidenceItem] = []
        for citation in violated:
            items.extend(element_items(citation))
        for match in discretion:
            factors = [c.text for t in match.violation.tiers for c in t.conditions]
            factors += [f.name for f in match.violation.factors]
            items.extend(factor_items(factors, f"裁量基准 {match.violation.id}"))
        for case in similar or []:
            items.extend(self._case_evidence(case))
        checklist.items.extend(dedupe(items))
        checklist.items = mark_present(checklist.items, collected or [])
        return checklist

    def _case_evidence(self, shown: SimilarCase) -> list[EvidenceItem]:
        """The evidence a similar decided case relied on (处罚决定书 list their 证据)."""
        case = self.cases.case_store.get(shown.case_id) if self.cases else None
        return [
            EvidenceItem(
                item=evidence[:80],
                kind="同类案件证据",
                reason=f"同类案件“{shown.title[:30]}”据以认定事实",
                source=f"案例 {shown.case_id}",
                origin=EvidenceSource.SIMILAR_CASE,
            )
            for evidence in (case.evidence[:5] if case else [])
        ]

    def assist(
        self,
        description: str,
        on: date | None = None,
        k: int = 5,
        collected: list[str] | None = None,
    ) -> AssistAnswer:
        """Provisions, discretion rows and the evidence checklist for a described case."""
        provisions = self.finder.ask(description, on, k)
        discretion = self.discretion_for(provisions, description)
        similar = self.similar_cases_for(description, provisions)
        violated = [p.citation for p in provisions.provisions if p.role is ProvisionRole.VIOLATED]
        evidence = self.evidence_for(violated, discretion, provisions.on, collected, similar)
        return AssistAnswer(
            provisions=provisions,
            discretion=discretion,
            evidence=evidence,
            similar_cases=[case.to_json() for case in similar],
        )

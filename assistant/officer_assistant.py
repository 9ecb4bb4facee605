"""One answer for an officer describing a case: provisions, discretion, evidence, cases.

Every part is traceable: provisions are verified citations, discretion entries
name their standard row, evidence items name the rule or row they come from.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from assistant.cases.similar_cases import SimilarCase, SimilarCaseSearch
from assistant.cases.violation_cases import NONE_CLOSE_NOTE, cases_about_violation
from assistant.discretion.catalogue import StandardsCatalogue
from assistant.discretion.model import Violation
from assistant.discretion.standard_pairs import StandardPair, matching_standards, standard_pair
from assistant.evidence_checklist import (
    EvidenceChecklist,
    EvidenceItem,
    EvidenceSource,
    dedupe,
    element_items,
    factor_items,
    mark_present,
    pair_evidence,
    statutory_types,
)
from assistant.memory_pairs import (
    MemoryFusion,
    MemoryPair,
    Placed,
    considered_laws,
    fused_order,
    lead_is_protected,
    memory_pairs,
)
from assistant.norm_pairs import duty_of_penalty
from assistant.norm_units import bigrams
from assistant.provisions import (
    MAX_PAIRS,
    NormPair,
    ProvisionAnswer,
    ProvisionFinder,
    ProvisionRole,
)
from assistant.situation_memory import SituationMemory
from corpus.citation_resolver import CitationError, ResolvedCitation

STRONG_STANDARD_SIMILARITY = 0.7
CASE_CANDIDATES = 15

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
        memory: SituationMemory | None = None,
        memory_fusion: MemoryFusion = MemoryFusion(),
    ) -> None:
        self.finder = finder
        self.catalogue = catalogue
        self.cases = cases
        self.memory = memory
        self.memory_fusion = memory_fusion

    def with_memory(self, memory: SituationMemory | None) -> OfficerAssistant:
        """The same assistant over another memory (an evaluation set must not answer itself)."""
        return OfficerAssistant(self.finder, self.catalogue, self.cases, memory, self.memory_fusion)

    def similar_cases_for(
        self, description: str, provisions: ProvisionAnswer, k: int = 5
    ) -> list[SimilarCase]:
        """Past cases with similar facts, ranked higher when they cite the same articles."""
        if self.cases is None:
            return []
        violated = [p.violated for p in provisions.pairs]
        penalties = [p.penalty for p in provisions.pairs]
        cited = [c.citation for c in violated + penalties] or [
            p.citation.citation
            for p in provisions.provisions
            if p.role is not ProvisionRole.RELATED
        ]
        found = self.cases.search(description, k=CASE_CANDIDATES, citations=cited)
        shown = cases_about_violation(found, violated, penalties, k)
        if not shown:
            provisions.notes.append(NONE_CLOSE_NOTE)
        return shown

    def standard_pairs(self, description: str, on: date) -> list[StandardPair]:
        """Standard entries the situation restates, each side resolved on the date of the act."""
        pairs = []
        for violation, score in matching_standards(self.catalogue, description):
            pair = standard_pair(violation, score, on, self.finder.resolver)
            if pair is not None and pair.violated is None:
                pair = self._with_statute_duty(pair, description, on)
            if pair is not None:
                pairs.append(pair)
        return pairs

    def _with_statute_duty(self, pair: StandardPair, description: str, on: date) -> StandardPair:
        """江门 names only the 处罚依据: the violated article is the one that 罚则 item cites."""
        p = pair.penalty
        record = self.finder.store.article(p.law, p.version, p.article, p.suffix)
        if record is None:
            return pair
        unit = duty_of_penalty(
            self.finder.graphs, record, p.paragraph, p.item, bigrams(description)
        )
        if unit is None:
            return pair
        violated = self.finder.verify_unit(unit, on)
        if isinstance(violated, CitationError):
            return pair
        return StandardPair(pair.violation, pair.similarity, violated, p)

    def merge_standards(self, answer: ProvisionAnswer, standards: list[StandardPair]) -> None:
        """Mark pairs a standard confirms; add the standard's pair when retrieval missed it."""
        for standard in standards:
            if standard.violated is None:
                continue
            as_pair = NormPair(
                standard.violated,
                standard.penalty,
                f"裁量基准 {standard.violation.id}（{standard.violation.title[:30]}）"
                "所列违反条款与处罚依据",
                "standard",
                0.0,
            )
            agreeing = [p for p in answer.pairs if p.same_articles(as_pair)]
            for pair in agreeing:
                pair.standard = standard.note(agrees=True)
            if agreeing:
                continue
            as_pair.standard = standard.note(agrees=False)
            if answer.pairs:
                top = answer.pairs[0]
                answer.notes.append(
                    f"检索得出的{top.violated.citation}/{top.penalty.citation}与裁量基准"
                    f"{standard.violation.id}所列{standard.violated.citation}/"
                    f"{standard.penalty.citation}不一致，请核对"
                )
            position = 0 if standard.similarity >= STRONG_STANDARD_SIMILARITY else 1
            answer.pairs.insert(min(position, len(answer.pairs)), as_pair)
        del answer.pairs[MAX_PAIRS:]
        answer.lead_with_pairs()

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
                if not _cites_item(violation, c):
                    continue
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

    def pairs_for(self, description: str, on: date | None = None, k: int = 5) -> ProvisionAnswer:
        """Retrieval pairs merged with matching discretion standards (no cases, no evidence)."""
        provisions = self.finder.ask(description, on, k)
        if not provisions.procedural:  # a procedure question describes no violation
            self.merge_standards(provisions, self.standard_pairs(description, provisions.on))
        if not provisions.procedural and not provisions.missing_laws:
            self.merge_memory(provisions, description)
        return provisions

    def merge_memory(self, answer: ProvisionAnswer, description: str) -> None:
        """Pairs of the most similar verified situations, placed by how similar they are."""
        fusion = self.memory_fusion
        if self.memory is None or not fusion.on:
            return
        laws = considered_laws(answer)
        found = memory_pairs(
            self.memory, description, answer.on, self.finder.resolver, fusion, laws
        )
        if not found:
            return
        protected = lead_is_protected(fusion, [(p.link, p.score) for p in answer.pairs])
        placed = fused_order(
            [_articles(p.violated, p.penalty) for p in answer.pairs],
            [(_articles(m.violated, m.penalty), m.similarity) for m in found],
            fusion,
            MAX_PAIRS,
            protected,
        )
        prefer = fusion.prefer_memory
        answer.pairs = [_placed_pair(answer.pairs, found, p, prefer) for p in placed]
        answer.lead_with_pairs()

    def assist(
        self,
        description: str,
        on: date | None = None,
        k: int = 5,
        collected: list[str] | None = None,
    ) -> AssistAnswer:
        """Provisions, discretion rows and the evidence checklist for a described case."""
        provisions = self.pairs_for(description, on, k)
        for pair in provisions.pairs:
            pair.evidence = [i.as_json() for i in pair_evidence(pair.violated, pair.penalty)]
        procedural = provisions.procedural  # no violation: no discretion row applies
        discretion = [] if procedural else self.discretion_for(provisions, description)
        similar = self.similar_cases_for(description, provisions)
        violated = [p.violated for p in provisions.pairs] or [
            p.citation for p in provisions.provisions if p.role is ProvisionRole.VIOLATED
        ]
        evidence = self.evidence_for(violated, discretion, provisions.on, collected, similar)
        return AssistAnswer(
            provisions=provisions,
            discretion=discretion,
            evidence=evidence,
            similar_cases=[case.to_json() for case in similar],
        )


def _placed_pair(
    pairs: list[NormPair], found: list[MemoryPair], placed: Placed, prefer_memory: bool
) -> NormPair:
    """The pipeline's pair, the memory's, or the pipeline's confirmed by the memory."""
    if placed.memory is None:
        return pairs[placed.existing]
    memory = found[placed.memory]
    if placed.existing is None:
        pair = NormPair(memory.violated, memory.penalty, memory.reason, "memory", memory.similarity)
        pair.memory = memory.note(agrees=False)
        return pair
    pair = pairs[placed.existing]
    if prefer_memory:
        pair = replace(pair, violated=memory.violated, penalty=memory.penalty)
    pair.memory = memory.note(agrees=True)
    return pair


def _articles(violated: ResolvedCitation, penalty: ResolvedCitation) -> tuple:
    return (violated.law, violated.article, violated.suffix), (
        penalty.law,
        penalty.article,
        penalty.suffix,
    )


def _cites_item(violation: Violation, c: ResolvedCitation) -> bool:
    """A row citing 第八十三条第（二）项 is not about 第八十三条第（一）项."""
    if c.item is None:
        return True
    refs = [
        r
        for b in violation.legal_basis + violation.violated_provisions
        for r in b.refs
        if r.article == c.article and c.law in (r.law or "")
    ]
    return any(r.item in (None, c.item) for r in refs) or not refs

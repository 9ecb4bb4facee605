"""Verified situations as (duty, 罚则) pairs, resolved on the date of the new act.

A neighbour's pair was checked against the version in force on *its* act date. It is
shown for a new act only when both citations resolve on the new date to the same
provision: the unit's text then and now must still share most of its wording (an
amended fine keeps its clause; a renumbered article does not), so a pair never moves
to an unrelated article that happens to carry the old number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from assistant.norm_units import bigrams, dice
from assistant.settings import AssistantSettings
from assistant.situation_memory import Neighbour, SituationMemory
from corpus.citation_resolver import CitationError, CitationResolver, ResolvedCitation

if TYPE_CHECKING:
    from assistant.provisions import ProvisionAnswer

SAME_PROVISION_DICE = 0.5


@dataclass(frozen=True)
class MemoryFusion:
    """How verified neighbours join the answer's pairs (chosen by leave-one-set-out,
    README 办案辅助评测 “已核对情形”): a neighbour at least ``strong`` similar leads the
    pairs; one at least ``weak`` similar goes in at ``weak_position``; at most
    ``max_pairs`` pairs come from the memory, read from the ``neighbours`` nearest.
    ``prefer_memory``: where both name the same two articles, the neighbour's checked
    款/项 replace the pipeline's. ``gate_weak``: a neighbour below ``strong`` counts
    only when its law is among those the pipeline routed to, paired or retrieved.
    ``protect``: when the pipeline's first pair is linked by the law itself (明文援引 or a
    罚则 item restating the duty) and scores at least this, strong neighbours go in at
    ``weak_position`` instead of leading."""

    strong: float = 0.2
    weak: float = 0.15
    weak_position: int = 1
    max_pairs: int = 2
    neighbours: int = 15
    prefer_memory: bool = True  # agreeing on the articles: show the neighbour's 款/项
    gate_weak: bool = False  # a weak neighbour's law must be one the pipeline considered
    protect: float | None = None  # a stated-link first pair scoring this much keeps first place

    @property
    def on(self) -> bool:
        return self.max_pairs > 0


def memory_fusion(settings: AssistantSettings) -> MemoryFusion:
    """The shipped fusion, read from the settings (``ZHIFA_MEMORY_*``)."""
    return MemoryFusion(
        strong=settings.memory_strong,
        weak=settings.memory_weak,
        weak_position=settings.memory_weak_position,
        max_pairs=settings.memory_max_pairs,
        prefer_memory=settings.memory_prefer_units,
        gate_weak=settings.memory_gate_weak,
        protect=settings.memory_protect,
    )


@dataclass(frozen=True)
class MemoryPair:
    neighbour: Neighbour
    violated: ResolvedCitation
    penalty: ResolvedCitation

    @property
    def similarity(self) -> float:
        return self.neighbour.similarity

    def note(self, agrees: bool) -> dict:
        entry = self.neighbour.entry
        return {
            "id": entry.id,
            "source": entry.source,
            "situation": entry.situation,
            "act_date": entry.act_date.isoformat(),
            "similarity": round(self.similarity, 2),
            "agrees": agrees,
        }

    @property
    def reason(self) -> str:
        entry = self.neighbour.entry
        return (
            f"与已核对情形 {entry.source}/{entry.id} 相近（相似度 {self.similarity:.2f}）："
            f"“{entry.situation[:40]}”"
        )


def _resolve(text: str, on: date, resolver: CitationResolver) -> ResolvedCitation | None:
    results = resolver.resolve_text(text, on)
    first = results[0] if results else None
    return None if first is None or isinstance(first, CitationError) else first


def same_provision(
    text: str, then: date, on: date, resolver: CitationResolver
) -> ResolvedCitation | None:
    """``text`` resolved on ``on`` when it is still the provision it was on ``then``."""
    now = _resolve(text, on, resolver)
    if now is None:
        return None
    before = now if then == on else _resolve(text, then, resolver)
    if before is None or dice(bigrams(before.text), bigrams(now.text)) < SAME_PROVISION_DICE:
        return None
    return now


def gate_passes(
    fusion: MemoryFusion, similarity: float, pair_laws: set[str], laws: frozenset[str] | None
) -> bool:
    gated = fusion.gate_weak and similarity < fusion.strong and laws is not None
    return not gated or bool(pair_laws & laws)


def considered_laws(answer: ProvisionAnswer) -> frozenset[str]:
    """The laws the pipeline itself considered: routed, paired or retrieved."""
    routed = set(answer.routed.laws) if answer.routed else set()
    paired = {c.law for p in answer.pairs for c in (p.violated, p.penalty)}
    return frozenset(routed | paired | {p.citation.law for p in answer.provisions})


def memory_pairs(
    memory: SituationMemory,
    situation: str,
    on: date,
    resolver: CitationResolver,
    fusion: MemoryFusion,
    laws: frozenset[str] | None = None,
) -> list[MemoryPair]:
    """The nearest neighbours at least ``weak`` similar whose pair holds on ``on``
    (below ``strong``, of ``laws`` only when the fusion gates weak neighbours)."""
    found: list[MemoryPair] = []
    for neighbour in memory.nearest(situation, fusion.neighbours):
        if neighbour.similarity < fusion.weak or len(found) >= fusion.max_pairs:
            break
        entry = neighbour.entry
        violated = same_provision(entry.violated, entry.act_date, on, resolver)
        penalty = same_provision(entry.penalty, entry.act_date, on, resolver)
        if violated is None or penalty is None:
            continue
        if not gate_passes(fusion, neighbour.similarity, {violated.law, penalty.law}, laws):
            continue
        key = (violated.unit_id, penalty.unit_id)
        if any((p.violated.unit_id, p.penalty.unit_id) == key for p in found):
            continue
        found.append(MemoryPair(neighbour, violated, penalty))
    return found


@dataclass(frozen=True)
class Placed:
    """One shown pair after fusion: ``existing`` indexes the pipeline's pairs, ``memory``
    the memory's; both are set when the memory agrees with a pipeline pair."""

    existing: int | None
    memory: int | None


STATED_LINKS = frozenset({"explicit", "enumeration", "self"})


def lead_is_protected(fusion: MemoryFusion, links: list[tuple[str, float]]) -> bool:
    """The pipeline's first pair is linked by the law's own words and scores ``protect``."""
    if fusion.protect is None or not links:
        return False
    link, score = links[0]
    return link in STATED_LINKS and score >= fusion.protect


def fused_order(
    existing: list[object],
    memory: list[tuple[object, float]],
    fusion: MemoryFusion,
    limit: int,
    protected: bool = False,
) -> list[Placed]:
    """Where memory pairs go among the pipeline's, by key (the pair's two articles).

    Strong neighbours lead (unless the pipeline's first pair is ``protected``); weak
    ones enter at ``weak_position``; a memory pair the pipeline already shows takes the
    earlier of the two places, once.
    """
    strong = fusion.strong if not protected else float("inf")
    order: list[tuple[str, int]] = [("memory", j) for j, (_, s) in enumerate(memory) if s >= strong]
    order += [("existing", i) for i in range(len(existing))]
    weak = [j for j, (_, s) in enumerate(memory) if s < strong]
    for n, j in enumerate(weak):
        order.insert(min(fusion.weak_position + n, len(order)), ("memory", j))
    keys = {("existing", i): k for i, k in enumerate(existing)}
    keys.update({("memory", j): k for j, (k, _) in enumerate(memory)})
    placed: dict[object, Placed] = {}
    for kind, index in order:
        key = keys[(kind, index)]
        previous = placed.get(key)
        if previous is None:
            placed[key] = Placed(
                index if kind == "existing" else None, index if kind == "memory" else None
            )
        elif kind == "existing" and previous.existing is None:
            placed[key] = Placed(index, previous.memory)
        elif kind == "memory" and previous.memory is None:
            placed[key] = Placed(previous.existing, index)
    return list(placed.values())[:limit]

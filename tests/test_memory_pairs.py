"""Memory pairs: placement among the pipeline's pairs, and re-resolution on the act date."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.memory_pairs import (
    MemoryFusion,
    Placed,
    fused_order,
    gate_passes,
    lead_is_protected,
    memory_pairs,
    same_provision,
)
from assistant.officer_assistant import OfficerAssistant
from assistant.situation_memory import SituationMemory, VerifiedSituation

FUSION = MemoryFusion(strong=0.5, weak=0.2, weak_position=1, max_pairs=2)


def test_strong_neighbour_leads() -> None:
    placed = fused_order(["a", "b", "c"], [("m", 0.6)], FUSION, 3)
    assert placed == [Placed(None, 0), Placed(0, None), Placed(1, None)]


def test_weak_neighbour_enters_at_its_position() -> None:
    placed = fused_order(["a", "b", "c"], [("m", 0.3)], FUSION, 3)
    assert placed == [Placed(0, None), Placed(None, 0), Placed(1, None)]


def test_agreeing_pair_is_shown_once_at_the_earlier_place() -> None:
    placed = fused_order(["a", "m", "c"], [("m", 0.6)], FUSION, 3)
    assert placed == [Placed(1, 0), Placed(0, None), Placed(2, None)]
    placed = fused_order(["m", "b"], [("m", 0.3)], FUSION, 3)
    assert placed == [Placed(0, 0), Placed(1, None)]


def test_nothing_to_fuse() -> None:
    assert fused_order([], [], FUSION, 3) == []
    assert fused_order([], [("m", 0.3)], FUSION, 3) == [Placed(None, 0)]


def test_renumbered_article_is_not_carried_to_the_new_version(officer_assistant) -> None:
    """行政复议法 2023 renumbered: 第九条 was the 60-day limit, now it is about awards."""
    resolver = officer_assistant.finder.resolver
    cited = "《中华人民共和国行政复议法》第九条"
    assert same_provision(cited, date(2018, 1, 1), date(2018, 6, 1), resolver) is not None
    assert same_provision(cited, date(2018, 1, 1), date(2024, 6, 1), resolver) is None


def test_unknown_law_gives_no_pair(officer_assistant) -> None:
    resolver = officer_assistant.finder.resolver
    assert (
        same_provision("《不存在的条例》第一条", date(2023, 1, 1), date(2023, 1, 1), resolver)
        is None
    )


WATER = VerifiedSituation(
    "A001",
    "team",
    "某电镀厂没有排污许可证，车间的含镍废水经厂区排放口直接排进村边河涌，检查时正在排放。",
    date(2023, 4, 12),
    "《中华人民共和国水污染防治法》第二十一条第一款",
    "《中华人民共和国水污染防治法》第八十三条第（一）项",
)
ABSENT = VerifiedSituation(
    "Z1",
    "team",
    "电镀厂无证排放含镍废水进河涌",
    date(2023, 4, 12),
    "《不存在的条例》第一条",
    "《不存在的条例》第九条",
)


@pytest.fixture(scope="module")
def with_memory(officer_assistant: OfficerAssistant) -> OfficerAssistant:
    return officer_assistant.with_memory(SituationMemory([WATER, ABSENT]))


def test_verified_neighbour_pair_is_shown_with_its_source(with_memory: OfficerAssistant) -> None:
    answer = with_memory.pairs_for("电镀厂无排污许可证，把含镍废水排进河涌", date(2024, 3, 1))
    top = answer.pairs[0]
    assert (top.violated.article, top.penalty.article) == (21, 83)
    assert top.memory["id"] == "A001" and top.memory["source"] == "team"
    assert answer.provisions[0].citation.article == 21  # the flat list leads with the pair
    # the absent law never appears: memory proposes, the corpus decides
    assert all("不存在" not in p.violated.law + p.penalty.law for p in answer.pairs)
    assert answer.as_json()["pairs"][0]["memory"]["similarity"] > 0.3


def test_memory_pairs_skip_what_does_not_resolve(with_memory: OfficerAssistant) -> None:
    found = memory_pairs(
        with_memory.memory,
        "电镀厂无证排放含镍废水进河涌",
        date(2024, 3, 1),
        with_memory.finder.resolver,
        FUSION,
    )
    assert [m.neighbour.entry.id for m in found] == ["A001"]


def test_procedural_question_gets_no_memory_pair(with_memory: OfficerAssistant) -> None:
    answer = with_memory.pairs_for("电镀厂无证排放含镍废水，听证要在几日内提出？", date(2024, 3, 1))
    assert answer.procedural and answer.pairs == []


def test_no_memory_no_change(officer_assistant: OfficerAssistant) -> None:
    text = "电镀厂无排污许可证，把含镍废水排进河涌"
    bare = officer_assistant.with_memory(None).pairs_for(text, date(2024, 3, 1))
    empty = officer_assistant.with_memory(SituationMemory([])).pairs_for(text, date(2024, 3, 1))
    assert [p.as_json() for p in bare.pairs] == [p.as_json() for p in empty.pairs]
    assert all(p.memory is None for p in bare.pairs)


def test_protected_lead_keeps_first_place() -> None:
    guarded = MemoryFusion(strong=0.5, weak=0.2, weak_position=1, max_pairs=2, protect=2.0)
    assert lead_is_protected(guarded, [("explicit", 2.4), ("wording", 3.0)])
    assert not lead_is_protected(guarded, [("wording", 3.0)])  # not linked by the law's words
    assert not lead_is_protected(guarded, [("enumeration", 1.9)])
    assert not lead_is_protected(FUSION, [("explicit", 9.0)])  # protect off
    placed = fused_order(["a", "b"], [("m", 0.9)], guarded, 3, protected=True)
    assert placed == [Placed(0, None), Placed(None, 0), Placed(1, None)]


def test_weak_neighbour_of_an_unconsidered_law_is_gated() -> None:
    gated = MemoryFusion(strong=0.5, weak=0.2, gate_weak=True)
    assert not gate_passes(gated, 0.3, {"甲法"}, frozenset({"乙法"}))
    assert gate_passes(gated, 0.3, {"甲法"}, frozenset({"甲法"}))
    assert gate_passes(gated, 0.6, {"甲法"}, frozenset({"乙法"}))  # strong: never gated
    assert gate_passes(FUSION, 0.3, {"甲法"}, frozenset({"乙法"}))  # gate off

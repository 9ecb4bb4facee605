"""Case store, citations, the similar-case index (filters, reasons, persistence) and redaction."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from cases_fixtures import ID_NUMBER, PERSON, SHIPPED_CAIL, SHIPPED_CASES, write_decision_text

from api.settings import Settings
from assistant.cases.case_import import import_paths
from assistant.cases.case_index import CaseFilter, CaseIndex, CaseQuery
from assistant.cases.case_store import CaseImportReport, CaseStore
from assistant.cases.case_tokenizer import case_tokenizer
from assistant.cases.display import CaseDisplay
from assistant.cases.model import Case, CaseKind
from assistant.cases.similar_cases import (
    SimilarCaseSearch,
    case_index_config,
    case_index_dir,
    open_similar_case_search,
)
from corpus.citation_resolver import CitationResolver
from corpus.store import CorpusStore
from eval.similar_cases_eval import BASELINE, evaluate_similar_cases
from models.embedder import embedder_from_settings

CAIL_SAMPLE = 300


@dataclass
class CaseBase:
    store: CaseStore
    report: CaseImportReport
    cases: list[Case]
    index: CaseIndex
    search: SimilarCaseSearch
    paths: list[Path]
    resolver: CitationResolver


@pytest.fixture(scope="module")
def case_base(tmp_path_factory: pytest.TempPathFactory, default_store: CorpusStore) -> CaseBase:
    """300 CAIL cases, the 52 court cases and one decision, BM25-indexed."""
    folder = tmp_path_factory.mktemp("cases")
    cail = folder / "cail-300.json"
    lines = SHIPPED_CAIL.read_bytes().splitlines(keepends=True)
    cail.write_bytes(
        b"".join(lines[:: len(lines) // CAIL_SAMPLE][:CAIL_SAMPLE])
    )  # file is sorted by charge
    decision = write_decision_text(folder / "决定书.txt")
    store = CaseStore(Settings(data_dir=folder / "data"))
    resolver = CitationResolver(default_store)
    paths = [cail, SHIPPED_CASES / "court-cases", decision]
    report = import_paths(store, resolver, paths)
    cases = list(store.iter_cases())
    index = CaseIndex.build(cases, case_tokenizer(default_store, cases))
    search = SimilarCaseSearch(index, store, resolver, CaseDisplay())
    return CaseBase(store, report, cases, index, search, paths, resolver)


def test_import_counts_and_idempotence(case_base: CaseBase) -> None:
    assert not case_base.report.failures
    assert case_base.report.by_kind == {"刑事案例": CAIL_SAMPLE, "判决": 52, "处罚决定": 1}
    again = import_paths(case_base.store, case_base.resolver, case_base.paths)
    assert (again.added, again.unchanged) == (0, CAIL_SAMPLE + 53)
    assert case_base.store.count() == CAIL_SAMPLE + 53
    stats = case_base.store.stats()
    assert stats["by_kind"]["判决"] == 52 and stats["top_cited_laws"]["刑法"] >= CAIL_SAMPLE


def test_case_citations_resolve_in_corpus(case_base: CaseBase) -> None:
    criminal = [c for c in case_base.cases if c.kind is CaseKind.CRIMINAL]
    cited = [item for case in criminal for item in case.cited]
    resolved = [item for item in cited if item.unit_id]
    assert len(resolved) / len(cited) > 0.95
    assert all(item.unit_id.startswith("刑法@") and item.law == "刑法" for item in resolved)
    decision = next(c for c in case_base.cases if c.kind is CaseKind.DECISION)
    assert {c.unit_id for c in decision.cited} == {
        "大气污染防治法@2018-10-26#45",
        "大气污染防治法@2018-10-26#108.1.1",
    }
    food = next(c for c in case_base.cases if c.title.startswith("吴某与某电子商务"))
    assert "食品安全法@2021-04-29#148.2" in {c.unit_id for c in food.cited}


def test_cail_facts_find_same_charge_cases(case_base: CaseBase) -> None:
    criminal = [c for c in case_base.cases if c.kind is CaseKind.CRIMINAL]
    index = CaseIndex.build(criminal, case_base.index.bm25.tokenizer)
    report = evaluate_similar_cases(criminal, index, n=80, k=5, modes=("bm25",))
    by_mode = {row.mode: row.precision_at_k for row in report.results}
    pairs = [(a, b) for a in criminal for b in criminal if a is not b]
    chance = sum(bool(set(a.charges) & set(b.charges)) for a, b in pairs) / len(pairs)
    assert by_mode["bm25"] >= 0.5 and by_mode["bm25"] > 3 * chance
    assert by_mode[BASELINE] > 3 * chance


def test_filters(case_base: CaseBase) -> None:
    query = "被告人贩卖甲基苯丙胺给吸毒人员，被公安民警当场抓获"
    judgments = case_base.search.search(query, k=5, kinds=["判决"], mode="bm25")
    assert judgments and all(r.kind == "判决" for r in judgments)
    food = case_base.search.search(
        "超市销售过期食品，消费者要求十倍赔偿", k=5, laws=["食品安全法"], mode="bm25"
    )
    assert food and all(case_base.store.get(r.case_id).cited_laws.count("食品安全法") for r in food)
    labour = case_base.search.search("加班费", k=3, domains=["劳动人事"], mode="bm25")
    assert labour and all(r.domain == "劳动人事" for r in labour)
    none = case_base.index.search(
        CaseQuery(query), 5, CaseFilter(domains=frozenset({"不存在"})), "bm25"
    )
    assert none == []


def test_results_say_why(case_base: CaseBase) -> None:
    results = case_base.search.search(
        "被告人因琐事与被害人发生争执，持刀将被害人砍伤，经鉴定为轻伤一级",
        k=5,
        citations=["刑法第二百三十四条"],
    )
    assert results[0].shared_articles == ["《刑法》第二百三十四条"]
    assert any("故意伤害" in r.charges for r in results[:3])
    assert all(r.shared_terms and r.reasons and r.scores["bm25"] is not None for r in results)


def test_display_redacts_parties(case_base: CaseBase) -> None:
    shown = CaseDisplay().case(next(c for c in case_base.cases if c.kind is CaseKind.DECISION))
    assert PERSON not in shown.facts + "".join(shown.sections.values())
    assert "李**" in shown.facts and shown.parties == ["李**"]
    assert ID_NUMBER not in "".join(shown.sections.values())
    first = next(c for c in case_base.cases if c.parties and "×" in c.parties[0])
    name = first.parties[0]
    results = case_base.search.search(first.facts, k=3, mode="bm25")
    assert results[0].case_id == first.case_id
    assert name not in results[0].excerpt and name[0] + "*" * (len(name) - 1) in results[0].excerpt


def test_index_round_trip(case_base: CaseBase, tmp_path: Path) -> None:
    query = CaseQuery("被告人醉酒后驾驶机动车在道路上行驶，血液酒精含量超标")
    before = case_base.index.search(query, 5, mode="bm25")
    case_base.index.save(tmp_path / "case_index")
    loaded = CaseIndex.load(tmp_path / "case_index")
    assert loaded.search(query, 5, mode="bm25") == before
    assert any("危险驾驶" in c.charges for c in case_base.cases if c.case_id == before[0].case_id)


def test_dense_and_hybrid_on_a_small_index(case_base: CaseBase, default_settings: Settings) -> None:
    criminal = [c for c in case_base.cases if c.kind is CaseKind.CRIMINAL][:40]
    embedder = embedder_from_settings(default_settings)
    index = CaseIndex.build(criminal, case_base.index.bm25.tokenizer, embedder)
    target = criminal[7]
    for mode in ("dense", "hybrid"):
        found = index.search(CaseQuery(target.facts), 3, mode=mode)
        assert found[0].case_id == target.case_id
        assert found[0].scores["dense"] is not None


def test_case_fusion_settings_apply_to_a_saved_index(case_base: CaseBase, tmp_path: Path) -> None:
    """Cases fuse with their own weights, read from settings when the index is opened."""
    settings = Settings(data_dir=tmp_path, case_rrf_k=30, case_bm25_weight=0.5, rrf_k=10)
    config = case_index_config(settings)
    assert (config.rrf_k, config.bm25_weight, config.dense_weight) == (30, 0.5, 1.0)
    case_base.index.save(case_index_dir(settings))
    search = open_similar_case_search(settings, None)
    assert search.index.config.fusion().k == 30
    assert search.index.config.fusion().weights == {"bm25": 0.5, "dense": 1.0}

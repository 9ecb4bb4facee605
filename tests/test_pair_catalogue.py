"""The national pair catalogue: pairs the statutes state, searched without routing (default corpus)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from api.settings import Settings
from assistant.law_ranking import LawRankingConfig
from assistant.norm_pairs import LinkKind
from assistant.norm_units import bigrams
from assistant.pair_catalogue import PairCatalogue, law_ranking, version_entries
from assistant.provisions import (
    CatalogueFusion,
    CatalogueMode,
    CorpusRouting,
    ProvisionFinder,
    catalogue_fusion,
    catalogue_routing,
    fuse_candidates,
)
from corpus.store import CorpusStore

DAY = date(2024, 6, 1)


@pytest.fixture(scope="module")
def catalogue(default_store: CorpusStore) -> PairCatalogue:
    return PairCatalogue.build(default_store.iter_articles())


def _version(store: CorpusStore, law: str):
    version = next(v for v in store.versions(law) if v.in_force_on(DAY))
    return [r for r in store.iter_articles([law]) if r.version == version.effective_date]


def test_public_order_articles_pair_with_themselves(default_store: CorpusStore) -> None:
    """治安管理处罚法第五十六条 states the act and its penalty: the pair is (条, 条)."""
    entries = version_entries(_version(default_store, "治安管理处罚法"))
    own = [e for e in entries if e.penalty.record.number == 56]
    assert own and all(e.link is LinkKind.SELF and e.duty.number == 56 for e in own)


def test_every_entry_pairs_a_penalty_with_a_duty_of_its_own_version(
    catalogue: PairCatalogue,
) -> None:
    kinds = {e.link for e in catalogue.entries}
    assert {LinkKind.EXPLICIT, LinkKind.ENUMERATION, LinkKind.WORDING} <= kinds
    for e in catalogue.entries[:2000]:
        assert (e.duty.law, e.duty.version) == (e.penalty.record.law, e.penalty.record.version)


def test_unlicensed_food_business_finds_its_penalty_without_routing(
    catalogue: PairCatalogue,
) -> None:
    """No law is named or routed: the 罚则's stated act alone brings 食品安全法第一百二十二条."""
    hits = catalogue.search("未取得食品经营许可证就开店卖盒饭", DAY, 5)
    assert ("食品安全法", 122) in [
        (h.entry.penalty.record.law, h.entry.penalty.record.number) for h in hits
    ]


def test_search_keeps_the_named_laws_in_force(catalogue: PairCatalogue) -> None:
    hits = catalogue.search("未取得食品经营许可证", DAY, 10, laws=["治安管理处罚法"])
    assert all(h.entry.penalty.record.law == "治安管理处罚法" for h in hits)
    assert catalogue.search("未取得食品经营许可证", date(1990, 1, 1), 5) == []


def test_the_cache_reads_back_the_same_pairs(default_store: CorpusStore, tmp_path: Path) -> None:
    path = tmp_path / "catalogue.pkl"
    records = _version(default_store, "食品安全法")
    built = PairCatalogue.cached(records, path)
    assert path.is_file()
    again = PairCatalogue.cached([], path)  # read from the file, not rebuilt
    assert [(e.duty.unit_id, e.penalty.key) for e in again.entries] == [
        (e.duty.unit_id, e.penalty.key) for e in built.entries
    ]


def test_fusion_keeps_a_pair_both_lists_share_once(catalogue: PairCatalogue) -> None:
    grams = bigrams("未取得食品经营许可证就开店卖盒饭")
    hits = catalogue.search("未取得食品经营许可证就开店卖盒饭", DAY, 3)
    extra = [h.entry.candidate(grams) for h in hits]
    fused = fuse_candidates(extra[:1], extra, 0.5, 5.0)
    assert fused[0].key == extra[0].key and len(fused) == len({c.key for c in extra})
    assert "全国条款对目录" in extra[0].reason


def test_finder_fuses_catalogue_pairs_only_when_asked(bm25_finder: ProvisionFinder) -> None:
    text = "未取得食品经营许可证就开店卖盒饭"
    assert not bm25_finder.catalogue.on  # a bare finder: off; the shipped choice is a setting
    plain = bm25_finder.ask(text, DAY)
    fused = ProvisionFinder(
        bm25_finder.store,
        bm25_finder.index,
        "bm25",
        catalogue=CatalogueFusion(mode=CatalogueMode.RANK, weight=0.5),
    ).ask(text, DAY)
    assert plain.pairs and fused.pairs
    assert any(p.penalty.law == "食品安全法" for p in fused.pairs)


def test_catalogue_pairs_compete_on_the_rankers_features(bm25_finder: ProvisionFinder) -> None:
    """features mode: catalogue pairs carry the same features as routed candidates, and a
    pair the catalogue ranks gains its bonus (a bonus of 0 adds pairs, never reorders)."""
    text = "未取得食品经营许可证就开店卖盒饭"
    _, _, plain = bm25_finder.pair_candidates(text, DAY)

    def finder(bonus: float) -> ProvisionFinder:
        fusion = CatalogueFusion(mode=CatalogueMode.FEATURES, depth=20, bonus=bonus)
        return ProvisionFinder(bm25_finder.store, bm25_finder.index, "bm25", catalogue=fusion)

    _, _, featured = finder(0.0).pair_candidates(text, DAY)
    assert all(len(c.features) == len(plain[0].features) for c in featured)
    keys = {c.key for c in plain}
    assert [c.key for c in featured if c.key in keys] == [c.key for c in plain]
    assert len(featured) >= len(plain)
    _, _, boosted = finder(1.0).pair_candidates(text, DAY)
    score = {c.key: c.score for c in featured}
    assert any(c.score > score[c.key] for c in boosted)
    assert all(c.score >= score[c.key] for c in boosted)


def test_settings_ship_the_catalogue_off_and_can_turn_the_feature_mode_on() -> None:
    settings = Settings()
    assert not catalogue_fusion(settings).on
    assert catalogue_routing(settings).ranking.catalogue == 0.0
    fusion = catalogue_fusion(Settings(catalogue_mode="features"))
    assert fusion.mode is CatalogueMode.FEATURES and fusion.depth == 20 and fusion.bonus == 0.1
    off = catalogue_fusion(Settings(catalogue_mode="off", catalogue_law_vote=1.0))
    assert not off.on
    assert catalogue_routing(Settings(catalogue_law_vote=1.0)).ranking.catalogue == 1.0


def test_law_ranking_lists_each_pairs_parent_law_once(catalogue: PairCatalogue) -> None:
    hits = catalogue.search("未取得食品经营许可证就开店卖盒饭", DAY, 50)
    laws = law_ranking(hits, 20)
    assert laws[0] == "食品安全法" and len(laws) == len(set(laws))
    assert all(not law.endswith(("实施条例", "实施细则")) for law in laws)
    assert law_ranking(hits, 1) == ["食品安全法"]


def test_the_catalogue_votes_in_law_ranking_only_when_weighted(
    bm25_finder: ProvisionFinder,
) -> None:
    text = "未取得食品经营许可证就开店卖盒饭"
    assert bm25_finder.law_ranker.catalogue is None  # weight 0: no view, no catalogue built
    voting = ProvisionFinder(
        bm25_finder.store,
        bm25_finder.index,
        "bm25",
        routing=CorpusRouting(ranking=LawRankingConfig(catalogue=1.0)),
    )
    route = voting.route(text, [], DAY)
    assert route.laws[0] == "食品安全法"
    assert any("条款对目录" in word for word in route.signals["食品安全法"])

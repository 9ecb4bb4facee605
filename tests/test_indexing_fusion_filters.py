"""RRF against hand-computed values; filters (law, level, date) mask == per-unit test."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexing.filters import SearchFilter, UnitTable
from indexing.fusion import FusionConfig, reciprocal_rank_fusion
from indexing.units import build_units
from tests.indexing_fixtures import sample_records


def test_rrf_hand_computed():
    fused = dict(
        reciprocal_rank_fusion({"bm25": ["a", "b", "c"], "dense": ["b", "d"]}, FusionConfig(k=60))
    )
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["a"] == pytest.approx(1 / 61)
    assert fused["d"] == pytest.approx(1 / 62)
    assert fused["c"] == pytest.approx(1 / 63)
    order = [
        item for item, _ in reciprocal_rank_fusion({"bm25": ["a", "b", "c"], "dense": ["b", "d"]})
    ]
    assert order == ["b", "a", "d", "c"]


def test_rrf_weights():
    config = FusionConfig(k=0, weights={"bm25": 0.5, "dense": 2.0})
    fused = dict(reciprocal_rank_fusion({"bm25": ["a"], "dense": ["b", "a"]}, config))
    assert fused == pytest.approx({"a": 0.5 / 1 + 2.0 / 2, "b": 2.0 / 1})


def test_rrf_rejects_negative_weights():
    with pytest.raises(ValueError):
        FusionConfig(weights={"bm25": -1.0})


def _units():
    return list(build_units(sample_records(), max_chars=600))


def test_date_filter_picks_the_version_in_force():
    units = _units()
    table = UnitTable(units)
    statistics = [u for u in units if u.law == "统计法"]
    for day, expected in [(date(2015, 1, 1), "2010-01-01"), (date(2024, 9, 13), "2024-09-13")]:
        mask = table.mask(SearchFilter(laws=frozenset({"统计法"}), on_date=day))
        kept = [u.version for u, keep in zip(units, mask, strict=True) if keep]
        assert kept == [expected]
    assert len(statistics) == 2
    before = table.mask(SearchFilter(on_date=date(2000, 1, 1)))
    assert not before.any()


def test_level_and_region_filters():
    units = _units()
    mask = UnitTable(units).mask(
        SearchFilter(levels=frozenset({"地方性法规"}), regions=frozenset({"广东省"}))
    )
    assert [u.law for u, keep in zip(units, mask, strict=True) if keep] == ["广东省环境保护条例"]
    assert UnitTable(units).mask(SearchFilter()) is None


@given(
    laws=st.sets(st.sampled_from(["行政处罚法", "统计法", "食品安全法", "不存在法"])),
    day=st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 1, 1))),
)
def test_mask_equals_matches(laws, day):
    units = _units()
    query_filter = SearchFilter(laws=frozenset(laws), on_date=day)
    mask = UnitTable(units).mask(query_filter)
    expected = [query_filter.matches(u) for u in units]
    assert (list(mask) if mask is not None else [True] * len(units)) == expected


def test_recent_scores_keep_each_concurrent_query_apart() -> None:
    """Eight threads asking for their own query's scores each get theirs, computed once."""
    import threading

    from indexing.recent_scores import RecentScores

    recent = RecentScores(capacity=32)
    computed: list[str] = []

    def scores_of(query: str) -> np.ndarray:
        computed.append(query)
        return np.full(4, float(len(query)), dtype=np.float32)

    def ask(query: str) -> None:
        for _ in range(4):  # one learned-fusion search asks four times
            got = recent.get(query, lambda: scores_of(query))
            assert got[0] == len(query) and not got.flags.writeable

    threads = [threading.Thread(target=ask, args=("问" * n,)) for n in range(1, 9)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(computed) == sorted("问" * n for n in range(1, 9))


def test_remembered_masks_equal_fresh_ones_and_are_read_only() -> None:
    units = _units()
    table = UnitTable(units)
    days = [date(2000 + n, 1, 1) for n in range(30)]  # more filters than the 16 remembered
    for day in [*days, *days]:
        query_filter = SearchFilter(on_date=day)
        mask = table.mask(query_filter)
        assert mask is not None and not mask.flags.writeable
        assert list(mask) == [query_filter.matches(u) for u in units]
    assert table.mask(SearchFilter(on_date=days[-1])) is table.mask(SearchFilter(on_date=days[-1]))

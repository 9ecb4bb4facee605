"""RRF against hand-computed values; filters (law, level, date) mask == per-unit test."""

from __future__ import annotations

from datetime import date

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

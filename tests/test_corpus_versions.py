"""Version selection by date: the version in force on the day of the act."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.citation_resolver import CitationError, CitationErrorCode, CitationResolver
from corpus.store import CorpusStore


@pytest.fixture(scope="module")
def resolver(default_store: CorpusStore) -> CitationResolver:
    return CitationResolver(default_store)


@pytest.mark.parametrize(
    ("law", "day", "effective"),
    [
        ("统计法", date(2015, 6, 1), date(2010, 1, 1)),
        ("统计法", date(2024, 9, 12), date(2010, 1, 1)),
        ("统计法", date(2024, 9, 13), date(2024, 9, 13)),
        ("行政复议法", date(2023, 12, 31), date(2018, 1, 1)),
        ("行政复议法", date(2024, 1, 1), date(2024, 1, 1)),
        ("行政处罚法", date(2023, 5, 1), date(2021, 7, 15)),
    ],
)
def test_version_in_force_on(
    resolver: CitationResolver, law: str, day: date, effective: date
) -> None:
    assert resolver.version_on(law, day).effective_date == effective


def test_each_version_keeps_its_own_text(resolver: CitationResolver) -> None:
    old = resolver.resolve(resolver.parse("行政复议法第四十三条")[0], date(2020, 1, 1))
    assert old.version == date(2018, 1, 1)
    with pytest.raises(CitationError) as info:
        resolver.resolve(resolver.parse("行政复议法第九十条")[0], date(2020, 1, 1))
    assert info.value.code is CitationErrorCode.ARTICLE_BEYOND_LAST
    new = resolver.resolve(resolver.parse("行政复议法第九十条")[0], date(2024, 6, 1))
    assert new.version == date(2024, 1, 1)


def test_not_yet_in_force(resolver: CitationResolver) -> None:
    with pytest.raises(CitationError) as info:
        resolver.version_on("行政处罚法", date(2021, 7, 14))
    assert info.value.code is CitationErrorCode.NOT_YET_IN_FORCE
    assert "2021年7月15日" in info.value.message


def test_repealed_law(resolver: CitationResolver) -> None:
    assert resolver.version_on("环境噪声污染防治法", date(2022, 6, 4)).law == "环境噪声污染防治法"
    with pytest.raises(CitationError) as info:
        resolver.version_on("环境噪声污染防治法", date(2022, 6, 5))
    assert info.value.code is CitationErrorCode.REPEALED
    assert "2022年6月5日废止" in info.value.message


def test_superseded_versions_are_chained(default_store: CorpusStore) -> None:
    versions = default_store.versions("统计法")
    assert [v.effective_to for v in versions] == [date(2024, 9, 13), None]

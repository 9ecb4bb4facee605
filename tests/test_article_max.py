"""Per-article maxima and the within-laws BM25 shortcut give the values they replace, bit for bit."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from indexing.article_max import ArticleMax
from indexing.filters import SearchFilter
from indexing.hybrid_index import HybridIndex
from tests.indexing_fixtures import sample_records
from tests.test_indexing_hybrid import CONFIG


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_best_equals_reduceat_on_units_stored_article_by_article(dtype) -> None:
    rng = np.random.default_rng(7)
    sizes = rng.choice([1, 1, 1, 1, 2, 3], size=500)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    units_of = [list(range(s, s + n)) for s, n in zip(starts, sizes, strict=True)]
    scores = (rng.standard_normal(int(sizes.sum())) * 5).astype(dtype)
    scores[::17] = 0.0
    best = ArticleMax(units_of).best(scores)
    expected = np.maximum.reduceat(scores, starts)
    assert best.dtype == expected.dtype
    assert np.array_equal(best, expected)


def test_one_unit_articles_are_a_plain_gather() -> None:
    scores = np.array([3.0, 1.0, 2.0], dtype=np.float32)
    table = ArticleMax([[0], [1], [2]])
    assert len(table.later_units) == 0
    assert np.array_equal(table.best(scores), scores)


@pytest.fixture(scope="module")
def index() -> HybridIndex:
    return HybridIndex.build(sample_records(), None, CONFIG)


@pytest.mark.parametrize("query", ["饮酒后驾驶机动车如何处罚", "行政处罚的听证程序", "排放污染物"])
def test_within_laws_scores_equal_a_second_pass_under_the_narrowed_mask(index, query) -> None:
    mask = index.table.mask(SearchFilter(on_date=date(2025, 1, 1)))
    words = index._bm25_article_scores(query, mask)
    for laws in ({"道路交通安全法"}, {"行政处罚法", "大气污染防治法"}, {"没有这部法"}):
        narrowed = index.table.within_laws(mask, frozenset(laws))
        expected = index._bm25_article_scores(query, narrowed)
        shortcut = index.bm25_within_laws(words, frozenset(laws))
        assert shortcut.dtype == expected.dtype
        assert np.array_equal(shortcut, expected)

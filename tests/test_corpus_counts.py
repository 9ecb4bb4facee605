"""Article counts equal the official totals; the full national import finishes."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.store import CorpusStore
from tests.conftest import ImportedCorpus

# (law, version published, official number of articles) — from ../shared/README.md.
OFFICIAL_COUNTS = [
    ("行政处罚法", date(2021, 1, 22), 86),
    ("行政强制法", date(2011, 6, 30), 71),
    ("行政许可法", date(2019, 4, 23), 83),
    ("行政复议法", date(2023, 9, 1), 90),
    ("政府信息公开条例", date(2019, 4, 3), 56),
    ("统计法", date(2024, 9, 13), 53),
    ("安全生产法", date(2021, 6, 10), 119),
    ("食品安全法", date(2021, 4, 29), 154),
    ("道路交通安全法", date(2021, 4, 29), 124),
    ("环境保护法", date(2014, 4, 24), 70),
]


def _count(store: CorpusStore, law: str, published: date) -> int:
    versions = {v.version_date: v for v in store.versions(law)}
    assert published in versions, f"{law} {published} missing: {sorted(versions)}"
    return versions[published].article_count


@pytest.mark.parametrize(("law", "published", "expected"), OFFICIAL_COUNTS)
def test_default_corpus_counts(
    default_store: CorpusStore, law: str, published: date, expected: int
) -> None:
    assert _count(default_store, law, published) == expected


@pytest.mark.parametrize(("law", "published", "expected"), OFFICIAL_COUNTS)
def test_national_corpus_counts(
    national_corpus: ImportedCorpus, law: str, published: date, expected: int
) -> None:
    assert _count(national_corpus.store, law, published) == expected


def test_special_structures(default_store: CorpusStore) -> None:
    criminal = default_store.versions("刑法")[-1]
    assert criminal.max_article == 452
    assert criminal.article_count == 452 + 53  # 53 articles numbered 第X条之Y
    assert default_store.article("刑法", criminal.effective_date, 120, 1) is not None


def test_civil_code_parts_form_one_law(national_corpus: ImportedCorpus) -> None:
    versions = national_corpus.store.versions("民法典")
    assert len(versions) == 1
    assert versions[0].article_count == 1260
    assert versions[0].effective_date == date(2021, 1, 1)


def test_national_import_totals(national_corpus: ImportedCorpus) -> None:
    report = national_corpus.report
    assert report.files > 1500
    assert len(report.without_articles) == 83  # 刑法修正案 texts, 一、二、… interpretations
    assert report.parsed_files == 1429
    stored = national_corpus.store.stats()["articles"]
    # 64,665 parsed; copies filed twice and texts re-published for the same effective date are stored once.
    assert 63_800 <= stored <= 64_665
    assert not report.failures, report.failures[:5]

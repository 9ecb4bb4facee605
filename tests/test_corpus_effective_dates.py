"""施行 dates an amending decision set apart from its publication (corpus/data/effective_dates.json):
the version is in force from that date, not from the day the consolidated text was published."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import ImportedCorpus

from corpus.citation_resolver import CitationResolver
from corpus.law_builder import parse_law_file
from corpus.law_metadata import EFFECTIVE_DATES, MetadataCatalog, MetadataEntry
from corpus.settings import CorpusSettings
from corpus.store import CorpusStore


def test_shipped_dates_cite_their_clause() -> None:
    known = json.loads(EFFECTIVE_DATES.read_text(encoding="utf-8"))
    for versions in known.values():
        for version in versions:
            assert date.fromisoformat(version["valid_from"]) > date.fromisoformat(
                version["publish"]
            )
            assert "起施行" in version["by"]


def test_catalogue_takes_the_shipped_date(tmp_path: Path) -> None:
    dates = tmp_path / "dates.json"
    dates.write_text(
        json.dumps(
            {
                "甲法": [
                    {
                        "publish": "2023-12-29",
                        "valid_from": "2024-09-05",
                        "by": "本决定自2024年9月5日起施行",
                    }
                ],
                "乙法": [
                    {
                        "publish": "2023-09-01",
                        "valid_from": "2024-01-01",
                        "by": "本决定自2024年1月1日起施行",
                    }
                ],
                "丙法": [
                    {
                        "publish": "2022-06-24",
                        "valid_from": "2022-08-01",
                        "by": "本决定自2022年8月1日起施行",
                    }
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    table = MetadataCatalog(
        [
            MetadataEntry("甲法", "法律", date(2023, 12, 29), None, False),
            MetadataEntry("乙法", "法律", date(2023, 9, 1), date(2023, 9, 1), False),
        ]
    )
    amended = table.with_effective_dates(dates)
    assert amended.lookup("甲法", date(2023, 12, 29)).valid_from == date(2024, 9, 5)
    assert amended.lookup("甲法", date(2023, 12, 29)).level == "法律"
    assert amended.lookup("乙法", date(2023, 9, 1)).valid_from == date(2024, 1, 1)
    assert amended.lookup("丙法", date(2022, 6, 24)).valid_from == date(2022, 8, 1)


@pytest.mark.parametrize(
    ("law", "day", "effective"),
    [
        ("慈善法", date(2024, 9, 4), date(2016, 9, 1)),
        ("慈善法", date(2024, 9, 5), date(2024, 9, 5)),
        ("民事诉讼法", date(2023, 12, 31), date(2022, 1, 1)),
        ("民事诉讼法", date(2024, 1, 1), date(2024, 1, 1)),
        ("会计法", date(2024, 6, 30), date(2017, 11, 5)),
    ],
)
def test_national_versions_in_force(
    national_corpus: ImportedCorpus, law: str, day: date, effective: date
) -> None:
    resolver = CitationResolver(national_corpus.store)
    assert resolver.version_on(law, day).effective_date == effective


def test_redated_version_replaces_its_old_row(tmp_path: Path, shared_dir: Path) -> None:
    """An install that stored the version under its publication date keeps one row."""
    store = CorpusStore(CorpusSettings(data_dir=tmp_path))
    source = next((shared_dir / "data" / "laws").rglob("慈善法(2023-12-29).md"))
    parsed = parse_law_file(source)
    first = replace(parsed, info=replace(parsed.info, effective_date=date(2023, 12, 29)))
    store.upsert_version([first])
    store.upsert_version([parse_law_file(source, MetadataCatalog([]).with_effective_dates())])
    versions = [v.effective_date for v in store.versions("慈善法")]
    assert versions == [date(2024, 9, 5)]

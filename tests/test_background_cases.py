"""`zhifa serve` builds a missing case index in the background instead of before start-up."""

from __future__ import annotations

import shutil
from pathlib import Path

from api.background_cases import ensure_case_index
from api.components import Components
from api.settings import Settings

SHIPPED = Path(__file__).parents[1] / "assistant" / "data" / "cases" / "court-cases" / "劳动人事"


def test_missing_case_index_is_built_once_and_picked_up(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    shutil.copytree(SHIPPED, cases / "劳动人事")
    components = Components(Settings(data_dir=tmp_path / "data", cases_dir=cases))
    assert components.optional_case_search() is None  # nothing built yet: answers go on

    assert ensure_case_index(components) is True
    search = components.optional_case_search()
    assert search is not None
    hits = search.search("劳动者超时加班 加班费", k=3)
    assert hits and any("加班" in hit.title for hit in hits)

    assert ensure_case_index(components) is False  # an existing index is left alone


def test_without_a_cases_folder_nothing_happens(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", cases_dir=tmp_path / "absent")
    assert ensure_case_index(Components(settings)) is False

"""api.components: built once per process, the statute index swapped whole, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.components import Components, CorpusEmptyError, IndexMissingError, StandardsMissingError
from api.settings import Settings
from corpus.errors import ErrorKind
from indexing.hybrid_index import HybridIndex
from indexing.storage import index_dir_for
from tests.indexing_fixtures import sample_records


def _build_index(settings: Settings, records: list) -> None:
    HybridIndex.build(records, embedder=None).save(index_dir_for(settings))


def test_objects_are_built_once(tmp_path: Path) -> None:
    components = Components(Settings(data_dir=tmp_path))
    assert components.store is components.store
    assert components.resolver is components.resolver


def test_missing_resources_raise_domain_errors(tmp_path: Path) -> None:
    components = Components(Settings(data_dir=tmp_path, standards_dir=tmp_path / "无此目录"))
    with pytest.raises(IndexMissingError) as missing:
        components.statute_index()
    assert missing.value.kind is ErrorKind.UNAVAILABLE and "zhifa index build" in str(missing.value)
    assert not components.has_statute_index()
    with pytest.raises(CorpusEmptyError, match="zhifa corpus init"):
        components.require_corpus()
    with pytest.raises(StandardsMissingError, match="裁量基准目录不存在"):
        _ = components.standards
    assert components.optional_case_search() is None
    assert "zhifa cases init" in (components.case_search_problem or "")


def test_rebuilt_index_is_swapped_whole(tmp_path: Path) -> None:
    """After a rebuild the next caller gets the new index; a holder of the old one keeps it."""
    settings = Settings(data_dir=tmp_path)
    records = sample_records()
    _build_index(settings, records[:-1])
    components = Components(settings)
    old = components.statute_index()
    assert not components.refresh_statute_index_if_changed()
    assert components.statute_index() is old

    _build_index(settings, records)
    assert components.refresh_statute_index_if_changed()
    new = components.statute_index()
    assert new is not old
    assert len(new.index.units) > len(old.index.units)
    assert old.index.retrieve("听证", 3, mode="bm25")  # the old one still answers
    assert components.reload_statute_index() is components.statute_index()


def test_warm_assistant_builds_its_corpus_indexes_before_the_first_question(
    tmp_path: Path,
) -> None:
    settings = Settings(data_dir=tmp_path)
    _build_index(settings, sample_records())
    components = Components(settings)
    components.warm_assistant()
    finder = components.assistant.finder
    assert finder._router is not None and finder._penalty_items is not None


def test_law_aware_and_learned_hybrid_search_share_one_law_aware_retriever(
    tmp_path: Path,
) -> None:
    """Its detector and bigram matrix are built once per index, not once per search."""
    from indexing.hybrid_fusion import FusedSearch

    settings = Settings(data_dir=tmp_path)
    _build_index(settings, sample_records())
    components = Components(settings)
    search = components.statute_search()
    assert isinstance(search, FusedSearch) and "learned" not in vars(search)
    shared = components.law_aware_retriever()
    assert search.learned.aware is shared
    assert components.shared_law_aware(components.statute_index().index) is shared
    components.reload_statute_index()
    fresh = components.law_aware_retriever()
    assert fresh is not shared and fresh.index is components.statute_index().index

"""Settings: one typed section per layer, composed at the edge; data-folder layout in one place."""

from __future__ import annotations

from pathlib import Path

import pytest

import assistant
import corpus
from api.settings import ServiceSettings, Settings
from assistant.settings import AssistantSettings
from corpus.data_layout import DataLayout
from corpus.settings import CorpusSettings
from indexing.hybrid_index import IndexConfig
from indexing.settings import IndexingSettings
from indexing.storage import embedding_cache_path, index_dir_for
from models.settings import ModelSettings
from transcription.settings import TranscriptionSettings

SECTIONS = (
    CorpusSettings,
    ModelSettings,
    IndexingSettings,
    TranscriptionSettings,
    AssistantSettings,
    ServiceSettings,
)


def test_settings_is_exactly_the_union_of_the_sections() -> None:
    union = set().union(*(section.model_fields for section in SECTIONS))
    assert set(Settings.model_fields) == union
    for section in SECTIONS:
        assert issubclass(Settings, section)


def test_every_field_still_reads_its_zhifa_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Field names (and so the ZHIFA_* variables the README documents) did not change."""
    monkeypatch.setenv("ZHIFA_RRF_K", "7")
    monkeypatch.setenv("ZHIFA_WHISPER_BEAM_SIZE", "2")
    monkeypatch.setenv("ZHIFA_CASE_BM25_WEIGHT", "0.5")
    monkeypatch.setenv("ZHIFA_UPLOAD_MAX_MB", "9")
    monkeypatch.setenv("ZHIFA_EMBEDDING_BACKEND", "sentence-transformers")
    settings = Settings()
    assert (settings.rrf_k, settings.whisper_beam_size) == (7, 2)
    assert (settings.case_bm25_weight, settings.upload_max_mb) == (0.5, 9)
    assert settings.embedding_backend == "sentence-transformers"


def test_a_lower_layer_section_has_no_higher_layer_field() -> None:
    """Typed access: asking the corpus section for an index knob fails instead of defaulting."""
    with pytest.raises(AttributeError):
        IndexConfig.from_settings(CorpusSettings())  # type: ignore[arg-type]
    assert "rrf_k" not in CorpusSettings.model_fields
    assert "whisper_device" not in IndexingSettings.model_fields


def test_writable_default_is_under_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ZHIFA_DATA_DIR", raising=False)
    settings = Settings(_env_file=None)
    assert settings.data_dir == tmp_path / "var"
    for package in (corpus, assistant):
        assert not settings.data_dir.is_relative_to(Path(package.__file__).parent)
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'var' / 'zhifa.db'}"


def test_shipped_read_only_data_is_found_through_the_package() -> None:
    settings = AssistantSettings()
    package = Path(assistant.__file__).parent
    assert settings.standards_dir == package / "data" / "standards"
    assert settings.cases_dir == package / "data" / "cases"
    assert (settings.standards_dir / "standards.json").is_file()


def test_data_layout_is_the_one_place_for_paths(tmp_path: Path) -> None:
    layout = DataLayout(tmp_path)
    settings = Settings(data_dir=tmp_path)
    assert index_dir_for(settings) == layout.index_dir == tmp_path / "index"
    assert embedding_cache_path(settings) == layout.embedding_cache
    assert settings.resolved_case_index_dir == layout.case_index_dir
    assert settings.resolved_case_attachments_dir == layout.case_records_dir
    custom = Settings(data_dir=tmp_path, index_dir=tmp_path / "elsewhere")
    assert index_dir_for(custom) == tmp_path / "elsewhere"

"""`corpus init` skips a source whose SHA-256 and parser version it has already imported."""

from __future__ import annotations

import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings
from corpus.import_record import (
    file_fingerprint,
    import_unless_unchanged,
    parser_version,
    recorded_fingerprint,
)
from corpus.ingest import IngestFailure, IngestReport
from corpus.store import CorpusStore

SHIPPED = Settings().national_corpus_archive
CORE_LAW = next((Path(__file__).parents[1] / "corpus" / "data" / "laws").rglob("*.md"))


def _small_archive(path: Path, laws: tuple[str, ...]) -> Path:
    """A national archive holding only ``laws`` (member names of the shipped one)."""
    with tarfile.open(SHIPPED, "r:xz") as source, tarfile.open(path, "w:xz") as target:
        for name in laws:
            data = source.extractfile(name).read()  # type: ignore[union-attr]
            info = tarfile.TarInfo(name)
            info.size = len(data)
            target.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture()
def env(tmp_path: Path) -> dict[str, str]:
    core = tmp_path / "core" / "laws"
    core.mkdir(parents=True)
    shutil.copy(CORE_LAW, core / CORE_LAW.name)
    (tmp_path / "national").mkdir()
    archive = _small_archive(
        tmp_path / "national" / "laws.tar.xz", ("laws/经济法/统计法(2024-09-13).md",)
    )
    return {
        "ZHIFA_DATA_DIR": str(tmp_path / "data"),
        "ZHIFA_DEFAULT_CORPUS_DIR": str(tmp_path / "core"),
        "ZHIFA_NATIONAL_CORPUS_ARCHIVE": str(archive),
    }


def _init(env: dict[str, str], *extra: str) -> dict:
    result = CliRunner().invoke(app, ["corpus", "init", "--json", *extra], env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_second_init_skips_both_sources_and_force_reimports(env: dict[str, str]) -> None:
    first = _init(env)
    assert first["skipped"] == [] and first["versions_written"] >= 2
    again = _init(env)
    assert again["skipped"] == ["core", "national"] and again["files"] == 0
    text = CliRunner().invoke(app, ["corpus", "init"], env=env)
    assert text.exit_code == 0 and "跳过" in text.output and "--force" in text.output
    forced = _init(env, "--force")
    assert forced["skipped"] == [] and forced["versions_unchanged"] >= 2
    assert forced["versions_written"] == 0


def test_changed_archive_is_imported_again(env: dict[str, str]) -> None:
    _init(env)
    _small_archive(
        Path(env["ZHIFA_NATIONAL_CORPUS_ARCHIVE"]),
        ("laws/经济法/统计法(2009-06-27).md", "laws/经济法/统计法(2024-09-13).md"),
    )
    after = _init(env)
    assert after["skipped"] == ["core"]
    assert after["versions_written"] == 1 and after["versions_unchanged"] == 1


def test_failed_import_is_not_recorded(tmp_path: Path) -> None:
    store = CorpusStore(Settings(data_dir=tmp_path))
    source = tmp_path / "source.bin"
    source.write_bytes(b"v1")
    fingerprint = file_fingerprint(source)
    calls: list[IngestReport] = []

    def failing() -> IngestReport:
        calls.append(IngestReport(failures=[IngestFailure(str(source), "坏文件")]))
        return calls[-1]

    assert import_unless_unchanged(store, "x", fingerprint, failing) is calls[0]
    assert recorded_fingerprint(store, "x") is None
    assert import_unless_unchanged(store, "x", fingerprint, IngestReport) is not None
    assert recorded_fingerprint(store, "x") == fingerprint
    assert import_unless_unchanged(store, "x", fingerprint, failing) is None
    assert fingerprint.parser_version == parser_version()
    assert len(calls) == 1

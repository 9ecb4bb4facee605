"""Query embeddings that are cheap when repeated or concurrent.

Embedding the query (~50 ms on two cores) dominates a hybrid search. Two things
remove most of it without changing any vector:
- an LRU cache: the same question (a page reload, the assistant's second look-up,
  a law-aware second pass) never runs the model twice;
- concurrency: a backend whose model call may run from several threads at once
  (ONNX Runtime) embeds concurrent queries side by side, one call each, at most
  ``parallel`` at a time; measured on two cores with the q4 model, 96 distinct questions:
  one at a time 27 queries/s, batches of 8 19/s (padding to the longest), two side by
  side 48/s. Other backends micro-batch: while one request runs the model, requests
  arriving meanwhile queue up and the next call embeds them together. No timer: a lone
  query never waits for company.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import Future

import numpy as np

from models.embedder import Embedder
from models.manifest import ModelManifest


class VectorLRU:
    """Thread-safe least-recently-used map key → vector, at most ``capacity`` entries
    (query texts here; the indexing layer's recent score arrays too)."""

    def __init__(self, capacity: int) -> None:
        if capacity < 0:
            raise ValueError("cache capacity must be >= 0")
        self.capacity = capacity
        self._items: OrderedDict[Hashable, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> np.ndarray | None:
        with self._lock:
            vector = self._items.get(key)
            if vector is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return vector

    def put(self, key: Hashable, vector: np.ndarray) -> None:
        if self.capacity == 0:
            return
        with self._lock:
            self._items[key] = vector
            self._items.move_to_end(key)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)


class QueryBatcher:
    """Coalesces concurrent single-text requests into batched model calls.

    The first caller to find no batch running becomes the leader: it embeds every
    queued text (up to ``max_batch`` per call) until the queue is empty, then steps
    down; the others wait on their futures.
    """

    def __init__(self, embed: Callable[[list[str]], np.ndarray], max_batch: int = 16) -> None:
        if max_batch <= 0:
            raise ValueError("max_batch must be positive")
        self._embed = embed
        self.max_batch = max_batch
        self._queue: list[tuple[str, Future[np.ndarray]]] = []
        self._lock = threading.Lock()
        self._leading = False
        self.calls = 0
        self.largest_batch = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of ``texts`` (rows in order), computed together with concurrent callers."""
        futures: list[Future[np.ndarray]] = [Future() for _ in texts]
        with self._lock:
            self._queue.extend(zip(texts, futures, strict=True))
            lead = not self._leading
            self._leading = self._leading or lead
        if lead:
            self._drain()
        return np.stack([future.result() for future in futures])

    def _drain(self) -> None:
        while True:
            with self._lock:
                batch, self._queue = self._queue[: self.max_batch], self._queue[self.max_batch :]
                if not batch:
                    self._leading = False
                    return
            self._run(batch)

    def _run(self, batch: list[tuple[str, Future[np.ndarray]]]) -> None:
        unique = list(dict.fromkeys(text for text, _ in batch))
        try:
            vectors = self._embed(unique)
        except BaseException as exc:  # every waiter must learn of the failure
            for _, future in batch:
                future.set_exception(exc)
            return
        self.calls += 1
        self.largest_batch = max(self.largest_batch, len(unique))
        row = {text: vectors[i] for i, text in enumerate(unique)}
        for text, future in batch:
            future.set_result(row[text])


class ParallelQueries:
    """Each caller embeds its own texts, at most ``parallel`` model calls at a time."""

    def __init__(self, embed: Callable[[list[str]], np.ndarray], parallel: int) -> None:
        if parallel <= 0:
            raise ValueError("parallel must be positive")
        self._embed = embed
        self._slots = threading.BoundedSemaphore(parallel)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        with self._slots:
            return self._embed(list(texts))


class QueryCachingEmbedder(Embedder):
    """Wraps an Embedder: queries cached, run side by side or batched; passages passed on."""

    def __init__(
        self,
        inner: Embedder,
        capacity: int = 1024,
        max_batch: int = 16,
        parallel: int | None = None,
    ) -> None:
        self.inner = inner
        self.backend = inner.backend
        self.cache = VectorLRU(capacity)
        self.batcher: QueryBatcher | ParallelQueries = (
            ParallelQueries(inner.embed_queries, parallel or os.cpu_count() or 1)
            if inner.parallel_safe
            else QueryBatcher(inner.embed_queries, max_batch)
        )

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    @property
    def dim(self) -> int:
        return self.inner.dim

    @property
    def fingerprint(self) -> str:
        return self.inner.fingerprint

    def manifest(self) -> ModelManifest:
        return self.inner.manifest()

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        return self.inner._embed(texts, is_query)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Cached vectors for known texts; the rest embedded (beside or with other callers)."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        found = {text: self.cache.get(text) for text in dict.fromkeys(texts)}
        missing = [text for text, vector in found.items() if vector is None]
        if missing:
            for text, vector in zip(missing, self.batcher.embed(missing), strict=True):
                vector.setflags(write=False)
                self.cache.put(text, vector)
                found[text] = vector
        return np.stack([found[text] for text in texts])

"""Query-vector LRU cache and batching of concurrent query embeddings."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from models.embedder import Embedder
from models.query_embedding import QueryBatcher, QueryCachingEmbedder, VectorLRU


class CountingEmbedder(Embedder):
    """A deterministic embedder (character histogram) that records every model call."""

    backend = "counting"

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.calls: list[list[str]] = []
        self.gate = gate

    @property
    def model_id(self) -> str:
        return "counting"

    @property
    def dim(self) -> int:
        return 8

    @property
    def fingerprint(self) -> str:
        return "counting-1"

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        self.calls.append(list(texts))
        if self.gate is not None:
            self.gate.wait(10)
        out = np.zeros((len(texts), 8), dtype=np.float32)
        for row, text in enumerate(texts):
            for char in text:
                out[row, ord(char) % 8] += 1
            out[row, 0] += 0.5 if is_query else 0.0
        return out


def test_lru_evicts_least_recently_used():
    lru = VectorLRU(2)
    lru.put("a", np.ones(2))
    lru.put("b", np.ones(2))
    assert lru.get("a") is not None  # a is now the most recent
    lru.put("c", np.ones(2))
    assert lru.get("b") is None and lru.get("a") is not None and len(lru) == 2
    assert (lru.hits, lru.misses) == (2, 1)


def test_lru_of_size_zero_keeps_nothing():
    lru = VectorLRU(0)
    lru.put("a", np.ones(2))
    assert lru.get("a") is None
    with pytest.raises(ValueError):
        VectorLRU(-1)


def test_cached_embedder_returns_the_same_vectors_and_skips_the_model():
    inner = CountingEmbedder()
    cached = QueryCachingEmbedder(inner, capacity=10)
    first = cached.embed_queries(["超标排放", "无证经营"])
    again = cached.embed_queries(["无证经营", "超标排放", "超标排放"])
    np.testing.assert_array_equal(first, CountingEmbedder().embed_queries(["超标排放", "无证经营"]))
    np.testing.assert_array_equal(again[0], first[1])
    np.testing.assert_array_equal(again[1], again[2])
    assert inner.calls == [["超标排放", "无证经营"]]
    assert cached.cache.hits == 2


def test_passages_and_identity_pass_through():
    inner = CountingEmbedder()
    cached = QueryCachingEmbedder(inner)
    np.testing.assert_array_equal(
        cached.embed_passages(["条文"]), CountingEmbedder().embed_passages(["条文"])
    )
    assert cached.manifest() == inner.manifest() and cached.dim == 8
    assert cached.embed_queries([]).shape == (0, 8)


def test_concurrent_queries_are_embedded_together():
    gate = threading.Event()
    inner = CountingEmbedder(gate)
    cached = QueryCachingEmbedder(inner, capacity=100, max_batch=16)
    results: dict[str, np.ndarray] = {}

    def ask(text: str) -> None:
        results[text] = cached.embed_queries([text])[0]

    leader = threading.Thread(target=ask, args=("甲",))
    leader.start()
    while not inner.calls:  # the leader is inside the model call, holding the gate
        threading.Event().wait(0.001)
    followers = [threading.Thread(target=ask, args=(t,)) for t in ("乙", "丙", "丁", "乙")]
    for thread in followers:
        thread.start()
    while len(cached.batcher._queue) < 4:  # all four queued behind the running call
        threading.Event().wait(0.001)
    gate.set()
    for thread in (leader, *followers):
        thread.join(10)
    assert inner.calls[0] == ["甲"]
    assert sorted(inner.calls[1]) == ["丁", "丙", "乙"]  # one call, duplicates merged
    assert len(inner.calls) == 2
    for text in ("甲", "乙", "丙", "丁"):
        np.testing.assert_array_equal(results[text], CountingEmbedder().embed_queries([text])[0])


def test_batcher_reports_model_failure_to_every_waiter():
    def broken(texts: list[str]) -> np.ndarray:
        raise RuntimeError("模型不可用")

    batcher = QueryBatcher(broken)
    with pytest.raises(RuntimeError, match="模型不可用"):
        batcher.embed(["甲"])
    assert batcher._leading is False  # the next caller can lead again


class ParallelCountingEmbedder(CountingEmbedder):
    """Declares its model call thread-safe, like an ONNX Runtime session."""

    parallel_safe = True

    def __init__(self, gate: threading.Event) -> None:
        super().__init__(gate)
        self.inside = 0
        self.most_inside = 0
        self._lock = threading.Lock()

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        with self._lock:
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
        try:
            return super()._embed(texts, is_query)
        finally:
            with self._lock:
                self.inside -= 1


def test_thread_safe_backends_embed_concurrent_queries_side_by_side():
    """One call per caller, at most ``parallel`` at once: on ONNX Runtime two single
    queries side by side beat one padded batch of both (README #16)."""
    gate = threading.Event()
    inner = ParallelCountingEmbedder(gate)
    cached = QueryCachingEmbedder(inner, capacity=100, parallel=2)
    results: dict[str, np.ndarray] = {}
    threads = [
        threading.Thread(target=lambda t=t: results.update({t: cached.embed_queries([t])[0]}))
        for t in ("甲", "乙", "丙")
    ]
    for thread in threads:
        thread.start()
    while len(inner.calls) < 2:  # two callers inside the model, the third held back
        threading.Event().wait(0.001)
    threading.Event().wait(0.05)
    assert len(inner.calls) == 2
    gate.set()
    for thread in threads:
        thread.join(10)
    assert inner.most_inside == 2
    assert sorted(call[0] for call in inner.calls) == ["丙", "乙", "甲"]
    assert all(len(call) == 1 for call in inner.calls)
    for text in ("甲", "乙", "丙"):
        np.testing.assert_array_equal(results[text], CountingEmbedder().embed_queries([text])[0])

"""The score arrays of the last few queries, shared by the threads of the service.

One learned-fusion search asks for the same query's BM25 scores four times (flat,
bigram hits, within-laws, features). A single "last query" slot served that for one
caller, but with eight concurrent requests the slot is overwritten between the asks
and jieba + BM25 ran ~3.5 times per request (measured, issue 16). A few slots per
concurrent query keep it at one. Arrays are read-only, so sharing them is safe.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

import numpy as np

from models.query_embedding import VectorLRU

RECENT_QUERIES = 32
"""Slots: several per concurrent request (service threads), ~260 KB each on the national corpus."""


class RecentScores:
    """Get-or-compute over a thread-safe LRU ``key → read-only array``; a miss is computed
    outside the lock (two threads may compute the same key once each; both results equal)."""

    def __init__(self, capacity: int = RECENT_QUERIES) -> None:
        self._lru = VectorLRU(capacity)

    def get(self, key: Hashable, compute: Callable[[], np.ndarray]) -> np.ndarray:
        found = self._lru.get(key)
        if found is not None:
            return found
        scores = compute()
        scores.setflags(write=False)
        self._lru.put(key, scores)
        return scores

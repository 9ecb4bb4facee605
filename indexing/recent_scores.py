"""The score arrays of the last few queries, shared by the threads of the service.

One learned-fusion search asks for the same query's BM25 scores four times (flat,
bigram hits, within-laws, features). A single "last query" slot served that for one
caller, but with eight concurrent requests the slot is overwritten between the asks
and jieba + BM25 ran ~3.5 times per request (measured, issue 16). A few slots per
concurrent query keep it at one. Arrays are read-only, so sharing them is safe.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

import numpy as np

RECENT_QUERIES = 32
"""Slots: several per concurrent request (service threads), ~260 KB each on the national corpus."""


class RecentScores:
    """Thread-safe LRU ``key → read-only array``; a miss is computed outside the lock."""

    def __init__(self, capacity: int = RECENT_QUERIES) -> None:
        self.capacity = capacity
        self._items: OrderedDict[Hashable, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], np.ndarray]) -> np.ndarray:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        scores = compute()
        scores.setflags(write=False)
        with self._lock:
            self._items[key] = scores
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)
        return scores

"""Seeded random unit vectors and the exact top-k every backend must reproduce."""

from __future__ import annotations

import numpy as np

from models.embedder import normalize_rows

DIM = 32
SIZE = 600


def seeded_vectors(n: int = SIZE, dim: int = DIM, seed: int = 7) -> np.ndarray:
    return normalize_rows(np.random.default_rng(seed).standard_normal((n, dim)))


def seeded_ids(n: int = SIZE, seed: int = 11) -> np.ndarray:
    """Unique, non-contiguous int64 ids (as a real index after deletions has)."""
    return np.random.default_rng(seed).choice(10**9, size=n, replace=False).astype(np.int64)


def exact_top_k(
    ids: np.ndarray, vectors: np.ndarray, query: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Brute-force inner product: the reference answer."""
    scores = vectors @ query
    order = np.argsort(-scores, kind="stable")[:k]
    return ids[order], scores[order]

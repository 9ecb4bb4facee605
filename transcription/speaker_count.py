"""How many speakers: the eigengap of a pruned piece-affinity graph (spectral estimate).

GE2E cosine similarities are all high (0.5–0.8 between different people, 0.7–0.8
within one), so one fixed distance threshold over- or under-splits depending on the
recording. The spectral estimate is relative instead: every piece keeps edges to its
``neighbour_fraction`` most similar pieces only, the graph is symmetrised, and the
speaker count is where the eigenvalues of its Laplacian jump most (k nearly separate
groups give k near-zero eigenvalues). A jump smaller than ``min_gap`` of the largest
eigenvalue is no evidence of several groups: one speaker.
"""

from __future__ import annotations

import numpy as np


def eigengap_count(
    embeddings: np.ndarray, neighbour_fraction: float, max_speakers: int, min_gap: float = 0.0
) -> int:
    """Estimated number of speakers among the pieces (1 … ``max_speakers``)."""
    count = len(embeddings)
    if count < 3:
        return 1
    affinity = pruned_affinity(embeddings @ embeddings.T, neighbour_fraction)
    laplacian = np.diag(affinity.sum(axis=1)) - affinity
    eigenvalues = np.linalg.eigvalsh(laplacian)
    limit = min(max_speakers, count - 1)
    gaps = np.diff(eigenvalues[: limit + 1])
    best = int(np.argmax(gaps))
    if gaps[best] < min_gap * max(float(eigenvalues[-1]), 1e-12):
        return 1
    return best + 1


def pruned_affinity(similarity: np.ndarray, neighbour_fraction: float) -> np.ndarray:
    """Binary k-nearest-neighbour graph (self excluded), symmetrised by averaging."""
    count = len(similarity)
    keep = max(1, int(np.ceil(neighbour_fraction * (count - 1))))
    masked = similarity.copy()
    np.fill_diagonal(masked, -np.inf)
    nearest = np.argsort(-masked, axis=1)[:, :keep]
    binary = np.zeros_like(similarity)
    np.put_along_axis(binary, nearest, 1.0, axis=1)
    return (binary + binary.T) / 2

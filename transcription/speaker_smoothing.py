"""Resegmentation: speaker labels re-decided along time with a switch penalty (Viterbi).

Clustering labels every piece on its own, so one piece whose voice print strays (a
breath, a laugh, a word said louder) lands with the wrong speaker or starts a false
one. Within one stretch of speech without a pause a speaker change is rare, so each
piece's label is re-chosen by a Viterbi pass over the pieces in time order: the score
of a path is the sum of each piece's cosine similarity to its speaker's mean voice,
minus ``within_penalty`` for every change between pieces of one speech region and
``across_penalty`` for every change at a pause. A speaker no piece keeps disappears.
"""

from __future__ import annotations

import numpy as np


def resegment(
    embeddings: np.ndarray,
    labels: np.ndarray,
    continues: np.ndarray,
    within_penalty: float,
    across_penalty: float = 0.0,
    iterations: int = 2,
) -> np.ndarray:
    """Labels after up to ``iterations`` Viterbi passes (centroids recomputed between passes).

    ``continues[i]`` is True when piece ``i`` starts where piece ``i - 1`` ends (same
    speech region); ``continues[0]`` is ignored.
    """
    for _ in range(iterations):
        kinds = np.unique(labels)
        if len(kinds) < 2:
            return labels
        centroids = np.stack([_unit(embeddings[labels == k].mean(axis=0)) for k in kinds])
        scores = embeddings @ centroids.T
        penalties = np.where(continues, within_penalty, across_penalty)
        moved = kinds[viterbi_path(scores, penalties)]
        if np.array_equal(moved, labels):
            return labels
        labels = moved
    return labels


def viterbi_path(scores: np.ndarray, penalties: np.ndarray) -> np.ndarray:
    """Best state per step for (steps, states) ``scores``; ``penalties[t]`` costs a change at t."""
    steps, states = scores.shape
    total = scores[0].copy()
    back = np.zeros((steps, states), dtype=int)
    switch = 1.0 - np.eye(states)
    for t in range(1, steps):
        candidates = total[:, None] - penalties[t] * switch
        back[t] = np.argmax(candidates, axis=0)
        total = candidates[back[t], np.arange(states)] + scores[t]
    path = np.empty(steps, dtype=int)
    path[-1] = int(np.argmax(total))
    for t in range(steps - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)

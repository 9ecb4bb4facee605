"""How alike two pieces (or two clusters) sound: GE2E cosine, optionally minus a pitch gap.

The fused affinity is ``cos − weight · max(0, |ΔF0| − margin)`` with ΔF0 in semitones
(piece medians, or cluster medians of piece medians). A piece whose pitch is unknown
(too little voicing, e.g. a noisy recording) adds no penalty, so the fusion can only
pull apart voices whose pitch is measured on both sides. ``weight = 0`` is plain GE2E.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class VoiceCues:
    """Per-piece voice prints (unit rows) and median pitch in semitones (NaN: unknown)."""

    embeddings: np.ndarray
    pitch: np.ndarray
    weight: float = 0.0
    margin: float = 1.0

    @classmethod
    def plain(cls, embeddings: np.ndarray) -> VoiceCues:
        """GE2E alone: no pitch cue."""
        return cls(embeddings, np.full(len(embeddings), np.nan))

    @property
    def uses_pitch(self) -> bool:
        return self.weight > 0 and bool(np.isfinite(self.pitch).any())

    def piece_similarity(self) -> np.ndarray:
        """(pieces, pieces) fused affinity."""
        return self.embeddings @ self.embeddings.T - self._penalty(self.pitch, self.pitch)

    def cluster_similarity(self, labels: np.ndarray, kinds: np.ndarray) -> np.ndarray:
        """(kinds, kinds) affinity of the clusters' mean voices and median pitches."""
        centroids = np.stack([_unit(self.embeddings[labels == k].mean(axis=0)) for k in kinds])
        pitch = self.cluster_pitch(labels, kinds)
        return centroids @ centroids.T - self._penalty(pitch, pitch)

    def piece_to_cluster(self, labels: np.ndarray, kinds: np.ndarray) -> np.ndarray:
        """(pieces, kinds) affinity of each piece to each cluster."""
        centroids = np.stack([_unit(self.embeddings[labels == k].mean(axis=0)) for k in kinds])
        pitch = self.cluster_pitch(labels, kinds)
        return self.embeddings @ centroids.T - self._penalty(self.pitch, pitch)

    def cluster_pitch(self, labels: np.ndarray, kinds: np.ndarray) -> np.ndarray:
        """Median of each cluster's known piece pitches (NaN when none is known)."""
        medians = []
        for kind in kinds:
            known = self.pitch[(labels == kind) & np.isfinite(self.pitch)]
            medians.append(float(np.median(known)) if len(known) else np.nan)
        return np.asarray(medians)

    def _penalty(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        if not self.uses_pitch:
            return np.zeros((len(left), len(right)))
        gap = np.abs(left[:, None] - right[None, :])
        return np.nan_to_num(self.weight * np.maximum(gap - self.margin, 0.0), nan=0.0)


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)

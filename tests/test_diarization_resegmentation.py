"""Resegmentation (Viterbi with a switch penalty), the eigengap count and dense partials."""

from __future__ import annotations

import argparse

import numpy as np
import pytest

from eval.diarization_benchmark import GRID, extended_grid, grid_candidates, parse_requirement
from transcription.diarization import DiarizationOptions, cluster_embeddings
from transcription.speaker_count import eigengap_count, pruned_affinity
from transcription.speaker_encoder import PARTIAL_FRAMES, partial_slices
from transcription.speaker_smoothing import resegment, viterbi_path


def _on_circle(*degrees: float) -> np.ndarray:
    radians = np.radians(degrees)
    return np.stack([np.cos(radians), np.sin(radians), np.zeros(len(degrees))], axis=1)


def test_viterbi_keeps_a_weak_stray_inside_a_region_but_switches_at_a_pause() -> None:
    scores = np.array([[1.0, 0.0], [0.45, 0.55], [1.0, 0.0], [0.0, 1.0]])
    within = np.array([0.0, 0.2, 0.2, 0.0])  # pieces 1, 2 continue without a pause
    assert viterbi_path(scores, within).tolist() == [0, 0, 0, 1]
    assert viterbi_path(scores, np.zeros(4)).tolist() == [0, 1, 0, 1]


def test_a_stray_piece_in_one_breath_goes_back_to_its_speaker() -> None:
    pieces = _on_circle(0, 5, 38, 8, 60, 65, 70)  # piece 2 drifts towards the other voice
    labels = np.array([0, 0, 1, 0, 1, 1, 1])
    continues = np.array([False, True, True, True, False, True, True])
    smoothed = resegment(pieces, labels, continues, within_penalty=0.2)
    assert smoothed.tolist() == [0, 0, 0, 0, 1, 1, 1]
    unsmoothed = resegment(pieces, labels, np.zeros(7, dtype=bool), within_penalty=0.2)
    assert unsmoothed[2] != unsmoothed[0]  # without a shared region nothing holds it


def test_resegmentation_drops_a_false_speaker_of_one_stray_piece() -> None:
    pieces = _on_circle(0, 4, 30, 6, 3)
    options = DiarizationOptions(
        distance_threshold=0.05,
        merge_similarity=1.01,
        cohesion_ratio=None,
        min_speaker_s=0.0,
        resegment_penalty=0.3,
    )
    continues = np.array([False, True, True, True, True])
    assert set(cluster_embeddings(pieces, np.full(5, 2.0), options, continues).tolist()) == {0}
    plain = DiarizationOptions(
        distance_threshold=0.05, merge_similarity=1.01, cohesion_ratio=None, min_speaker_s=0.0
    )
    assert len(set(cluster_embeddings(pieces, np.full(5, 2.0), plain, continues).tolist())) == 2


def test_eigengap_counts_separated_voices() -> None:
    three = _on_circle(0, 2, 4, 6, 60, 62, 64, 66, 120, 122, 124, 126)
    assert eigengap_count(three, neighbour_fraction=0.25, max_speakers=6) == 3
    two = _on_circle(0, 2, 4, 6, 60, 62, 64, 66)
    assert eigengap_count(two, neighbour_fraction=0.3, max_speakers=6) == 2
    assert eigengap_count(two[:2], neighbour_fraction=0.3, max_speakers=6) == 1


def test_eigengap_estimate_drives_the_clustering() -> None:
    two = _on_circle(0, 2, 4, 6, 60, 62, 64, 66)
    options = DiarizationOptions(
        count_method="eigengap", merge_similarity=1.01, cohesion_ratio=None
    )
    assert cluster_embeddings(two, np.full(8, 2.0), options).tolist() == [0] * 4 + [1] * 4


def test_pruned_affinity_is_symmetric_without_self_loops() -> None:
    similarity = _on_circle(0, 10, 50, 90) @ _on_circle(0, 10, 50, 90).T
    affinity = pruned_affinity(similarity, neighbour_fraction=0.34)
    assert np.allclose(affinity, affinity.T) and np.all(np.diag(affinity) == 0)
    assert affinity[0, 1] == 1.0 and affinity[0, 3] == 0.0


def test_denser_partials_overlap_more() -> None:
    mels = np.zeros((400, 40))
    assert len(partial_slices(mels)) == 4  # every 80 frames: 0, 80, 160, 240
    assert len(partial_slices(mels, PARTIAL_FRAMES // 4)) == 7  # every 40 frames


def test_eigengap_candidates_replace_the_threshold_axis() -> None:
    grid = extended_grid(GRID, ["eigengap"])
    candidates = grid_candidates(grid)
    spectral = [c for c in candidates if c.count_method == "eigengap"]
    threshold = [c for c in candidates if c.count_method == "threshold"]
    assert len(threshold) == len(grid_candidates(GRID))
    assert {c.distance_threshold for c in spectral} == {DiarizationOptions().distance_threshold}
    assert len(spectral) == len(threshold) // len(GRID["distance_threshold"]) * 6


def test_resegment_candidates_without_resegmentation_carry_no_penalty() -> None:
    candidates = grid_candidates(extended_grid(GRID, ["resegment"]))
    off = [c for c in candidates if c.resegment_penalty is None]
    assert {c.resegment_across_penalty for c in off} == {0.0}
    assert len(candidates) == len(grid_candidates(GRID)) * 5


def test_required_values_pin_an_axis() -> None:
    key, value = parse_requirement("resegment_penalty=[0.1,0.2]")
    grid = extended_grid(GRID, ["resegment"], {key: value})
    assert grid["resegment_penalty"] == (0.1, 0.2)
    assert parse_requirement("count_method=eigengap") == ("count_method", "eigengap")
    with pytest.raises(argparse.ArgumentTypeError):
        parse_requirement("no_such_option=1")

"""Speaker clusters joined by a relative test, and reference turns that start at the speech."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from eval.diarization_sets import active_span
from tests.transcription_fixtures import *  # noqa: F403  (session fixtures)
from transcription.audio_decoding import SAMPLE_RATE, decode_audio_file
from transcription.diarization import DiarizationOptions, cluster_embeddings


def _on_circle(*degrees: float) -> np.ndarray:
    radians = np.radians(degrees)
    return np.stack([np.cos(radians), np.sin(radians), np.zeros(len(degrees))], axis=1)


def test_two_tight_voices_stay_apart_though_their_mean_prints_are_close() -> None:
    pieces = _on_circle(0, 10, 40, 50)  # within 0.98, across 0.76: two people
    durations = np.full(4, 2.0)
    by_centroid = DiarizationOptions(
        distance_threshold=0.1, merge_similarity=0.75, cohesion_ratio=None
    )
    relative = DiarizationOptions(
        distance_threshold=0.1, merge_similarity=1.01, cohesion_ratio=0.85
    )
    assert cluster_embeddings(pieces, durations, by_centroid).tolist() == [0, 0, 0, 0]
    assert cluster_embeddings(pieces, durations, relative).tolist() == [0, 0, 1, 1]


def test_one_spread_voice_is_rejoined_though_its_halves_mean_prints_differ() -> None:
    z, x, y = np.eye(3)
    pieces = np.stack([z + 0.5 * x, z + 0.5 * y, z - 0.5 * x, z - 0.5 * y])
    pieces /= np.linalg.norm(pieces, axis=1, keepdims=True)  # halves: across 0.70, within 0.80
    durations = np.full(4, 2.0)
    by_centroid = DiarizationOptions(
        distance_threshold=0.25, merge_similarity=0.8, cohesion_ratio=None
    )
    relative = DiarizationOptions(
        distance_threshold=0.25, merge_similarity=1.01, cohesion_ratio=0.85
    )
    assert len(set(cluster_embeddings(pieces, durations, by_centroid).tolist())) == 2
    assert cluster_embeddings(pieces, durations, relative).tolist() == [0, 0, 0, 0]


def test_a_single_piece_cluster_is_judged_by_the_recordings_pooled_cohesion() -> None:
    pieces = _on_circle(0, 10, 12)  # 10° and 12° pair up; the lone 0° is nearly as close
    options = DiarizationOptions(
        distance_threshold=0.001, merge_similarity=1.01, cohesion_ratio=0.9
    )
    assert cluster_embeddings(pieces, np.full(3, 2.0), options).tolist() == [0, 0, 0]
    untested = DiarizationOptions(
        distance_threshold=0.001, merge_similarity=1.01, cohesion_ratio=None
    )
    assert cluster_embeddings(pieces, np.full(3, 2.0), untested).tolist() == [0, 1, 1]


def test_reference_turn_starts_at_the_voice_not_at_the_room_noise() -> None:
    rng = np.random.default_rng(0)
    noise = (0.001 * rng.normal(size=3 * SAMPLE_RATE)).astype(np.float32)  # about -60 dB
    time = np.arange(SAMPLE_RATE) / SAMPLE_RATE
    noise[SAMPLE_RATE : 2 * SAMPLE_RATE] += 0.1 * np.sin(2 * np.pi * 220 * time)  # -23 dB
    start, end = active_span(noise)
    assert abs(start / SAMPLE_RATE - 1.0) <= 0.03 and abs(end / SAMPLE_RATE - 2.0) <= 0.03


def test_real_clip_reference_skips_its_leading_silence(speech_dir: Path) -> None:
    samples = decode_audio_file(speech_dir / "FireRedASR/IT0011W0001.wav").samples
    start, end = active_span(samples)
    assert 0.3 <= start / SAMPLE_RATE <= 0.5  # "换一首歌" begins after ~0.4 s of room noise
    assert end < len(samples)

"""Pitch (F0) per speech piece, and its optional fusion with the GE2E affinity."""

from __future__ import annotations

import numpy as np

from eval.diarization_benchmark import GRID, extended_grid, grid_candidates
from eval.voice_cue_separation import auc
from transcription.audio_decoding import SAMPLE_RATE, decode_audio_file
from transcription.diarization import (
    DiarizationOptions,
    cluster_embeddings,
    pieces_pitch,
    speaker_regions,
)
from transcription.example_audio import EXAMPLE_RECORDING
from transcription.pitch import piece_pitch, track_f0
from transcription.voice_affinity import VoiceCues


def _voiced_tone(f0: float, seconds: float = 1.0) -> np.ndarray:
    """A harmonic-rich tone (five partials, falling amplitude) like a sustained vowel."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    tone = sum(np.sin(2 * np.pi * f0 * k * t) / k for k in range(1, 6))
    return (0.3 * tone / np.max(np.abs(tone))).astype(np.float32)


def test_yin_finds_the_fundamental_of_a_harmonic_tone() -> None:
    for f0 in (95.0, 150.0, 240.0):
        tracked = track_f0(_voiced_tone(f0), SAMPLE_RATE)
        assert abs(np.nanmedian(tracked) / f0 - 1) < 0.01
        assert np.isfinite(tracked).mean() > 0.9


def test_silence_and_noise_have_no_pitch() -> None:
    rng = np.random.default_rng(0)
    assert np.isnan(
        piece_pitch(np.zeros(SAMPLE_RATE, dtype=np.float32), SAMPLE_RATE).median_semitones
    )
    noise = (0.1 * rng.standard_normal(SAMPLE_RATE)).astype(np.float32)
    assert np.isnan(piece_pitch(noise, SAMPLE_RATE).median_semitones)


def test_one_octave_is_twelve_semitones() -> None:
    low = piece_pitch(_voiced_tone(110.0), SAMPLE_RATE).median_semitones
    high = piece_pitch(_voiced_tone(220.0), SAMPLE_RATE).median_semitones
    assert abs((high - low) - 12.0) < 0.2


def test_the_example_recordings_two_aishell_speakers_differ_in_pitch() -> None:
    """Same corpus, same channel: S0764 (utterances 1, 3) speaks higher than S0724 (2)."""
    audio = decode_audio_file(EXAMPLE_RECORDING)
    regions = speaker_regions(audio.samples, DiarizationOptions(), audio.sample_rate)
    assert len(regions) == 3
    first, second, third = pieces_pitch(audio.samples, regions, audio.sample_rate)
    assert first - second > 2.0 and third - second > 1.0


def test_pitch_gap_beyond_the_margin_pulls_identical_voice_prints_apart() -> None:
    prints = np.tile(np.asarray([[1.0, 0.0, 0.0]]), (4, 1))
    pitch = np.asarray([10.0, 10.5, 16.0, 16.5])
    options = DiarizationOptions(pitch_weight=0.1, pitch_margin_st=1.0, cohesion_ratio=None)
    durations = np.full(4, 2.0)
    assert cluster_embeddings(prints, durations, options, pitch=pitch).tolist() == [0, 0, 1, 1]
    assert (
        cluster_embeddings(prints, durations, DiarizationOptions(), pitch=pitch).tolist() == [0] * 4
    )


def test_unknown_pitch_adds_no_penalty() -> None:
    prints = np.eye(3)[[0, 0, 0]]
    cues = VoiceCues(prints, np.asarray([10.0, np.nan, 20.0]), weight=0.1, margin=1.0)
    similarity = cues.piece_similarity()
    assert similarity[0, 1] == 1.0 and similarity[1, 2] == 1.0
    assert np.isclose(similarity[0, 2], 1.0 - 0.1 * 9.0)


def test_pitch_axis_tries_each_margin_only_with_a_positive_weight() -> None:
    candidates = grid_candidates(extended_grid(GRID, ["pitch"]))
    base = len(grid_candidates(GRID))
    assert len(candidates) == base * (1 + 3 * 3)
    assert sum(c.pitch_weight == 0 for c in candidates) == base


def test_separation_auc_counts_ties_half_and_is_one_for_a_clean_split() -> None:
    assert auc(np.asarray([0.9, 0.8]), np.asarray([0.1, 0.2])) == 1.0
    assert auc(np.asarray([0.5]), np.asarray([0.5])) == 0.5
    assert np.isnan(auc(np.zeros(0), np.asarray([0.5])))

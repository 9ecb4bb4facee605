"""Voice pitch (F0) per speech piece: a speaker cue that needs no trained weights.

GE2E voice prints confuse some pairs of similar voices; how high a person speaks is
a separate, speaker-intrinsic cue that survives a shared microphone (unlike channel
cues such as spectral means or noise floor). F0 is tracked with YIN (de Cheveigné &
Kawahara 2002: cumulative-mean-normalised difference function, absolute threshold,
parabolic refinement) over 10 ms hops, in numpy; a piece's pitch is the median of its
voiced frames in semitones, which ignores the odd octave error.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FRAME_HOP_S = 0.01
WINDOW_S = 0.032
MIN_F0_HZ = 60.0
MAX_F0_HZ = 400.0
YIN_THRESHOLD = 0.15
REFERENCE_HZ = 100.0
MIN_VOICED_FRAMES = 10
SILENCE_RMS = 1e-4  # about -80 dBFS: digital silence has no pitch


@dataclass(frozen=True)
class PiecePitch:
    """Median F0 of a piece in semitones above 100 Hz (NaN: too few voiced frames)."""

    median_semitones: float
    voiced_frames: int


def track_f0(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    """F0 in Hz per 10 ms frame; NaN where the frame is unvoiced or silent."""
    window = int(WINDOW_S * sample_rate)
    hop = int(FRAME_HOP_S * sample_rate)
    min_lag = int(sample_rate / MAX_F0_HZ)
    max_lag = int(sample_rate / MIN_F0_HZ)
    span = window + max_lag
    if len(samples) < span:
        return np.zeros(0)
    starts = np.arange(0, len(samples) - span + 1, hop)
    frames = np.lib.stride_tricks.sliding_window_view(samples.astype(np.float64), span)[starts]
    difference = _difference(frames, window, max_lag)
    normalised = _cumulative_mean_normalised(difference)
    lags = _first_dip(normalised, min_lag, max_lag)
    f0 = np.full(len(frames), np.nan)
    voiced = lags > 0
    f0[voiced] = sample_rate / _refine(normalised, lags[voiced], np.flatnonzero(voiced))
    loudness = np.sqrt(np.mean(frames[:, :window] ** 2, axis=1))
    f0[loudness < max(0.1 * float(np.percentile(loudness, 95)), SILENCE_RMS)] = np.nan
    return f0


def _difference(frames: np.ndarray, window: int, max_lag: int) -> np.ndarray:
    """YIN difference d(tau) for tau in [0, max_lag], all frames at once (via FFT)."""
    size = 1 << int(np.ceil(np.log2(frames.shape[1] + window)))
    spectrum = np.fft.rfft(frames, size)
    head = np.fft.rfft(frames[:, :window], size)
    cross = np.fft.irfft(np.conj(head) * spectrum, size)[:, : max_lag + 1]
    squares = np.cumsum(frames**2, axis=1)
    squares = np.concatenate([np.zeros((len(frames), 1)), squares], axis=1)
    lags = np.arange(max_lag + 1)
    shifted = squares[:, lags + window] - squares[:, lags]
    return np.maximum(squares[:, [window]] + shifted - 2 * cross, 0.0)


def _cumulative_mean_normalised(difference: np.ndarray) -> np.ndarray:
    running = np.cumsum(difference[:, 1:], axis=1)
    lags = np.arange(1, difference.shape[1])
    normalised = np.ones_like(difference)
    normalised[:, 1:] = difference[:, 1:] * lags / np.maximum(running, 1e-12)
    return normalised


def _first_dip(normalised: np.ndarray, min_lag: int, max_lag: int) -> np.ndarray:
    """Per frame: the local minimum after the first lag under the threshold (0: unvoiced)."""
    band = normalised[:, min_lag : max_lag + 1]
    below = band < YIN_THRESHOLD
    has = below.any(axis=1)
    first = np.argmax(below, axis=1)
    lags = np.zeros(len(band), dtype=int)
    for row in np.flatnonzero(has):
        lag = first[row]
        while lag + 1 < band.shape[1] and band[row, lag + 1] < band[row, lag]:
            lag += 1
        lags[row] = lag + min_lag
    return lags


def _refine(normalised: np.ndarray, lags: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Parabolic interpolation of the dip (sub-sample lag)."""
    last = normalised.shape[1] - 1
    left = normalised[rows, np.maximum(lags - 1, 0)]
    centre = normalised[rows, lags]
    right = normalised[rows, np.minimum(lags + 1, last)]
    curvature = left - 2 * centre + right
    shift = np.divide(
        0.5 * (left - right),
        curvature,
        out=np.zeros_like(curvature),
        where=np.abs(curvature) > 1e-12,
    )
    return lags + np.clip(shift, -1, 1)


def piece_pitch(samples: np.ndarray, sample_rate: int) -> PiecePitch:
    """The piece's median voiced F0 in semitones above 100 Hz."""
    f0 = track_f0(samples, sample_rate)
    voiced = f0[np.isfinite(f0)]
    if len(voiced) < MIN_VOICED_FRAMES:
        return PiecePitch(float("nan"), len(voiced))
    return PiecePitch(float(12 * np.log2(np.median(voiced) / REFERENCE_HZ)), len(voiced))

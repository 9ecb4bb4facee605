"""Resemblyzer's GE2E speaker encoder, run in numpy (no torch on the default path).

The network is small: 40-channel mel power frames (25 ms window, 10 ms hop, 16 kHz)
→ 3-layer LSTM (hidden 256) → linear 256 → ReLU → L2 norm, over partial utterances
of 160 frames (1.6 s). Its weights ship inside the ``resemblyzer`` wheel
(``resemblyzer/pretrained.pt``, Apache-2.0); they are read with a restricted
unpickler, so neither torch nor librosa is imported. The mel filterbank and STFT
reproduce ``librosa.feature.melspectrogram`` defaults (Slaney mel, periodic Hann,
centred frames with zero padding), which is what the weights were trained on.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from transcription.settings import TranscriptionSettings
from transcription.torch_checkpoint import load_legacy_state_dict

SAMPLE_RATE = 16_000
N_FFT = 400  # 25 ms
HOP = 160  # 10 ms
N_MELS = 40
PARTIAL_FRAMES = 160  # 1.6 s
NORM_TARGET_DBFS = -30.0
N_LAYERS = 3


class SpeakerEncoderError(RuntimeError):
    """The encoder weights are missing or unreadable; the message is Chinese for end users."""


def default_encoder_path() -> Path | None:
    """``pretrained.pt`` inside the installed resemblyzer wheel (found without importing it)."""
    spec = importlib.util.find_spec("resemblyzer")
    if spec is None or not spec.submodule_search_locations:
        return None
    candidate = Path(next(iter(spec.submodule_search_locations))) / "pretrained.pt"
    return candidate if candidate.is_file() else None


def slaney_mel_filterbank(sample_rate: int = SAMPLE_RATE, n_fft: int = N_FFT) -> np.ndarray:
    """(N_MELS, n_fft//2+1) triangular filters with Slaney's scale and area normalisation."""
    fft_freqs = np.linspace(0, sample_rate / 2, 1 + n_fft // 2)
    mel_points = np.linspace(_hz_to_mel(0.0), _hz_to_mel(sample_rate / 2), N_MELS + 2)
    hz_points = _mel_to_hz(mel_points)
    widths = np.diff(hz_points)
    ramps = hz_points[:, None] - fft_freqs[None, :]
    lower = -ramps[:-2] / widths[:-1, None]
    upper = ramps[2:] / widths[1:, None]
    weights = np.maximum(0.0, np.minimum(lower, upper))
    weights *= (2.0 / (hz_points[2:] - hz_points[:-2]))[:, None]
    return weights.astype(np.float32)


def _hz_to_mel(hz: np.ndarray | float) -> np.ndarray:
    hz = np.asarray(hz, dtype=np.float64)
    linear = hz / (200.0 / 3)
    log_part = 15.0 + np.log(np.maximum(hz, 1e-10) / 1000.0) / (np.log(6.4) / 27.0)
    return np.where(hz >= 1000.0, log_part, linear)


def _mel_to_hz(mel: np.ndarray) -> np.ndarray:
    linear = mel * (200.0 / 3)
    log_part = 1000.0 * np.exp((np.log(6.4) / 27.0) * (mel - 15.0))
    return np.where(mel >= 15.0, log_part, linear)


def mel_power_frames(samples: np.ndarray, filterbank: np.ndarray) -> np.ndarray:
    """(frames, N_MELS) mel power spectrogram, one frame per 10 ms, centred like librosa."""
    padded = np.pad(samples.astype(np.float32), N_FFT // 2)
    n_frames = 1 + (len(padded) - N_FFT) // HOP
    index = np.arange(N_FFT)[None, :] + HOP * np.arange(n_frames)[:, None]
    window = (0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)).astype(np.float32)
    spectrum = np.abs(np.fft.rfft(padded[index] * window, n=N_FFT, axis=1)) ** 2
    return (spectrum @ filterbank.T).astype(np.float32)


def normalize_volume(samples: np.ndarray, target_dbfs: float = NORM_TARGET_DBFS) -> np.ndarray:
    """Raise quiet audio to ``target_dbfs`` RMS (never lower it), as resemblyzer does."""
    rms = float(np.mean(samples.astype(np.float64) ** 2))
    if rms <= 0:
        return samples
    change = target_dbfs - 10 * np.log10(rms)
    return samples if change < 0 else samples * np.float32(10 ** (change / 20))


@dataclass(frozen=True)
class SpeakerEncoder:
    """GE2E weights as numpy arrays; ``embed_partials`` is the network's forward pass."""

    lstm: tuple[tuple[np.ndarray, np.ndarray, np.ndarray], ...]
    linear_weight: np.ndarray
    linear_bias: np.ndarray
    filterbank: np.ndarray
    path: Path

    def embed_partials(self, mels: np.ndarray) -> np.ndarray:
        """(batch, frames, N_MELS) → (batch, 256) L2-normalised, non-negative embeddings."""
        layer_input = mels.astype(np.float32)
        hidden = np.zeros((mels.shape[0], 256), dtype=np.float32)
        for w_ih, w_hh, bias in self.lstm:
            projected = layer_input @ w_ih.T + bias
            outputs, hidden = _lstm_layer(projected, w_hh)
            layer_input = outputs
        raw = np.maximum(hidden @ self.linear_weight.T + self.linear_bias, 0.0)
        norms = np.linalg.norm(raw, axis=1, keepdims=True)
        return raw / np.maximum(norms, 1e-12)

    def embed_segment(self, samples: np.ndarray) -> np.ndarray:
        """One embedding for a stretch of one speaker's audio: the mean of its 1.6 s partials."""
        mels = mel_power_frames(samples, self.filterbank)
        partials = np.stack(list(partial_slices(mels)))
        mean = self.embed_partials(partials).mean(axis=0)
        return mean / max(float(np.linalg.norm(mean)), 1e-12)


def partial_slices(mels: np.ndarray, step: int = PARTIAL_FRAMES // 2) -> list[np.ndarray]:
    """160-frame partials every ``step`` frames; short input is zero-padded to one partial."""
    if len(mels) <= PARTIAL_FRAMES:
        return [np.pad(mels, ((0, PARTIAL_FRAMES - len(mels)), (0, 0)))]
    starts = list(range(0, len(mels) - PARTIAL_FRAMES + 1, step))
    if starts[-1] + PARTIAL_FRAMES < len(mels):
        starts.append(len(mels) - PARTIAL_FRAMES)
    return [mels[s : s + PARTIAL_FRAMES] for s in starts]


def _lstm_layer(projected: np.ndarray, w_hh: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One LSTM layer over time; gate order i, f, g, o as in torch.nn.LSTM."""
    batch, steps, _ = projected.shape
    hidden = np.zeros((batch, w_hh.shape[1]), dtype=np.float32)
    cell = np.zeros_like(hidden)
    outputs = np.empty((batch, steps, w_hh.shape[1]), dtype=np.float32)
    w_hh_t = np.ascontiguousarray(w_hh.T)
    for t in range(steps):
        gates = projected[:, t] + hidden @ w_hh_t
        i, f, g, o = np.split(gates, 4, axis=1)
        cell = _sigmoid(f) * cell + _sigmoid(i) * np.tanh(g)
        hidden = _sigmoid(o) * np.tanh(cell)
        outputs[:, t] = hidden
    return outputs, hidden


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def voices_from(settings: TranscriptionSettings) -> SpeakerEncoder | None:
    """The site's speaker encoder, or None where diarization is switched off."""
    if not settings.diarization:
        return None
    return load_speaker_encoder(settings.speaker_encoder_path)


def load_speaker_encoder(path: Path | None = None) -> SpeakerEncoder:
    """Load the encoder from ``path`` or from the installed resemblyzer wheel."""
    path = path or default_encoder_path()
    if path is None or not path.is_file():
        raise SpeakerEncoderError(
            "找不到说话人识别模型（resemblyzer 的 pretrained.pt）：请执行 make install "
            "（以 --no-deps 安装 resemblyzer==0.1.4），或用 ZHIFA_SPEAKER_ENCODER_PATH 指定文件。"
        )
    try:
        state = load_legacy_state_dict(path)
        lstm = tuple(
            (
                state[f"lstm.weight_ih_l{k}"],
                state[f"lstm.weight_hh_l{k}"],
                state[f"lstm.bias_ih_l{k}"] + state[f"lstm.bias_hh_l{k}"],
            )
            for k in range(N_LAYERS)
        )
        return SpeakerEncoder(
            lstm=lstm,
            linear_weight=state["linear.weight"],
            linear_bias=state["linear.bias"],
            filterbank=slaney_mel_filterbank(),
            path=path,
        )
    except (KeyError, ValueError, OSError) as exc:
        raise SpeakerEncoderError(f"说话人识别模型无法读取：{path}（{exc}）") from exc

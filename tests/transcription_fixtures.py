"""Fixtures for the transcription tests: real model (loaded once), real clips, generated files.

Import the fixtures you use into a test module (``from tests.transcription_fixtures
import ...``); they are kept out of conftest.py so other suites are unaffected.
"""

from __future__ import annotations

import wave
from pathlib import Path

import av
import numpy as np
import pytest

from api.settings import Settings
from eval.speech_references import SpeechClip, load_speech_clips, locate_shared_dir
from eval.transcription_benchmark import write_concatenation
from models.whisper_assembly import assemble_whisper_base, default_whisper_dir
from transcription.audio_decoding import SAMPLE_RATE
from transcription.engine import WhisperEngine, load_engine
from transcription.options import EngineOptions

__all__ = [
    "multi_turn_wav",
    "silent_wav",
    "speech_clips",
    "speech_dir",
    "whisper_engine",
    "whisper_folder",
]

# Question / answer / question / answer, from real clips (see the speech README).
MULTI_TURN_CLIPS = (
    "FireRedASR/TEST_NET_Y0000000000_-KTKHdZ2fb8_S00000.wav",  # 我有的时候说不清楚你们知道吗
    "FireRedASR/BAC009S0764W0121.wav",  # 甚至出现交易几乎停滞的情况
    "FireRedASR/TEST_NET_Y0000000000_-KTKHdZ2fb8_S00000.wav",
    "wenet/aishell-BAC009S0724W0121.wav",  # 广州市房地产中介协会分析
)


def write_pcm_wav(path: Path, samples: np.ndarray) -> Path:
    """16 kHz mono 16-bit WAV from float samples in [-1, 1]."""
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(pcm.tobytes())
    return path


@pytest.fixture(scope="session")
def speech_dir() -> Path:
    """``shared/data/speech``, or skip (a user's fresh clone has no ../shared)."""
    shared = locate_shared_dir()
    if shared is None or not (shared / "data" / "speech").is_dir():
        pytest.skip("找不到 ../shared/data/speech（可设 ZHIFA_SHARED_DIR），跳过真实语音测试")
    return shared / "data" / "speech"


@pytest.fixture(scope="session")
def speech_clips(speech_dir: Path) -> list[SpeechClip]:
    """All real clips with their references."""
    return load_speech_clips(speech_dir)


@pytest.fixture(scope="session")
def whisper_folder() -> Path:
    """The assembled default model (idempotent: ``make models`` normally did it)."""
    return assemble_whisper_base(default_whisper_dir(Settings()))


@pytest.fixture(scope="session")
def whisper_engine(whisper_folder: Path) -> WhisperEngine:
    """The real Whisper base model, loaded once per session."""
    return load_engine(whisper_folder, EngineOptions())


@pytest.fixture(scope="session")
def multi_turn_wav(speech_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Q/A/Q/A recording made of real clips with 1.5 s pauses between them."""
    clips = [SpeechClip(speech_dir / name, name, None, "none") for name in MULTI_TURN_CLIPS]
    return write_concatenation(clips, tmp_path_factory.mktemp("audio") / "询问录音.wav")


@pytest.fixture(scope="session")
def silent_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six seconds of digital silence with a little hiss, as an idle recorder makes."""
    rng = np.random.default_rng(6)
    samples = rng.normal(0.0, 1e-4, 6 * SAMPLE_RATE).astype(np.float32)
    return write_pcm_wav(tmp_path_factory.mktemp("audio") / "silence.wav", samples)


def encode_with_pyav(samples: np.ndarray, path: Path, codec: str, rate: int) -> Path:
    """Re-encode 16 kHz float samples as a recorder would (m4a/aac, mp3, amr …)."""
    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=rate, layout="mono")
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=rate)
        frame = av.AudioFrame.from_ndarray(
            (np.clip(samples, -1, 1) * 32767).astype("<i2")[None, :], format="s16", layout="mono"
        )
        frame.sample_rate = SAMPLE_RATE
        for resampled in resampler.resample(frame) + resampler.resample(None):
            container.mux(stream.encode(resampled))
        container.mux(stream.encode(None))
    return path

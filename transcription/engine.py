"""Load a CTranslate2 Whisper model once and decode speech windows with it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from faster_whisper import WhisperModel

from corpus.errors import ErrorKind, ZhifaError
from models.whisper_assembly import ASSEMBLY_MARKER
from transcription.options import EngineOptions, TranscriptionOptions
from transcription.speech_windows import SpeechWindow
from transcription.transcript import RawSegment


class ModelLoadError(
    ZhifaError, RuntimeError, kind=ErrorKind.UNAVAILABLE, code="model_unavailable"
):
    """The Whisper folder is missing or unusable; the message is Chinese for end users."""


@dataclass(frozen=True)
class WhisperEngine:
    """A loaded model with the identity that records and caches cite."""

    model: WhisperModel
    folder: Path
    name: str
    identity: str
    options: EngineOptions


def model_identity(folder: Path) -> str:
    """Name plus the assembled checksum (or weight size), so a swapped model shows."""
    marker = folder / ASSEMBLY_MARKER
    if marker.is_file():
        sha256 = json.loads(marker.read_text(encoding="utf-8")).get("sha256", "")
        return f"{folder.name}@sha256:{sha256[:16]}"
    weights = folder / "model.bin"
    size = weights.stat().st_size if weights.is_file() else 0
    return f"{folder.name}@bytes:{size}"


def load_engine(folder: Path, options: EngineOptions) -> WhisperEngine:
    """Load the model in ``folder`` (any CTranslate2 Whisper: base, small, large-v3…)."""
    if not (folder / "model.bin").is_file() or not (folder / "config.json").is_file():
        raise ModelLoadError(
            f"找不到语音识别模型：{folder}（缺少 model.bin 或 config.json），"
            "请先执行 zhifa models install，或检查 ZHIFA_WHISPER_MODEL_DIR。"
        )
    try:
        model = WhisperModel(
            str(folder),
            device=options.device,
            compute_type=options.compute_type,
            cpu_threads=options.resolved_cpu_threads(),
            local_files_only=True,
        )
    except (RuntimeError, ValueError, OSError) as exc:
        raise ModelLoadError(f"语音识别模型加载失败：{folder}（{exc}）") from exc
    return WhisperEngine(
        model=model,
        folder=folder,
        name=folder.name,
        identity=model_identity(folder),
        options=options,
    )


def decode_window(
    engine: WhisperEngine,
    samples: np.ndarray,
    window: SpeechWindow,
    options: TranscriptionOptions,
    sample_rate: int,
    prompt: str | None = None,
) -> list[RawSegment]:
    """Decode one window; segment times are returned on the whole recording's clock."""
    offset = window.start / sample_rate
    segments, _ = engine.model.transcribe(
        samples[window.start : window.end], initial_prompt=prompt, **options.decode_kwargs()
    )
    return [
        RawSegment(
            start=offset + s.start,
            end=offset + s.end,
            text=s.text,
            avg_logprob=s.avg_logprob,
            no_speech_prob=s.no_speech_prob,
            compression_ratio=s.compression_ratio,
        )
        for s in segments
    ]

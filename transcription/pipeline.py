"""The transcription pipeline: file → decoded audio → speech windows → clean segments.

Each step lives in its own module; this one only wires them in order and measures
the real-time factor, so the CLI, the benchmark and the tests run the same path.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from transcription.audio_decoding import decode_audio_file
from transcription.audio_record import file_sha256
from transcription.engine import WhisperEngine, decode_window
from transcription.hallucination_filter import HallucinationFilter
from transcription.options import TranscriptionOptions
from transcription.segment_cache import SegmentCache
from transcription.speech_windows import (
    SpeechWindow,
    plan_regions,
    span,
    take_window,
    undecoded_regions,
)
from transcription.text_normalization import clean_transcript_text
from transcription.transcript import RawSegment, TranscriptionResult, TranscriptSegment
from transcription.turns import TurnOptions, build_turns, labelled_segments

ProgressCallback = Callable[[float, float], None]
"""Called with (seconds of speech decoded so far, seconds of speech in total)."""


@dataclass(frozen=True)
class PipelineConfig:
    """Everything besides the engine and the file that shapes a transcription."""

    options: TranscriptionOptions = field(default_factory=TranscriptionOptions)
    turns: TurnOptions = field(default_factory=TurnOptions)
    filter: HallucinationFilter = field(default_factory=HallucinationFilter)
    cache_root: Path | None = None
    allow_truncated: bool = False


def transcribe_file(
    engine: WhisperEngine,
    path: Path,
    config: PipelineConfig,
    progress: ProgressCallback | None = None,
) -> TranscriptionResult:
    """Transcribe one recording; raises AudioDecodeError for unusable input."""
    started = time.perf_counter()
    sha256 = file_sha256(path)
    audio = decode_audio_file(path, allow_truncated=config.allow_truncated)
    regions = plan_regions(audio.samples, config.options, audio.sample_rate)
    cache = _cache_for(engine, sha256, config)
    raw = _decode_regions(
        engine, audio.samples, audio.sample_rate, regions, config, cache, progress
    )
    cleaned = [_clean(segment) for segment in raw]
    segments = labelled_segments(build_turns([s for s in cleaned if s.text], config.turns))
    elapsed = time.perf_counter() - started
    return TranscriptionResult(
        text="".join(s.text for s in segments),
        segments=segments,
        sha256=sha256,
        duration_s=audio.duration_s,
        model=engine.name,
        rtf=elapsed / audio.duration_s,
        settings=_settings_record(engine, config),
    )


def _cache_for(engine: WhisperEngine, sha256: str, config: PipelineConfig) -> SegmentCache | None:
    if config.cache_root is None:
        return None
    return SegmentCache(config.cache_root, sha256, config.options.fingerprint(engine.identity))


def _decode_regions(
    engine: WhisperEngine,
    samples: np.ndarray,
    sample_rate: int,
    regions: list[SpeechWindow],
    config: PipelineConfig,
    cache: SegmentCache | None,
    progress: ProgressCallback | None,
) -> list[RawSegment]:
    """Decode speech regions window by window, re-queueing any Whisper stopped short of."""
    total = sum(r.end - r.start for r in regions) / sample_rate
    done = 0.0
    if progress:
        progress(done, total)
    queue = list(regions)
    segments: list[RawSegment] = []
    while queue:
        group = take_window(queue, config.options, sample_rate)
        window = span(group)
        decoded = _decode_cached(engine, samples, sample_rate, window, config, cache)
        kept = config.filter.clean(decoded, window_end=window.end / sample_rate)
        segments += kept
        last_end = max((s.end for s in decoded), default=None)
        retry = undecoded_regions(group, last_end, sample_rate)
        queue = retry + queue[len(group) :]
        done += sum(r.end - r.start for r in group if r not in retry) / sample_rate
        if progress:
            progress(done, total)
    return segments


def _decode_cached(
    engine: WhisperEngine,
    samples: np.ndarray,
    sample_rate: int,
    window: SpeechWindow,
    config: PipelineConfig,
    cache: SegmentCache | None,
) -> list[RawSegment]:
    """Replay a window from the resumable cache, or decode and store it."""
    decoded = cache.load(window) if cache else None
    if decoded is None:
        decoded = decode_window(engine, samples, window, config.options, sample_rate)
        if cache:
            cache.store(window, decoded)
    return decoded


def _clean(segment: RawSegment) -> TranscriptSegment:
    return TranscriptSegment(
        start=segment.start, end=segment.end, text=clean_transcript_text(segment.text)
    )


def _settings_record(engine: WhisperEngine, config: PipelineConfig) -> dict[str, object]:
    """What the audio record keeps about how the text was produced."""
    return {
        "model_identity": engine.identity,
        "model_dir": str(engine.folder),
        "engine": asdict(engine.options),
        "decoding": asdict(config.options),
        "turns": asdict(config.turns),
        "hallucination_phrases": len(config.filter.phrases),
    }

"""The transcription pipeline: file → audio → speech windows → voices → finished segments.

Each step lives in its own module; this one only wires them in order and measures
the real-time factor, so the CLI, the benchmark and the tests run the same path.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np

from transcription.audio_decoding import decode_audio_file
from transcription.audio_record import file_sha256
from transcription.diarization import DiarizationOptions, SpeakerPiece, diarize, speaker_runs
from transcription.engine import WhisperEngine, decode_window
from transcription.hallucination_filter import HallucinationFilter
from transcription.options import (
    TranscriptionOptions,
    finishing_options_from,
    transcription_options_from,
)
from transcription.segment_cache import SegmentCache
from transcription.settings import TranscriptionSettings
from transcription.speaker_encoder import SpeakerEncoder
from transcription.speaker_roles import label_by_voice, split_by_speaker, voice_at, voice_blocks
from transcription.speech_windows import (
    SpeechWindow,
    padded,
    plan_regions,
    span,
    take_window,
    undecoded_regions,
)
from transcription.text_finishing import FinishingOptions, finish_segments
from transcription.text_normalization import clean_segment_text
from transcription.transcript import RawSegment, TranscriptionResult, TranscriptSegment
from transcription.turns import TurnOptions, build_turns, labelled_segments

ProgressCallback = Callable[[float, float], None]
"""Called with (seconds of speech decoded so far, seconds of speech in total)."""


@dataclass(frozen=True)
class PipelineConfig:
    """Everything besides the engine and the file that shapes a transcription."""

    options: TranscriptionOptions = field(default_factory=TranscriptionOptions)
    turns: TurnOptions = field(default_factory=TurnOptions)
    diarization: DiarizationOptions = field(default_factory=DiarizationOptions)
    finishing: FinishingOptions = field(default_factory=FinishingOptions)
    filter: HallucinationFilter = field(default_factory=HallucinationFilter)
    cache_root: Path | None = None
    allow_truncated: bool = False
    voice_pure_windows: bool = True


def config_from_settings(
    settings: TranscriptionSettings,
    *,
    hotwords: list[str] | None = None,
    verbatim: bool | None = None,
    cache_root: Path | None = None,
    allow_truncated: bool = False,
) -> PipelineConfig:
    """The site's pipeline, with one job's hotwords and verbatim choice."""
    verbatim = settings.transcript_verbatim if verbatim is None else verbatim
    options = replace(transcription_options_from(settings), verbatim=verbatim)
    return PipelineConfig(
        options=options.with_hotwords(hotwords or []),
        finishing=finishing_options_from(settings, verbatim),
        cache_root=cache_root,
        allow_truncated=allow_truncated,
    )


@dataclass
class _DecodeState:
    """Progress and the text decoded so far (the next window's context)."""

    total_s: float
    callback: ProgressCallback | None
    done_s: float = 0.0
    previous_text: str = ""

    def advance(self, seconds: float) -> None:
        self.done_s += seconds
        if self.callback:
            self.callback(self.done_s, self.total_s)


def transcribe_file(
    engine: WhisperEngine,
    path: Path,
    config: PipelineConfig,
    progress: ProgressCallback | None = None,
    voices: SpeakerEncoder | None = None,
) -> TranscriptionResult:
    """Transcribe one recording; raises AudioDecodeError for unusable input.

    With a speaker encoder (``voices``) the speakers come from the voice; without it
    from the question/pause heuristic in ``turns``.
    """
    started = time.perf_counter()
    sha256 = file_sha256(path)
    audio = decode_audio_file(path, allow_truncated=config.allow_truncated)
    regions = plan_regions(audio.samples, config.options, audio.sample_rate)
    runs = _voice_runs(voices, audio.samples, regions, config, audio.sample_rate)
    blocks = _blocks(runs, regions, config)
    cache = _cache_for(engine, sha256, config)
    state = _DecodeState(sum(r.end - r.start for r in regions) / audio.sample_rate, progress)
    state.advance(0.0)
    cleaned: list[tuple[TranscriptSegment, int]] = []
    for voice, block in blocks:
        raw = _decode_regions(engine, audio.samples, audio.sample_rate, block, config, cache, state)
        segments = [s for s in map(_clean, raw) if s.text]
        cleaned += [
            (s, voice if voice >= 0 else voice_at(runs, s.start, s.end, audio.sample_rate))
            for s in segments
        ]
    segments = finish_segments(_label(cleaned, voices is not None, config), config.finishing)
    elapsed = time.perf_counter() - started
    return TranscriptionResult(
        text="".join(s.text for s in segments),
        segments=segments,
        sha256=sha256,
        duration_s=audio.duration_s,
        model=engine.name,
        rtf=elapsed / audio.duration_s,
        settings=_settings_record(engine, config, voices),
        speakers=len({v for _, v in cleaned}) if voices is not None else None,
    )


def _voice_runs(
    voices: SpeakerEncoder | None,
    samples: np.ndarray,
    regions: list[SpeechWindow],
    config: PipelineConfig,
    sample_rate: int,
) -> list[SpeakerPiece]:
    """Who speaks when (empty without an encoder or without speech)."""
    if voices is None or not regions:
        return []
    return speaker_runs(diarize(voices, samples, config.diarization, sample_rate))


def _blocks(
    runs: list[SpeakerPiece], regions: list[SpeechWindow], config: PipelineConfig
) -> list[tuple[int, list[SpeechWindow]]]:
    """What is decoded together: one voice per block when ``voice_pure_windows``.

    Otherwise (voice -1) windows span turn changes like plain decoding — fewer, fuller
    windows, so faster — and each segment takes the voice it overlaps most.
    """
    if not regions:
        return []
    if not runs:
        return [(0, regions)]
    if not config.voice_pure_windows:
        return [(-1, regions)]
    return voice_blocks(split_by_speaker(regions, runs))


def _label(
    cleaned: list[tuple[TranscriptSegment, int]], by_voice: bool, config: PipelineConfig
) -> list[TranscriptSegment]:
    segments = [segment for segment, _ in cleaned]
    if by_voice:
        return label_by_voice(segments, [voice for _, voice in cleaned], config.turns)
    return labelled_segments(build_turns(segments, config.turns))


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
    state: _DecodeState,
) -> list[RawSegment]:
    """Decode speech regions window by window, re-queueing any Whisper stopped short of."""
    queue = list(regions)
    segments: list[RawSegment] = []
    while queue:
        group = take_window(queue, config.options, sample_rate)
        window = padded(span(group), config.options, sample_rate, len(samples))
        prompt = config.options.prompt(state.previous_text)
        decoded = _decode_cached(engine, samples, sample_rate, window, prompt, config, cache)
        kept = config.filter.clean(decoded, window_end=window.end / sample_rate)
        segments += kept
        state.previous_text += "".join(s.text for s in kept)
        last_end = max((s.end for s in decoded), default=None)
        retry = undecoded_regions(group, last_end, sample_rate)
        queue = retry + queue[len(group) :]
        state.advance(sum(r.end - r.start for r in group if r not in retry) / sample_rate)
    return segments


def _decode_cached(
    engine: WhisperEngine,
    samples: np.ndarray,
    sample_rate: int,
    window: SpeechWindow,
    prompt: str | None,
    config: PipelineConfig,
    cache: SegmentCache | None,
) -> list[RawSegment]:
    """Replay a window from the resumable cache, or decode and store it."""
    decoded = cache.load(window) if cache else None
    if decoded is None:
        decoded = decode_window(engine, samples, window, config.options, sample_rate, prompt)
        if cache:
            cache.store(window, decoded)
    return decoded


def _clean(segment: RawSegment) -> TranscriptSegment:
    return TranscriptSegment(
        start=segment.start, end=segment.end, text=clean_segment_text(segment.text)
    )


def _settings_record(
    engine: WhisperEngine, config: PipelineConfig, voices: SpeakerEncoder | None
) -> dict[str, object]:
    """What the audio record keeps about how the text was produced."""
    return {
        "model_identity": engine.identity,
        "model_dir": str(engine.folder),
        "engine": asdict(engine.options),
        "decoding": asdict(config.options),
        "turns": asdict(config.turns),
        "speakers": (
            {"encoder": str(voices.path), **asdict(config.diarization)}
            if voices is not None
            else "heuristic"
        ),
        "finishing": asdict(config.finishing),
        "hallucination_phrases": len(config.filter.phrases),
    }

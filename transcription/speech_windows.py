"""Cut a recording into the stretches of speech Whisper decodes one at a time.

faster-whisper's own VAD glues all speech together before decoding; on interview
audio with pauses Whisper base then skips whole utterances. Decoding each window of
speech separately (with its natural short pauses kept, long silences dropped) avoids
that, gives resumable units for long files, and means silence never reaches the model.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from faster_whisper.vad import VadOptions as WhisperVadOptions
from faster_whisper.vad import get_speech_timestamps

from transcription.options import TranscriptionOptions


@dataclass(frozen=True)
class SpeechWindow:
    """One decoding unit: samples ``[start, end)`` of the 16 kHz recording."""

    start: int
    end: int

    def seconds(self, sample_rate: int) -> tuple[float, float]:
        """(start, end) in seconds."""
        return self.start / sample_rate, self.end / sample_rate


def detect_speech(
    samples: np.ndarray, options: TranscriptionOptions, sample_rate: int
) -> list[SpeechWindow]:
    """Speech regions found by Silero VAD, each at most ``max_window_s`` long."""
    vad = WhisperVadOptions(
        threshold=options.vad.threshold,
        min_speech_duration_ms=options.vad.min_speech_duration_ms,
        min_silence_duration_ms=options.vad.min_silence_duration_ms,
        speech_pad_ms=options.vad.speech_pad_ms,
        max_speech_duration_s=options.max_window_s,
    )
    regions = get_speech_timestamps(samples, vad, sampling_rate=sample_rate)
    return [SpeechWindow(int(r["start"]), int(r["end"])) for r in regions]


def fixed_windows(
    n_samples: int, options: TranscriptionOptions, sample_rate: int
) -> list[SpeechWindow]:
    """Equal slices of the whole recording, for when VAD is switched off."""
    step = int(options.max_window_s * sample_rate)
    return [SpeechWindow(s, min(s + step, n_samples)) for s in range(0, n_samples, step)]


def take_window(
    regions: list[SpeechWindow], options: TranscriptionOptions, sample_rate: int
) -> list[SpeechWindow]:
    """The leading regions that share one decoding window (at least one region).

    Regions closer than ``options.window_gap_s()`` share a window (Whisper copes well
    with short pauses, and one 30 s window costs little more than a 2 s one); longer
    silences start a new window and are never decoded.
    """
    max_len = int(options.max_window_s * sample_rate)
    max_gap = int(options.window_gap_s() * sample_rate)
    group = regions[:1]
    for region in regions[1:]:
        if region.start - group[-1].end > max_gap or region.end - group[0].start > max_len:
            break
        group.append(region)
    return group


def span(group: list[SpeechWindow]) -> SpeechWindow:
    """The window covering a group of regions."""
    return SpeechWindow(group[0].start, group[-1].end)


def padded(
    window: SpeechWindow, options: TranscriptionOptions, sample_rate: int, n_samples: int
) -> SpeechWindow:
    """The window widened by ``window_lead_pad_s`` before and ``window_pad_s`` after.

    Silero marks speech onsets late on soft first syllables (我、好 lost at window
    starts on the joined benchmark files), so the lead may be longer than the tail;
    the hallucination filter drops any text past the real end.
    """
    lead = round(options.window_lead_pad_s * sample_rate)
    tail = round(options.window_pad_s * sample_rate)
    return SpeechWindow(max(0, window.start - lead), min(n_samples, window.end + tail))


def undecoded_regions(
    group: list[SpeechWindow], last_end_s: float | None, sample_rate: int
) -> list[SpeechWindow]:
    """Regions of a decoded window that Whisper stopped short of.

    Whisper base sometimes ends a window after the first sentence when a pause
    follows; regions whose midpoint lies past the last decoded timestamp were not
    transcribed and go back into the queue (the first region never does, so the
    loop always advances).
    """
    if last_end_s is None:
        return group[1:]
    limit = last_end_s * sample_rate
    return [r for r in group[1:] if (r.start + r.end) / 2 > limit]


def plan_regions(
    samples: np.ndarray, options: TranscriptionOptions, sample_rate: int
) -> list[SpeechWindow]:
    """The speech regions of a recording (empty for pure silence when VAD is on)."""
    if not options.use_vad:
        return fixed_windows(len(samples), options, sample_rate)
    return detect_speech(samples, options, sample_rate)

"""Every knob of the transcription pipeline, typed, with the defaults we measured.

Defaults were chosen on the real Mandarin clips in ``shared/data/speech`` (see
``eval/transcription_benchmark.py``): a light repetition penalty and no conditioning on
previous text gave the lowest CER and keep Whisper out of loops; beam 10 (instead of 5)
was chosen on the joined long files by ``eval/decoding_selection.py`` (issue #19; beam 8
is one error behind there, and neither differs from 5 beyond noise on the single clips).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field, replace

from transcription.settings import TranscriptionSettings
from transcription.text_finishing import FinishingOptions


@dataclass(frozen=True)
class VadOptions:
    """Silero VAD settings used to find speech; silence is never sent to Whisper."""

    threshold: float = 0.5
    min_speech_duration_ms: int = 250
    min_silence_duration_ms: int = 500
    speech_pad_ms: int = 400


VERBATIM_PROMPT = "嗯，啊，这个，呃，我就是，嗯……"


@dataclass(frozen=True)
class TranscriptionOptions:
    """Decoding and windowing options; ``fingerprint`` keys the resumable cache."""

    language: str = "zh"
    beam_size: int = 10
    best_of: int = 10
    temperature: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
    repetition_penalty: float = 1.1
    no_repeat_ngram_size: int = 0
    condition_on_previous_text: bool = False
    compression_ratio_threshold: float = 2.4
    log_prob_threshold: float = -1.0
    no_speech_threshold: float = 0.6
    hotwords: str | None = None
    use_vad: bool = True
    vad: VadOptions = field(default_factory=VadOptions)
    max_window_s: float = 28.0
    max_gap_in_window_s: float = 3.0
    window_pad_s: float = 0.2
    window_lead_pad_s: float = 0.6  # chosen on the joined benchmark files (README)
    context_chars: int = 48
    style_prompt: str = ""
    verbatim: bool = False

    def decode_kwargs(self) -> dict[str, object]:
        """Keyword arguments for ``WhisperModel.transcribe`` of one speech window."""
        return {
            "language": self.language,
            "task": "transcribe",
            "beam_size": self.beam_size,
            "best_of": self.best_of,
            "temperature": list(self.temperature),
            "repetition_penalty": self.repetition_penalty,
            "no_repeat_ngram_size": self.no_repeat_ngram_size,
            "condition_on_previous_text": self.condition_on_previous_text,
            "compression_ratio_threshold": self.compression_ratio_threshold,
            "log_prob_threshold": self.log_prob_threshold,
            "no_speech_threshold": self.no_speech_threshold,
            "hotwords": self.hotwords or None,
            "vad_filter": False,
        }

    def prompt(self, previous_text: str) -> str | None:
        """Whisper's initial prompt for the next window.

        ``context_chars`` of the text decoded so far carry a sentence across a window
        cut; in verbatim mode a filler-rich lead-in makes Whisper write 嗯/啊/呃 as heard
        instead of smoothing them away. ``style_prompt`` (e.g. 以下是普通话的句子。) leads
        every window.
        """
        lead = self.style_prompt + (VERBATIM_PROMPT if self.verbatim else "")
        context = previous_text[-self.context_chars :] if self.context_chars > 0 else ""
        return (lead + context) or None

    def fingerprint(self, model_identity: str) -> str:
        """A short stable key of everything that changes decoded segments."""
        payload = json.dumps({"model": model_identity, **asdict(self)}, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    def window_gap_s(self) -> float:
        """Largest pause inside one decoding window.

        With hotwords in the prompt Whisper base's timestamps became unreliable in our
        tests (one segment claimed several utterances), so then every speech region is
        decoded alone and no utterance depends on a timestamp to be found.
        """
        return 0.0 if self.hotwords else self.max_gap_in_window_s

    def with_hotwords(self, extra: list[str]) -> TranscriptionOptions:
        """Add case hotwords (party names, law terms) to any site-wide ones."""
        words = [*(self.hotwords or "").split(), *extra]
        unique = list(dict.fromkeys(w.strip() for w in words if w.strip()))
        return replace(self, hotwords=" ".join(unique) or None)


@dataclass(frozen=True)
class EngineOptions:
    """How CTranslate2 loads the model (device, precision, threads)."""

    device: str = "cpu"
    compute_type: str = "int8"
    cpu_threads: int = 0

    def resolved_cpu_threads(self) -> int:
        """0 means one thread per core: CTranslate2's own default oversubscribes small CPUs."""
        return self.cpu_threads or os.cpu_count() or 1


def transcription_options_from(settings: TranscriptionSettings) -> TranscriptionOptions:
    """The pipeline options a site configured through TranscriptionSettings."""
    return TranscriptionOptions(
        language=settings.whisper_language,
        beam_size=settings.whisper_beam_size,
        best_of=max(settings.whisper_beam_size, 1),
        hotwords=settings.whisper_hotwords,
        max_window_s=settings.whisper_max_window_s,
        verbatim=settings.transcript_verbatim,
    )


def finishing_options_from(
    settings: TranscriptionSettings, verbatim: bool | None = None
) -> FinishingOptions:
    """How the text is finished; ``verbatim`` overrides the site setting for one job."""
    return FinishingOptions(verbatim=settings.transcript_verbatim if verbatim is None else verbatim)


def engine_options_from(settings: TranscriptionSettings) -> EngineOptions:
    """The CTranslate2 load options a site configured through TranscriptionSettings."""
    return EngineOptions(
        device=settings.whisper_device,
        compute_type=settings.whisper_compute_type,
        cpu_threads=settings.whisper_cpu_threads,
    )

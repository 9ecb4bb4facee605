"""The data a transcription produces, from raw decoder output to the final result."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class RawSegment:
    """One segment as Whisper decoded it (times in seconds of the whole recording).

    Kept with its confidence figures so the hallucination filter can judge it and so
    the resumable cache can replay it without decoding again.
    """

    start: float
    end: float
    text: str
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0
    compression_ratio: float = 1.0


@dataclass(frozen=True)
class TranscriptSegment:
    """A cleaned segment: simplified, punctuated, with its speaker role once known."""

    start: float
    end: float
    text: str
    speaker: str = ""


@dataclass(frozen=True)
class TranscriptionResult:
    """Everything ``zhifa transcribe --json`` reports, and what the audio record keeps."""

    text: str
    segments: list[TranscriptSegment]
    sha256: str
    duration_s: float
    model: str
    rtf: float
    settings: dict[str, Any] = field(default_factory=dict)
    speakers: int | None = None  # voices found; None when roles came from the heuristic

    def to_json(self) -> dict[str, Any]:
        """The ``--json`` document (segment keys: start, end, speaker, text)."""
        return {
            "text": self.text,
            "segments": [
                {
                    "start": round(s.start, 2),
                    "end": round(s.end, 2),
                    "speaker": s.speaker,
                    "text": s.text,
                }
                for s in self.segments
            ],
            "sha256": self.sha256,
            "duration_s": round(self.duration_s, 3),
            "model": self.model,
            "rtf": round(self.rtf, 4),
            "speakers": self.speakers,
        }


def raw_segment_to_dict(segment: RawSegment) -> dict[str, Any]:
    """JSON form for the cache."""
    return asdict(segment)


def raw_segment_from_dict(data: dict[str, Any]) -> RawSegment:
    """Inverse of :func:`raw_segment_to_dict`."""
    return RawSegment(**data)

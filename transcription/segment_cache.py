"""Resumable transcription: decoded windows are cached on disk as they finish.

A two-hour interview takes most of an hour on a small CPU; if the process stops,
the next run replays finished windows from here and decodes only the rest. The key
is the file's SHA-256 plus a fingerprint of model and decoding options, so a
changed file or setting never reuses stale text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from transcription.atomic_files import write_json_atomic
from transcription.speech_windows import SpeechWindow
from transcription.transcript import RawSegment, raw_segment_from_dict, raw_segment_to_dict


@dataclass(frozen=True)
class SegmentCache:
    """Per-window segment files under ``root/<sha256>/<fingerprint>/``."""

    root: Path
    audio_sha256: str
    fingerprint: str

    @property
    def folder(self) -> Path:
        """Where this recording's windows for these options live."""
        return self.root / self.audio_sha256 / self.fingerprint

    def _path(self, window: SpeechWindow) -> Path:
        return self.folder / f"window-{window.start:012d}-{window.end:012d}.json"

    def load(self, window: SpeechWindow) -> list[RawSegment] | None:
        """Cached segments of ``window``, or None when it was not finished before."""
        try:
            data = json.loads(self._path(window).read_text(encoding="utf-8"))
            return [raw_segment_from_dict(item) for item in data["segments"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store(self, window: SpeechWindow, segments: list[RawSegment]) -> None:
        """Record a finished window (atomic, so a crash mid-write is just a miss)."""
        payload = {
            "start": window.start,
            "end": window.end,
            "segments": [raw_segment_to_dict(s) for s in segments],
        }
        write_json_atomic(self._path(window), payload)

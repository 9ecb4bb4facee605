"""What telling speakers apart costs: CPU seconds per audio second of diarization alone.

Run: ``python -m eval.diarization_cost`` (needs ../shared's speech clips)

Times VAD + GE2E embedding (+ per-piece pitch with ``--pitch-weight``) + clustering on the transcription benchmark's joined long
files (≥ 60 s), the part of the pipeline's real-time factor the speaker encoder adds.
CPU time is reported, not wall time, with the load average beside it: on a shared
machine wall time says more about the neighbours than about the code.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from eval.speech_references import load_speech_clips, locate_shared_dir
from eval.transcription_benchmark import JOINED_FILES, write_concatenation
from transcription.audio_decoding import decode_audio_file
from transcription.diarization import (
    DiarizationOptions,
    embed_speech,
    label_speech,
    pieces_pitch,
)
from transcription.speaker_encoder import SpeakerEncoder, load_speaker_encoder


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: one line per joined file, then the total."""
    parser = argparse.ArgumentParser(description="说话人分离的 CPU 开销（CPU 秒 / 音频秒）")
    parser.add_argument("--speech-dir", type=Path, default=None, help="语音片段目录")
    parser.add_argument(
        "--pitch-weight", type=float, default=0.0, help="融合基频差（>0 时另算每段基频，计入开销）"
    )
    args = parser.parse_args(argv)
    shared = locate_shared_dir()
    speech_dir = args.speech_dir or (shared / "data" / "speech" if shared else None)
    if speech_dir is None or not speech_dir.is_dir():
        parser.error("找不到语音片段目录，请用 --speech-dir 或 ZHIFA_SHARED_DIR 指定。")
    encoder = load_speaker_encoder()
    options = DiarizationOptions(pitch_weight=args.pitch_weight)
    referenced = [c for c in load_speech_clips(speech_dir) if c.reference_kind == "human"]
    load_before, totals = os.getloadavg(), [0.0, 0.0, 0.0, 0.0]
    with tempfile.TemporaryDirectory() as tmp:
        for name, pause, reverse in JOINED_FILES:
            order = (referenced[::-1] * 3) if reverse else referenced * 2
            audio = decode_audio_file(write_concatenation(order, Path(tmp) / "j.wav", pause))
            parts = _timed_diarization(encoder, audio.samples, options, audio.sample_rate)
            parts = (*parts, audio.duration_s)
            totals = [t + p for t, p in zip(totals, parts, strict=True)]
            print(f"{name}: {parts[3]:.1f} s audio, {_shares(parts)}")
    print(
        f"total: {_shares(totals)}; load average before {[round(x, 2) for x in load_before]}, "
        f"after {[round(x, 2) for x in os.getloadavg()]} on {os.cpu_count()} CPUs"
    )
    return 0


def _timed_diarization(
    encoder: SpeakerEncoder, samples: np.ndarray, options: DiarizationOptions, sample_rate: int
) -> tuple[float, float, float]:
    """CPU seconds of VAD + embedding, of the pitch cue (0 when off), of clustering."""
    started = time.process_time()
    embedded = embed_speech(encoder, samples, replace(options, pitch_weight=0.0), sample_rate)
    embedded_at = time.process_time()
    if options.pitch_weight > 0:
        pitch = pieces_pitch(samples, embedded.pieces, sample_rate)
        embedded = replace(embedded, pitch=pitch)
    pitched_at = time.process_time()
    label_speech(embedded, options)
    done = time.process_time()
    return embedded_at - started, pitched_at - embedded_at, done - pitched_at


def _shares(parts: list[float] | tuple[float, ...]) -> str:
    audio_s = parts[3]
    return (
        f"VAD+embedding {parts[0] / audio_s:.3f}, pitch {parts[1] / audio_s:.4f}, "
        f"clustering {parts[2] / audio_s:.4f} CPU s per audio s"
    )


if __name__ == "__main__":
    raise SystemExit(main())

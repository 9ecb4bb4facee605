"""CER / RTF benchmark: our pipeline vs plain faster-whisper defaults on the real clips.

Run: ``.venv/bin/python -m eval.transcription_benchmark --out var/transcription_bench.json``

Both sides use the same loaded model and the same CER normalisation (no spaces or
punctuation, traditional→simplified), so the table shows only what the pipeline
adds: VAD windows, decoding guards, hallucination filter, simplified punctuated text.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import wave
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from api.settings import Settings
from eval.speech_references import SpeechClip, load_speech_clips, locate_shared_dir
from models.whisper_assembly import ensure_default_whisper
from transcription.audio_decoding import SAMPLE_RATE, decode_audio_file
from transcription.cer import CerScore, pooled_cer, score_cer
from transcription.engine import WhisperEngine, load_engine
from transcription.options import engine_options_from, transcription_options_from
from transcription.pipeline import PipelineConfig, transcribe_file
from transcription.text_normalization import has_traditional


@dataclass(frozen=True)
class SystemRun:
    """One system's output on one clip."""

    text: str
    seconds: float
    cer: float | None
    errors: int | None
    traditional: bool


@dataclass(frozen=True)
class ClipRow:
    """Both systems on one clip."""

    clip: str
    duration_s: float
    reference: str | None
    reference_kind: str
    ours: SystemRun
    plain: SystemRun


def run_plain(engine: WhisperEngine, path: Path, reference: str | None) -> SystemRun:
    """faster-whisper with every default (language detection, no VAD, raw text)."""
    started = time.perf_counter()
    segments, _ = engine.model.transcribe(str(path))
    text = "".join(s.text for s in segments)
    return _system_run(text, time.perf_counter() - started, reference)


def run_ours(
    engine: WhisperEngine, config: PipelineConfig, path: Path, reference: str | None
) -> SystemRun:
    """The zhifa pipeline end to end (hashing and decoding included in the time)."""
    started = time.perf_counter()
    result = transcribe_file(engine, path, config)
    return _system_run(result.text, time.perf_counter() - started, reference)


def _system_run(text: str, seconds: float, reference: str | None) -> SystemRun:
    score = score_cer(reference, text) if reference else None
    return SystemRun(
        text=text,
        seconds=seconds,
        cer=score.cer if score else None,
        errors=score.errors if score else None,
        traditional=has_traditional(text),
    )


def write_concatenation(clips: list[SpeechClip], target: Path, gap_s: float = 1.5) -> Path:
    """Clips joined with silences: one longer, multi-utterance recording like an interview."""
    silence = np.zeros(int(gap_s * SAMPLE_RATE), dtype=np.float32)
    parts = [p for c in clips for p in (decode_audio_file(c.path).samples, silence)]
    pcm = (np.clip(np.concatenate(parts), -1.0, 1.0) * 32767).astype("<i2")
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(pcm.tobytes())
    return target


def benchmark(engine: WhisperEngine, config: PipelineConfig, clips: list[SpeechClip]) -> dict:
    """Per-clip rows, pooled CER of human-referenced clips, overall RTF of each system."""
    run_ours(engine, config, clips[0].path, None)  # warm-up: first call pays one-off costs
    rows = []
    for clip in clips:
        duration = decode_audio_file(clip.path).duration_s
        ours = run_ours(engine, config, clip.path, clip.reference)
        plain = run_plain(engine, clip.path, clip.reference)
        rows.append(ClipRow(clip.name, duration, clip.reference, clip.reference_kind, ours, plain))
    referenced = [c for c in clips if c.reference_kind == "human"] * 2
    joined_reference = "".join(c.reference or "" for c in referenced)
    with tempfile.TemporaryDirectory() as tmp:
        joined = write_concatenation(referenced, Path(tmp) / "referenced-clips-twice.wav")
        joined_duration = decode_audio_file(joined).duration_s
        joined_ours = run_ours(engine, config, joined, joined_reference)
        joined_plain = run_plain(engine, joined, joined_reference)
    return _summary(rows, joined_duration, joined_ours, joined_plain)


def _pooled(rows: list[ClipRow], system: str) -> CerScore:
    runs = [getattr(r, system) for r in rows if r.reference_kind == "human"]
    refs = [r.reference for r in rows if r.reference_kind == "human"]
    return pooled_cer(score_cer(ref, run.text) for ref, run in zip(refs, runs, strict=True))


def _rtf(rows: list[ClipRow], system: str) -> float:
    return sum(getattr(r, system).seconds for r in rows) / sum(r.duration_s for r in rows)


def _summary(
    rows: list[ClipRow], joined_s: float, joined_ours: SystemRun, joined_plain: SystemRun
) -> dict:
    return {
        "clips": [asdict(r) for r in rows],
        "overall": {
            system: {
                "cer": _pooled(rows, system).cer,
                "errors": _pooled(rows, system).errors,
                "reference_chars": _pooled(rows, system).reference_chars,
                "rtf_clips": _rtf(rows, system),
                "rtf_concatenated": run.seconds / joined_s,
                "cer_concatenated": run.cer,
                "outputs_with_traditional": sum(getattr(r, system).traditional for r in rows)
                + run.traditional,
            }
            for system, run in (("ours", joined_ours), ("plain", joined_plain))
        },
        "concatenated": {
            "duration_s": joined_s,
            "ours": asdict(joined_ours),
            "plain": asdict(joined_plain),
        },
    }


def format_table(report: dict) -> str:
    """The human-readable table printed by the script."""
    lines = [
        f"{'clip':52} {'dur':>5} {'ref':>6} {'CER ours':>9} {'CER plain':>9} {'RTF ours':>8} {'RTF plain':>9}  ours text",
    ]
    for row in report["clips"]:
        ours, plain = row["ours"], row["plain"]
        lines.append(
            f"{row['clip']:52} {row['duration_s']:5.1f} {row['reference_kind'][:6]:>6} "
            f"{_pct(ours['cer']):>9} {_pct(plain['cer']):>9} "
            f"{ours['seconds'] / row['duration_s']:8.3f} {plain['seconds'] / row['duration_s']:9.3f}  "
            f"{ours['text']}"
        )
    for system in ("ours", "plain"):
        o = report["overall"][system]
        lines.append(
            f"OVERALL {system:5}: CER {_pct(o['cer'])} ({o['errors']}/{o['reference_chars']} chars, "
            f"human-referenced clips)  RTF clips {o['rtf_clips']:.3f}  RTF concatenated "
            f"{o['rtf_concatenated']:.3f}, CER concatenated {_pct(o['cer_concatenated'])} "
            f"({report['concatenated']['duration_s']:.1f} s)  "
            f"outputs with traditional chars: {o['outputs_with_traditional']}"
        )
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: prints the table, writes the JSON report to --out."""
    parser = argparse.ArgumentParser(
        description="转写基准：CER 与实时率（本流水线 vs faster-whisper 默认）"
    )
    parser.add_argument("--out", type=Path, required=True, help="JSON 报告输出路径")
    parser.add_argument(
        "--speech-dir", type=Path, default=None, help="语音片段目录（默认 ../shared/data/speech）"
    )
    args = parser.parse_args(argv)
    shared = locate_shared_dir()
    speech_dir = args.speech_dir or (shared / "data" / "speech" if shared else None)
    if speech_dir is None or not speech_dir.is_dir():
        parser.error("找不到语音片段目录，请用 --speech-dir 或 ZHIFA_SHARED_DIR 指定。")
    settings = Settings()
    engine = load_engine(ensure_default_whisper(settings), engine_options_from(settings))
    config = PipelineConfig(options=transcription_options_from(settings))
    report = benchmark(engine, config, load_speech_clips(speech_dir))
    report["model"] = engine.identity
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(format_table(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""CER / RTF benchmark: our pipeline vs plain faster-whisper defaults on the real clips.

Run: ``.venv/bin/python -m eval.transcription_benchmark --out var/bench/transcription.json``
(``--no-voices`` for heuristic roles, ``--context-chars 0`` for no cross-window prompt)

Both sides use the same loaded model and the same CER normalisation (no spaces or
punctuation, traditional→simplified), so the table shows only what the pipeline
adds: VAD windows, decoding guards, hallucination filter, simplified punctuated text.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
import wave
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np

from api.settings import Settings
from eval.speech_references import SpeechClip, load_speech_clips, locate_shared_dir
from models.whisper_assembly import ensure_default_whisper
from transcription.audio_decoding import SAMPLE_RATE, decode_audio_file
from transcription.cer import CerScore, pooled_cer, score_cer
from transcription.engine import WhisperEngine, load_engine
from transcription.options import engine_options_from
from transcription.pipeline import PipelineConfig, config_from_settings, transcribe_file
from transcription.speaker_encoder import SpeakerEncoder, voices_from
from transcription.text_normalization import has_traditional


@dataclass(frozen=True)
class SystemRun:
    """One system's output on one clip."""

    text: str
    seconds: float
    cpu_seconds: float
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
    started, cpu = time.perf_counter(), time.process_time()
    segments, _ = engine.model.transcribe(str(path))
    text = "".join(s.text for s in segments)
    return _system_run(text, time.perf_counter() - started, time.process_time() - cpu, reference)


def run_ours(
    engine: WhisperEngine,
    config: PipelineConfig,
    path: Path,
    reference: str | None,
    voices: SpeakerEncoder | None = None,
) -> SystemRun:
    """The zhifa pipeline end to end (hashing, diarization and decoding in the time)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = transcribe_file(engine, path, config, voices=voices)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    return _system_run(result.text, seconds, cpu_seconds, reference)


def _system_run(text: str, seconds: float, cpu_seconds: float, reference: str | None) -> SystemRun:
    score = score_cer(reference, text) if reference else None
    return SystemRun(
        text=text,
        seconds=seconds,
        cpu_seconds=cpu_seconds,
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


JOINED_FILES = (
    # (name, pause between clips in seconds, reversed order): every human-referenced
    # clip twice or thrice (≥ 60 s); short pauses make windows merge across clips.
    ("referenced-clips-twice-pause1.5s", 1.5, False),
    ("referenced-clips-thrice-pause0.4s-reversed", 0.4, True),
)


def joined_order(clips: list[SpeechClip], reverse: bool) -> list[SpeechClip]:
    """The human-referenced clips in a joined file's order: twice, or reversed thrice."""
    referenced = [c for c in clips if c.reference_kind == "human"]
    return (referenced[::-1] * 3) if reverse else referenced * 2


def benchmark(
    engine: WhisperEngine,
    config: PipelineConfig,
    clips: list[SpeechClip],
    voices: SpeakerEncoder | None = None,
) -> dict:
    """Per-clip rows, pooled CER of human-referenced clips, joined long files, RTF."""
    run_ours(engine, config, clips[0].path, None, voices)  # warm-up: one-off costs
    rows = []
    for clip in clips:
        duration = decode_audio_file(clip.path).duration_s
        ours = run_ours(engine, config, clip.path, clip.reference, voices)
        plain = run_plain(engine, clip.path, clip.reference)
        rows.append(ClipRow(clip.name, duration, clip.reference, clip.reference_kind, ours, plain))
    joined = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, pause, reverse in JOINED_FILES:
            order = joined_order(clips, reverse)
            path = write_concatenation(order, Path(tmp) / f"{name}.wav", gap_s=pause)
            reference = "".join(c.reference or "" for c in order)
            joined.append(
                {
                    "name": name,
                    "duration_s": decode_audio_file(path).duration_s,
                    "ours": run_ours(engine, config, path, reference, voices),
                    "plain": run_plain(engine, path, reference),
                }
            )
    return _summary(rows, joined)


def _pooled(rows: list[ClipRow], system: str) -> CerScore:
    runs = [getattr(r, system) for r in rows if r.reference_kind == "human"]
    refs = [r.reference for r in rows if r.reference_kind == "human"]
    return pooled_cer(score_cer(ref, run.text) for ref, run in zip(refs, runs, strict=True))


def _rtf(rows: list[ClipRow], system: str) -> float:
    return sum(getattr(r, system).seconds for r in rows) / sum(r.duration_s for r in rows)


def _summary(rows: list[ClipRow], joined: list[dict]) -> dict:
    return {
        "clips": [asdict(r) for r in rows],
        "joined": [{**j, "ours": asdict(j["ours"]), "plain": asdict(j["plain"])} for j in joined],
        "overall": {system: _overall(rows, joined, system) for system in ("ours", "plain")},
    }


def _overall(rows: list[ClipRow], joined: list[dict], system: str) -> dict:
    pooled = _pooled(rows, system)
    joined_errors = sum(j[system].errors for j in joined)
    return {
        "cer": pooled.cer,
        "errors": pooled.errors,
        "reference_chars": pooled.reference_chars,
        "rtf_clips": _rtf(rows, system),
        "rtf_joined": sum(j[system].seconds for j in joined) / sum(j["duration_s"] for j in joined),
        "cpu_seconds_per_audio_second_joined": sum(j[system].cpu_seconds for j in joined)
        / sum(j["duration_s"] for j in joined),
        "cer_joined": {j["name"]: j[system].cer for j in joined},
        "errors_joined": joined_errors,
        "outputs_with_traditional": sum(getattr(r, system).traditional for r in rows)
        + sum(j[system].traditional for j in joined),
    }


def format_table(report: dict) -> str:
    """The human-readable table printed by the script."""
    lines = [
        f"{'clip':52} {'dur':>5} {'ref':>6} {'CER ours':>9} {'CER plain':>9} {'RTF ours':>8} {'RTF plain':>9}  ours text",
    ]
    for row in report["clips"] + report["joined"]:
        ours, plain = row["ours"], row["plain"]
        name = row.get("clip") or row["name"]
        kind = row.get("reference_kind", "human")
        lines.append(
            f"{name:52} {row['duration_s']:5.1f} {kind[:6]:>6} "
            f"{_pct(ours['cer']):>9} {_pct(plain['cer']):>9} "
            f"{ours['seconds'] / row['duration_s']:8.3f} {plain['seconds'] / row['duration_s']:9.3f}  "
            f"{ours['text'][:60]}"
        )
    for system in ("ours", "plain"):
        o = report["overall"][system]
        joined = ", ".join(f"{_pct(v)}" for v in o["cer_joined"].values())
        lines.append(
            f"OVERALL {system:5}: CER {_pct(o['cer'])} ({o['errors']}/{o['reference_chars']} chars, "
            f"human-referenced clips)  RTF clips {o['rtf_clips']:.3f}  joined files: CER {joined}, "
            f"RTF {o['rtf_joined']:.3f} (CPU s per audio s {o['cpu_seconds_per_audio_second_joined']:.3f})  "
            f"outputs with traditional chars: "
            f"{o['outputs_with_traditional']}"
        )
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def speech_bench_setup(
    parser: argparse.ArgumentParser, given: Path | None
) -> tuple[Path, Settings, WhisperEngine]:
    """The speech folder (``given`` or ../shared's; a parser error saying how to name it),
    the settings and the configured Whisper engine: what every speech benchmark starts from."""
    shared = locate_shared_dir()
    speech_dir = given or (shared / "data" / "speech" if shared else None)
    if speech_dir is None or not speech_dir.is_dir():
        parser.error("找不到语音片段目录，请用 --speech-dir 或 ZHIFA_SHARED_DIR 指定。")
    settings = Settings()
    return (
        speech_dir,
        settings,
        load_engine(ensure_default_whisper(settings), engine_options_from(settings)),
    )


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: prints the table, writes the JSON report to --out."""
    parser = argparse.ArgumentParser(
        description="转写基准：CER 与实时率（本流水线 vs faster-whisper 默认）"
    )
    parser.add_argument("--out", type=Path, required=True, help="JSON 报告输出路径")
    parser.add_argument(
        "--speech-dir", type=Path, default=None, help="语音片段目录（默认 ../shared/data/speech）"
    )
    parser.add_argument(
        "--no-voices", action="store_true", help="不做说话人分离（按问句规则区分角色）"
    )
    parser.add_argument(
        "--mixed-windows", action="store_true", help="窗口跨越说话人（更快），按重叠分配说话人"
    )
    parser.add_argument(
        "--context-chars", type=int, default=None, help="上一窗口文本作提示的字数（消融用）"
    )
    args = parser.parse_args(argv)
    speech_dir, settings, engine = speech_bench_setup(parser, args.speech_dir)
    config = config_from_settings(settings)
    config = replace(config, voice_pure_windows=not args.mixed_windows)
    if args.context_chars is not None:
        options = replace(config.options, context_chars=args.context_chars)
        config = replace(config, options=options)
    voices = None if args.no_voices else voices_from(settings)
    load_before = os.getloadavg()
    report = benchmark(engine, config, load_speech_clips(speech_dir), voices)
    # CPU seconds and wall RTF depend on what else runs on the machine: keep the load beside them.
    report["load_average"] = {
        "before": [round(x, 2) for x in load_before],
        "after": [round(x, 2) for x in os.getloadavg()],
        "cpu_count": os.cpu_count(),
    }
    report["speakers"] = "voices" if voices else "heuristic"
    report["model"] = engine.identity
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(format_table(report))
    print(
        f"load average (1/5/15 min) before {report['load_average']['before']}, "
        f"after {report['load_average']['after']} on {os.cpu_count()} CPUs"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

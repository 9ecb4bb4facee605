"""Error table for issue #19: our pipeline and plain faster-whisper, errors by kind and place.

Run: ``python -m eval.transcript_error_analysis --out var/bench/transcript_errors.json``
(``--skip-joined`` for the single clips only). Our windows are read back from the
resumable segment cache (exact); plain faster-whisper's from each segment's ``seek``
(30 s chunks). Reference characters are spread evenly over their clip's time, so
"at a cut" is accurate to about a syllable or two.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import asdict, replace
from pathlib import Path

from api.settings import Settings
from eval.speech_references import SpeechClip, load_speech_clips, locate_shared_dir
from eval.transcript_errors import ClassifiedError, classify, inner_cuts, spread_times, tally
from eval.transcription_benchmark import JOINED_FILES, write_concatenation
from models.whisper_assembly import ensure_default_whisper
from transcription.audio_decoding import SAMPLE_RATE, decode_audio_file
from transcription.engine import WhisperEngine, load_engine
from transcription.options import engine_options_from
from transcription.pipeline import PipelineConfig, config_from_settings, transcribe_file
from transcription.speaker_encoder import SpeakerEncoder, voices_from
from transcription.text_normalization import normalize_for_cer

PLAIN_CHUNK_S = 30.0
FRAMES_PER_SECOND = 100


def ours_with_windows(
    engine: WhisperEngine, config: PipelineConfig, path: Path, voices: SpeakerEncoder | None
) -> tuple[str, list[tuple[float, float]]]:
    """Our text and the exact windows decoded (from a throw-away segment cache)."""
    with tempfile.TemporaryDirectory() as cache:
        result = transcribe_file(
            engine, path, replace(config, cache_root=Path(cache)), voices=voices
        )
        files = Path(cache).rglob("window-*.json")
        windows = [_window_seconds(json.loads(f.read_text(encoding="utf-8"))) for f in files]
    return result.text, sorted(windows)


def _window_seconds(stored: dict) -> tuple[float, float]:
    return stored["start"] / SAMPLE_RATE, stored["end"] / SAMPLE_RATE


def plain_with_windows(
    engine: WhisperEngine, path: Path, duration_s: float
) -> tuple[str, list[tuple[float, float]]]:
    """faster-whisper defaults; each distinct ``seek`` starts a 30 s decoding chunk."""
    segments = list(engine.model.transcribe(str(path))[0])
    starts = sorted({s.seek / FRAMES_PER_SECOND for s in segments})
    return "".join(s.text for s in segments), [
        (start, min(start + PLAIN_CHUNK_S, duration_s)) for start in starts
    ]


def reference_timeline(clips: list[SpeechClip], gap_s: float) -> tuple[str, list[float]]:
    """The joined reference and each character's time, clip after clip with ``gap_s`` pauses."""
    text, times, offset = "", [], 0.0
    for clip in clips:
        duration = decode_audio_file(clip.path).duration_s
        text += clip.reference or ""
        times += spread_times(clip.reference or "", offset, offset + duration)
        offset += duration + gap_s
    return text, times


def analyse(
    engine: WhisperEngine,
    config: PipelineConfig,
    name: str,
    path: Path,
    timeline: tuple[str, list[float]],
    voices: SpeakerEncoder | None,
) -> dict:
    """Both systems on one recording: texts, windows, classified errors and their tally."""
    reference, times = timeline
    duration = decode_audio_file(path).duration_s
    row: dict = {"name": name, "duration_s": duration, "reference": reference}
    runs = {
        "ours": ours_with_windows(engine, config, path, voices),
        "plain": plain_with_windows(engine, path, duration),
    }
    for system, (text, windows) in runs.items():
        errors = classify(reference, text, times, inner_cuts(windows, duration))
        row[system] = {
            "text": text,
            "windows": windows,
            "errors": [asdict(e) for e in errors],
            "tally": tally(errors),
        }
    return row


def run(
    engine: WhisperEngine,
    config: PipelineConfig,
    clips: list[SpeechClip],
    voices: SpeakerEncoder | None,
    joined: bool,
    only_joined: bool = False,
) -> list[dict]:
    """Every human-referenced clip, then (optionally) the benchmark's joined long files."""
    referenced = [c for c in clips if c.reference_kind == "human"]
    rows = (
        []
        if only_joined
        else [
            analyse(engine, config, c.name, c.path, reference_timeline([c], 0.0), voices)
            for c in referenced
        ]
    )
    if not joined:
        return rows
    with tempfile.TemporaryDirectory() as tmp:
        for name, pause, reverse in JOINED_FILES:
            order = (referenced[::-1] * 3) if reverse else referenced * 2
            path = write_concatenation(order, Path(tmp) / f"{name}.wav", gap_s=pause)
            rows.append(
                analyse(engine, config, name, path, reference_timeline(order, pause), voices)
            )
    return rows


def pooled_row(rows: list[dict]) -> dict:
    """The single clips as one: their references, texts and errors together (pooled CER)."""
    pooled: dict = {
        "name": "pooled single clips",
        "reference": "".join(r["reference"] for r in rows),
    }
    for system in ("ours", "plain"):
        errors = [ClassifiedError(**e) for r in rows for e in r[system]["errors"]]
        pooled[system] = {"errors": [asdict(e) for e in errors], "tally": tally(errors)}
    return pooled


def format_rows(rows: list[dict]) -> str:
    """One line per recording and system: CER, then errors at cuts / inside windows, by kind."""
    lines = []
    for row in rows:
        for system in ("ours", "plain"):
            t = row[system]["tally"]
            errors, chars = len(row[system]["errors"]), len(normalize_for_cer(row["reference"]))
            cells = "  ".join(
                f"{place}: " + " ".join(f"{k}={v}" for k, v in t[place].items() if v)
                for place in ("at_cut", "inside")
            )
            lines.append(
                f"{row['name'][:44]:44} {system:5} CER {errors}/{chars} = {errors / chars:6.1%}  {cells}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: prints the table, writes every classified error to --out."""
    parser = argparse.ArgumentParser(
        description="转写错误分析：按类型与位置（窗口切分处/窗口内）统计"
    )
    parser.add_argument("--out", type=Path, required=True, help="JSON 输出路径")
    parser.add_argument("--skip-joined", action="store_true", help="只分析单个片段")
    parser.add_argument("--context-chars", type=int, default=None, help="上一窗口文本作提示的字数")
    parser.add_argument("--lead-pad", type=float, default=None, help="窗口开头多留的秒数（消融用）")
    parser.add_argument("--style-prompt", default=None, help="每个窗口开头的提示语（消融用）")
    parser.add_argument("--only-joined", action="store_true", help="只分析拼接长录音（选参用）")
    args = parser.parse_args(argv)
    shared = locate_shared_dir()
    if shared is None:
        parser.error("找不到 shared 数据目录，请设置 ZHIFA_SHARED_DIR。")
    settings = Settings()
    engine = load_engine(ensure_default_whisper(settings), engine_options_from(settings))
    config = config_from_settings(settings)
    if args.context_chars is not None:
        config = replace(config, options=replace(config.options, context_chars=args.context_chars))
    if args.lead_pad is not None:
        config = replace(config, options=replace(config.options, window_lead_pad_s=args.lead_pad))
    if args.style_prompt is not None:
        config = replace(config, options=replace(config.options, style_prompt=args.style_prompt))
    clips = load_speech_clips(shared / "data" / "speech")
    rows = run(engine, config, clips, voices_from(settings), not args.skip_joined, args.only_joined)
    if not args.only_joined:
        rows.append(pooled_row([r for r in rows if r["name"] in {c.name for c in clips}]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    print(format_rows(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

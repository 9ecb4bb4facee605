"""Whisper decoding settings chosen on the joined long files, reported on the single clips.

Run (issue #19, CER round two):
    python -m eval.decoding_selection --out var/bench/decoding-selection.json

Every candidate changes one decoding knob of the shipped pipeline (beam size,
``best_of``, temperature fallback, ``condition_on_previous_text``). Candidates are
ranked by total character errors on the two joined long files of
``eval.transcription_benchmark`` (selection set); the five human-referenced single
clips are scored for every candidate but never used to choose. The joined files are
built from the same five clips, so the report set is held out from the choice, not
from the material: say so with any figure from here.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from eval.speech_references import SpeechClip, load_speech_clips
from eval.transcription_benchmark import (
    JOINED_FILES,
    run_ours,
    run_plain,
    speech_bench_setup,
    write_concatenation,
)
from transcription.cer import pooled_cer, score_cer
from transcription.engine import WhisperEngine
from transcription.pipeline import PipelineConfig, config_from_settings
from transcription.speaker_encoder import SpeakerEncoder, voices_from

CANDIDATES: dict[str, dict[str, object]] = {
    "shipped (beam 5, best_of 5, fallback on, no conditioning)": {},
    "beam 1": {"beam_size": 1},
    "beam 8": {"beam_size": 8},
    "best_of 1": {"best_of": 1},
    "temperature fallback off": {"temperature": (0.0,)},
    "condition_on_previous_text on": {"condition_on_previous_text": True},
    # added after the first six had run (beam 8 best on the joined files): the
    # neighbourhood of the winner, and the winner as the settings ship it (best_of
    # follows the beam width there).
    "beam 8, best_of 8": {"beam_size": 8, "best_of": 8},
    "beam 10": {"beam_size": 10, "best_of": 10},
}


@dataclass(frozen=True)
class LabelledFile:
    """A recording with its reference transcript."""

    name: str
    path: Path
    reference: str


def joined_files(clips: list[SpeechClip], folder: Path) -> list[LabelledFile]:
    """The transcription benchmark's two joined long files, written into ``folder``."""
    referenced = [c for c in clips if c.reference_kind == "human"]
    files = []
    for name, pause, reverse in JOINED_FILES:
        order = (referenced[::-1] * 3) if reverse else referenced * 2
        path = write_concatenation(order, folder / f"{name}.wav", gap_s=pause)
        files.append(LabelledFile(name, path, "".join(c.reference or "" for c in order)))
    return files


def score_candidate(
    engine: WhisperEngine,
    config: PipelineConfig,
    files: list[LabelledFile],
    voices: SpeakerEncoder | None,
) -> dict:
    """Errors per file and pooled, plus CPU seconds, for one decoding setting."""
    rows, cpu = [], time.process_time()
    for labelled in files:
        run = run_ours(engine, config, labelled.path, labelled.reference, voices)
        rows.append({"name": labelled.name, "errors": run.errors, "cer": run.cer, "text": run.text})
    pooled = pooled_cer(score_cer(f.reference, r["text"]) for f, r in zip(files, rows, strict=True))
    return {
        "files": rows,
        "errors": pooled.errors,
        "reference_chars": pooled.reference_chars,
        "cer": pooled.cer,
        "cpu_seconds": time.process_time() - cpu,
    }


def plain_baseline(engine: WhisperEngine, files: list[LabelledFile]) -> dict:
    """faster-whisper with every default on the same files (same loaded model)."""
    runs = [run_plain(engine, f.path, f.reference) for f in files]
    pooled = pooled_cer(score_cer(f.reference, r.text) for f, r in zip(files, runs, strict=True))
    return {"errors": pooled.errors, "reference_chars": pooled.reference_chars, "cer": pooled.cer}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: one line per candidate, the chosen one, JSON to --out."""
    parser = argparse.ArgumentParser(description="解码参数选择：在拼接长录音上选，在单段录音上报告")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--speech-dir", type=Path, default=None)
    parser.add_argument("--only", action="append", default=[], help="只跑指定候选（可重复）")
    args = parser.parse_args(argv)
    speech_dir, settings, engine = speech_bench_setup(parser, args.speech_dir)
    base = config_from_settings(settings)
    voices = voices_from(settings)
    clips = load_speech_clips(speech_dir)
    singles = [
        LabelledFile(c.name, c.path, c.reference or "")
        for c in clips
        if c.reference_kind == "human"
    ]
    names = args.only or list(CANDIDATES)
    report: dict = {"candidates": {}}
    with tempfile.TemporaryDirectory() as tmp:
        joined = joined_files(clips, Path(tmp))
        run_ours(engine, base, singles[0].path, None, voices)  # warm-up: one-off costs
        for name in names:
            options = replace(base.options, **CANDIDATES[name])
            config = replace(base, options=options)
            result = {
                "options": asdict(options),
                "selection_joined": score_candidate(engine, config, joined, voices),
                "report_single_clips": score_candidate(engine, config, singles, voices),
            }
            report["candidates"][name] = result
            print(_line(name, result), flush=True)
        report["plain_single_clips"] = plain_baseline(engine, singles)
    chosen = min(
        report["candidates"], key=lambda n: report["candidates"][n]["selection_joined"]["errors"]
    )
    report["chosen_on_joined"] = chosen
    print(f"chosen on joined files: {chosen}; plain single clips: {report['plain_single_clips']}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _line(name: str, result: dict) -> str:
    joined, single = result["selection_joined"], result["report_single_clips"]
    return (
        f"{name}: joined {joined['errors']}/{joined['reference_chars']} "
        f"({joined['cer'] * 100:.1f}%), singles {single['errors']}/{single['reference_chars']} "
        f"({single['cer'] * 100:.1f}%), CPU s {joined['cpu_seconds'] + single['cpu_seconds']:.0f}"
    )


if __name__ == "__main__":
    raise SystemExit(main())

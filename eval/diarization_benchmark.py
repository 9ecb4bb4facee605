"""DER and speaker-count accuracy of the voice diarization on joined real-speech interviews.

Report set with the shipped defaults:
    python -m eval.diarization_benchmark --set report --out var/bench/diarization.json
Choose options on one set and score them on the other (both directions):
    python -m eval.diarization_benchmark --cross --out var/bench/diarization-cross.json
The same without the cohesion test (the "before" figures):
    python -m eval.diarization_benchmark --cross --without-cohesion
With a trial's axis added to the grid (issue #19: ``resegment``, ``eigengap``,
``partials``; repeat ``--try`` to combine):
    python -m eval.diarization_benchmark --cross --try resegment

DER is pyannote.metrics' DiarizationErrorRate (missed speech + false alarm +
confusion, over reference speech). pyannote's ``collar`` is the *total* width centred
on each reference boundary: ``collar_0.25`` forgives ±0.125 s, ``collar_0.5`` forgives
±0.25 s (NIST md-eval's usual "collar 0.25"), ``collar_0`` forgives nothing. The joined
files have no overlapped speech, so overlap scoring does not arise.
Selection on a set orders candidates by: fewest one-speaker files split, then best
speaker-count accuracy, then lowest mean interview DER.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np
from pyannote.core import Annotation, Segment
from pyannote.metrics.diarization import DiarizationErrorRate

from eval.diarization_sets import (
    REPORT_SPEAKERS,
    TUNING_SPEAKERS,
    JoinedRecording,
    build_set,
)
from eval.frame_der import FRAME_S, collar_mask, frame_der_counts, frame_labels
from eval.speech_references import locate_shared_dir
from transcription.audio_decoding import SAMPLE_RATE
from transcription.diarization import (
    DiarizationOptions,
    EmbeddedSpeech,
    SpeakerPiece,
    embed_speech,
    label_speech,
    pieces_pitch,
    speaker_count,
    speaker_runs,
)
from transcription.speaker_encoder import SpeakerEncoder, load_speaker_encoder

REPORT_COLLARS = (0.5, 0.25, 0.0)
SELECTION_COLLAR = 0.25
SETS = {"tuning": (TUNING_SPEAKERS, 1), "report": (REPORT_SPEAKERS, 2)}
GRID = {
    "piece_s": (1.5, 2.5),
    "refine_iterations": (0, 3),
    "distance_threshold": (0.3, 0.35, 0.4, 0.45),
    "merge_similarity": (0.7, 0.8, 1.01),
    "cohesion_ratio": (None, 0.75, 0.8, 0.85),
}
# Axes that issue #19's second round tries, each alone or together (``--try``):
# Viterbi resegmentation, the eigengap speaker count, denser overlapping partials;
# round 4: the pitch gap fused with the GE2E affinity (``pitch``).
TRIALS = {
    "resegment": {"resegment_penalty": (None, 0.1, 0.2), "resegment_across_penalty": (0.0, 0.03)},
    "eigengap": {"count_method": ("threshold", "eigengap")},
    "partials": {"partial_step_frames": (80, 40)},
    "pitch": {"pitch_weight": (0.0, 0.02, 0.04, 0.08), "pitch_margin_st": (1.0, 2.0, 3.0)},
}
EIGENGAP_AXES = {"neighbour_fraction": (0.2, 0.3, 0.4), "eigengap_min_gap": (0.0, 0.05)}
# The grid before the cohesion test existed: the "before" column of the README's table.
GRID_WITHOUT_COHESION = {
    **{key: values for key, values in GRID.items() if key != "cohesion_ratio"},
    "merge_similarity": (0.6, 0.65, 0.7, 0.75, 0.8, 1.01),
    "cohesion_ratio": (None,),
}


def reference_annotation(recording: JoinedRecording) -> Annotation:
    """The known turns as a pyannote annotation."""
    annotation = Annotation(uri=recording.name)
    for turn in recording.turns:
        annotation[Segment(turn.start, turn.end)] = turn.speaker
    return annotation


def hypothesis_annotation(name: str, pieces: list[SpeakerPiece]) -> Annotation:
    """Our speaker runs as a pyannote annotation."""
    annotation = Annotation(uri=name)
    for run in speaker_runs(pieces):
        annotation[Segment(run.start / SAMPLE_RATE, run.end / SAMPLE_RATE)] = f"spk{run.speaker}"
    return annotation


class EmbeddingCache:
    """Embeddings per (recording, piece length): the grid re-clusters without re-embedding."""

    def __init__(self, encoder: SpeakerEncoder) -> None:
        self.encoder = encoder
        self.entries: dict[tuple[str, float, float], EmbeddedSpeech] = {}
        self.seconds = 0.0
        self.pitch_seconds = 0.0

    def get(self, recording: JoinedRecording, options: DiarizationOptions) -> EmbeddedSpeech:
        key = (
            recording.name,
            options.piece_s,
            options.embed_context_s,
            options.partial_step_frames,
        )
        if key not in self.entries:
            started = time.perf_counter()
            plain = replace(options, pitch_weight=0.0)
            self.entries[key] = embed_speech(self.encoder, recording.samples, plain, SAMPLE_RATE)
            self.seconds += time.perf_counter() - started
        embedded = self.entries[key]
        if options.pitch_weight > 0 and embedded.pitch is None:
            started = time.perf_counter()
            pitch = pieces_pitch(recording.samples, embedded.pieces, SAMPLE_RATE)
            self.pitch_seconds += time.perf_counter() - started
            embedded = self.entries[key] = replace(embedded, pitch=pitch)
        return embedded


def evaluate(
    cache: EmbeddingCache,
    recordings: list[JoinedRecording],
    options: DiarizationOptions,
    collars: tuple[float, ...] = REPORT_COLLARS,
) -> dict:
    """Per-file DER and counts, and the pooled figures (selection needs one collar only)."""
    metrics = {f"collar_{collar:g}": DiarizationErrorRate(collar=collar) for collar in collars}
    rows = []
    for recording in recordings:
        pieces = label_speech(cache.get(recording, options), options)
        reference = reference_annotation(recording)
        hypothesis = hypothesis_annotation(recording.name, pieces)
        row = {"name": recording.name, "speakers": recording.speakers}
        row["found"] = speaker_count(pieces)
        for key, metric in metrics.items():
            row[f"der_{key}"] = metric(reference, hypothesis)
        rows.append(row)
    return _summary(rows, metrics) | {"options": asdict(options)}


def _summary(rows: list[dict], metrics: dict) -> dict:
    singles = [r for r in rows if r["speakers"] == 1]
    multi = [r for r in rows if r["speakers"] > 1]
    return {
        "files": rows,
        **{f"der_interviews_{key}": _mean(r[f"der_{key}"] for r in multi) for key in metrics},
        "der_all_files_pooled": {key: abs(metric) for key, metric in metrics.items()},
        **{f"der_components_{key}": _components(metrics[key]) for key in metrics},
        "count_accuracy": _mean(r["found"] == r["speakers"] for r in rows),
        "count_accuracy_interviews": _mean(r["found"] == r["speakers"] for r in multi),
        "interviews_too_few_found": sum(r["found"] < r["speakers"] for r in multi),
        "interviews_too_many_found": sum(r["found"] > r["speakers"] for r in multi),
        "one_speaker_files": len(singles),
        "one_speaker_files_split": sum(r["found"] > 1 for r in singles),
    }


def _mean(values) -> float:
    values = list(values)
    return sum(values) / max(len(values), 1)


def _components(metric: DiarizationErrorRate) -> dict[str, float]:
    """Missed speech, false alarm and speaker confusion as fractions of reference speech."""
    total = metric.accumulated_["total"]
    kinds = ("missed detection", "false alarm", "confusion")
    return {kind: metric.accumulated_[kind] / total for kind in kinds}


def grid_candidates(grid: dict) -> list[DiarizationOptions]:
    """Every grid point; the eigengap count replaces the distance threshold's axis.

    Eigengap points ignore ``distance_threshold`` and try the spectral knobs instead,
    so the two estimators are searched over equally many merge/cohesion settings.
    """
    base = DiarizationOptions()
    candidates: dict[DiarizationOptions, None] = {}
    for values in itertools.product(*grid.values()):
        point = dict(zip(grid, values, strict=True))
        if not point.get("pitch_weight"):
            point.pop("pitch_margin_st", None)  # no pitch cue: no margin
        if point.get("resegment_penalty") is None:
            point.pop("resegment_across_penalty", None)  # no resegmentation: no penalty
        if point.get("count_method") == "eigengap":
            point.pop("distance_threshold", None)
            for extra in itertools.product(*EIGENGAP_AXES.values()):
                spectral = dict(zip(EIGENGAP_AXES, extra, strict=True))
                candidates.setdefault(replace(base, **point, **spectral))
        else:
            candidates.setdefault(replace(base, **point))
    return list(candidates)


def extended_grid(grid: dict, trials: list[str], required: dict | None = None) -> dict:
    """``grid`` with the axes of the named trials added; ``required`` pins axes to one value.

    Pinning (a list pins to several values) shows what a trial does held out when
    selection may not switch it off.
    """
    extended = {**grid, **{key: v for name in trials for key, v in TRIALS[name].items()}}
    pinned = {k: tuple(v) if isinstance(v, list) else (v,) for k, v in (required or {}).items()}
    return extended | pinned


def parse_requirement(text: str) -> tuple[str, object]:
    """``key=value``, the value JSON (``resegment_penalty=[0.1,0.2]``, ``count_method=eigengap``)."""
    key, _, value = text.partition("=")
    if key not in DiarizationOptions.__dataclass_fields__ or not value:
        raise argparse.ArgumentTypeError(f"无法识别的固定参数：{text}（应为 选项名=值）")
    try:
        return key, json.loads(value)
    except json.JSONDecodeError:
        return key, value


def select(cache: EmbeddingCache, recordings: list[JoinedRecording], grid: dict = GRID) -> dict:
    """The grid point that does best on ``recordings`` (see the module docstring's order).

    Candidates are ranked with the fast frame DER; the chosen one is scored by pyannote.
    """
    references = {r.name: _reference_frames(r) for r in recordings}
    candidates = grid_candidates(grid)
    chosen = min(candidates, key=lambda o: _selection_key(cache, recordings, references, o))
    return evaluate(cache, recordings, chosen)


def _reference_frames(recording: JoinedRecording) -> tuple[np.ndarray, np.ndarray]:
    """Reference speaker per frame and the frames scored under the selection collar."""
    names = sorted({t.speaker for t in recording.turns})
    spans = [(t.start, t.end, names.index(t.speaker)) for t in recording.turns]
    frames = int(len(recording.samples) / SAMPLE_RATE / FRAME_S) + 1
    return frame_labels(spans, frames), collar_mask(spans, frames, SELECTION_COLLAR)


def _selection_key(
    cache: EmbeddingCache,
    recordings: list[JoinedRecording],
    references: dict[str, tuple[np.ndarray, np.ndarray]],
    options: DiarizationOptions,
) -> tuple[int, float, float]:
    """(one-speaker files split, minus count accuracy, mean interview frame DER)."""
    splits, right, ders = 0, 0, []
    for recording in recordings:
        pieces = label_speech(cache.get(recording, options), options)
        found = speaker_count(pieces)
        splits += recording.speakers == 1 and found > 1
        right += found == recording.speakers
        if recording.speakers > 1:
            reference, scored = references[recording.name]
            spans = [(p.start / SAMPLE_RATE, p.end / SAMPLE_RATE, p.speaker) for p in pieces]
            errors, speech = frame_der_counts(
                reference, frame_labels(spans, len(reference)), scored
            )
            ders.append(errors / max(speech, 1))
    return splits, -right / len(recordings), _mean(ders)


def cross_evaluate(
    cache: EmbeddingCache, sets: dict[str, list[JoinedRecording]], grid: dict = GRID
) -> dict:
    """Tune on each set, score on the other: two held-out figures."""
    folds = {}
    for tune, test in (("tuning", "report"), ("report", "tuning")):
        chosen = select(cache, sets[tune], grid)
        options = DiarizationOptions(**chosen["options"])
        folds[f"tuned_on_{tune}"] = {
            "chosen_options": chosen["options"],
            "on_tuning_set": _brief(chosen),
            f"held_out_{test}": evaluate(cache, sets[test], options),
        }
    both = select(cache, sets["tuning"] + sets["report"], grid)
    folds["chosen_on_both_sets"] = {"chosen_options": both["options"], "not_held_out": _brief(both)}
    return folds


def _brief(report: dict) -> dict:
    return {k: v for k, v in report.items() if k != "files"}


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: prints a summary, writes the JSON report."""
    parser = argparse.ArgumentParser(description="说话人分离评测：DER 与人数估计准确率")
    parser.add_argument("--set", choices=sorted(SETS), default="report")
    parser.add_argument("--cross", action="store_true", help="互为调参集与评测集的两折结果")
    parser.add_argument(
        "--without-cohesion", action="store_true", help="网格不含凝聚度检验（改动前的对照）"
    )
    parser.add_argument(
        "--try",
        dest="trials",
        action="append",
        choices=sorted(TRIALS),
        default=[],
        help="网格加入：resegment（Viterbi 重分段）、eigengap（特征间隙估计人数）、partials（更密的重叠子窗）、"
        "pitch（基频差与声纹相似度融合）",
    )
    parser.add_argument(
        "--require",
        action="append",
        type=parse_requirement,
        default=[],
        help="固定某个选项（选项名=值，可重复），看它在留出组上的效果",
    )
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--speech-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    shared = locate_shared_dir()
    speech_dir = args.speech_dir or (shared / "data" / "speech" if shared else None)
    if speech_dir is None or not speech_dir.is_dir():
        parser.error("找不到语音片段目录，请用 --speech-dir 或 ZHIFA_SHARED_DIR 指定。")
    cache = EmbeddingCache(load_speaker_encoder())
    if args.cross:
        sets = {name: build_set(speech_dir, *SETS[name]) for name in SETS}
        base = GRID_WITHOUT_COHESION if args.without_cohesion else GRID
        grid = extended_grid(base, args.trials, dict(args.require))
        document = cross_evaluate(cache, sets, grid)
        for fold, result in document.items():
            test = next(k for k in result if k.startswith(("held_out_", "not_held_out")))
            print(f"{fold}: {result['chosen_options']}\n  {test}: {_line(result[test])}")
    else:
        recordings = build_set(speech_dir, *SETS[args.set])
        document = evaluate(cache, recordings, DiarizationOptions())
        audio_s = sum(len(r.samples) for r in recordings) / SAMPLE_RATE
        document["rtf_diarization"] = cache.seconds / audio_s
        print(f"{args.set}: {_line(document)}; RTF {document['rtf_diarization']:.3f}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _line(report: dict) -> str:
    parts = report["der_components_collar_0.25"].items()
    components = ", ".join(f"{kind} {value:.3f}" for kind, value in parts)
    return (
        f"DER interviews {report['der_interviews_collar_0.25']:.3f} (pyannote collar 0.25 = "
        f"±0.125 s; {report['der_interviews_collar_0.5']:.3f} at ±0.25 s; "
        f"{report['der_interviews_collar_0']:.3f} without collar; pooled components at ±0.125 s: "
        f"{components}); "
        f"speaker-count accuracy {report['count_accuracy']:.2f} "
        f"(interviews {report['count_accuracy_interviews']:.2f}); one-speaker files split "
        f"{report['one_speaker_files_split']}/{report['one_speaker_files']}"
    )


if __name__ == "__main__":
    raise SystemExit(main())

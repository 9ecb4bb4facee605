"""Does a voice cue tell people apart, or only recording channels? (issue #19, round 4)

Run: ``python -m eval.voice_cue_separation [--out var/bench/voice-cues.json]``

Every speaker's clips are cut into ~2.5 s pieces (as the joined interviews are) and
each piece gets its GE2E voice print and its median F0 (semitones above 100 Hz). For
every pair of speakers the separation of a cue is the AUC of "same speaker" against
"different speaker" piece pairs (1.0: every same-speaker pair closer than every
cross pair; 0.5: no information). Pairs are labelled *within one source* (both
speakers recorded by the same corpus and channel: the two AISHELL-1 speakers, the two
FunASR clips, the two WenetSpeech clips) or *across sources*: a cue that only works
across sources separates channels, which a real interview room with one microphone
does not offer.
"""

from __future__ import annotations

import argparse
import itertools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eval.diarization_sets import clips_by_speaker, cut_turns
from eval.speech_references import locate_shared_dir
from transcription.audio_decoding import SAMPLE_RATE
from transcription.diarization import embed_pieces
from transcription.pitch import piece_pitch
from transcription.speaker_encoder import load_speaker_encoder
from transcription.speech_windows import SpeechWindow

SOURCES = {
    "S0764": "AISHELL-1",
    "S0724": "AISHELL-1",
    "FunASR/sample": "FunASR",
    "FunASR/asr_example": "FunASR",
    "TEST_NET": "WenetSpeech",
    "TEST_MEETING": "WenetSpeech",
    "IT0011": "IT0011",
    "wenet": "wenet",
}


@dataclass(frozen=True)
class SpeakerPieces:
    """One speaker's pieces: voice prints (unit rows) and median pitch (NaN unknown)."""

    speaker: str
    embeddings: np.ndarray
    pitch: np.ndarray


def auc(same: np.ndarray, cross: np.ndarray) -> float:
    """P(a same-speaker affinity > a cross-speaker one), ties counted half (NaN if empty)."""
    if len(same) == 0 or len(cross) == 0:
        return float("nan")
    greater = (same[:, None] > cross[None, :]).mean()
    ties = (same[:, None] == cross[None, :]).mean()
    return float(greater + ties / 2)


def pair_separation(a: SpeakerPieces, b: SpeakerPieces) -> dict:
    """AUC of GE2E cosine and of negative pitch gap for one speaker pair."""
    same_cos = np.concatenate([_upper(s.embeddings @ s.embeddings.T) for s in (a, b)])
    cross_cos = (a.embeddings @ b.embeddings.T).ravel()
    same_gap = np.concatenate([_upper(_gaps(s.pitch, s.pitch)) for s in (a, b)])
    cross_gap = _gaps(a.pitch, b.pitch).ravel()
    same_gap, cross_gap = same_gap[np.isfinite(same_gap)], cross_gap[np.isfinite(cross_gap)]
    return {
        "pair": f"{a.speaker} | {b.speaker}",
        "within_one_source": SOURCES.get(a.speaker) == SOURCES.get(b.speaker),
        "ge2e_auc": auc(same_cos, cross_cos),
        "ge2e_mean_same_cross": [_mean(same_cos), _mean(cross_cos)],
        "pitch_auc": auc(-same_gap, -cross_gap),
        "pitch_median_st": [_median(a.pitch), _median(b.pitch)],
        "pitch_known_pieces": [int(np.isfinite(s.pitch).sum()) for s in (a, b)],
    }


def _upper(matrix: np.ndarray) -> np.ndarray:
    return matrix[np.triu_indices(len(matrix), 1)]


def _gaps(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    return np.abs(left[:, None] - right[None, :])


def _mean(values: np.ndarray) -> float:
    return float(values.mean()) if len(values) else float("nan")


def _median(values: np.ndarray) -> float | None:
    known = values[np.isfinite(values)]
    return float(np.median(known)) if len(known) else None


def speaker_pieces(speech_dir: Path, piece_s: float = 2.5) -> list[SpeakerPieces]:
    """Every speaker's clips cut into pieces, each embedded and pitch-tracked."""
    encoder = load_speaker_encoder()
    found = []
    for speaker, clips in sorted(clips_by_speaker(speech_dir).items()):
        turns = [t for clip in clips for t in cut_turns(clip, piece_s)]
        joined = np.concatenate(turns)
        bounds = np.cumsum([0] + [len(t) for t in turns])
        windows = [SpeechWindow(int(a), int(b)) for a, b in itertools.pairwise(bounds)]
        embeddings = embed_pieces(encoder, joined, windows)
        pitch = np.asarray([piece_pitch(t, SAMPLE_RATE).median_semitones for t in turns])
        found.append(SpeakerPieces(speaker, embeddings, pitch))
    return found


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: one line per speaker pair, within-source pairs first."""
    parser = argparse.ArgumentParser(description="声音线索区分说话人的能力（同一来源内 / 跨来源）")
    parser.add_argument("--speech-dir", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    shared = locate_shared_dir()
    speech_dir = args.speech_dir or (shared / "data" / "speech" if shared else None)
    if speech_dir is None or not speech_dir.is_dir():
        parser.error("找不到语音片段目录，请用 --speech-dir 或 ZHIFA_SHARED_DIR 指定。")
    speakers = speaker_pieces(speech_dir)
    rows = [pair_separation(a, b) for a, b in itertools.combinations(speakers, 2)]
    rows.sort(key=lambda r: not r["within_one_source"])
    for row in rows:
        where = "within" if row["within_one_source"] else "across"
        print(
            f"{where:6s} {row['pair']:36s} GE2E AUC {row['ge2e_auc']:.2f} "
            f"(same {row['ge2e_mean_same_cross'][0]:.2f} / cross {row['ge2e_mean_same_cross'][1]:.2f}); "
            f"pitch AUC {row['pitch_auc']:.2f} (medians {_rounded(row['pitch_median_st'])} st, "
            f"known pieces {row['pitch_known_pieces']})"
        )
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _rounded(values: list[float | None]) -> list[float | None]:
    return [None if v is None else round(v, 1) for v in values]


if __name__ == "__main__":
    raise SystemExit(main())

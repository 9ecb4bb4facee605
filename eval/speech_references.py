"""The real Mandarin clips in ``shared/data/speech`` and their reference transcripts.

References come from the source repositories' Kaldi-style ``text`` files (human
transcripts of AISHELL-1 / WenetSpeech). ``FunASR/sample.wav`` only has the outputs
of three FunASR models (they agree); it is reported but kept out of the pooled CER,
as are clips without any transcript (they still count for RTF and script checks).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

SPEECH_SUBDIR = Path("data") / "speech"
MODEL_OUTPUT_REFERENCES = {"FunASR/sample.wav": "FunASR/golden_paraformer.txt"}


@dataclass(frozen=True)
class SpeechClip:
    """One recording: path, name relative to the speech folder, reference if any."""

    path: Path
    name: str
    reference: str | None
    reference_kind: str  # "human", "model-output" or "none"


def locate_shared_dir(repo_root: Path | None = None) -> Path | None:
    """``$ZHIFA_SHARED_DIR`` or the repository's sibling ``../shared``, if present."""
    configured = os.environ.get("ZHIFA_SHARED_DIR")
    if configured:
        return Path(configured) if Path(configured).is_dir() else None
    root = repo_root or Path(__file__).resolve().parent.parent
    candidate = root.parent / "shared"
    return candidate if candidate.is_dir() else None


def read_kaldi_text(path: Path) -> dict[str, str]:
    """``utt-id  w1 w2 …`` lines → {basename(utt-id): text without spaces}."""
    references: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, text = line.strip().partition(" ")
        if key and text.strip():
            references[Path(key).name] = "".join(text.split())
    return references


def load_speech_clips(speech_dir: Path) -> list[SpeechClip]:
    """Every WAV under ``speech_dir`` with its reference, sorted by name."""
    clips = []
    for wav in sorted(speech_dir.glob("*/*.wav")):
        name = wav.relative_to(speech_dir).as_posix()
        text_file = wav.parent / "text"
        human = read_kaldi_text(text_file).get(wav.stem) if text_file.is_file() else None
        clips.append(_clip(wav, name, human, speech_dir))
    return clips


def _clip(wav: Path, name: str, human: str | None, speech_dir: Path) -> SpeechClip:
    if human:
        return SpeechClip(wav, name, human, "human")
    golden = MODEL_OUTPUT_REFERENCES.get(name)
    if golden and (speech_dir / golden).is_file():
        text = "".join((speech_dir / golden).read_text(encoding="utf-8").split())
        return SpeechClip(wav, name, text, "model-output")
    return SpeechClip(wav, name, None, "none")

"""The transcription layer's settings section: how Whisper decodes interviews."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from models.settings import ModelSettings


class TranscriptionSettings(ModelSettings):
    """CTranslate2 device and decoding knobs; the model folder is a models setting."""

    whisper_device: str = Field(default="cpu", description="CTranslate2 device: cpu or cuda.")
    whisper_compute_type: str = Field(default="int8", description="CTranslate2 compute type.")
    whisper_cpu_threads: int = Field(default=0, description="Decoder threads; 0 = all cores.")
    whisper_beam_size: int = Field(
        default=10, description="Beam width (10 chosen on joined files); 1 = greedy (faster)."
    )
    whisper_language: str = Field(default="zh", description="Spoken language of recordings.")
    whisper_hotwords: str | None = Field(
        default=None, description="Site-wide hotwords (space-separated), added to each case's."
    )
    whisper_max_window_s: float = Field(
        default=28.0, description="Longest stretch of speech decoded at once (Whisper sees 30 s)."
    )
    # speakers and text finishing (transcription/diarization.py, text_finishing.py)
    diarization: bool = Field(
        default=True,
        description="Tell speakers apart by voice (GE2E encoder); off = question/pause heuristic.",
    )
    speaker_encoder_path: Path | None = Field(
        default=None,
        description="GE2E weights (resemblyzer's pretrained.pt); None = the installed wheel's.",
    )
    transcript_verbatim: bool = Field(
        default=False, description="Keep fillers (嗯/啊/呃) as spoken, for verbatim 笔录."
    )

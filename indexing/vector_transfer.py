"""Move built vectors between machines: ``zhifa index export-vectors`` / ``import-vectors``.

An air-gapped site that cannot spend two hours embedding imports the cache of a
machine that did. The file (a NumPy ``.npz``, no pickles) carries the model manifest,
the SHA-256 of every embedded text and a checksum over both arrays; an import
refuses another model's vectors or a damaged file, so a vector can only ever be
attached to the exact text it was computed from.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from corpus.errors import ErrorKind, ZhifaError
from indexing.embedding_cache import EmbeddingCache
from models.embedder import Embedder

FORMAT = "zhifa-vectors/1"
_HEX64 = re.compile(rb"^[0-9a-f]{64}$")


class VectorFileError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="bad_vector_file"):
    """A vector file that is damaged, of another format or of another model."""


@dataclass(frozen=True)
class TransferReport:
    path: str
    vectors: int
    model: str

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "vectors": self.vectors, "model": self.model}


def _checksum(hashes: np.ndarray, vectors: np.ndarray) -> str:
    digest = hashlib.sha256(np.ascontiguousarray(hashes).tobytes())
    digest.update(np.ascontiguousarray(vectors, dtype=np.float32).tobytes())
    return digest.hexdigest()


def export_vectors(cache: EmbeddingCache, embedder: Embedder, path: Path) -> TransferReport:
    """Write every cached vector of ``embedder``'s model to ``path`` (atomically)."""
    keys, rows = [], []
    for key, vector in cache.iter_vectors(embedder.fingerprint):
        keys.append(key.encode("ascii"))
        rows.append(vector)
    if not rows:
        raise VectorFileError(
            "嵌入缓存中没有当前模型的向量：请先运行 zhifa index vectors 或 zhifa index build"
        )
    hashes = np.array(keys, dtype="S64")
    vectors = np.stack(rows).astype(np.float32, copy=False)
    header = {
        "format": FORMAT,
        "model": embedder.manifest().to_dict(),
        "count": len(rows),
        "checksum": _checksum(hashes, vectors),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as handle:
        np.savez(handle, header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
                 hashes=hashes, vectors=vectors)  # fmt: skip
    os.replace(tmp, path)
    return TransferReport(str(path), len(rows), embedder.model_id)


def import_vectors(cache: EmbeddingCache, embedder: Embedder, path: Path) -> TransferReport:
    """Check ``path`` against ``embedder`` and add its vectors to the cache."""
    path = Path(path)
    if not path.is_file():
        raise VectorFileError(f"向量文件不存在：{path}")
    try:
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(bytes(data["header"]).decode("utf-8"))
            hashes, vectors = data["hashes"], data["vectors"]
    except (OSError, ValueError, KeyError) as exc:
        raise VectorFileError(f"无法读取向量文件 {path.name}：{exc}") from exc
    _check(header, hashes, vectors, embedder, path.name)
    cache.put_many(
        embedder.fingerprint,
        {key.decode("ascii"): vector for key, vector in zip(hashes, vectors, strict=True)},
    )
    return TransferReport(str(path), len(hashes), embedder.model_id)


def _check(
    header: dict, hashes: np.ndarray, vectors: np.ndarray, embedder: Embedder, name: str
) -> None:
    if header.get("format") != FORMAT:
        raise VectorFileError(f"{name} 不是执法智助的向量文件（格式 {header.get('format')}）")
    model = header.get("model", {})
    if model.get("fingerprint") != embedder.fingerprint or model.get("dim") != embedder.dim:
        raise VectorFileError(
            f"{name} 的向量来自模型 {model.get('backend')}:{model.get('model_id')}（指纹 "
            f"{str(model.get('fingerprint'))[:12]}），与当前模型 {embedder.model_id}（指纹 "
            f"{embedder.fingerprint[:12]}）不同，不能导入"
        )
    if vectors.ndim != 2 or vectors.shape != (len(hashes), embedder.dim):
        raise VectorFileError(f"{name} 的向量形状 {vectors.shape} 与文本哈希数量不符")
    if header.get("count") != len(hashes) or header.get("checksum") != _checksum(hashes, vectors):
        raise VectorFileError(f"{name} 已损坏：校验和不符")
    if not all(_HEX64.match(bytes(key)) for key in hashes):
        raise VectorFileError(f"{name} 中有无效的文本哈希")

"""Which model built an index: vectors from another model are silently garbage.

The manifest travels with every index and every cached vector; loading an index
with a different model fails loudly instead of returning nonsense neighbours.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from corpus.errors import ErrorKind, ZhifaError


class ModelMismatchError(
    ZhifaError, RuntimeError, kind=ErrorKind.UNAVAILABLE, code="model_mismatch"
):
    """An index was built with another embedding model than the one configured."""


@dataclass(frozen=True)
class ModelManifest:
    """Backend, model id/path, dimension and a fingerprint of the weights."""

    backend: str
    model_id: str
    dim: int
    fingerprint: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelManifest:
        return cls(
            str(data["backend"]), str(data["model_id"]), int(data["dim"]), str(data["fingerprint"])
        )

    def check_compatible(self, other: ModelManifest) -> None:
        """Raise ModelMismatchError unless ``other`` produces the same vectors as self."""
        if self.fingerprint == other.fingerprint and self.dim == other.dim:
            return
        raise ModelMismatchError(
            f"索引由嵌入模型 {self.backend}:{self.model_id}（{self.dim} 维，指纹 {self.fingerprint[:12]}）"
            f"构建，但当前配置的是 {other.backend}:{other.model_id}（{other.dim} 维，指纹 "
            f"{other.fingerprint[:12]}）。请改回原模型，或运行 `zhifa index build` 重建索引。"
        )


def fingerprint_files(paths: list[Path], extra: str = "") -> str:
    """SHA-256 over file names, sizes and contents: cheap enough for small models."""
    digest = hashlib.sha256(extra.encode("utf-8"))
    for path in sorted(paths):
        digest.update(path.name.encode("utf-8"))
        digest.update(str(path.stat().st_size).encode())
        with path.open("rb") as handle:
            for block in iter(lambda h=handle: h.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()

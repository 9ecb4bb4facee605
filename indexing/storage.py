"""Where indexes live, and replacing one atomically.

A new index is written into a temporary sibling folder and swapped in by rename, so
a crash mid-build leaves the last good index in place. The swap is two renames
(old → backup, new → target); a crash between them is repaired on the next load by
restoring the backup.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from corpus.settings import CorpusSettings
from indexing.settings import IndexingSettings

_TMP = ".tmp-"
_OLD = ".old-"


def index_dir_for(settings: IndexingSettings) -> Path:
    """``settings.index_dir`` or ``data_dir/index``."""
    return settings.resolved_index_dir


def embedding_cache_path(settings: CorpusSettings) -> Path:
    """The shared embedding cache under ``data_dir``."""
    return settings.data_layout.embedding_cache


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    """One JSON object a line, Chinese kept readable."""
    with Path(path).open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def write_json(path: Path, data: Any) -> None:
    """A manifest or small state file, indented so an administrator can read it."""
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def write_file_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp_file)`` on a name of its own beside ``target``, then rename it over.

    The name is unique per call, so two threads or processes caching the same file at once
    each finish their own write; the last rename wins and readers never see half a file.
    The temporary name keeps ``target``'s suffix (numpy appends ``.npz`` otherwise).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.stem}.{uuid.uuid4().hex[:8]}{target.suffix}")
    try:
        write(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp_folder)``, then swap the folder in place of ``target``."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(target, _TMP)
    tmp = target.parent / f".{target.name}{_TMP}{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        write(tmp)
        _fsync_tree(tmp)
        backup = target.parent / f".{target.name}{_OLD}{uuid.uuid4().hex[:8]}"
        if target.exists():
            os.rename(target, backup)
        os.rename(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(backup, ignore_errors=True)
    _remove_stale(target, _OLD)


def recover(target: Path) -> Path:
    """Return ``target``, restoring the newest backup if a swap was interrupted."""
    target = Path(target)
    if not target.exists():
        backups = sorted(_siblings(target, _OLD), key=lambda p: p.stat().st_mtime)
        if backups:
            os.rename(backups[-1], target)
    return target


def _siblings(target: Path, marker: str) -> list[Path]:
    if not target.parent.is_dir():
        return []
    return [p for p in target.parent.glob(f".{target.name}{marker}*") if p.is_dir()]


def _remove_stale(target: Path, marker: str) -> None:
    """Leftovers of a crashed build (tmp) or of a finished swap (old) are safe to delete."""
    if marker == _OLD and not target.exists():
        return
    for leftover in _siblings(target, marker):
        shutil.rmtree(leftover, ignore_errors=True)


def _fsync_tree(folder: Path) -> None:
    """Flush file contents before the rename makes them visible."""
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())

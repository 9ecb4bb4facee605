"""The layout of the writable data folder (``ZHIFA_DATA_DIR``), in one place.

Every layer that writes under the data folder asks this module where, so the
folder's shape is documented once and no module invents its own ``var/…`` path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def default_data_dir() -> Path:
    """``./var`` under the working directory: never inside the installed package."""
    return Path.cwd() / "var"


@dataclass(frozen=True)
class DataLayout:
    """Paths under one data folder; nothing is created until a writer needs it."""

    root: Path

    @property
    def database_file(self) -> Path:
        """The default SQLite database (when no ``ZHIFA_DATABASE_URL`` is set)."""
        return self.root / "zhifa.db"

    @property
    def index_dir(self) -> Path:
        """The statute retrieval index."""
        return self.root / "index"

    @property
    def case_index_dir(self) -> Path:
        """The similar-case index."""
        return self.root / "case_index"

    @property
    def embedding_cache(self) -> Path:
        """Vectors already computed, shared by the statute and case indexes."""
        return self.root / "embedding-cache.sqlite3"

    @property
    def vector_progress(self) -> Path:
        """Progress of the background vector build (read by the CLI and the service)."""
        return self.root / "vector-progress.json"

    @property
    def milvus_lite(self) -> Path:
        """The milvus-lite database file when no Milvus cluster URI is set."""
        return self.root / "milvus.db"

    @property
    def models_dir(self) -> Path:
        """Model folders assembled from registry packages (Whisper base)."""
        return self.root / "models"

    @property
    def records_dir(self) -> Path:
        """Interview recordings, their tamper-evident records and drafts, per case."""
        return self.root / "records"

    @property
    def case_records_dir(self) -> Path:
        """Attachments of the whole-process record (执法全过程记录)."""
        return self.root / "case_records"

    @property
    def jobs_dir(self) -> Path:
        """Transcription job state kept by the service."""
        return self.root / "jobs"

    @property
    def exports_dir(self) -> Path:
        """Files the service prepared for download."""
        return self.root / "exports"

    def uploads_dir(self, kind: str) -> Path:
        """Uploaded files of one kind (audio, statutes, roster) before they are processed."""
        return self.root / "uploads" / kind

    def cache_dir(self, name: str) -> Path:
        """A disposable cache (e.g. decoded transcription segments)."""
        return self.root / "cache" / name

"""The corpus layer's settings section: where data lives and which database to use.

Each layer owns a typed section that extends the one below it (corpus → models →
indexing → assistant; transcription beside assistant); ``api.settings.Settings``
composes them at the edge and reads the ``ZHIFA_*`` environment. Lower layers
annotate their parameters with their own section, so a misspelt field is an
error, not a silent default.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from corpus.data_layout import DataLayout, default_data_dir

DEFAULT_CORPUS_DIR = Path(__file__).resolve().parent / "data"


class CorpusSettings(BaseModel):
    """Data folder, database and the statutes shipped with the package."""

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Writable folder for database, indexes, records; default ./var.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; defaults to SQLite in data_dir. PostgreSQL works unchanged.",
    )
    default_corpus_dir: Path = Field(
        default=DEFAULT_CORPUS_DIR, description="Statutes shipped with the project."
    )
    # --- national corpus (issue 15) ---
    national_corpus_archive: Path | None = Field(
        default=DEFAULT_CORPUS_DIR / "national" / "laws.tar.xz",
        description="All national statutes (xz tarball) that `corpus init` imports; None = skip.",
    )

    @property
    def data_layout(self) -> DataLayout:
        """Where each kind of file goes under ``data_dir``."""
        return DataLayout(self.data_dir)

    @property
    def resolved_database_url(self) -> str:
        """The database URL in use: the configured one, or SQLite under data_dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_layout.database_file}"

    def ensure_data_dir(self) -> Path:
        """Create data_dir if needed and return it."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return self.data_dir

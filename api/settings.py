"""The one configuration object of zhifa, composed at the edge from every layer's section.

Every setting can come from the environment (prefix ``ZHIFA_``) or a ``.env`` file,
so a site can point at its own database, models and data folders without code
changes. The object is created once here (CLI, service) and passed down; each layer
sees it through its own section type (``CorpusSettings``, ``IndexingSettings``…).
"""

from __future__ import annotations

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.settings import AssistantSettings
from transcription.settings import TranscriptionSettings


class ServiceSettings(BaseModel):
    """Limits and workers of the HTTP service."""

    upload_max_mb: int = Field(
        default=200, description="Largest recording accepted by the upload endpoint (MiB)."
    )
    corpus_upload_max_mb: int = Field(
        default=50, description="Largest statute file an admin may upload for import (MiB)."
    )
    job_workers: int = Field(
        default=1, description="Transcription jobs run at once (each uses all decoder threads)."
    )
    jobs_kept: int = Field(
        default=200, description="Finished transcription jobs kept in memory for polling."
    )
    json_body_max_kb: int = Field(
        default=4096, description="Largest JSON request body (KiB); checked before reading it."
    )
    upload_idle_timeout_s: float = Field(
        default=30.0, description="An upload that sends nothing for this long is cut off (408)."
    )
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins allowed cross-site; empty = same origin only."
    )
    # --- throughput (issue 16) ---
    auth_recent_s: float = Field(
        default=2.0,
        ge=0,
        le=60,
        description="A token found valid is trusted this many seconds without a database check; "
        "revocation stays immediate (service: cleared; CLI on the same data folder: marker file); "
        "only a revocation from another machine waits out this window.",
    )
    # --- national corpus: background vectors, live index reload (issue 15) ---
    background_vectors: bool = Field(
        default=True,
        description="`zhifa serve` embeds missing unit vectors in a background thread.",
    )
    index_watch: bool = Field(
        default=True,
        description="Requests swap in an index rebuilt on disk (index update) without a restart.",
    )


class Settings(AssistantSettings, TranscriptionSettings, ServiceSettings, BaseSettings):
    """Every layer's section in one object, read from ``ZHIFA_*`` and ``.env``."""

    model_config = SettingsConfigDict(env_prefix="ZHIFA_", env_file=".env", extra="ignore")

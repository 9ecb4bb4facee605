"""The assistant layer's settings section: discretion, publicity, cases, review, drafting.

Shipped read-only data (standards, cases) defaults to the package's own folder
(``assistant.shipped_data``); writable folders default under the data folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from assistant import shipped_data
from indexing.settings import IndexingSettings


class AssistantSettings(IndexingSettings):
    """What the officer-facing components read; each field names its rule or file."""

    standards_dir: Path = Field(
        default=shipped_data.STANDARDS_DIR,
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
        default=shipped_data.CASES_DIR,
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
    case_milvus_collection: str = Field(
        default="zhifa_cases", description="Milvus collection holding the case vectors."
    )
    review_catalogue_path: Path | None = Field(
        default=None,
        description="An agency's 重大执法决定目录清单 (YAML); None = the shipped Guangdong default.",
    )
    major_amount_threshold_yuan: float | None = Field(
        default=None, description="Fine/confiscation making a decision major; None = catalogue's."
    )
    review_documents_path: Path | None = Field(
        default=None,
        description="An agency's 文书功能目录 (YAML: functions and accepted titles); None = shipped.",
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

    # --- national pair catalogue (办案辅助, issue #17 rounds 7–8; README 办案辅助评测) ----
    catalogue_mode: Literal["off", "rank", "features"] = Field(
        default="off",
        description="How the national (duty, 罚则) pair catalogue joins the routed candidates: "
        "features = its top pairs scored on the pair ranker's features plus a rank bonus "
        "(won both tuning directions in round 8 but lost 2 pairs on the held-out fresh7, so "
        "off by default); rank = reciprocal rank fusion (lost, round 7).",
    )
    catalogue_depth: int = Field(
        default=20, ge=1, description="Catalogue pairs taken per situation (chosen both ways)."
    )
    catalogue_bonus: float = Field(
        default=0.1,
        ge=0,
        description="Score added to a candidate whose articles the catalogue ranks r-th, "
        "× 5/(5+r−1) (chosen on fresh3+4 and on fresh5+6 alike).",
    )
    catalogue_rank_weight: float = Field(
        default=0.5, ge=0, description="rank mode: the catalogue list's RRF weight (routed: 1)."
    )
    catalogue_law_vote: float = Field(
        default=0.0,
        ge=0,
        description="Weight of the catalogue's laws as a sixth law-ranking view (0 = off; "
        "+3 pairs on fresh3+4 but 0 on fresh5+6, round 8, not adopted).",
    )

    # --- verified situations (办案辅助, issue #17; README 办案辅助评测 “已核对情形”) -------
    situation_memory: bool = Field(
        default=True,
        description="Propose the pair of the most similar verified situation (an agency's "
        "own resolved cases and the project's blind-written sets); re-resolved on the act date.",
    )
    situation_memory_paths: list[Path] = Field(
        default_factory=lambda: [shipped_data.VERIFIED_SITUATIONS],
        description="Files or folders of verified situations (the assist evaluation-set JSON "
        "format); an agency appends its own file to the shipped one.",
    )
    memory_strong: float = Field(
        default=0.2, ge=0, description="A neighbour this similar leads the pairs (TF-IDF cosine)."
    )
    memory_weak: float = Field(
        default=0.15, ge=0, description="A neighbour this similar enters at memory_weak_position."
    )
    memory_weak_position: int = Field(
        default=1,
        ge=0,
        description="Where a weak neighbour's pair goes among the pairs (0 = first).",
    )
    memory_max_pairs: int = Field(
        default=2, ge=0, description="Most pairs the memory adds per situation (0 = off)."
    )
    memory_prefer_units: bool = Field(
        default=True,
        description="When memory and retrieval name the same two articles, show the "
        "verified neighbour's 款/项.",
    )
    memory_protect: float | None = Field(
        default=None,
        description="A first pair the law itself links (明文援引/列举复述) scoring this much "
        "keeps first place; None = memory always leads when strong.",
    )
    memory_gate_weak: bool = Field(
        default=False,
        description="A neighbour below memory_strong counts only when its law is one the "
        "retrieval itself routed to, paired or retrieved.",
    )

    # --- supervision (执法监督: 案卷评查 and the supervision view) -------------------------
    audit_rubric_path: Path | None = Field(
        default=None,
        description="An agency's 案卷评查 rubric (YAML); None = the shipped default.",
    )
    supervision_cases_dir: Path | None = Field(
        default=None,
        description="Filed case files the supervision view reads; None = data_dir/supervision/cases.",
    )
    supervision_warning_days: int = Field(
        default=15, description="Warn this many days before a deadline (--within default)."
    )

    @property
    def resolved_case_index_dir(self) -> Path:
        """``case_index_dir`` or ``data_dir/case_index``."""
        return self.case_index_dir or self.data_layout.case_index_dir

    @property
    def resolved_case_attachments_dir(self) -> Path:
        """``case_attachments_dir`` or ``data_dir/case_records``."""
        return self.case_attachments_dir or self.data_layout.case_records_dir

    @property
    def resolved_supervision_cases_dir(self) -> Path:
        """``supervision_cases_dir`` or ``data_dir/supervision/cases``."""
        return self.supervision_cases_dir or self.data_dir / "supervision" / "cases"

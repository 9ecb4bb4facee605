"""Uploaded recording → transcript → 询问笔录 draft (JSON, Markdown, DOCX), for the API.

The same pipeline as ``zhifa transcribe``: the Whisper engine is the process's shared
one (``api.components.Components.transcription_engine``), loaded on the first job.
An accepted upload is moved out of the uploads folder into the job's own folder under
the name the officer gave it (``jobs/<id>/source/<name>``), so the uploads folder only
ever holds bodies still arriving (and what a killed server left there, swept at
start), and names in the draft and in messages are the officer's, not the server's.
With a case number the recording is filed with the case (audio record + draft under
``data_dir/records``) and stays as the recorded file; without one the draft is
written to the job's folder and the recording is deleted after transcription.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from api.components import Components
from api.http.jobs import JobFailure, Progress, Work
from api.http.uploads import ReceivedUpload
from corpus.errors import ZhifaError
from corpus.field_types import Identifier, Name
from transcription.audio_decoding import AudioDecodeError
from transcription.audio_record import AudioRecordError, CollectionInfo, records_root
from transcription.case_filing import file_with_case
from transcription.engine import WhisperEngine
from transcription.pipeline import config_from_settings, transcribe_file
from transcription.record_draft import (
    AudioSource,
    InterviewHeader,
    draft_from_turns,
    rerender_draft,
    write_draft_files,
)
from transcription.speaker_encoder import SpeakerEncoder, SpeakerEncoderError
from transcription.transcript import TranscriptionResult
from transcription.turns import turns_from_segments

log = logging.getLogger("zhifa.api.http.transcription")
TRANSCRIPTION_JOB = "transcription"


class TranscriptionForm(BaseModel):
    """The text fields sent with the recording (all optional)."""

    case_id: Identifier = Field(
        default="", max_length=100, description="案件编号；给出时归档到案件"
    )
    case_cause: Name = Field(default="", max_length=200, description="案由")
    agency: Name = Field(default="", max_length=200, description="执法机关")
    collected_at: Name = Field(default="", max_length=100, description="采集时间 / 询问时间")
    location: Name = Field(default="", max_length=200, description="采集地点 / 询问地点")
    collector: Name = Field(default="", max_length=100, description="采集人")
    proof: Name = Field(default="", max_length=200, description="证明对象")
    interviewer: Name = Field(default="", max_length=100, description="询问人")
    recorder: Name = Field(default="", max_length=100, description="记录人")
    interviewee: Name = Field(default="", max_length=100, description="被询问人")
    hotwords: Name = Field(default="", max_length=500, description="热词，空格或逗号分隔")
    verbatim: str = Field(
        default="",
        pattern="^(|0|1|true|false)$",
        description="逐字记录语气词（嗯、啊、呃）：1/true 开启，0/false 关闭，不填按站点设置",
    )

    def header(self) -> InterviewHeader:
        return InterviewHeader(
            case_id=self.case_id,
            agency=self.agency,
            case_cause=self.case_cause,
            time=self.collected_at,
            location=self.location,
            interviewers=self.interviewer,
            recorder=self.recorder,
            interviewee=self.interviewee,
        )

    def verbatim_choice(self) -> bool | None:
        return None if not self.verbatim else self.verbatim in ("1", "true")

    def hotword_list(self) -> list[str]:
        return [w for w in self.hotwords.replace("，", " ").replace(",", " ").split() if w]


@dataclass(frozen=True)
class TranscriptionOutcome:
    """What a finished job holds: the transcript, the draft and its files on disk."""

    transcript: dict[str, Any]
    draft: dict[str, Any]
    markdown: str
    files: dict[str, Path]
    filed_with_case: bool

    def as_json(self) -> dict[str, Any]:
        """Saved with the job row; file paths are the server's and are never sent out."""
        return self.__dict__ | {"files": {k: str(v) for k, v in self.files.items()}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TranscriptionOutcome:
        return cls(**data | {"files": {k: Path(v) for k, v in data["files"].items()}})


@dataclass(frozen=True)
class StagedRecording:
    """An accepted upload in its job folder, under the officer's own file name."""

    path: Path
    display_name: str

    def as_spec(self, form: TranscriptionForm) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "display_name": self.display_name,
            "form": form.model_dump(),
        }


class TranscriptionService:
    """Runs uploads through the pipeline; one per app, engine loaded lazily once."""

    def __init__(self, components: Components) -> None:
        self.components = components
        self.settings = components.settings

    @property
    def uploads_dir(self) -> Path:
        return self.settings.data_layout.uploads_dir("audio")

    @property
    def jobs_dir(self) -> Path:
        return self.settings.data_layout.jobs_dir

    def engine(self) -> WhisperEngine:
        """The process's shared engine; a model that cannot load fails the job, not the app."""
        try:
            return self.components.transcription_engine
        except ZhifaError as exc:  # the detail names server folders: logged, not sent
            log.error("transcription model unavailable: %s", exc)
            raise JobFailure(
                "转写模型无法加载，请联系管理员检查模型安装（zhifa models status）"
            ) from exc

    def stage(self, upload: ReceivedUpload, job_id: str) -> StagedRecording:
        """Move an accepted upload into ``jobs/<id>/source/`` under its display name."""
        folder = self.jobs_dir / job_id / "source"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / upload.display_name
        upload.path.replace(target)
        return StagedRecording(target, upload.display_name)

    def work_for(self, spec: dict[str, Any]) -> Work:
        """The job body for saved inputs (a fresh job, or one resumed after a restart)."""
        staged = StagedRecording(Path(spec["path"]), spec["display_name"])
        form = TranscriptionForm(**spec["form"])
        if not staged.path.is_file():
            raise JobFailure(f"录音“{staged.display_name}”已不在服务器上，请重新上传")
        return lambda job: self.run(job.id, staged, form, job.report).as_json()

    def sweep_orphaned_uploads(self, older_than_s: float) -> int:
        """Delete partial uploads a killed server left behind; returns how many."""
        removed = 0
        cutoff = time.time() - older_than_s
        for path in self.uploads_dir.glob("*") if self.uploads_dir.is_dir() else []:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def voices(self) -> SpeakerEncoder | None:
        """The shared speaker encoder; None (question heuristic) when off or missing."""
        try:
            return self.components.speaker_encoder
        except SpeakerEncoderError as exc:
            log.warning("speaker encoder unavailable, heuristic roles: %s", exc)
            return None

    def run(
        self, job_id: str, staged: StagedRecording, form: TranscriptionForm, progress: Progress
    ) -> TranscriptionOutcome:
        """The job body: transcribe, then file with the case or write the draft alone."""
        try:
            result = self._transcribe(staged, form, progress)
            if form.case_id:
                return self._file_with_case(result, staged, form)
            return self._draft_only(result, staged, form, self.jobs_dir / job_id)
        finally:
            if not form.case_id:
                staged.path.unlink(missing_ok=True)

    def _transcribe(
        self, staged: StagedRecording, form: TranscriptionForm, progress: Progress
    ) -> TranscriptionResult:
        config = config_from_settings(
            self.settings,
            hotwords=form.hotword_list(),
            verbatim=form.verbatim_choice(),
            cache_root=self.settings.data_layout.cache_dir("transcription"),
        )
        try:
            return transcribe_file(self.engine(), staged.path, config, progress, self.voices())
        except AudioDecodeError as exc:
            raise JobFailure(f"录音“{staged.display_name}”无法解码：文件可能已损坏") from exc

    def _file_with_case(
        self, result: TranscriptionResult, staged: StagedRecording, form: TranscriptionForm
    ) -> TranscriptionOutcome:
        collection = CollectionInfo(
            form.case_id, form.collected_at, form.location, form.collector, form.proof
        )
        try:
            filed = file_with_case(
                result,
                staged.path,
                collection,
                form.header(),
                records_root(self.settings),
                staged.display_name,
            )
        except (AudioRecordError, OSError, ValueError) as exc:
            log.exception("filing %s with case failed", staged.display_name)
            raise JobFailure(
                f"录音“{staged.display_name}”已转写，但保存案件记录失败，请联系管理员"
            ) from exc
        return _outcome(result, filed.draft_paths, filed_with_case=True)

    @staticmethod
    def _draft_only(
        result: TranscriptionResult, staged: StagedRecording, form: TranscriptionForm, folder: Path
    ) -> TranscriptionOutcome:
        source = AudioSource(
            file_name=staged.display_name,
            sha256=result.sha256,
            duration_s=round(result.duration_s, 3),
        )
        draft = draft_from_turns(form.header(), turns_from_segments(result.segments), source)
        folder.mkdir(parents=True, exist_ok=True)
        return _outcome(result, write_draft_files(draft, folder / "draft"), filed_with_case=False)


def rename_outcome_speakers(
    outcome: TranscriptionOutcome, renames: dict[str, str]
) -> TranscriptionOutcome:
    """Rename speakers in the job's draft: JSON rewritten, Markdown and DOCX re-rendered."""
    paths = rerender_draft(outcome.files["json"], renames)
    return replace(
        outcome,
        draft=json.loads(paths["json"].read_text(encoding="utf-8")),
        markdown=paths["markdown"].read_text(encoding="utf-8"),
    )


def _outcome(
    result: TranscriptionResult, paths: dict[str, Path], filed_with_case: bool
) -> TranscriptionOutcome:
    return TranscriptionOutcome(
        transcript=result.to_json(),
        draft=json.loads(paths["json"].read_text(encoding="utf-8")),
        markdown=paths["markdown"].read_text(encoding="utf-8"),
        files=paths,
        filed_with_case=filed_with_case,
    )

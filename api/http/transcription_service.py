"""Uploaded recording → transcript → 询问笔录 draft (JSON, Markdown, DOCX), for the API.

The same pipeline as ``zhifa transcribe``: the Whisper engine is the process's shared
one (``api.components.Components.transcription_engine``), loaded on the first job. With a case number the recording is filed with the case (audio
record + draft under ``data_dir/records``); without one the draft is written to the
job's own folder and the recording is deleted after transcription.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from api.components import Components
from api.http.jobs import JobFailure, Progress
from api.http.uploads import ReceivedUpload
from corpus.errors import ZhifaError
from corpus.field_types import Identifier, Name
from transcription.audio_decoding import AudioDecodeError
from transcription.audio_record import AudioRecordError, CollectionInfo, records_root
from transcription.case_filing import file_with_case
from transcription.engine import WhisperEngine
from transcription.options import transcription_options_from
from transcription.pipeline import PipelineConfig, transcribe_file
from transcription.record_draft import (
    AudioSource,
    InterviewHeader,
    draft_from_turns,
    write_draft_files,
)
from transcription.transcript import TranscriptionResult
from transcription.turns import turns_from_segments


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
        except ZhifaError as exc:
            raise JobFailure(str(exc)) from exc

    def run(
        self, job_id: str, upload: ReceivedUpload, form: TranscriptionForm, progress: Progress
    ) -> TranscriptionOutcome:
        """The job body: transcribe, then file with the case or write the draft alone."""
        try:
            result = self._transcribe(upload.path, form, progress)
            if form.case_id:
                return self._file_with_case(result, upload, form)
            return self._draft_only(result, upload, form, self.jobs_dir / job_id)
        finally:
            if not form.case_id:
                upload.path.unlink(missing_ok=True)

    def _transcribe(
        self, path: Path, form: TranscriptionForm, progress: Progress
    ) -> TranscriptionResult:
        config = PipelineConfig(
            options=transcription_options_from(self.settings).with_hotwords(form.hotword_list()),
            cache_root=self.settings.data_layout.cache_dir("transcription"),
        )
        try:
            return transcribe_file(self.engine(), path, config, progress)
        except AudioDecodeError as exc:
            raise JobFailure(str(exc)) from exc

    def _file_with_case(
        self, result: TranscriptionResult, upload: ReceivedUpload, form: TranscriptionForm
    ) -> TranscriptionOutcome:
        collection = CollectionInfo(
            form.case_id, form.collected_at, form.location, form.collector, form.proof
        )
        try:
            filed = file_with_case(
                result, upload.path, collection, form.header(), records_root(self.settings)
            )
        except (AudioRecordError, OSError) as exc:
            raise JobFailure(f"保存案件记录失败：{exc}") from exc
        return _outcome(result, filed.draft_paths, filed_with_case=True)

    @staticmethod
    def _draft_only(
        result: TranscriptionResult, upload: ReceivedUpload, form: TranscriptionForm, folder: Path
    ) -> TranscriptionOutcome:
        source = AudioSource(
            file_name=upload.display_name,
            sha256=result.sha256,
            duration_s=round(result.duration_s, 3),
        )
        draft = draft_from_turns(form.header(), turns_from_segments(result.segments), source)
        folder.mkdir(parents=True, exist_ok=True)
        return _outcome(result, write_draft_files(draft, folder / "draft"), filed_with_case=False)


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

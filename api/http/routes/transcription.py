"""Transcription endpoints: upload a recording → background job → transcript + 笔录 draft.

Only officers (and admins) transcribe; a job is visible to its owner and to admins.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from api.http.audio_probe import probe_recording
from api.http.auth import Officer
from api.http.errors import ApiError, ErrorBody
from api.http.jobs import Job, JobRunner, JobStatus, new_job_id
from api.http.transcription_service import (
    TRANSCRIPTION_JOB,
    TranscriptionForm,
    TranscriptionOutcome,
    TranscriptionService,
    rename_outcome_speakers,
)
from api.http.uploads import AUDIO_TYPES, UploadPolicy, multipart_upload_schema, receive_upload
from api.users import Principal, Role
from transcription.example_audio import EXAMPLE_RECORDING
from transcription.record_draft import DraftError

router = APIRouter(prefix="/transcriptions", tags=["录音转写"])

_DOWNLOADS = {
    "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "md": ("markdown", "text/markdown; charset=utf-8"),
    "json": ("json", "application/json"),
}
_FORM_FIELDS = {name: {"type": "string"} for name in TranscriptionForm.model_fields}
_UPLOAD_BODY: dict[str, Any] = multipart_upload_schema(**_FORM_FIELDS)
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (401, 403, 404, 413, 415, 422)
}


class JobProgress(BaseModel):
    done_s: float
    total_s: float
    fraction: float


class TranscriptSegmentOut(BaseModel):
    start: float
    end: float
    speaker: str
    text: str


class DraftTurnOut(BaseModel):
    speaker: str
    start: float
    end: float
    text: str


class TranscriptionResultOut(BaseModel):
    text: str
    segments: list[TranscriptSegmentOut]
    speakers: int | None = None
    duration_s: float
    sha256: str
    model: str
    rtf: float
    draft_turns: list[DraftTurnOut]
    draft_markdown: str
    downloads: dict[str, str]
    filed_with_case: bool


class JobOut(BaseModel):
    id: str
    status: JobStatus
    file_name: str
    owner: str
    created: datetime
    finished: datetime | None
    progress: JobProgress
    error: str | None
    result: TranscriptionResultOut | None


def _runner(request: Request) -> JobRunner:
    return request.app.state.jobs


def _outcome(job: Job) -> TranscriptionOutcome | None:
    return TranscriptionOutcome.from_json(job.result) if job.result is not None else None


def _result(job: Job) -> TranscriptionResultOut | None:
    outcome = _outcome(job)
    if outcome is None:
        return None
    base = f"/api/transcriptions/{job.id}/draft"
    return TranscriptionResultOut(
        **{k: v for k, v in outcome.transcript.items() if k != "segments"},
        segments=[TranscriptSegmentOut(**s) for s in outcome.transcript["segments"]],
        draft_turns=[DraftTurnOut(**t) for t in outcome.draft["turns"]],
        draft_markdown=outcome.markdown,
        downloads={kind: f"{base}.{kind}" for kind in _DOWNLOADS},
        filed_with_case=outcome.filed_with_case,
    )


def job_out(job: Job) -> JobOut:
    with job.lock:
        progress = JobProgress(
            done_s=round(job.done, 2), total_s=round(job.total, 2), fraction=round(job.fraction, 4)
        )
    return JobOut(
        id=job.id,
        status=job.status,
        file_name=job.label,
        owner=job.owner,
        created=job.created,
        finished=job.finished,
        progress=progress,
        error=job.error,
        result=_result(job),
    )


def _own_job(request: Request, job_id: str, principal: Principal) -> Job:
    """Someone else's job is reported as absent, not as forbidden: ids do not leak."""
    job = _runner(request).get(job_id)
    if job is None or job.kind != TRANSCRIPTION_JOB:
        raise ApiError(404, "job_not_found", "转写任务不存在或已过期")
    if job.owner != principal.name and principal.role is not Role.ADMIN:
        raise ApiError(404, "job_not_found", "转写任务不存在或已过期")
    return job


def _form(fields: dict[str, str]) -> TranscriptionForm:
    known = {k: v for k, v in fields.items() if k in TranscriptionForm.model_fields}
    try:
        return TranscriptionForm(**known)
    except ValidationError as exc:
        where = str(exc.errors()[0]["loc"][0]) if exc.errors() else None
        raise ApiError(422, "invalid_request", f"表单字段“{where}”无效或过长", field=where) from exc


@router.post(
    "",
    status_code=202,
    response_model=JobOut,
    summary="上传询问录音，后台转写并生成询问笔录草稿",
    openapi_extra=_UPLOAD_BODY,
    responses=_ERRORS,
)
async def upload_recording(request: Request, principal: Officer) -> JobOut:
    service: TranscriptionService = request.app.state.transcription
    settings = request.app.state.settings
    policy = UploadPolicy(settings.upload_max_mb * 1024 * 1024, AUDIO_TYPES, "录音")
    upload = await receive_upload(
        request, policy, service.uploads_dir, idle_timeout_s=settings.upload_idle_timeout_s
    )
    try:
        form = _form(upload.fields)
        await run_in_threadpool(probe_recording, upload.path, upload.display_name)
    except ApiError:
        upload.path.unlink(missing_ok=True)
        raise
    job_id = new_job_id()
    staged = service.stage(upload, job_id)
    job = await run_in_threadpool(
        _runner(request).submit,
        TRANSCRIPTION_JOB,
        principal.name,
        upload.display_name,
        staged.as_spec(form),
        job_id,
    )
    return job_out(job)


@router.get(
    "/example.wav",
    summary="示例录音（两位说话人，AISHELL-1，Apache-2.0），可下载后上传试用",
    response_class=FileResponse,
    responses=_ERRORS,
)
def example_recording(_: Officer) -> FileResponse:
    return FileResponse(EXAMPLE_RECORDING, media_type="audio/wav", filename="示例询问录音.wav")


@router.get("/{job_id}", response_model=JobOut, summary="查询转写进度与结果", responses=_ERRORS)
def get_job(request: Request, job_id: str, principal: Officer) -> JobOut:
    return job_out(_own_job(request, job_id, principal))


class SpeakerRenames(BaseModel):
    renames: dict[str, str] = Field(
        ...,
        min_length=1,
        max_length=10,
        description='原名 → 新名（如 {"记录人": "被询问人"}）；改成已有角色即合并',
    )


@router.post(
    "/{job_id}/speakers",
    response_model=JobOut,
    summary="说话人改名（纠正角色或填入姓名），重新生成笔录草稿",
    responses=_ERRORS | {409: {"model": ErrorBody}},
)
def rename_speakers(
    request: Request, job_id: str, body: SpeakerRenames, principal: Officer
) -> JobOut:
    job = _own_job(request, job_id, principal)
    outcome = _outcome(job)
    if outcome is None:
        raise ApiError(409, "job_not_finished", "转写尚未完成，暂无笔录草稿")
    if any(len(k) > 20 or len(v) > 20 for k, v in body.renames.items()):
        raise ApiError(422, "invalid_request", "说话人名称不能超过 20 个字", field="body.renames")
    try:
        renamed = rename_outcome_speakers(outcome, body.renames)
    except DraftError as exc:
        raise ApiError(422, "invalid_request", str(exc), field="body.renames") from exc
    _runner(request).replace_result(job, renamed.as_json())
    return job_out(job)


@router.get(
    "/{job_id}/draft.{kind}",
    summary="下载询问笔录草稿（docx、md 或 json）",
    response_class=FileResponse,
    responses=_ERRORS,
)
def download_draft(request: Request, job_id: str, kind: str, principal: Officer) -> FileResponse:
    job = _own_job(request, job_id, principal)
    if kind not in _DOWNLOADS:
        raise ApiError(404, "not_found", "可下载的格式为 docx、md、json")
    outcome = _outcome(job)
    if outcome is None:
        raise ApiError(409, "job_not_finished", "转写尚未完成，暂无笔录草稿")
    key, media_type = _DOWNLOADS[kind]
    if not outcome.files[key].is_file():
        raise ApiError(404, "draft_missing", "笔录草稿文件已不在服务器上")
    return FileResponse(outcome.files[key], media_type=media_type, filename=f"询问笔录草稿.{kind}")

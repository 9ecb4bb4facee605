"""Background jobs with progress, for work longer than one HTTP request (transcription).

A job runs in a small thread pool; clients poll it by id. Every job is a row in the
service database (status, progress, error, the inputs needed to run it again, its
result as JSON), so a server that is killed and started again still answers for it:
finished jobs keep their results, and jobs that were queued or running are run again
from their saved inputs (``resume``) or marked failed with a reason when those inputs
are gone. Each kind of job registers a factory that turns saved inputs into work, so
a fresh job and a resumed one take the same path.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Float, String, Text, delete, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column

from api.service_db import ServiceBase
from corpus.serialized_writes import create_tables

log = logging.getLogger("zhifa.api.http.jobs")

Progress = Callable[[float, float], None]
"""Called by the work with (done, total) in the work's own unit (seconds of speech)."""
Work = Callable[["Job"], dict[str, Any]]
"""The job body: gets its Job (id for file names, ``report`` for progress); returns JSON."""
WorkFactory = Callable[[dict[str, Any]], Work]
"""Saved inputs (``Job.spec``) → the work; raises JobFailure when they are gone."""
PROGRESS_SAVE_INTERVAL_S = 2.0


class JobFailure(Exception):
    """A failure the job reports to its owner as is: the message is Chinese."""


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


ACTIVE = (JobStatus.QUEUED, JobStatus.RUNNING)


class JobRow(ServiceBase):
    __tablename__ = "service_job"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    label: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), index=True)
    done: Mapped[float] = mapped_column(Float, default=0.0)
    total: Mapped[float] = mapped_column(Float, default=0.0)
    spec: Mapped[str] = mapped_column(Text, default="{}")
    result: Mapped[str | None] = mapped_column(Text, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


@dataclass
class Job:
    """One unit of background work and everything a poll reports about it."""

    id: str
    kind: str
    owner: str
    label: str
    created: datetime
    spec: dict[str, Any] = field(default_factory=dict)
    status: JobStatus = JobStatus.QUEUED
    done: float = 0.0
    total: float = 0.0
    result: dict[str, Any] | None = None
    error: str | None = None
    finished: datetime | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    saved_at: float = field(default=0.0, repr=False)
    on_progress: Callable[[Job], None] | None = field(default=None, repr=False)

    @property
    def fraction(self) -> float:
        if self.status is JobStatus.DONE:
            return 1.0
        return min(self.done / self.total, 1.0) if self.total > 0 else 0.0

    def report(self, done: float, total: float) -> None:
        with self.lock:
            self.done, self.total = done, total
        if self.on_progress is not None:
            self.on_progress(self)


def new_job_id() -> str:
    return uuid.uuid4().hex


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; they were written in UTC."""
    return moment.replace(tzinfo=UTC) if moment and moment.tzinfo is None else moment


class JobStore:
    """Job rows in the service database: written on every state change, progress throttled."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        create_tables(engine, ServiceBase.metadata, [JobRow.__table__])

    def insert(self, job: Job) -> None:
        with Session(self.engine) as session, session.begin():
            session.add(
                JobRow(
                    id=job.id,
                    kind=job.kind,
                    owner=job.owner,
                    label=job.label,
                    status=job.status.value,
                    spec=json.dumps(job.spec, ensure_ascii=False),
                    created=job.created,
                )
            )

    def save(self, job: Job) -> None:
        with job.lock:
            values = {
                "status": job.status.value,
                "done": job.done,
                "total": job.total,
                "error": job.error,
                "finished": job.finished,
                "result": None
                if job.result is None
                else json.dumps(job.result, ensure_ascii=False),
            }
        with Session(self.engine) as session, session.begin():
            session.execute(update(JobRow).where(JobRow.id == job.id).values(**values))
        job.saved_at = time.monotonic()

    def load(self, job_id: str) -> Job | None:
        with Session(self.engine) as session:
            row = session.get(JobRow, job_id)
            return _job_from_row(row) if row is not None else None

    def active(self) -> list[Job]:
        """Jobs a previous process left queued or running, oldest first."""
        statuses = [s.value for s in ACTIVE]
        with Session(self.engine) as session:
            rows = session.scalars(
                select(JobRow).where(JobRow.status.in_(statuses)).order_by(JobRow.created)
            ).all()
            return [_job_from_row(row) for row in rows]

    def active_specs(self, kind: str) -> list[dict[str, Any]]:
        return [job.spec for job in self.active() if job.kind == kind]

    def prune(self, kept: int) -> None:
        """Forget the oldest finished jobs beyond ``kept`` (their files stay on disk)."""
        with Session(self.engine) as session, session.begin():
            finished = session.scalars(
                select(JobRow.id)
                .where(JobRow.finished.is_not(None))
                .order_by(JobRow.finished.desc())
                .offset(kept)
            ).all()
            if finished:
                session.execute(delete(JobRow).where(JobRow.id.in_(finished)))


def _job_from_row(row: JobRow) -> Job:
    return Job(
        id=row.id,
        kind=row.kind,
        owner=row.owner,
        label=row.label,
        created=_aware(row.created) or datetime.now(UTC),
        spec=json.loads(row.spec or "{}"),
        status=JobStatus(row.status),
        done=row.done or 0.0,
        total=row.total or 0.0,
        result=json.loads(row.result) if row.result else None,
        error=row.error,
        finished=_aware(row.finished),
    )


class JobRunner:
    """Submit work, look jobs up by id; one instance per app (``app.state.jobs``)."""

    def __init__(self, store: JobStore, workers: int, kept: int) -> None:
        self.store = store
        self.pool = ThreadPoolExecutor(max_workers=max(workers, 1), thread_name_prefix="zhifa-job")
        self.kept = max(kept, 1)
        self.jobs: OrderedDict[str, Job] = OrderedDict()
        self.lock = threading.Lock()
        self.factories: dict[str, WorkFactory] = {}

    def register(self, kind: str, factory: WorkFactory) -> None:
        self.factories[kind] = factory

    def submit(
        self, kind: str, owner: str, label: str, spec: dict[str, Any], job_id: str | None = None
    ) -> Job:
        """Save the job with its inputs, then queue the work the kind's factory makes of them."""
        job = Job(job_id or new_job_id(), kind, owner, label, datetime.now(UTC), spec)
        self.store.insert(job)
        self._start(job)
        return job

    def get(self, job_id: str) -> Job | None:
        """A live job from memory, or any job the database still holds (e.g. before a restart)."""
        with self.lock:
            live = self.jobs.get(job_id)
        return live if live is not None else self.store.load(job_id)

    def replace_result(self, job: Job, result: dict[str, Any]) -> None:
        """A finished job's result edited afterwards (speakers renamed), saved at once."""
        with job.lock:
            job.result = result
        self.store.save(job)

    def resume(self) -> tuple[int, int]:
        """Run again the jobs a previous process left unfinished; (resumed, failed)."""
        resumed = failed = 0
        for job in self.store.active():
            job.status, job.done = JobStatus.QUEUED, 0.0
            try:
                self._start(job)
                resumed += 1
            except JobFailure as exc:
                self._finish(job, error=f"服务重启，任务未能继续：{exc}")
                failed += 1
        return resumed, failed

    def _start(self, job: Job) -> None:
        factory = self.factories.get(job.kind)
        if factory is None:
            raise JobFailure(f"未知的任务类型：{job.kind}")
        work = factory(job.spec)
        job.on_progress = self._save_progress
        with self.lock:
            self.jobs[job.id] = job
            self._prune()
        self.pool.submit(self._run, job, work)

    def _run(self, job: Job, work: Work) -> None:
        job.status = JobStatus.RUNNING
        self.store.save(job)
        try:
            self._finish(job, result=work(job))
        except JobFailure as exc:
            self._finish(job, error=str(exc))
        except Exception:
            log.exception("job %s (%s) failed", job.id, job.kind)
            self._finish(job, error="处理失败：服务器内部错误，请联系管理员")

    def _finish(
        self, job: Job, result: dict[str, Any] | None = None, error: str | None = None
    ) -> None:
        with job.lock:
            job.result, job.error = result, error
            job.status = JobStatus.FAILED if error is not None else JobStatus.DONE
            job.finished = datetime.now(UTC)
        self.store.save(job)

    def _save_progress(self, job: Job) -> None:
        if time.monotonic() - job.saved_at >= PROGRESS_SAVE_INTERVAL_S:
            self.store.save(job)

    def _prune(self) -> None:
        finished = [j.id for j in self.jobs.values() if j.finished is not None]
        for job_id in finished[: max(len(self.jobs) - self.kept, 0)]:
            del self.jobs[job_id]

    def prune_stored(self) -> None:
        self.store.prune(self.kept)

    def shutdown(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)

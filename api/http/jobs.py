"""Background jobs with progress, for work longer than one HTTP request (transcription).

A job runs in a small thread pool; clients poll it by id. Jobs live in memory for
the life of the process (the files they write stay on disk); the oldest finished
ones are dropped past ``jobs_kept``.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

log = logging.getLogger("zhifa.api.http.jobs")

Progress = Callable[[float, float], None]
"""Called by the work with (done, total) in the work's own unit (seconds of speech)."""
Work = Callable[["Job"], Any]
"""The job body: gets its Job (id for file names, ``report`` for progress)."""


class JobFailure(Exception):
    """A failure the job reports to its owner as is: the message is Chinese."""


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass
class Job:
    """One unit of background work and everything a poll reports about it."""

    id: str
    kind: str
    owner: str
    label: str
    created: datetime
    status: JobStatus = JobStatus.QUEUED
    done: float = 0.0
    total: float = 0.0
    result: Any = None
    error: str | None = None
    finished: datetime | None = None
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def fraction(self) -> float:
        if self.status is JobStatus.DONE:
            return 1.0
        return min(self.done / self.total, 1.0) if self.total > 0 else 0.0

    def report(self, done: float, total: float) -> None:
        with self.lock:
            self.done, self.total = done, total


class JobRunner:
    """Submit work, look jobs up by id; one instance per app (``app.state.jobs``)."""

    def __init__(self, workers: int, kept: int) -> None:
        self.pool = ThreadPoolExecutor(max_workers=max(workers, 1), thread_name_prefix="zhifa-job")
        self.kept = max(kept, 1)
        self.jobs: OrderedDict[str, Job] = OrderedDict()
        self.lock = threading.Lock()

    def submit(self, kind: str, owner: str, label: str, work: Work) -> Job:
        """Queue ``work``; its return value becomes ``job.result``."""
        job = Job(uuid.uuid4().hex, kind, owner, label, datetime.now(UTC))
        with self.lock:
            self.jobs[job.id] = job
            self._prune()
        self.pool.submit(self._run, job, work)
        return job

    def get(self, job_id: str) -> Job | None:
        with self.lock:
            return self.jobs.get(job_id)

    def _run(self, job: Job, work: Work) -> None:
        job.status = JobStatus.RUNNING
        try:
            job.result = work(job)
            job.status = JobStatus.DONE
        except JobFailure as exc:
            job.error, job.status = str(exc), JobStatus.FAILED
        except Exception:
            log.exception("job %s (%s) failed", job.id, job.kind)
            job.error, job.status = "处理失败：服务器内部错误，请联系管理员", JobStatus.FAILED
        finally:
            job.finished = datetime.now(UTC)

    def _prune(self) -> None:
        finished = [j.id for j in self.jobs.values() if j.finished is not None]
        for job_id in finished[: max(len(self.jobs) - self.kept, 0)]:
            del self.jobs[job_id]

    def shutdown(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)

"""Transcription jobs survive a restart; uploads that stall are cut off and never linger.

A kill -9 leaves job rows as they were (queued or running) and partial uploads in the
uploads folder. The restart test writes exactly that state, starts a new app on the
same data folder and checks: a job whose recording is still there runs again to the
end, one whose recording is gone fails with a reason, a finished job keeps its result,
old partial uploads are swept.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.http.jobs import Job, JobStatus, JobStore, new_job_id
from api.http.transcription_service import TRANSCRIPTION_JOB, TranscriptionForm
from api.service_db import open_service_db
from api.settings import Settings
from api.users import Role
from tests.test_api_service import bearer, issue_tokens
from tests.test_api_transcription import wait
from tests.transcription_fixtures import silent_wav, whisper_folder

__all__ = ["silent_wav", "whisper_folder"]


def _left_by_a_killed_server(settings: Settings, recording: Path | None, status: JobStatus) -> str:
    """A job row as a process killed mid-job leaves it, with its staged recording."""
    job_id = new_job_id()
    staged = settings.data_dir / "jobs" / job_id / "source" / "询问录音.wav"
    if recording is not None:
        staged.parent.mkdir(parents=True)
        shutil.copyfile(recording, staged)
    spec = {
        "path": str(staged),
        "display_name": staged.name,
        "form": TranscriptionForm().model_dump(),
    }
    job = Job(job_id, TRANSCRIPTION_JOB, "restart-officer", staged.name, datetime.now(UTC), spec)
    job.status, job.done, job.total = status, 1.5, 6.0
    store = JobStore(open_service_db(settings))
    store.insert(job)
    store.save(job)
    return job_id


def test_jobs_resume_or_fail_after_a_restart_and_orphans_are_swept(
    tmp_path: Path, whisper_folder: Path, silent_wav: Path
) -> None:
    settings = Settings(data_dir=tmp_path, whisper_model_dir=whisper_folder)
    running = _left_by_a_killed_server(settings, silent_wav, JobStatus.RUNNING)
    queued = _left_by_a_killed_server(settings, silent_wav, JobStatus.QUEUED)
    lost = _left_by_a_killed_server(settings, None, JobStatus.RUNNING)
    uploads = settings.data_dir / "uploads" / "audio"
    uploads.mkdir(parents=True)
    orphan = uploads / "0123456789abcdef.wav"
    orphan.write_bytes(b"RIFF partial body")
    old = time.time() - 3600
    os.utime(orphan, (old, old))

    with TestClient(create_app(settings), raise_server_exceptions=False) as client:  # restart
        token = bearer(issue_tokens(client, "restart")[Role.ADMIN])["Authorization"][7:]
        for job_id in (running, queued):
            done = wait(client, token, job_id)
            assert done["status"] == "done", done["error"]
            assert done["result"]["duration_s"] > 5 and done["file_name"] == "询问录音.wav"
        failed = wait(client, token, lost)
        assert failed["status"] == "failed" and "询问录音.wav" in failed["error"]
        assert "请重新上传" in failed["error"] and str(tmp_path) not in failed["error"]
        assert not orphan.exists()

    with TestClient(create_app(settings), raise_server_exceptions=False) as client:  # again
        token = bearer(issue_tokens(client, "restart2")[Role.ADMIN])["Authorization"][7:]
        kept = client.get(f"/api/transcriptions/{running}", headers=bearer(token)).json()
        assert kept["status"] == "done" and kept["result"]["text"] == ""
        docx = client.get(kept["result"]["downloads"]["docx"], headers=bearer(token))
        assert docx.status_code == 200 and docx.content[:2] == b"PK"


@pytest.fixture()
def live_server(tmp_path: Path) -> Iterator[tuple[int, str, Path]]:
    """The app on a loopback port (a real socket: a stall is a client that stops sending)."""
    settings = Settings(data_dir=tmp_path, upload_idle_timeout_s=0.5)
    app = create_app(settings)
    token = issue_tokens(TestClient(app), "stall")[Role.OFFICER]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield port, token, tmp_path
    server.should_exit = True
    thread.join(timeout=10)


def test_stalled_upload_is_cut_off_and_its_partial_file_removed(
    live_server: tuple[int, str, Path],
) -> None:
    port, token, data_dir = live_server
    head = b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\n\r\n'
    part = head + b"RIFF\x00\x00\x00\x00WAVE" + b"\x00" * 70_000
    request = (
        f"POST /api/transcriptions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {token}\r\n"
        "Content-Type: multipart/form-data; boundary=b\r\n"
        f"Content-Length: {len(part) + 1_000_000}\r\n\r\n"  # promises more than it sends
    ).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request + part)
        reply = b""
        while chunk := sock.recv(65536):  # the server answers, then closes the connection
            reply += chunk
    status_line, _, rest = reply.partition(b"\r\n")
    assert b" 408 " in status_line
    assert b"upload_timeout" in rest and b"connection: close" in rest.lower()
    assert list((data_dir / "uploads" / "audio").glob("*")) == []


def test_oversize_upload_is_answered_and_closed_without_reading_the_body(
    live_server: tuple[int, str, Path],
) -> None:
    port, token, _ = live_server
    request = (
        f"POST /api/transcriptions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {token}\r\n"
        "Content-Type: multipart/form-data; boundary=b\r\n"
        f"Content-Length: {2 * 1024**3}\r\n\r\n"  # 2 GiB declared, a few bytes sent
    ).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request + b"--b\r\n")
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    assert b" 413 " in reply.partition(b"\r\n")[0] and b"connection: close" in reply.lower()

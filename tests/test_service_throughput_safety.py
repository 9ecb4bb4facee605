"""The service's cheaper per-request work keeps its guarantees (issue 16).

- remembered token checks: a revocation through the store refuses the token on the
  very next request; one made behind the store's back ends within ``auth_recent_s``;
  a check racing a revocation is not remembered;
- the audit log's group commit: every request's entry is committed before its handling
  ends, however many requests share a transaction.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from api.audit_log import AuditEntry, AuditLog, AuditRow
from api.audit_writer import BackgroundAuditLog
from api.http.app import create_app
from api.service_db import open_service_db
from api.settings import Settings
from api.users import Role, TokenRow, UserStore
from corpus.store import CorpusStore


def _store(tmp_path: Path, recent_s: float) -> UserStore:
    return UserStore(open_service_db(Settings(data_dir=tmp_path)), recent_s)


def test_remembered_token_is_refused_right_after_revocation(tmp_path: Path) -> None:
    users = _store(tmp_path, recent_s=60)
    users.add_user("leaver", Role.OFFICER)
    token = users.issue_token("leaver").token
    assert users.authenticate(token) is not None
    assert users.remembered(token) == users.authenticate(token)  # now from memory
    users.revoke("leaver")
    assert users.remembered(token) is None
    assert users.authenticate(token) is None
    assert users.remembered("zf_unknown") is None and users.remembered("not-a-token") is None


def test_revocation_behind_the_store_ends_within_recent_s(tmp_path: Path) -> None:
    """``zhifa user revoke`` in another process: the service forgets within the window."""
    users = _store(tmp_path, recent_s=0.3)
    users.add_user("leaver", Role.OFFICER)
    token = users.issue_token("leaver").token
    assert users.authenticate(token) is not None
    other_process = _store(tmp_path, recent_s=0)
    other_process.revoke("leaver")
    time.sleep(0.35)
    assert users.authenticate(token) is None


def test_revocation_by_another_store_on_the_marker_is_immediate(tmp_path: Path) -> None:
    """``zhifa user revoke`` while the service runs: the CLI's store stamps the marker file,
    the service's store sees it on the next check and forgets what it remembered."""
    marker = tmp_path / "tokens-revoked"
    service = UserStore(open_service_db(Settings(data_dir=tmp_path)), 60, marker)
    service.add_user("leaver", Role.OFFICER)
    token = service.issue_token("leaver").token
    assert service.authenticate(token) is not None
    assert service.remembered(token) is not None
    cli = UserStore(open_service_db(Settings(data_dir=tmp_path)), revocation_marker=marker)
    cli.revoke("leaver")
    assert service.remembered(token) is None
    assert service.authenticate(token) is None


def test_unremembered_store_reads_the_database_every_time(tmp_path: Path) -> None:
    users = _store(tmp_path, recent_s=0)
    users.add_user("leaver", Role.OFFICER)
    token = users.issue_token("leaver").token
    assert users.authenticate(token) is not None
    with Session(users.engine) as session, session.begin():
        session.execute(update(TokenRow).values(revoked=datetime.now(UTC)))
    assert users.authenticate(token) is None


def test_check_racing_a_revocation_is_not_remembered(tmp_path: Path) -> None:
    users = _store(tmp_path, recent_s=60)
    users.add_user("leaver", Role.OFFICER)
    principal = users.authenticate(users.issue_token("leaver").token)
    assert principal is not None
    before = users.recent.generation()  # a check read the database here ...
    users.revoke("leaver")  # ... the revocation commits ...
    users.recent.put("digest-read-before", principal, before)  # ... and the check finishes
    assert users.recent.get("digest-read-before") is None


def test_revocation_over_http_is_immediate(
    default_settings: Settings, default_store: CorpusStore
) -> None:
    assert default_settings.auth_recent_s > 0  # the service does remember checks
    client = TestClient(create_app(default_settings))
    users: UserStore = client.app.state.users
    users.add_user("tp-admin", Role.ADMIN)
    users.add_user("tp-leaver", Role.OFFICER)
    admin = {"Authorization": f"Bearer {users.issue_token('tp-admin').token}"}
    leaver = {"Authorization": f"Bearer {users.issue_token('tp-leaver').token}"}
    assert client.get("/api/me", headers=leaver).status_code == 200
    assert client.post("/api/users/tp-leaver/revoke", json={}, headers=admin).status_code == 200
    assert client.get("/api/me", headers=leaver).status_code == 401


def test_every_request_entry_is_committed(
    default_settings: Settings, default_store: CorpusStore
) -> None:
    app = create_app(default_settings)
    with TestClient(app) as client:
        users: UserStore = app.state.users
        users.add_user("tp-shutdown", Role.OFFICER)
        headers = {"Authorization": f"Bearer {users.issue_token('tp-shutdown').token}"}
        for _ in range(20):
            client.get("/api/me", headers=headers)
    log: AuditLog = app.state.audit.inner
    with Session(log.engine) as session:
        count = session.scalar(
            select(func.count()).select_from(AuditRow).where(AuditRow.user == "tp-shutdown")
        )
    assert count == 20


def _entry(n: int) -> AuditEntry:
    return AuditEntry(
        time=datetime.now(UTC),
        user="tp-writer",
        role="officer",
        method="GET",
        path=f"/api/search/{n}",
        status=200,
        outcome="ok",
        client_ip="127.0.0.1",
        duration_ms=10.0,
    )


def _paths(log: AuditLog) -> set[str]:
    with Session(log.engine) as session:
        return set(session.scalars(select(AuditRow.path)))


def test_group_commit_returns_only_after_the_entry_is_committed(tmp_path: Path) -> None:
    """Many concurrent requests, a tiny queue: every append waits for room and for its own
    commit, so no entry of a finished request can be lost in a crash."""
    log = AuditLog(open_service_db(Settings(data_dir=tmp_path)))
    writer = BackgroundAuditLog(log, capacity=8)
    missing: list[int] = []

    def request(k: int) -> None:
        for i in range(25):
            writer.append(_entry(k * 100 + i))
            if f"/api/search/{k * 100 + i}" not in _paths(log):
                missing.append(k * 100 + i)

    threads = [threading.Thread(target=request, args=(k,)) for k in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    writer.close()
    assert missing == []
    assert _paths(log) == {f"/api/search/{k * 100 + i}" for k in range(8) for i in range(25)}


def test_entries_after_close_are_written_at_once(tmp_path: Path) -> None:
    log = AuditLog(open_service_db(Settings(data_dir=tmp_path)))
    writer = BackgroundAuditLog(log)
    writer.close()
    done = writer.submit(_entry(1))
    assert done is not None and done.done()
    assert _paths(log) == {"/api/search/1"}


def test_a_batch_reads_back_as_the_entries_written_one_by_one(tmp_path: Path) -> None:
    """append_many (Core insert) and append (ORM) store the same fields, in order."""
    entries = [
        AuditEntry(
            time=datetime(2026, 12, 2, 8, 0, i, tzinfo=UTC),
            user="张三" if i else None,
            role="officer" if i else None,
            method="GET",
            path=f"/api/search/{i}",
            status=200 if i else 401,
            outcome="ok" if i else "rejected",
            client_ip="127.0.0.1" if i else None,
            duration_ms=12.25 + i,
        )
        for i in range(3)
    ]
    batch = AuditLog(open_service_db(Settings(data_dir=tmp_path / "batch")))
    single = AuditLog(open_service_db(Settings(data_dir=tmp_path / "single")))
    batch.append_many(entries)
    batch.append_many([])
    for entry in entries:
        single.append(entry)
    assert batch.tail(10) == single.tail(10) == entries

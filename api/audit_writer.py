"""Audit entries committed by one writer thread, many per transaction (group commit).

Under load every request paid for its own INSERT transaction (and its fsync) plus a
thread-pool hop. Here a request queues its entry and waits until the writer has
committed it: the writer commits whatever queued up meanwhile in one transaction. So
an entry is durable before its request's handling ends, exactly as with one commit
per request, and a crash loses only the entries of requests still in flight — never
an entry whose request finished. The queue is bounded: a full queue makes requests
wait for room (back-pressure, not loss). ``close`` (service shutdown) commits what is
queued; an entry arriving after it is written at once.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from concurrent.futures import Future

from api.audit_log import AuditEntry, AuditLog

log = logging.getLogger("zhifa.api.audit")
_STOP = object()
_BATCH = 256

Queued = tuple[AuditEntry, Future[None]]


class BackgroundAuditLog:
    """``AuditLog``'s ``append``/``tail``; appends group-committed by a writer thread."""

    def __init__(self, log_: AuditLog, capacity: int = 4096) -> None:
        self.inner = log_
        self._queue: queue.Queue[Queued | object] = queue.Queue(maxsize=capacity)
        self._thread = threading.Thread(target=self._write_loop, name="audit-writer", daemon=True)
        self._closed = False
        self._lock = threading.Lock()
        self._thread.start()

    def submit(self, entry: AuditEntry) -> Future[None] | None:
        """Queue without waiting: the future completes once the entry is committed; None
        when the queue is full (then call ``append``). After ``close`` the entry is written
        at once and a completed future returned."""
        done: Future[None] = Future()
        with self._lock:
            if not self._closed:
                try:
                    self._queue.put_nowait((entry, done))
                except queue.Full:
                    return None
                return done
        self.inner.append(entry)
        done.set_result(None)
        return done

    def append(self, entry: AuditEntry) -> None:
        """Queue (waiting for room while the writer is behind), then wait for the commit."""
        while (done := self.submit(entry)) is None:
            time.sleep(0.005)
        done.result()

    def tail(self, limit: int = 50, user: str | None = None) -> list[AuditEntry]:
        return self.inner.tail(limit, user)

    def close(self) -> None:
        """Commit what is queued, then stop the writer (idempotent)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._queue.put(_STOP)  # may wait for room; the writer never takes the lock
        self._thread.join()

    def _write_loop(self) -> None:
        while True:
            batch = [self._queue.get()]
            while len(batch) < _BATCH:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            queued = [item for item in batch if item is not _STOP]
            self._commit(queued)  # type: ignore[arg-type]
            if len(queued) < len(batch):
                return

    def _commit(self, queued: list[Queued]) -> None:
        """One transaction; if it fails, entry by entry, so one bad row fails only itself."""
        if not queued:
            return
        try:
            self.inner.append_many([entry for entry, _ in queued])
        except Exception:
            log.exception("audit batch of %d failed; writing one by one", len(queued))
            for entry, done in queued:
                try:
                    self.inner.append(entry)
                except Exception as exc:
                    log.exception("audit entry not written: %s %s", entry.method, entry.path)
                    done.set_exception(exc)
                else:
                    done.set_result(None)
            return
        for _, done in queued:
            done.set_result(None)

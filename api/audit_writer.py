"""Audit entries written by one background thread, many per transaction.

Under load every request paid for its own INSERT transaction and a thread-pool hop;
here the request only queues its entry and one writer commits whatever has queued
up meanwhile. Nothing is dropped: the queue is bounded and a full queue makes the
request wait for room (back-pressure, not loss); ``close`` (service shutdown) writes
everything queued before it returns; ``tail`` first waits for the queued entries, so
a reader sees every request finished before it asked. On a crash (kill -9, power
loss) the entries still queued — at most ``capacity`` plus one batch, the requests
of the last moments — are lost; a clean stop loses none.
"""

from __future__ import annotations

import logging
import queue
import threading
import time

from api.audit_log import AuditEntry, AuditLog

log = logging.getLogger("zhifa.api.audit")
_STOP = object()
_BATCH = 256


class BackgroundAuditLog:
    """``AuditLog``'s ``append``/``tail`` with appends committed by a writer thread."""

    def __init__(self, log_: AuditLog, capacity: int = 4096) -> None:
        self.inner = log_
        self._queue: queue.Queue[AuditEntry | object] = queue.Queue(maxsize=capacity)
        self._thread = threading.Thread(target=self._write_loop, name="audit-writer", daemon=True)
        self._closed = False
        self._lock = threading.Lock()
        self._thread.start()

    def try_append(self, entry: AuditEntry) -> bool:
        """Queue without waiting; False when the queue is full (then call ``append``).
        After ``close`` the entry is written at once (a request still finishing, or an app
        started again in tests)."""
        with self._lock:
            if not self._closed:
                try:
                    self._queue.put_nowait(entry)
                except queue.Full:
                    return False
                return True
        self.inner.append(entry)
        return True

    def append(self, entry: AuditEntry) -> None:
        """Queue, waiting for room while the writer is behind."""
        while not self.try_append(entry):
            time.sleep(0.005)

    def flush(self) -> None:
        """Return once every entry queued so far is committed."""
        self._queue.join()

    def tail(self, limit: int = 50, user: str | None = None) -> list[AuditEntry]:
        self.flush()
        return self.inner.tail(limit, user)

    def close(self) -> None:
        """Write what is queued, then stop the writer (idempotent)."""
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
            entries = [e for e in batch if isinstance(e, AuditEntry)]
            try:
                self._commit(entries)
            finally:
                for _ in batch:
                    self._queue.task_done()
            if len(entries) < len(batch):
                return

    def _commit(self, entries: list[AuditEntry]) -> None:
        """One transaction; if it fails, entry by entry, so one bad row loses only itself."""
        if not entries:
            return
        try:
            self.inner.append_many(entries)
        except Exception:
            log.exception("audit batch of %d failed; writing one by one", len(entries))
            for entry in entries:
                try:
                    self.inner.append(entry)
                except Exception:
                    log.exception("audit entry lost: %s %s", entry.method, entry.path)

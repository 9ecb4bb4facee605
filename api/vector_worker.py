"""The background work inside ``zhifa serve``: one low-priority daemon thread.

It first builds the shipped case base's BM25 index when there is none
(:mod:`api.background_cases`) and the officer assistant's corpus indexes, then runs :class:`indexing.vector_backfill.VectorBackfill` against the service's index
folder and hands every index it saves to ``Components.adopt_statute_index``, so
searches turn hybrid law by law while the service keeps answering. Stopping the
service stops it after the current batch; the next start resumes from the cache.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading

from api.background_cases import ensure_case_index
from api.components import Components
from corpus.errors import ZhifaError
from indexing.hybrid_index import read_manifest
from indexing.storage import index_dir_for, recover
from indexing.vector_backfill import VectorBackfill

log = logging.getLogger("zhifa.vectors")
WORKER_NICENESS = 10


class BackgroundVectors:
    """Start/stop handle for the build thread."""

    def __init__(self, components: Components) -> None:
        self.components = components
        self.stop_event = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self) -> bool:
        """Start unless there is no index yet (then only the case base is built)."""
        folder = recover(index_dir_for(self.components.settings))
        try:
            manifest = read_manifest(folder)
        except ZhifaError:
            log.warning(
                "检索索引尚未建立，后台向量构建未启动（请先运行 zhifa index build --bm25-only）"
            )
            manifest = None
        vectors = bool(manifest) and not (
            manifest["model"]
            and manifest.get("dense_units", manifest["units"]) >= manifest["units"]
        )
        self.thread = threading.Thread(
            target=self._run, args=(vectors,), name="zhifa-vectors", daemon=True
        )
        self.thread.start()
        return vectors

    def _run(self, vectors: bool) -> None:
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICENESS)
        try:
            ensure_case_index(self.components)
        except Exception:  # noqa: BLE001 - similar cases are supporting material only
            log.exception("后台建立案例库失败（可运行 zhifa cases init）")
        try:
            self.components.warm_assistant()
            self.components.warm_statute_search()
        except Exception:  # noqa: BLE001 - the first question then builds them itself
            log.exception("后台预建办案辅助索引失败")
        if not vectors or self.stop_event.is_set():
            return
        try:
            backfill = VectorBackfill(
                self.components.settings,
                on_swap=self.components.adopt_statute_index,
                stop=self.stop_event,
            )
            progress = backfill.run()
            log.info("后台向量构建：%s", progress.describe())
            self.components.warm_statute_search()
        except Exception:  # noqa: BLE001 - the service keeps answering with BM25
            log.exception("后台向量构建失败，检索继续使用已有索引")

    def stop(self, timeout: float = 30.0) -> None:
        self.stop_event.set()
        if self.thread is not None:
            self.thread.join(timeout)

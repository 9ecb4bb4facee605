"""One writer at a time for the statute index folder, across processes.

``zhifa index build/update/import-vectors`` and the background vector build all
replace the same folder; an advisory ``flock`` beside it keeps one from swapping
in an index computed from a state another has just replaced.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def index_write_lock(index_dir: Path) -> Iterator[None]:
    """Hold the writer lock of ``index_dir`` (blocks until the other writer is done)."""
    lock_path = Path(index_dir).parent / f".{Path(index_dir).name}.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

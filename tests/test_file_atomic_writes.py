"""Cache files written by several threads at once: each write finishes, readers see a whole file."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from indexing.law_prior import BigramBM25
from indexing.storage import write_file_atomically

TEXTS = [
    "违反本法规定，未取得排污许可证排放水污染物的",
    "饮酒后驾驶机动车的，处暂扣六个月机动车驾驶证",
]


def test_writers_of_one_file_at_once_each_finish(tmp_path: Path) -> None:
    """Two searches warming the same cache at once crashed on a shared temporary name: the
    first rename took the other's file away. Every writer here is inside its write at once."""
    target = tmp_path / "cache" / "bigram-bm25-x.npz"
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def writer(n: int) -> None:
        def write(tmp: Path) -> None:
            np.savez(tmp, n=np.array([n]))
            barrier.wait()

        try:
            write_file_atomically(target, write)
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with np.load(target) as saved:
        assert int(saved["n"][0]) in range(4)
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_bigram_cache_round_trip(tmp_path: Path) -> None:
    built = BigramBM25.cached(TEXTS, tmp_path)
    [saved] = tmp_path.glob("*.npz")
    assert np.allclose(BigramBM25.load(saved).scores("排污许可证"), built.scores("排污许可证"))


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "ranker.json"
    target.write_text("old", encoding="utf-8")

    def fail(tmp: Path) -> None:
        tmp.write_text("half", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_file_atomically(target, fail)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["ranker.json"]

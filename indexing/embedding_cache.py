"""Embedding cache keyed by (model fingerprint, text hash), in SQLite under data_dir.

Embedding the national corpus takes hours on two cores; every batch is committed as
soon as it is computed, so a killed build resumes where it stopped and an update
re-embeds only texts that changed. Another model never reads these vectors: the
fingerprint is part of the key.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from indexing.units import text_hash
from models.embedder import Embedder

_SQL_CHUNK = 500


class EmbeddingCache:
    """Vectors by (fingerprint, sha256 of the embedded text); safe to share between builds."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path))
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS embeddings (fingerprint TEXT NOT NULL, text_hash TEXT NOT NULL,"
            " dim INTEGER NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (fingerprint, text_hash))"
            " WITHOUT ROWID"
        )
        self._db.commit()

    def get_many(self, fingerprint: str, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        """The cached vectors among ``hashes``."""
        wanted = list(dict.fromkeys(hashes))
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(wanted), _SQL_CHUNK):
            chunk = wanted[start : start + _SQL_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT text_hash, vector FROM embeddings WHERE fingerprint = ? AND text_hash IN ({marks})",
                [fingerprint, *chunk],
            )
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, fingerprint: str, items: Mapping[str, np.ndarray]) -> None:
        """Store vectors and commit at once (this is what makes builds resumable)."""
        rows = [
            (fingerprint, key, int(vec.shape[-1]), np.asarray(vec, dtype=np.float32).tobytes())
            for key, vec in items.items()
        ]
        self._db.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?, ?)", rows)
        self._db.commit()

    def iter_vectors(self, fingerprint: str) -> Iterator[tuple[str, np.ndarray]]:
        """Every ``(text hash, vector)`` of one model, in hash order (for export)."""
        rows = self._db.execute(
            "SELECT text_hash, vector FROM embeddings WHERE fingerprint = ? ORDER BY text_hash",
            [fingerprint],
        )
        for key, blob in rows:
            yield key, np.frombuffer(blob, dtype=np.float32)

    def count(self, fingerprint: str | None = None) -> int:
        if fingerprint is None:
            return int(self._db.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0])
        query = "SELECT COUNT(*) FROM embeddings WHERE fingerprint = ?"
        return int(self._db.execute(query, [fingerprint]).fetchone()[0])

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> EmbeddingCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class EmbedStats:
    """How a batch of texts got its vectors (the incremental-update tests read this)."""

    total: int = 0
    reused: int = 0
    cached: int = 0
    embedded: int = 0
    seconds: float = 0.0


def embed_texts(
    texts: Sequence[str],
    embedder: Embedder,
    cache: EmbeddingCache | None,
    known: Mapping[str, np.ndarray] | None = None,
    batch_size: int = 32,
    show_progress: bool = False,
    clock: Callable[[], float] | None = None,
) -> tuple[np.ndarray, EmbedStats]:
    """Vectors for ``texts``: from ``known`` (e.g. the old index), the cache, or the model.

    Missing texts are embedded in batches of similar length (less padding), each batch
    written to the cache before the next starts.
    """
    import time

    clock = clock or time.perf_counter
    hashes = [text_hash(text) for text in texts]
    vectors: dict[str, np.ndarray] = {}
    stats = EmbedStats(total=len(texts))
    for key in hashes:
        if known and key in known and key not in vectors:
            vectors[key] = known[key]
    stats.reused = sum(1 for key in hashes if key in vectors)
    fingerprint = embedder.fingerprint
    if cache is not None:
        cached = cache.get_many(fingerprint, (k for k in hashes if k not in vectors))
        vectors.update(cached)
        stats.cached = sum(1 for key in hashes if key in cached)
    todo = _missing(texts, hashes, vectors)
    started = clock()
    with tqdm(total=len(todo), desc="嵌入", unit="条", disable=not show_progress) as bar:
        for start in range(0, len(todo), batch_size):
            batch = todo[start : start + batch_size]
            embedded = embedder.embed_passages([text for _, text in batch])
            fresh = {key: vec for (key, _), vec in zip(batch, embedded, strict=True)}
            if cache is not None:
                cache.put_many(fingerprint, fresh)
            vectors.update(fresh)
            bar.update(len(batch))
    stats.embedded = len(todo)
    stats.seconds = clock() - started
    matrix = np.stack([vectors[key] for key in hashes]) if hashes else np.zeros((0, embedder.dim))
    return np.asarray(matrix, dtype=np.float32), stats


def _missing(
    texts: Sequence[str], hashes: Sequence[str], vectors: Mapping[str, np.ndarray]
) -> list[tuple[str, str]]:
    """Distinct texts still without a vector, sorted by length so batches pad little."""
    todo = {key: text for key, text in zip(hashes, texts, strict=True) if key not in vectors}
    return sorted(todo.items(), key=lambda pair: len(pair[1]))


def known_vectors(
    texts: Sequence[str],
    embedder: Embedder,
    cache: EmbeddingCache | None,
    known: Mapping[str, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """``(positions, vectors)`` of the ``texts`` whose vector is known or cached (none embedded)."""
    hashes = [text_hash(text) for text in texts]
    found: dict[str, np.ndarray] = dict(known or {})
    if cache is not None:
        found.update(cache.get_many(embedder.fingerprint, (h for h in hashes if h not in found)))
    positions = [i for i, key in enumerate(hashes) if key in found]
    if not positions:
        return np.zeros(0, dtype=np.int64), np.zeros((0, embedder.dim), dtype=np.float32)
    matrix = np.stack([found[hashes[i]] for i in positions]).astype(np.float32, copy=False)
    return np.asarray(positions, dtype=np.int64), matrix

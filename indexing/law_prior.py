"""Law-level retrieval: which laws a question is about, before which article.

A question about 保险公司 rarely names 保险法, but the law's title and chapter titles
(保险公司, 保险经营规则, 保险业务…) share its words. Each law becomes one short
document — its name and its distinct 编/章/节 titles — scored by BM25 over character
bigrams (robust to jieba cutting 保险公司 and 保险法 differently). Built from the
index's own units at load time: no extra files, nothing tuned to a question set.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

from indexing.storage import write_file_atomically
from indexing.units import RetrievalUnit

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Heading scaffolding that every law shares and that says nothing about its subject.
_HEADING_NOISE = re.compile(
    r"第[一二三四五六七八九十百零〇]+[编章节]|总则|附则|法律责任|一般规定|其他规定"
)


def char_bigrams(text: str) -> list[str]:
    """Overlapping character bigrams of each run of Han characters."""
    grams: list[str] = []
    for run in _HAN_RUN.findall(text):
        grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def law_documents(units: Sequence[RetrievalUnit]) -> dict[str, str]:
    """``{law: name + distinct heading titles}`` over every version of the law."""
    parts: dict[str, dict[str, None]] = {}
    for unit in units:
        seen = parts.setdefault(unit.law, {unit.law: None})
        for heading in unit.headings:
            seen.setdefault(_HEADING_NOISE.sub(" ", heading), None)
    return {law: " ".join(titles) for law, titles in parts.items()}


class BigramBM25:
    """BM25 (k1, b) over character bigrams of a list of texts, as a sparse matrix.

    Word-level BM25 misses when jieba cuts a question and an article differently
    (保险公司 / 保险 公司); bigrams match either way.
    """

    def __init__(self, texts: Sequence[str], k1: float = 1.2, b: float = 0.75) -> None:
        self._gram_ids: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        tfs: list[int] = []
        lengths = np.zeros(len(texts), dtype=np.float64)
        for position, text in enumerate(texts):
            bag = Counter(char_bigrams(text))
            lengths[position] = sum(bag.values())
            for gram, count in bag.items():
                rows.append(position)
                cols.append(self._gram_ids.setdefault(gram, len(self._gram_ids)))
                tfs.append(count)
        average = max(float(lengths.mean()), 1.0) if len(texts) else 1.0
        norms = k1 * (1 - b + b * lengths / average)
        row, col = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
        tf = np.array(tfs, dtype=np.float64)
        df = np.bincount(col, minlength=len(self._gram_ids))
        idf = np.log(1 + (len(texts) - df + 0.5) / (df + 0.5))
        weights = (idf[col] * tf * (k1 + 1) / (tf + norms[row])).astype(np.float32)
        self._weights = sparse.csc_matrix(
            (weights, (row, col)), shape=(len(texts), len(self._gram_ids))
        )

    def save(self, path: Path) -> None:
        """Matrix and bigram vocabulary in one ``.npz``, written atomically."""
        grams = np.array(list(self._gram_ids), dtype=np.str_)
        m = self._weights
        write_file_atomically(
            path,
            lambda tmp: np.savez(
                tmp, data=m.data, indices=m.indices, indptr=m.indptr, shape=m.shape, grams=grams
            ),
        )

    @classmethod
    def load(cls, path: Path) -> BigramBM25:
        with np.load(path) as saved:
            index = cls.__new__(cls)
            index._gram_ids = {str(g): i for i, g in enumerate(saved["grams"])}
            shape = tuple(int(n) for n in saved["shape"])
            index._weights = sparse.csc_matrix(
                (saved["data"], saved["indices"], saved["indptr"]), shape=shape
            )
        return index

    @classmethod
    def cached(cls, texts: Sequence[str], folder: Path | None) -> BigramBM25:
        """Load the matrix for exactly these texts from ``folder``, or build and save it.

        Building takes ~15 s for the national corpus; a CLI search should not pay it
        every time. The file name is a hash of the texts, so a changed corpus misses.
        """
        if folder is None:
            return cls(texts)
        digest = hashlib.sha256()
        for text in texts:
            digest.update(text.encode("utf-8") + b"\0")
        path = folder / f"bigram-bm25-{digest.hexdigest()[:24]}.npz"
        if path.is_file():
            try:
                return cls.load(path)
            except (OSError, ValueError, KeyError):
                path.unlink(missing_ok=True)
        index = cls(texts)
        index.save(path)
        return index

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every text (zeros when no bigram of the query is known)."""
        ids = sorted({self._gram_ids[g] for g in char_bigrams(query) if g in self._gram_ids})
        if not ids:
            return np.zeros(self._weights.shape[0], dtype=np.float32)
        return np.asarray(self._weights[:, ids].sum(axis=1), dtype=np.float32).ravel()


class LawLevelIndex:
    """Bigram BM25 over one document per law (name + chapter titles)."""

    def __init__(self, documents: dict[str, str], k1: float = 1.2, b: float = 0.5) -> None:
        self.laws = list(documents)
        self._bm25 = BigramBM25([documents[law] for law in self.laws], k1, b)

    @classmethod
    def from_units(cls, units: Sequence[RetrievalUnit]) -> LawLevelIndex:
        return cls(law_documents(units))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every law (aligned with ``self.laws``)."""
        return self._bm25.scores(query)

    def ranking(self, query: str, depth: int) -> list[str]:
        """The ``depth`` best laws with a positive score, best first."""
        scores = self.scores(query)
        order = np.argsort(-scores, kind="stable")[:depth]
        return [self.laws[i] for i in order if scores[i] > 0]

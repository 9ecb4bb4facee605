"""Okapi BM25 over jieba tokens, scored by bm25s (sparse, fast, saved as .npy files).

The tokenizer is pluggable and applied by us, so bm25s only ever sees tokens: the
same function cuts documents and queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np
from tqdm import tqdm

from indexing.tokenizer import JiebaTokenizer, Tokenizer


class BM25Index:
    """Lucene-variant BM25 (k1, b) over a list of texts addressed by position."""

    def __init__(self, tokenizer: Tokenizer, k1: float = 1.2, b: float = 0.75) -> None:
        self.tokenizer = tokenizer
        self.k1 = k1
        self.b = b
        self._bm25: bm25s.BM25 | None = None
        self.size = 0

    def index(self, texts: Sequence[str], show_progress: bool = False) -> BM25Index:
        """Tokenize and index ``texts``; document i is addressed as i."""
        tokens = [
            self.tokenizer(text)
            for text in tqdm(texts, desc="分词", unit="条", disable=not show_progress)
        ]
        self._bm25 = bm25s.BM25(k1=self.k1, b=self.b, method="lucene")
        self._bm25.index(tokens, show_progress=False)
        self.size = len(texts)
        return self

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document for ``query`` (zeros when no query term is known)."""
        bm25 = self._require()
        ids = bm25.get_tokens_ids(self.tokenizer(query))
        if not ids:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(bm25.get_scores_from_ids(ids), dtype=np.float32)

    def top(
        self, query: str, k: int, mask: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Positions and scores of the best ``k`` documents with a positive score (within ``mask``)."""
        scores = self.scores(query)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        return top_k(scores, k)

    def save(self, folder: Path) -> None:
        self._require().save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path, tokenizer: Tokenizer) -> BM25Index:
        bm25 = bm25s.BM25.load(str(folder), show_progress=False, verbosity=0)
        index = cls(tokenizer, k1=bm25.k1, b=bm25.b)
        index._bm25 = bm25
        index.size = int(bm25.scores["num_docs"])
        return index

    def _require(self) -> bm25s.BM25:
        if self._bm25 is None:
            raise RuntimeError("BM25 index is empty: call index() first")
        return self._bm25


def save_with_tokenizer(bm25: BM25Index, folder: Path) -> None:
    """The BM25 matrices and, beside them, the tokenizer that cut the documents.

    Queries must be cut exactly as the documents were, so the two travel together.
    """
    bm25.tokenizer.save(folder / "tokenizer.json")  # type: ignore[attr-defined]
    bm25.save(folder / "bm25")


def load_with_tokenizer(folder: Path) -> BM25Index:
    """The inverse of :func:`save_with_tokenizer`."""
    return BM25Index.load(folder / "bm25", JiebaTokenizer.load(folder / "tokenizer.json"))


def top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the ``k`` highest positive scores, best first."""
    positive = np.flatnonzero(scores > 0)
    if positive.size > k:
        positive = positive[np.argpartition(-scores[positive], k - 1)[:k]]
    order = positive[np.argsort(-scores[positive], kind="stable")]
    return order, scores[order]

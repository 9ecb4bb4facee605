"""Verified situations: plain-words cases whose (duty, 罚则) pair a person checked in the law.

The retrieval pipeline has to guess which law a situation in officers' words is about;
a situation someone already worked out from the statutes (an agency's own resolved
cases, the project's independently written evaluation sets) answers that directly
when a new one says nearly the same thing. Nearest neighbours by character 1–2-gram
TF-IDF cosine: officers' words vary (没办证/无证/未取得许可) but share characters.
The memory only proposes citations; the assistant resolves each side again on the
date of the act, so a neighbour never brings an article that is not in force then.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix


@dataclass(frozen=True)
class VerifiedSituation:
    """One checked situation; ``source`` names the file (or set) it came from."""

    id: str
    source: str
    situation: str
    act_date: date
    violated: str
    penalty: str
    domain: str = ""

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "source": self.source,
            "domain": self.domain,
            "situation": self.situation,
            "act_date": self.act_date.isoformat(),
            "gold": {"violated": self.violated, "penalty": self.penalty},
        }


@dataclass(frozen=True)
class Neighbour:
    entry: VerifiedSituation
    similarity: float


class SituationFileError(ValueError):
    """A verified-situations file that cannot be read; the message names file and item."""


def _first(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and isinstance(value[0], str):
        return value[0]
    return None


def read_situations(path: Path, source: str | None = None) -> list[VerifiedSituation]:
    """Items of an assist-set-shaped file (a list or ``{"items": [...]}``) that carry a pair.

    Procedural questions (``gold: null``) are skipped: they describe no violation.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SituationFileError(f"无法读取已核对情形文件 {path}：{exc}") from exc
    items = data.get("items", []) if isinstance(data, dict) else data
    found: list[VerifiedSituation] = []
    for n, raw in enumerate(items, start=1):
        gold = raw.get("gold") if isinstance(raw, dict) else None
        if not gold:
            continue
        violated, penalty = _first(gold.get("violated")), _first(gold.get("penalty"))
        try:
            on = date.fromisoformat(str(raw["act_date"]))
            text = str(raw["situation"]).strip()
        except (KeyError, ValueError) as exc:
            raise SituationFileError(
                f"{path} 第 {n} 条缺少或写错 situation/act_date：{exc}"
            ) from exc
        if not violated or not penalty or not text:
            raise SituationFileError(f"{path} 第 {n} 条缺少违法依据或处罚依据")
        found.append(
            VerifiedSituation(
                id=str(raw.get("id", n)),
                source=str(raw.get("source") or source or path.stem),
                situation=text,
                act_date=on,
                violated=violated,
                penalty=penalty,
                domain=str(raw.get("domain", "")),
            )
        )
    return found


Tokenizer = Callable[[str], list[str]]


def char_grams(text: str) -> list[str]:
    """Characters and character bigrams of the CJK/alphanumeric text (punctuation dropped)."""
    chars = [c for c in text if c.isalnum()]
    return chars + [a + b for a, b in zip(chars, chars[1:], strict=False)]


def char_bigrams(text: str) -> list[str]:
    """Character bigrams only: single characters (百, 分, 之) match unrelated situations."""
    chars = [c for c in text if c.isalnum()]
    return [a + b for a, b in zip(chars, chars[1:], strict=False)]


def words_and_bigrams(text: str) -> list[str]:
    """jieba words plus character bigrams: whole terms (排污许可证) weigh as one feature too."""
    import jieba

    return [w for w in jieba.lcut(text) if any(c.isalnum() for c in w)] + char_bigrams(text)


TOKENIZERS: dict[str, Tokenizer] = {
    "chars+bigrams": char_grams,
    "bigrams": char_bigrams,
    "words+bigrams": words_and_bigrams,
}


class SituationMemory:
    """nearest(text): the verified situations most like ``text``, by TF-IDF cosine."""

    def __init__(
        self, entries: Sequence[VerifiedSituation], tokenizer: Tokenizer = char_grams
    ) -> None:
        self.entries = list(entries)
        self.tokenizer = tokenizer
        docs = [Counter(tokenizer(e.situation)) for e in self.entries]
        df: Counter[str] = Counter()
        for doc in docs:
            df.update(doc.keys())
        self.vocabulary = {gram: i for i, gram in enumerate(sorted(df))}
        n = len(docs)
        self.idf = np.array(
            [math.log((1 + n) / (1 + df[g])) + 1.0 for g in sorted(df)], dtype=np.float32
        )
        self.matrix = self._vectors(docs)
        self.sources = np.array([e.source for e in self.entries], dtype=object)

    @classmethod
    def load(cls, paths: Iterable[Path], tokenizer: Tokenizer = char_grams) -> SituationMemory:
        """All files' situations; a folder contributes every ``*.json`` inside it."""
        entries: list[VerifiedSituation] = []
        for path in paths:
            files = sorted(path.glob("*.json")) if path.is_dir() else [path]
            for file in files:
                entries.extend(read_situations(file))
        return cls(entries, tokenizer)

    def _vectors(self, docs: Sequence[Counter[str]]) -> csr_matrix:
        rows, cols, values = [], [], []
        for row, doc in enumerate(docs):
            for gram, count in doc.items():
                col = self.vocabulary.get(gram)
                if col is not None:
                    rows.append(row)
                    cols.append(col)
                    values.append((1.0 + math.log(count)) * self.idf[col])
        shape = (len(docs), len(self.vocabulary))
        matrix = csr_matrix((values, (rows, cols)), shape=shape, dtype=np.float32)
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return csr_matrix(matrix.multiply(1.0 / norms[:, None]))

    def without(self, sources: Iterable[str]) -> SituationMemory:
        """The memory minus whole sources: an evaluation set never answers itself."""
        dropped = set(sources)
        kept = [e for e in self.entries if e.source not in dropped]
        return SituationMemory(kept, self.tokenizer)

    def nearest(self, text: str, k: int = 5) -> list[Neighbour]:
        """The ``k`` most similar entries, most similar first (ties: file order)."""
        if not self.entries:
            return []
        query = self._vectors([Counter(self.tokenizer(text))])
        scores = (self.matrix @ query.T).toarray().ravel()
        order = np.argsort(-scores, kind="stable")[:k]
        return [Neighbour(self.entries[i], float(scores[i])) for i in order if scores[i] > 0]

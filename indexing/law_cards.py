"""Law cards: one short text per law, for a law-level retrieval stage over the whole corpus.

A question rarely names its law, and the article ranking alone mixes look-alike
articles of many laws. A law is described compactly by its own opening: its name
and aliases, its 编/章/节 titles, the 立法目的 of its first article and the article
that says what it applies to (适用本法…, 本法所称…). ~1,400 such cards are cheap to
index by character-bigram BM25 and, unlike the ~64,000 articles, cheap to embed
(minutes, once), so the dense side reaches every law of the national corpus at law
level even where no article vectors exist. Everything comes from the index's own
units; nothing is written by hand or tuned to a question set.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus.law_names import COMMON_ALIASES
from indexing.law_prior import BigramBM25
from indexing.storage import write_file_atomically
from indexing.units import RetrievalUnit
from models.embedder import Embedder

# Heading scaffolding every law shares; it says nothing about a law's subject.
_HEADING_NOISE = re.compile(
    r"第[一二三四五六七八九十百零〇]+[编章节]|总则|附则|法律责任|一般规定|其他规定|罚则"
)
# The article that says what a law covers: 适用本法 / 本条例所称 …
_SCOPE = re.compile(r"适用本(?:法|条例|规定|办法|细则|决定|规则)|本(?:法|条例|规定|办法)所称")
_SCOPE_LAST_ARTICLE = 6
_PURPOSE_CHARS = 160
_SCOPE_CHARS = 200
CARD_MAX_CHARS = 480


@dataclass(frozen=True)
class LawCard:
    """One law's card: the law's short name and the text that describes it."""

    law: str
    text: str


def _latest_units(units: Sequence[RetrievalUnit]) -> dict[str, list[RetrievalUnit]]:
    """``{law: units of its newest version}`` in article order."""
    newest: dict[str, str] = {}
    for unit in units:
        if unit.version > newest.get(unit.law, ""):
            newest[unit.law] = unit.version
    latest: dict[str, list[RetrievalUnit]] = {law: [] for law in newest}
    for unit in units:
        if unit.version == newest[unit.law]:
            latest[unit.law].append(unit)
    return latest


def _card_text(law: str, units: list[RetrievalUnit], aliases: list[str]) -> str:
    """Name, aliases, distinct chapter titles, purpose article, scope article."""
    title = units[0].title
    headings: dict[str, None] = {}
    for unit in units:
        for heading in unit.headings:
            cleaned = _HEADING_NOISE.sub(" ", heading).strip()
            if cleaned:
                headings.setdefault(cleaned, None)
    opening = sorted((u for u in units if u.number <= _SCOPE_LAST_ARTICLE), key=_order)
    purpose = next((u.text for u in opening if u.number == 1), "")
    scope = next((u.text for u in opening if u.number > 1 and _SCOPE.search(u.text)), "")
    names = dict.fromkeys([law, title, *aliases])
    parts = [
        " ".join(names),
        " ".join(headings),
        purpose[:_PURPOSE_CHARS],
        scope[:_SCOPE_CHARS],
    ]
    return "\n".join(part for part in parts if part)[:CARD_MAX_CHARS]


def _order(unit: RetrievalUnit) -> tuple[int, int]:
    return unit.number, unit.suffix


def build_law_cards(units: Sequence[RetrievalUnit]) -> list[LawCard]:
    """One card per law of ``units`` (its newest version), in law-name order."""
    aliases: dict[str, list[str]] = {}
    for alias, law in COMMON_ALIASES.items():
        aliases.setdefault(law, []).append(alias)
    latest = _latest_units(units)
    return [
        LawCard(law, _card_text(law, latest[law], aliases.get(law, []))) for law in sorted(latest)
    ]


def _cards_digest(cards: Sequence[LawCard], salt: str) -> str:
    digest = hashlib.sha256(salt.encode("utf-8"))
    for card in cards:
        digest.update(card.law.encode("utf-8") + b"\0" + card.text.encode("utf-8") + b"\0")
    return digest.hexdigest()[:24]


def card_vectors(
    cards: Sequence[LawCard], embedder: Embedder, folder: Path | None, batch: int = 32
) -> np.ndarray:
    """Passage vectors of the cards, loaded from ``folder`` or embedded and saved there.

    Embedding ~1,400 cards takes a few minutes on two cores; the file name holds the
    model fingerprint and a hash of the cards, so a changed corpus or model misses.
    """
    path = None
    if folder is not None:
        path = folder / f"law-cards-{_cards_digest(cards, embedder.fingerprint)}.npy"
        if path.is_file():
            try:
                vectors = np.load(path)
                if vectors.shape == (len(cards), embedder.dim):
                    return vectors
            except (OSError, ValueError):
                pass
            path.unlink(missing_ok=True)
    texts = [card.text for card in cards]
    parts = [embedder.embed_passages(texts[i : i + batch]) for i in range(0, len(texts), batch)]
    vectors = np.vstack(parts) if parts else np.zeros((0, embedder.dim), dtype=np.float32)
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if path is not None:
        write_file_atomically(path, lambda tmp: np.save(tmp, vectors))
    return vectors


class LawCardIndex:
    """Laws ranked for a question by their cards: bigram BM25 and (optionally) dense."""

    def __init__(
        self,
        cards: Sequence[LawCard],
        vectors: np.ndarray | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        if vectors is not None and len(vectors) != len(cards):
            raise ValueError("one vector per card is required")
        self.laws = [card.law for card in cards]
        self._bm25 = BigramBM25([card.text for card in cards], k1=1.2, b=0.5)
        self.vectors = vectors
        self.embedder = embedder

    @classmethod
    def from_units(
        cls,
        units: Sequence[RetrievalUnit],
        embedder: Embedder | None = None,
        cache_dir: Path | None = None,
    ) -> LawCardIndex:
        """Cards of ``units``; embedded too when an embedder is given."""
        cards = build_law_cards(units)
        vectors = None if embedder is None else card_vectors(cards, embedder, cache_dir)
        return cls(cards, vectors, embedder)

    @property
    def has_dense(self) -> bool:
        return self.vectors is not None and self.embedder is not None

    def bm25_scores(self, query: str) -> np.ndarray:
        """Bigram BM25 of every card (aligned with ``self.laws``)."""
        return self._bm25.scores(query)

    def dense_scores(self, query: str) -> np.ndarray:
        """Cosine of the query to every card; a clear error without vectors."""
        if self.vectors is None or self.embedder is None:
            raise RuntimeError("law cards were built without an embedder")
        query_vector = self.embedder.embed_queries([query])[0]
        return self.vectors @ query_vector

    def ranking(self, query: str, depth: int, dense: bool = False) -> list[str]:
        """The ``depth`` best laws, best first (BM25: only laws with a positive score)."""
        scores = self.dense_scores(query) if dense else self.bm25_scores(query)
        order = np.argsort(-scores, kind="stable")[:depth]
        return [self.laws[i] for i in order if dense or scores[i] > 0]

"""Every (duty, 罚则) pair the corpus itself states, searchable over the whole corpus.

Pairs inside routed laws are only as good as the routing: when the gold's law never
enters the top laws, no in-law candidate generation can find it. The statutes state
their own pairs (违反本法第X条…的，处…; a 罚则 item restating a duty item; 治安-style
articles stating act and penalty together), so the catalogue lists them once for every
law, regulation and rule version and scores each pair against the situation on its own:
character-bigram BM25 over the 罚则 unit's stated act (with the law's title) and over the
duty's text, and the cosine of the situation's embedding with the vectors the index
already holds for both articles (no new embedding). Nothing depends on routing.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import groupby
from pathlib import Path

import numpy as np

from assistant.norm_links import ArticleKey, build_graph, is_duty_norm, is_penalty_norm, key_of
from assistant.norm_pairs import (
    WORDING_MIN_SIMILARITY,
    LinkKind,
    PairCandidate,
    _cited_duties,
    _duty_unit,
    _enumeration,
    _explicit,
    _self_stated,
    _unit_with_text,
    _wording,
    behaviour,
)
from assistant.norm_units import LawLexicon, NormUnit, article_units, bigrams
from assistant.penalty_items import stated_act, states_own_act
from corpus.model import ArticleRecord
from indexing.law_prior import BigramBM25
from indexing.law_router import parent_law

log = logging.getLogger(__name__)

CATALOGUE_LEVELS = ("法律", "行政法规", "部门规章", "地方政府规章")
CACHE_VERSION = 2
WORDING_DUTIES = 2  # duties a 罚则 unit with no stated link is paired with by wording


@dataclass(frozen=True)
class CatalogueEntry:
    """A stated pair: the duty article (and the 款/项 the 罚则 names), the 罚则 unit."""

    duty: ArticleRecord
    paragraph: int | None
    item: int | None
    penalty: NormUnit
    link: LinkKind
    similarity: float = 1.0

    def duty_unit(self, grams: frozenset[str]) -> NormUnit:
        """The named 款/项, else the duty unit the facts match best (self-stated: the 罚则)."""
        if self.link is LinkKind.SELF:
            return self.penalty
        return _duty_unit(self.duty, self.paragraph, self.item, grams)

    def candidate(self, grams: frozenset[str]) -> PairCandidate:
        """The pair as a candidate, its reason saying the statute states it and where from."""
        if self.link is LinkKind.SELF:
            found = _self_stated(self.penalty)
        elif self.link is LinkKind.EXPLICIT:
            found = _explicit(self.duty, self.paragraph, self.item, self.penalty, grams)
        elif self.link is LinkKind.ENUMERATION:
            found = _enumeration(self.duty_unit(grams), self.penalty, self.similarity)
        else:
            found = _wording(self.duty_unit(grams), self.penalty, self.similarity)
        return replace(found, reason=f"{found.reason}（全国条款对目录，不限路由法律）")

    def duty_text(self) -> str:
        if self.link is LinkKind.SELF:
            return ""
        units = [
            u
            for u in article_units(self.duty)
            if self.paragraph is None or u.paragraph == self.paragraph
        ]
        if self.item is not None:
            units = [u for u in units if u.item == self.item] or units
        return "".join(u.full_text for u in units) or self.duty.text


@dataclass(frozen=True)
class CatalogueHit:
    """A catalogue pair's parts of the score, for the situation it was searched with."""

    entry: CatalogueEntry
    act: float  # BM25 of the 罚则's stated act + law title (1.0 for the best pair)
    duty: float  # BM25 of the duty's text (1.0 for the best pair)
    dense: float  # mean cosine of the situation with the duty and 罚则 articles
    score: float


def version_entries(records: Sequence[ArticleRecord]) -> list[CatalogueEntry]:
    """The pairs one law version states: explicit links, restated items, self-stated acts."""
    graph = build_graph(records)
    found: list[CatalogueEntry] = []
    restated: dict[ArticleKey, list] = {}
    lexicon: LawLexicon | None = None
    for link in graph.text_links:
        restated.setdefault(link.penalty, []).append(link)
    for penalty in records:
        if not is_penalty_norm(penalty):
            continue
        units = article_units(penalty)
        linked: set[tuple] = set()
        for unit in units:
            for duty, paragraph, item in _cited_duties(unit, graph.records, penalty):
                found.append(CatalogueEntry(duty, paragraph, item, unit, LinkKind.EXPLICIT))
                linked.add(unit.key)
        for link in restated.get(key_of(penalty), []):
            unit = _unit_with_text(units, link.penalty_line)
            duty = graph.records[link.duty]
            duty_unit = _unit_with_text(article_units(duty), link.duty_line)
            if unit is None or duty_unit is None:
                continue
            found.append(
                CatalogueEntry(
                    duty,
                    duty_unit.paragraph,
                    duty_unit.item,
                    unit,
                    LinkKind.ENUMERATION,
                    link.similarity,
                )
            )
            linked.add(unit.key)
        if states_own_act(penalty):
            found += [
                CatalogueEntry(penalty, u.paragraph, u.item, u, LinkKind.SELF)
                for u in units
                if u.key not in linked
            ]
            continue
        unlinked = [u for u in units if u.key not in linked]
        if unlinked:
            if lexicon is None:
                lexicon = LawLexicon.build(list(records), is_duty_norm, is_penalty_norm, behaviour)
            found += _by_wording(unlinked, lexicon, penalty.unit_id)
    return found


def _by_wording(units: list[NormUnit], lexicon: LawLexicon, own: str) -> list[CatalogueEntry]:
    """A 罚则 unit no text links: the duty units of its law its conduct restates (weakest)."""
    found = []
    for unit in units:
        wanted = bigrams(behaviour(unit))
        scored = sorted(
            (
                (lexicon.mutual(wanted, grams, own_grams), duty)
                for duty, grams, own_grams in lexicon.duties
                if duty.record.unit_id != own
            ),
            key=lambda s: -s[0],
        )[:WORDING_DUTIES]
        found += [
            CatalogueEntry(
                duty.record, duty.paragraph, duty.item, unit, LinkKind.WORDING, round(sim, 3)
            )
            for sim, duty in scored
            if sim >= WORDING_MIN_SIMILARITY
        ]
    return found


def corpus_entries(records: Iterable[ArticleRecord]) -> Iterator[CatalogueEntry]:
    """Every version's stated pairs; ``records`` come grouped by law version (store order)."""
    kept = (r for r in records if r.level in CATALOGUE_LEVELS)
    for _, version in groupby(kept, key=lambda r: (r.law, r.version)):
        yield from version_entries(list(version))


class PairCatalogue:
    """Bigram BM25 and stored article vectors over every stated pair of the corpus."""

    def __init__(self, entries: list[CatalogueEntry]) -> None:
        self.entries = entries
        self._act = BigramBM25(
            [f"{e.penalty.record.title} {stated_act(e.penalty)}" for e in entries]
        )
        self._duty = BigramBM25([e.duty_text() for e in entries])
        self._start = np.array([e.penalty.record.version.toordinal() for e in entries])
        self._end = np.array(
            [
                e.penalty.record.effective_to.toordinal()
                if e.penalty.record.effective_to
                else 10**7
                for e in entries
            ]
        )
        self._articles: list[str] = []
        self._duty_article = np.zeros(len(entries), dtype=np.int64)
        self._penalty_article = np.zeros(len(entries), dtype=np.int64)
        ids: dict[str, int] = {}
        for i, e in enumerate(entries):
            self._duty_article[i] = ids.setdefault(e.duty.unit_id, len(ids))
            self._penalty_article[i] = ids.setdefault(e.penalty.record.unit_id, len(ids))
        self._articles = list(ids)
        self._vectors: np.ndarray | None = None
        self._offsets: np.ndarray | None = None

    @classmethod
    def build(cls, records: Iterable[ArticleRecord]) -> PairCatalogue:
        return cls(list(corpus_entries(records)))

    @classmethod
    def cached(cls, records: Iterable[ArticleRecord], path: Path | None) -> PairCatalogue:
        """Loaded from ``path`` (a pickle named by the corpus fingerprint), else built and saved.

        Building reads every version's norm graph (a few minutes on the national corpus);
        the entries keep their ArticleRecords, so the file stands alone.
        """
        if path is not None and path.is_file():
            try:
                with path.open("rb") as f:
                    saved = pickle.load(f)
                if saved.get("version") == CACHE_VERSION:
                    return cls(saved["entries"])
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError):
                path.unlink(missing_ok=True)
        catalogue = cls.build(records)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            with tmp.open("wb") as f:
                pickle.dump({"version": CACHE_VERSION, "entries": catalogue.entries}, f)
            tmp.replace(path)
        return catalogue

    def attach_vectors(self, index) -> None:  # noqa: ANN001 - a HybridIndex with a dense store
        """Fetch the stored vectors of every catalogue article (a long article has several
        units: its best-matching unit speaks for it)."""
        wanted = set(self._articles)
        by_article: dict[str, list[int]] = {}
        for position, unit in enumerate(index.units):
            if unit.article_id in wanted:
                by_article.setdefault(unit.article_id, []).append(position)
        positions: list[int] = []
        offsets = np.zeros(len(self._articles), dtype=np.int64)
        missing = np.zeros(len(self._articles), dtype=bool)
        for i, article in enumerate(self._articles):
            offsets[i] = len(positions)
            found = by_article.get(article)
            if not found:  # not indexed: a zero vector, cosine 0
                missing[i] = True
                found = [-1]
            positions.extend(found)
        store = index.require_dense()
        known = np.array([p for p in positions if p >= 0], dtype=np.int64)
        ids, vectors = store.get_vectors(known)
        row = {int(i): r for r, i in enumerate(ids)}
        matrix = np.zeros((len(positions), vectors.shape[1]), dtype=np.float32)
        for r, p in enumerate(positions):
            if p >= 0 and p in row:
                matrix[r] = vectors[row[p]]
        self._vectors = matrix
        self._offsets = offsets
        self._index = index

    def article_cosines(self, query_vector: np.ndarray) -> np.ndarray:
        """Per catalogue article: the best cosine of its units with the query vector."""
        assert self._vectors is not None and self._offsets is not None
        scores = self._vectors @ np.asarray(query_vector, dtype=np.float32).ravel()
        return np.maximum.reduceat(scores, self._offsets)

    def components(
        self, text: str, on: date, query_vector: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(act BM25, duty BM25, dense mean cosine, in force on ``on``) for every pair."""
        act = self._act.scores(text)
        duty = self._duty.scores(text)
        if query_vector is not None and self._vectors is not None:
            cos = self.article_cosines(query_vector)
            dense = (cos[self._duty_article] + cos[self._penalty_article]) / 2
        else:
            dense = np.zeros(len(self.entries), dtype=np.float32)
        day = on.toordinal()
        live = (self._start <= day) & (day < self._end)
        return act, duty, dense, live

    def search(
        self,
        text: str,
        on: date,
        depth: int,
        query_vector: np.ndarray | None = None,
        weights: tuple[float, float, float] = (1.0, 0.5, 1.0),
        rrf_k: float = 60.0,
        laws: Iterable[str] = (),
    ) -> list[CatalogueHit]:
        """The ``depth`` pairs in force on ``on`` the situation matches best (of ``laws``
        when named): reciprocal rank fusion of the act, duty and dense rankings (their
        scales differ, their ranks do not)."""
        act, duty, dense, live = self.components(text, on, query_vector)
        wanted = set(laws)
        if wanted:
            live = live & np.array([e.penalty.record.law in wanted for e in self.entries])
        fused = np.zeros(len(self.entries), dtype=np.float64)
        for weight, scores in zip(weights, (act, duty, dense), strict=True):
            if not weight or not scores.any():
                continue
            order = np.argsort(-np.where(live, scores, -np.inf), kind="stable")
            ranks = np.empty(len(order), dtype=np.float64)
            ranks[order] = np.arange(1, len(order) + 1)
            fused += weight / (rrf_k + ranks)
        fused = np.where(live & (act + duty > 0), fused, 0.0)
        top = np.argsort(-fused, kind="stable")[:depth]
        best_act, best_duty = float(act.max() or 1.0), float(duty.max() or 1.0)
        return [
            CatalogueHit(
                self.entries[i],
                round(float(act[i]) / best_act, 4),
                round(float(duty[i]) / best_duty, 4),
                round(float(dense[i]), 4),
                float(fused[i]),
            )
            for i in top
            if fused[i] > 0
        ]


def law_ranking(hits: Iterable[CatalogueHit], depth: int) -> list[str]:
    """The parent laws of the catalogue's best pairs, best first, ``depth`` at most: a law
    whose stated pairs fit the situation is a law to search, even when no other view
    (domain table, flat hits, 罚则 items) ranks it."""
    found: dict[str, None] = {}
    for hit in hits:
        found.setdefault(parent_law(hit.entry.penalty.record.law), None)
        if len(found) >= depth:
            break
    return list(found)

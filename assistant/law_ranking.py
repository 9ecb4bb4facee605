"""Which laws to search for a situation: several whole-corpus views of the law, fused.

Each view ranks laws from a different reading of the statutes, and each misses on its
own: the hand table knows officers' domain words but is silent outside its domains;
the corpus router (law documents, flat hits, definitions) shares words with long
laws; the 罚则 items' stated acts (未取得许可从事…的) match the situation's act but
stray items of unrelated laws share common words; the nearest duty and 罚则 units by
dense vectors catch paraphrase (刷单 ↔ 虚构交易) that no bigram shares. Reciprocal
rank fusion keeps a law several views agree on. Weights and depth were chosen on one
fresh set and reported on the others (``zhifa eval assist``); nothing is copied from
a set's wording.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from assistant.penalty_items import PenaltyItemIndex
from corpus.model import LIABILITY_HEADING
from indexing.fusion import FusionConfig, reciprocal_rank_fusion
from indexing.hybrid_index import HybridIndex
from indexing.law_router import ROUTED_LEVELS, LawRoute, LawRouter, parent_law
from indexing.units import RetrievalUnit

_DUTY = re.compile(r"应当|不得|禁止|必须|严禁|未经")
VIEW_DEPTH = 20  # laws taken from each view's ranking


@dataclass(frozen=True)
class LawRankingConfig:
    """RRF constant, how many laws are searched, and each view's weight (0 drops it)."""

    rrf_k: int = 5
    searched: int = 3
    table: float = 2.0
    corpus: float = 1.0
    hits: float = 1.0
    items: float = 0.5
    dense: float = 1.0
    catalogue: float = 0.0  # laws of the national pair catalogue's best pairs (0: off)
    # an implementing regulation is searched with its law but ranks below it: the views
    # vote for the family, and the statute is what officers cite first
    family_share: float = 0.5


def norm_unit_positions(units: Sequence[RetrievalUnit]) -> np.ndarray:
    """Index positions of the duty and 罚则 units of statutes and regulations."""
    return np.array(
        [
            i
            for i, u in enumerate(units)
            if u.level in ROUTED_LEVELS
            and (any(LIABILITY_HEADING.search(h) for h in u.headings) or _DUTY.search(u.text))
        ],
        dtype=np.int64,
    )


class DenseNormLaws:
    """Laws of the duty and 罚则 units nearest the situation's embedding."""

    def __init__(self, index: HybridIndex) -> None:
        self.index = index
        ids, vectors = index.require_dense().get_vectors(norm_unit_positions(index.units))
        self._vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        units = [index.units[int(i)] for i in ids]
        self._laws = [parent_law(u.law) for u in units]
        self._start = np.array([date.fromisoformat(u.version).toordinal() for u in units])
        self._end = np.array(
            [
                date.fromisoformat(u.effective_to).toordinal() if u.effective_to else 10**7
                for u in units
            ]
        )

    def ranking(self, text: str, on: date, depth: int = VIEW_DEPTH) -> list[str]:
        scores = self._vectors @ self.index.query_vector(text).astype(np.float32).ravel()
        day = on.toordinal()
        scores = np.where((self._start <= day) & (day < self._end), scores, -np.inf)
        order = [i for i in np.argsort(-scores, kind="stable")[: depth * 20] if scores[i] > -np.inf]
        return _laws_in_order(order, self._laws, depth)


def _laws_in_order(order: Iterable[int], laws: Sequence[str], depth: int) -> list[str]:
    found: dict[str, None] = {}
    for i in order:
        found.setdefault(laws[int(i)], None)
        if len(found) >= depth:
            break
    return list(found)


def item_ranking(
    items: PenaltyItemIndex, text: str, on: date, depth: int = VIEW_DEPTH
) -> list[str]:
    """Laws of the 罚则 items (whole corpus, in force on ``on``) whose act the text restates."""
    scores = items.scores(text, on)
    order = [i for i in np.argsort(-scores, kind="stable")[: depth * 20] if scores[i] > 0]
    return _laws_in_order(order, [parent_law(u.record.law) for u in items.units], depth)


def fuse(rankings: dict[str, list[str]], config: LawRankingConfig) -> list[tuple[str, float]]:
    """Weighted reciprocal rank fusion of the views' law rankings (each cut to VIEW_DEPTH)."""
    weights = {view: getattr(config, view) for view in rankings}
    cut = {view: ranking[:VIEW_DEPTH] for view, ranking in rankings.items()}
    return reciprocal_rank_fusion(cut, FusionConfig(k=config.rrf_k, weights=weights))  # type: ignore[return-value]


# (query, date) -> parent laws of the catalogue's best pairs, best first
CatalogueView = Callable[[str, date], list[str]]


class LawRanker:
    """route(): the laws to search, from the hand table, the corpus router, the 罚则 items,
    the dense neighbours and (when weighed) the pair catalogue, fused."""

    def __init__(
        self,
        router: LawRouter,
        items: PenaltyItemIndex,
        dense: DenseNormLaws | None,
        config: LawRankingConfig = LawRankingConfig(),
        catalogue: CatalogueView | None = None,
    ) -> None:
        self.router = router
        self.items = items
        self.dense = dense
        self.config = config
        self.catalogue = catalogue

    def _rankings(
        self,
        question: str,
        query: str,
        hit_laws: Sequence[str],
        table: LawRoute,
        on: date,
        known: set[str],
    ) -> dict[str, list[str]]:
        """Each view's law ranking (parent laws, best first), kept to explain the route."""
        corpus = self.router.route(question, hit_laws, known)
        rankings = {
            "table": [parent_law(law) for law in table.laws],
            "corpus": [parent_law(law) for law in corpus.laws],
            "hits": list(dict.fromkeys(parent_law(law) for law in hit_laws)),
            "items": item_ranking(self.items, query, on),
        }
        if self.dense is not None and self.config.dense:
            rankings["dense"] = self.dense.ranking(query, on)
        if self.catalogue is not None and self.config.catalogue:
            rankings["catalogue"] = self.catalogue(query, on)[:VIEW_DEPTH]
        return rankings

    def route(
        self,
        question: str,
        query: str,
        hit_laws: Sequence[str],
        table: LawRoute,
        on: date,
        known: set[str],
    ) -> LawRoute:
        """The ``searched`` best fused laws with their implementing regulations; each law's
        reason names the views that ranked it and the table's words."""
        rankings = self._rankings(question, query, hit_laws, table, on, known)
        heads: list[tuple[list[str], float]] = []  # a family held in the corpus, its score
        for head, score in fuse(rankings, self.config):
            family = self.router.family(head, known)
            if family:  # a regulation whose parent law the corpus lacks still counts
                heads.append((family, score))
            if len(heads) == self.config.searched:
                break
        best = heads[0][1] if heads else 1.0
        laws: dict[str, float] = {}
        for family, score in heads:
            for law in family:
                share = 1.0 if law == family[0] else self.config.family_share
                laws.setdefault(law, round(share * score / best, 3))
        signals = {
            law: tuple(table.signals.get(law, ()))
            + tuple(
                f"{_VIEW_NAMES[v]}第{r.index(parent_law(law)) + 1}"
                for v, r in rankings.items()
                if parent_law(law) in r[:VIEW_DEPTH]
            )
            for law in laws
        }
        return LawRoute(tuple(laws), signals, laws)


_VIEW_NAMES = {
    "table": "领域词表",
    "corpus": "法规文本",
    "hits": "条文检索",
    "items": "罚则情形",
    "dense": "语义近邻",
    "catalogue": "条款对目录",
}

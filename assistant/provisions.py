"""Governing provisions for a situation: the violated norm and the penalty norm.

Retrieval proposes articles; the norm graph adds the 罚则 that sanctions a duty
(or the duty a 罚则 names); and every article is re-resolved through the citation
engine on the date of the act before it is shown, so nothing outside the corpus,
or out of force on that date, can appear.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from pathlib import Path

from assistant.law_ranking import VIEW_DEPTH, DenseNormLaws, LawRanker, LawRankingConfig
from assistant.law_scope import MissingLaw, missing_laws
from assistant.norm_links import NormGraphs, is_penalty_norm
from assistant.norm_pairs import PairBuilder, PairCandidate, PairWeights, RankedRecord
from assistant.norm_units import NormUnit, bigrams
from assistant.pair_catalogue import CatalogueHit, PairCatalogue, law_ranking
from assistant.pair_ranker import PairRanker
from assistant.penalty_items import PenaltyItemIndex, PenaltyMatch
from assistant.question_kind import question_kind
from assistant.settings import AssistantSettings
from corpus.citation_parser import CitationRef
from corpus.citation_resolver import (
    CitationError,
    CitationErrorCode,
    CitationResolver,
    ResolvedCitation,
)
from corpus.model import ArticleRecord
from corpus.store import CorpusStore
from indexing.filters import SearchFilter
from indexing.hybrid_index import Hit, HybridIndex
from indexing.law_router import LawRoute, LawRouter
from indexing.law_routing import route_laws
from indexing.query_rewriter import rewrite_query


class ProvisionRole(StrEnum):
    VIOLATED = "violated"  # 违法依据
    PENALTY = "penalty"  # 处罚依据
    RELATED = "related"  # 相关条文

    @property
    def label(self) -> str:
        return {"violated": "违法依据", "penalty": "处罚依据", "related": "相关条文"}[self.value]


@dataclass(frozen=True)
class Provision:
    """A verified article with its role and why it is shown."""

    role: ProvisionRole
    citation: ResolvedCitation
    reason: str
    rank: int
    scores: dict[str, float | None] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {
            "role": self.role.value,
            "role_label": self.role.label,
            "reason": self.reason,
            "scores": self.scores,
            **self.citation.as_json(),
        }


@dataclass
class NormPair:
    """A violated duty and the 罚则 that sanctions it, both verified on the date of the act."""

    violated: ResolvedCitation
    penalty: ResolvedCitation
    reason: str
    link: str
    score: float
    standard: dict | None = None
    memory: dict | None = None  # the verified situation that proposes or confirms the pair
    evidence: list[dict] = field(default_factory=list)

    def same_articles(self, other: NormPair) -> bool:
        return _article_of(self.violated) == _article_of(other.violated) and _article_of(
            self.penalty
        ) == _article_of(other.penalty)

    def repeats(self, other: NormPair) -> bool:
        """Same duty article and same 罚则 paragraph: one of them is enough to show."""
        return self.same_articles(other) and self.penalty.paragraph == other.penalty.paragraph

    def as_json(self) -> dict:
        return {
            "violated": self.violated.as_json(),
            "penalty": self.penalty.as_json(),
            "reason": self.reason,
            "link": self.link,
            "score": self.score,
            "standard": self.standard,
            "memory": self.memory,
            "evidence": self.evidence,
        }


def _article_of(c: ResolvedCitation) -> tuple[str, int, int]:
    return (c.law, c.article, c.suffix)


MAX_PAIRS = 3


@dataclass(frozen=True)
class CorpusRouting:
    """How the laws to search are ranked, and how many 罚则 units of them are matched."""

    ranking: LawRankingConfig = LawRankingConfig()
    item_depth: int = 30  # 罚则 units matched to the situation's act


MAX_PAIRS_PER_DUTY = 2
CATALOGUE_LAW_PAIRS = 200  # catalogue pairs whose laws vote in the law ranking


class CatalogueMode(StrEnum):
    """How the national pair catalogue's best pairs join the routed candidates."""

    OFF = "off"
    RANK = "rank"  # reciprocal rank fusion of the two lists (round 7; lost)
    FEATURES = "features"  # scored on the pair ranker's features, plus a rank bonus (round 8)


@dataclass(frozen=True)
class CatalogueFusion:
    """How the national pair catalogue's best pairs join the routed candidates.

    The catalogue ranks its pairs by three views (the 罚则's stated act, the duty's
    text, the stored article vectors), fused by reciprocal rank (``view_k``) and cut to
    its top ``depth``. ``features``: those pairs are scored by the pair ranker's own
    features like any routed candidate, and every candidate whose articles the catalogue
    ranks r-th gains ``bonus`` × 5/(5+r−1). ``rank``: the two lists are fused by
    reciprocal rank (``k``), the catalogue's weighing ``weight`` against the routed 1.
    The shipped choice is a setting (``AssistantSettings.catalogue_*``); this default
    is off so a finder built bare behaves as before the catalogue.
    """

    mode: CatalogueMode = CatalogueMode.OFF
    depth: int = 20
    bonus: float = 0.1
    weight: float = 0.5
    k: float = 5.0
    act: float = 1.0
    duty: float = 0.5
    dense: float = 1.0
    view_k: float = 60.0

    @property
    def on(self) -> bool:
        return self.mode is not CatalogueMode.OFF


def catalogue_fusion(settings: AssistantSettings) -> CatalogueFusion:
    """The shipped catalogue choice, read from the settings (``ZHIFA_CATALOGUE_*``)."""
    return CatalogueFusion(
        mode=CatalogueMode(settings.catalogue_mode),
        depth=settings.catalogue_depth,
        bonus=settings.catalogue_bonus,
        weight=settings.catalogue_rank_weight,
    )


def catalogue_routing(settings: AssistantSettings) -> CorpusRouting:
    """Law ranking with the catalogue's vote weighed as the settings say (0: five views)."""
    return CorpusRouting(ranking=replace(LawRankingConfig(), catalogue=settings.catalogue_law_vote))


def fuse_candidates(
    routed: list[PairCandidate], catalogue: list[PairCandidate], weight: float, k: float
) -> list[PairCandidate]:
    """Both lists by weighted reciprocal rank; a pair in both keeps the routed candidate."""
    scores: dict[tuple, float] = {}
    first: dict[tuple, PairCandidate] = {}
    for share, ranked in ((1.0, routed), (weight, catalogue)):
        for rank, candidate in enumerate(ranked, start=1):
            scores[candidate.key] = scores.get(candidate.key, 0.0) + share / (k + rank)
            first.setdefault(candidate.key, candidate)
    return [first[key] for key in sorted(scores, key=lambda key: -scores[key])]


@dataclass
class ProvisionAnswer:
    question: str
    on: date
    provisions: list[Provision]
    dropped: list[str] = field(default_factory=list)
    query: str = ""
    missing_laws: list[MissingLaw] = field(default_factory=list)
    pairs: list[NormPair] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    routed: LawRoute | None = None
    procedural: bool = False  # asks about procedure: no violation, so never a pair

    def lead_with_pairs(self) -> None:
        """Pair articles head ``provisions`` (the compatible flat list) with their pair roles."""
        heads: list[Provision] = []
        seen: set[tuple[str, int, int]] = set()
        for rank, pair in enumerate(self.pairs, start=1):
            for citation, role in (
                (pair.violated, ProvisionRole.VIOLATED),
                (pair.penalty, ProvisionRole.PENALTY),
            ):
                if _article_of(citation) not in seen:
                    seen.add(_article_of(citation))
                    heads.append(Provision(role, citation, pair.reason, rank))
        rest = [p for p in self.provisions if _article_of(p.citation) not in seen]
        self.provisions = heads + rest

    def by_role(self, role: ProvisionRole) -> list[Provision]:
        return [p for p in self.provisions if p.role is role]

    def as_json(self) -> dict:
        return {
            "question": self.question,
            "question_kind": "procedural" if self.procedural else "violation",
            "date": self.on.isoformat(),
            "query": self.query,
            "pairs": [p.as_json() for p in self.pairs],
            "notes": self.notes,
            "routed_laws": {
                law: list(words)
                for law, words in (self.routed.signals if self.routed else {}).items()
            },
            "provisions": [p.as_json() for p in self.provisions],
            "dropped": self.dropped,
            "missing_laws": [m.as_json() for m in self.missing_laws],
        }


def _demote_to_related(answer: ProvisionAnswer) -> None:
    """The governing law is missing: nearby articles of other laws are context, not a basis."""
    names = "、".join(f"《{m.law}》" for m in answer.missing_laws)
    answer.provisions = [
        p
        if p.role is ProvisionRole.RELATED
        else replace(
            p,
            role=ProvisionRole.RELATED,
            reason=f"{p.reason}；语料库中没有{names}，此条仅供参考，不作为{p.role.label}",
        )
        for p in answer.provisions
    ]


def _as_procedure_answers(answer: ProvisionAnswer) -> None:
    """A procedural question breaks no rule: its articles answer it, none is a basis."""
    answer.provisions = [
        replace(p, role=ProvisionRole.RELATED, reason=f"{p.reason}；回答程序问题的条文")
        for p in answer.provisions
    ]


class ProvisionFinder:
    """ask(): retrieval + norm links + verification, over one store and one index."""

    def __init__(
        self,
        store: CorpusStore,
        index: HybridIndex,
        mode: str = "hybrid",
        candidates: int = 30,
        weights: PairWeights = PairWeights(),
        routing: CorpusRouting = CorpusRouting(),
        ranker: PairRanker | None = None,
        catalogue: CatalogueFusion = CatalogueFusion(),
        cache_dir: Path | None = None,
    ) -> None:
        self.store = store
        self.index = index
        self.mode = mode
        self.candidates = candidates
        self.resolver = CitationResolver(store)
        self.graphs = NormGraphs(store)
        self.pair_builder = PairBuilder(self.graphs, weights, ranker)
        self._known_laws: set[str] | None = None
        self._router: LawRouter | None = None
        self._penalty_items: PenaltyItemIndex | None = None
        self._law_ranker: LawRanker | None = None
        self._pair_catalogue: PairCatalogue | None = None
        self.routing = routing
        self.catalogue = catalogue
        self.cache_dir = cache_dir

    @property
    def router(self) -> LawRouter:
        """Corpus-derived law router, built from the index's own units on first use."""
        if self._router is None:
            self._router = LawRouter.from_units(self.index.units)
        return self._router

    @property
    def penalty_items(self) -> PenaltyItemIndex:
        """Every 罚则 unit of the statutes and regulations, built from the store on first use."""
        if self._penalty_items is None:
            self._penalty_items = PenaltyItemIndex.from_records(
                self.store.iter_articles(self.router.laws)
            )
        return self._penalty_items

    @property
    def law_ranker(self) -> LawRanker:
        """The fused law ranking; its dense view only when the index holds vectors and a model."""
        if self._law_ranker is None:
            index = self.index
            dense = None
            if self._dense_ready():
                dense = DenseNormLaws(index)
            view = self.catalogue_laws if self.routing.ranking.catalogue else None
            self._law_ranker = LawRanker(
                self.router, self.penalty_items, dense, self.routing.ranking, view
            )
        return self._law_ranker

    def catalogue_laws(self, query: str, on: date) -> list[str]:
        """The laws of the catalogue's best pairs in force on ``on`` (a law-ranking view):
        the pairs a statute states reach laws that the routed builder never searches."""
        return law_ranking(self._catalogue_hits(query, on, CATALOGUE_LAW_PAIRS), VIEW_DEPTH)

    def _catalogue_hits(
        self, query: str, on: date, n: int, laws: frozenset[str] = frozenset()
    ) -> list[CatalogueHit]:
        """The catalogue's ``n`` best pairs in force on ``on``, by its three fused views."""
        fusion = self.catalogue
        vector = self.index.query_vector(query) if self._dense_ready() else None
        views = (fusion.act, fusion.duty, fusion.dense)
        return self.pair_catalogue.search(query, on, n, vector, views, fusion.view_k, laws)

    @property
    def pair_catalogue(self) -> PairCatalogue:
        """Every pair the corpus states, read from the cache named by the indexed text
        (a corpus change misses it) or built from the store; with the stored vectors."""
        if self._pair_catalogue is None:
            path = None
            if self.cache_dir is not None:
                digest = hashlib.sha256()
                for unit in self.index.units:
                    digest.update(f"{unit.unit_id}\0{unit.text}\0".encode())
                path = self.cache_dir / f"pair-catalogue-{digest.hexdigest()[:24]}.pkl"
            catalogue = PairCatalogue.cached(self.store.iter_articles(), path)
            if self._dense_ready():
                catalogue.attach_vectors(self.index)
            self._pair_catalogue = catalogue
        return self._pair_catalogue

    def _dense_ready(self) -> bool:
        index = self.index
        return self.mode != "bm25" and index.dense is not None and index.embedder is not None

    def catalogue_candidates(
        self, query: str, on: date, laws: frozenset[str]
    ) -> list[PairCandidate]:
        """The catalogue's top ``depth`` pairs in force on ``on`` (of ``laws`` when named)."""
        grams = bigrams(query)
        hits = self._catalogue_hits(query, on, self.catalogue.depth, laws)
        return [hit.entry.candidate(grams) for hit in hits]

    def with_catalogue(
        self, candidates: list[PairCandidate], query: str, on: date, laws: frozenset[str]
    ) -> list[PairCandidate]:
        """The routed candidates with the catalogue's best pairs rank-fused in (``rank`` mode)."""
        fusion = self.catalogue
        if fusion.mode is not CatalogueMode.RANK:
            return candidates
        extra = self.catalogue_candidates(query, on, laws)
        return fuse_candidates(candidates, extra, fusion.weight, fusion.k)

    def _catalogue_scoring(
        self, query: str, on: date, laws: frozenset[str]
    ) -> tuple[list[PairCandidate], Callable[[PairCandidate], float] | None]:
        """``features`` mode: the catalogue's pairs for the builder to score, and the rank
        bonus of any candidate whose (duty, 罚则) articles the catalogue ranks."""
        fusion = self.catalogue
        if fusion.mode is not CatalogueMode.FEATURES:
            return [], None
        extra = self.catalogue_candidates(query, on, laws)
        ranks: dict[tuple[str, str], int] = {}
        for rank, c in enumerate(extra, start=1):
            ranks.setdefault((c.duty.record.unit_id, c.penalty.record.unit_id), rank)

        def bonus(c: PairCandidate) -> float:
            rank = ranks.get((c.duty.record.unit_id, c.penalty.record.unit_id))
            return fusion.bonus * 5.0 / (5.0 + rank - 1) if rank else 0.0

        return extra, bonus

    def matched_items(self, text: str, on: date, laws: Iterable[str]) -> list[PenaltyMatch]:
        """The 罚则 units of the searched laws whose act the situation restates."""
        return self.penalty_items.search(text, on, self.routing.item_depth, laws)

    def route(
        self, question: str, general: list[Hit], on: date | None = None, query: str = ""
    ) -> LawRoute:
        """The laws to search: the hand table's and the corpus's views of the law, fused.

        The table knows officers' words for the domains it lists, but a stray word
        (合格证 for an elevator) can send it to the wrong law, and a situation from
        another domain (社保, 劳动合同, 网络安全) leaves it silent. The corpus router,
        the laws of the flat hits, the 罚则 items whose act the situation restates and
        the nearest duty/罚则 units by meaning each rank laws too; their fusion decides.
        """
        if self._known_laws is None:
            self._known_laws = set(self.store.law_names())
        table = route_laws(question, self._known_laws)
        table_route = LawRoute(table.laws, table.signals)
        return self.law_ranker.route(
            question,
            query or question,
            [hit.law for hit in general],
            table_route,
            on or date.today(),
            self._known_laws,
        )

    def _retrieve(
        self, text: str, question: str, on: date, laws: frozenset[str]
    ) -> tuple[list[Hit], LawRoute]:
        """The routed laws' hits interleaved with the whole corpus's (routed first on a tie)."""
        depth = self.candidates
        general = self.index.retrieve(text, depth, SearchFilter(laws=laws, on_date=on), self.mode)
        if laws:
            return general, LawRoute((), {})
        route = self.route(question, general, on, text)
        if not route.laws:
            return general, route
        routed_filter = SearchFilter(laws=frozenset(route.laws), on_date=on)
        routed = self.index.retrieve(text, depth, routed_filter, self.mode)
        merged: dict[str, Hit] = {}
        for pair in zip(routed, general, strict=False):
            for hit in pair:
                merged.setdefault(hit.article_id, hit)
        for hit in routed[len(general) :] + general[len(routed) :]:
            merged.setdefault(hit.article_id, hit)
        return list(merged.values()), route

    def pair_candidates(
        self, question: str, on: date, laws: frozenset[str] = frozenset()
    ) -> tuple[ProvisionAnswer, list[tuple[ArticleRecord, Hit]], list[PairCandidate]]:
        """Retrieval, routing and every ranked pair candidate, before verification."""
        answer = ProvisionAnswer(question=question, on=on, provisions=[])
        query = rewrite_query(question)
        answer.query = query.text
        hits, route = self._retrieve(query.text, question, on, laws)
        answer.routed = route
        ranked: list[tuple[ArticleRecord, Hit]] = []
        for hit in hits:
            record = self.store.article(
                hit.law, date.fromisoformat(hit.version), hit.number, hit.suffix
            )
            if record is None:
                answer.dropped.append(f"{hit.citation}：索引与法规库不一致，已略去（请重建索引）")
                continue
            ranked.append((record, hit))
        extra, bonus = self._catalogue_scoring(query.text, on, laws)
        candidates = self.pair_builder.pairs(
            query.text,
            [RankedRecord(r, rank) for rank, (r, _) in enumerate(ranked, start=1)],
            {law: route.strength.get(law, 1.0) for law in route.laws},
            self.matched_items(query.text, on, laws or route.laws),
            extra,
            bonus,
        )
        return answer, ranked, candidates

    def ask(
        self, question: str, on: date | None = None, k: int = 5, laws: frozenset[str] = frozenset()
    ) -> ProvisionAnswer:
        """The governing articles in force on ``on`` for a situation described in words."""
        on = on or date.today()
        answer, ranked, candidates = self.pair_candidates(question, on, laws)
        candidates = self.with_catalogue(candidates, answer.query, on, laws)
        answer.pairs = self.verified_pairs(candidates, on, answer.dropped)
        seen: set[str] = set()
        for rank, (record, hit) in enumerate(ranked[:k], start=1):
            self._add_with_links(answer, record, hit, rank, seen)
        answer.missing_laws = missing_laws(question, self.store.law_names())
        kind = question_kind(question)
        if kind.procedural:
            answer.procedural = True
            answer.pairs = []
            answer.notes.append(kind.note)
            _as_procedure_answers(answer)
        elif answer.missing_laws:
            # the governing law is missing: other laws' articles are context, never a pair
            answer.pairs = []
            _demote_to_related(answer)
        else:
            answer.lead_with_pairs()
        return answer

    def verified_pairs(
        self, candidates: list[PairCandidate], on: date, dropped: list[str], limit: int = MAX_PAIRS
    ) -> list[NormPair]:
        """The best ``limit`` pairs whose both sides resolve on ``on`` (distinct articles)."""
        return select_pairs((self.verified_pair(c, on, dropped) for c in candidates), limit)

    def verified_pair(
        self, candidate: PairCandidate, on: date, dropped: list[str]
    ) -> NormPair | None:
        """The candidate with both sides resolved on ``on``; None (reason dropped) otherwise."""
        violated = self.verify_unit(candidate.duty, on)
        penalty = self.verify_unit(candidate.penalty, on)
        failed = [v for v in (violated, penalty) if isinstance(v, CitationError)]
        if failed:
            dropped.extend(f"{e.message}" for e in failed)
            return None
        return NormPair(violated, penalty, candidate.reason, candidate.link, candidate.score)

    def _add_with_links(
        self, answer: ProvisionAnswer, record: ArticleRecord, hit: Hit, rank: int, seen: set[str]
    ) -> None:
        penalty = is_penalty_norm(record)
        linked = self._linked(record, penalty)
        if penalty:
            role = ProvisionRole.PENALTY
        else:
            role = ProvisionRole.VIOLATED if linked else ProvisionRole.RELATED
        self._add(answer, record, role, "检索命中", rank, hit.scores, seen)
        other_role = ProvisionRole.VIOLATED if penalty else ProvisionRole.PENALTY
        for other, reason in linked:
            self._add(answer, other, other_role, reason, rank, {}, seen)

    def _linked(self, record: ArticleRecord, penalty: bool) -> list[tuple[ArticleRecord, str]]:
        """Explicit 违反本法第X条 links first, then 罚则 items restating a duty item."""
        if penalty:
            found = [
                (d, f"{record.citation}明确援引的违法行为条款")
                for d in self.graphs.violated_by(record)
            ]
        else:
            found = [
                (p, f"明确处罚违反{record.label}的罚则") for p in self.graphs.penalties_for(record)
            ]
        known = {r.unit_id for r, _ in found}
        for other, link in self.graphs.text_links_of(record):
            if other.unit_id not in known:
                line = link.penalty_line if not penalty else link.duty_line
                found.append(
                    (other, f"罚则所列情形与条文相符（相似度 {link.similarity:.2f}）：{line[:40]}")
                )
                known.add(other.unit_id)
        return found

    def _add(
        self,
        answer: ProvisionAnswer,
        record: ArticleRecord,
        role: ProvisionRole,
        reason: str,
        rank: int,
        scores: dict[str, float | None],
        seen: set[str],
    ) -> None:
        if record.unit_id in seen:
            return
        verified = self.verify(record, answer.on)
        if isinstance(verified, CitationError):
            answer.dropped.append(f"{record.citation}：{verified.message}")
            return
        seen.add(record.unit_id)
        answer.provisions.append(Provision(role, verified, reason, rank, dict(scores)))

    def verify_unit(self, unit: NormUnit, on: date) -> ResolvedCitation | CitationError:
        """Resolve a 款/项 of an article on ``on``; the version must be the one retrieved."""
        record = unit.record
        ref = CitationRef(
            law=record.law,
            article=record.number,
            suffix=record.suffix,
            paragraph=unit.paragraph,
            item=unit.item,
            raw=record.label,
        )
        try:
            resolved = self.resolver.resolve(ref, on)
        except CitationError as exc:
            return exc
        if not resolved.unit_id.startswith(record.unit_id):
            message = (
                f"{record.citation}（{record.version.isoformat()}版）在{on.isoformat()}不是有效版本"
            )
            return CitationError(CitationErrorCode.REPEALED, message)
        return resolved

    def verify(self, record: ArticleRecord, on: date) -> ResolvedCitation | CitationError:
        """Re-resolve an article by its citation on ``on``: the no-invention guarantee."""
        ref = CitationRef(
            law=record.law, article=record.number, suffix=record.suffix, raw=record.label
        )
        try:
            resolved = self.resolver.resolve(ref, on)
        except CitationError as exc:
            return exc
        if resolved.unit_id != record.unit_id:
            message = (
                f"{record.citation}（{record.version.isoformat()}版）在{on.isoformat()}不是有效版本"
            )
            return CitationError(CitationErrorCode.REPEALED, message)
        return resolved


def select_pairs(pairs: Iterable[NormPair | None], limit: int = MAX_PAIRS) -> list[NormPair]:
    """The first ``limit`` pairs, best first, skipping repeats and a third pair of one duty."""
    chosen: list[NormPair] = []
    for pair in pairs:
        if pair is None or any(p.repeats(pair) for p in chosen):
            continue
        same_duty = [p for p in chosen if _article_of(p.violated) == _article_of(pair.violated)]
        if len(same_duty) >= MAX_PAIRS_PER_DUTY:
            continue  # leave room for another reading of the facts
        chosen.append(pair)
        if len(chosen) == limit:
            break
    return chosen

"""Situation → (violated duty, sanctioning 罚则) pairs, ranked by how well the facts fit both.

An officer needs the duty the facts break and the 罚则 item that punishes it, together.
Candidates come from retrieval hits of either kind; the partner is found in the statute
itself: an explicit 违反本法第X条 in the 罚则, a 罚则 item restating a duty item, or
(weakest) a retrieved duty whose wording matches a retrieved 罚则 item. Each side is
cited down to the 款/项 the facts match best.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from assistant.norm_links import (
    ArticleKey,
    NormGraphs,
    TextLink,
    is_duty_norm,
    is_penalty_norm,
)
from assistant.norm_units import (
    LawLexicon,
    NormUnit,
    article_units,
    best_unit,
    bigrams,
    duty_units,
)
from assistant.pair_ranker import PairRanker
from assistant.penalty_items import PenaltyMatch, stated_act, states_own_act
from corpus.citation_parser import parse_citations
from corpus.model import ArticleRecord


class LinkKind(StrEnum):
    EXPLICIT = "explicit"  # 罚则 says 违反本法第X条
    ENUMERATION = "enumeration"  # 罚则 item restates the duty item
    WORDING = "wording"  # a retrieved duty and a retrieved 罚则 item say the same thing
    FACTS = "facts"  # no textual link: the facts match both the duty and the 罚则 item
    SELF = "self"  # the 罚则 states the act itself (违反治安管理的行为和处罚)


LINK_STRENGTH = {
    LinkKind.EXPLICIT: 1.0,
    LinkKind.ENUMERATION: 0.9,
    LinkKind.WORDING: 0.5,
    LinkKind.FACTS: 0.0,
    LinkKind.SELF: 1.0,
}
WORDING_MIN_SIMILARITY = 0.2
_BEHAVIOUR_END = re.compile(r"的[，,]|[，,]由|[，,]处|[，,]责令")
# Officers cite the statute over its implementing rules; interpretations are no duty source.
LEVEL_PRIOR = {"法律": 1.0, "行政法规": 0.6, "部门规章": 0.3, "地方政府规章": 0.3}
NO_PAIR_LEVELS = ("司法解释", "宪法")


@dataclass(frozen=True)
class PairWeights:
    """How many candidates each link kind proposes, and how two features are shaped;
    how the features weigh is the ranker's (assistant/pair_ranker.py)."""

    lead: float = 0.5
    rank_scale: float = 5.0
    wording_units: int = 3
    wording_duties: int = 5
    facts_units: int = 4
    item_units: int = 8


@dataclass
class _Query:
    """What one call's features are measured against, with its per-law fit ranks cached."""

    grams: frozenset[str]
    ranks: dict[str, int]
    routed: Mapping[str, float]
    item_strength: dict[tuple, float]
    fit_ranks: dict[tuple, tuple[dict[tuple, int], dict[tuple, int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class PairCandidate:
    duty: NormUnit
    penalty: NormUnit
    link: LinkKind
    link_score: float
    reason: str
    score: float = 0.0
    features: tuple[float, ...] = ()

    @property
    def key(self) -> tuple:
        return (self.duty.key, self.penalty.key)


@dataclass
class RankedRecord:
    record: ArticleRecord
    rank: int  # 1-based retrieval rank; 0 when reached only through a link


class PairBuilder:
    """Build and rank pairs from ranked retrieval hits (same law version on both sides)."""

    def __init__(
        self,
        graphs: NormGraphs,
        weights: PairWeights = PairWeights(),
        ranker: PairRanker | None = None,
    ) -> None:
        self.graphs = graphs
        self.weights = weights
        self.ranker = ranker or PairRanker.hand()
        # ranking every unit of a law costs time: only when the ranker weighs it, or when
        # candidates are collected to train one (eval/pair_ranker_training.py)
        self.measure_fit_ranks = self.ranker.weighs("duty_fit_rank", "penalty_fit_rank")
        self._routed: Mapping[str, float] = {}
        self._lexicons: dict[tuple, LawLexicon] = {}
        self._citing: dict[tuple, dict[str, list[tuple]]] = {}

    def pairs(
        self,
        query: str,
        hits: list[RankedRecord],
        routed: Mapping[str, float] | frozenset[str] = frozenset(),
        matched: list[PenaltyMatch] | None = None,
        extra: Iterable[PairCandidate] = (),
        bonus: Callable[[PairCandidate], float] | None = None,
    ) -> list[PairCandidate]:
        """Every linked pair reachable from the hits and the matched 罚则 items, best first;
        routed laws (by their routing strength, 1.0 for the best) and 罚则 items whose act
        the situation restates get a bonus. ``extra`` pairs found elsewhere (the national
        catalogue) are scored on the same features and join unless their articles are
        already paired; ``bonus`` adds a candidate's outside evidence to its score."""
        self._routed = routed if isinstance(routed, Mapping) else dict.fromkeys(routed, 1.0)
        matched = matched or []
        grams = bigrams(query)
        ranks = {h.record.unit_id: h.rank for h in hits}
        context = _Query(grams, ranks, self._routed, {m.unit.key: m.strength for m in matched})
        found: dict[tuple, PairCandidate] = {}
        for hit in hits:
            record = hit.record
            if record.level in NO_PAIR_LEVELS:
                continue
            if is_penalty_norm(record):
                candidates = self._from_penalty(record, grams)
            elif is_duty_norm(record):
                candidates = self._from_duty(record, grams)
            else:
                continue
            for candidate in candidates:
                scored = self._scored(candidate, context)
                if scored.key not in found or scored.score > found[scored.key].score:
                    found[scored.key] = scored
        for match in matched[: self.weights.item_units]:
            for candidate in self._from_item(match.unit, grams):
                scored = self._scored(candidate, context)
                if scored.key not in found or scored.score > found[scored.key].score:
                    found[scored.key] = scored
        for candidate in self._by_facts(grams, hits):
            if candidate.key not in found:
                found[candidate.key] = self._scored(candidate, context)
        ranked = sorted(found.values(), key=lambda c: -c.score)
        paired = {_articles(c) for c in ranked}
        for candidate in extra:
            if candidate.key not in found and _articles(candidate) not in paired:
                paired.add(_articles(candidate))
                found[candidate.key] = self._scored(candidate, context)
                ranked.append(found[candidate.key])
        if bonus is None:
            return ranked
        return sorted(
            (replace(c, score=c.score + bonus(c)) for c in ranked), key=lambda c: -c.score
        )

    def _restated(self, c: PairCandidate, grams: frozenset[str]) -> float:
        """Share of the 罚则 unit's stated act the situation restates (IDF-weighted); only
        for a pair the statute links, so the facts alone never earn it twice."""
        if c.link is LinkKind.FACTS:
            return 0.0
        act = bigrams(stated_act(c.penalty))
        return self.lexicon(c.penalty.record).weighted_containment(act, grams)

    def _from_item(self, unit: NormUnit, grams: frozenset[str]) -> list[PairCandidate]:
        """A matched 罚则 unit with the duty it names, restates, or (治安) states itself."""
        penalty = unit.record
        if penalty.level in NO_PAIR_LEVELS:
            return []
        graph = self.graphs.for_record(penalty)
        found = [
            _explicit(duty, ref_paragraph, ref_item, unit, grams)
            for duty, ref_paragraph, ref_item in _cited_duties(unit, graph.records, penalty)
        ]
        found += [
            c
            for c in self._enumerations(penalty, self.graphs.text_links_of(penalty), True)
            if c.penalty.key == unit.key
        ]
        if found:
            return found
        if states_own_act(penalty):
            return [_self_stated(unit)]
        return self._wording_duties(unit, self.lexicon(penalty), penalty.unit_id)

    def _by_facts(self, grams: frozenset[str], hits: list[RankedRecord]) -> list[PairCandidate]:
        """In a routed law, the duties and 罚则 items the facts match best, paired as such.

        Many 罚则 restate the conduct in words of their own (在禁止营业时间内营业) and
        cite nothing; the facts are then the only bridge, and the reason says so.
        """
        duties: dict[tuple, list[NormUnit]] = {}
        for hit in hits:
            record = hit.record
            if record.law in self._routed and is_duty_norm(record):
                duties.setdefault((record.law, record.version), []).extend(duty_units(record))
        found = []
        n = self.weights.facts_units
        for units in duties.values():
            lexicon = self.lexicon(units[0].record)

            def fit(g: frozenset[str], lexicon: LawLexicon = lexicon) -> float:
                return lexicon.weighted_containment(grams, g)

            best_duties = sorted(units, key=lambda u: -fit(bigrams(u.full_text)))[:n]
            best_penalties = sorted(lexicon.penalties, key=lambda p: -fit(p[1]))[:n]
            for duty in best_duties:
                for penalty, _ in best_penalties:
                    reason = (
                        f"案情同时符合{duty.record.label}的义务与{penalty.record.label}所列情形"
                        "（法条未明文关联），请核对"
                    )
                    found.append(PairCandidate(duty, penalty, LinkKind.FACTS, 0.0, reason))
        return found

    def _scored(self, c: PairCandidate, q: _Query) -> PairCandidate:
        features = self._features(c, q)
        return replace(c, score=round(self.ranker.score(features), 4), features=features)

    def _features(self, c: PairCandidate, q: _Query) -> tuple[float, ...]:
        """The candidate's features in PAIR_FEATURES order."""
        w = self.weights

        def rank_part(unit: NormUnit) -> float:
            rank = q.ranks.get(unit.record.unit_id, 0)
            return w.rank_scale / (w.rank_scale + rank - 1) if rank else 0.0

        def match(unit: NormUnit) -> float:
            lexicon = self.lexicon(unit.record)
            own = lexicon.weighted_containment(q.grams, bigrams(unit.text))
            return max(own, w.lead * lexicon.weighted_containment(q.grams, bigrams(unit.full_text)))

        duty_match, penalty_match = match(c.duty), match(c.penalty)
        duty_ranks, penalty_ranks = (
            self._fit_ranks(c.duty.record, q) if self.measure_fit_ranks else ({}, {})
        )
        route = q.routed.get(c.duty.record.law, 0.0)
        self_stated = c.link is LinkKind.SELF
        return (
            rank_part(c.duty),
            rank_part(c.penalty),
            duty_match,
            penalty_match,
            LINK_STRENGTH[c.link] * c.link_score,
            LEVEL_PRIOR.get(c.duty.record.level or "", 0.0),
            route,
            self._restated(c, q.grams),
            float(c.link is LinkKind.EXPLICIT),
            float(c.link is LinkKind.ENUMERATION),
            float(c.link is LinkKind.WORDING),
            float(c.link is LinkKind.FACTS),
            float(self_stated),
            q.item_strength.get(c.penalty.key, 0.0),
            1.0 / duty_ranks.get(c.duty.key, 50) if not self_stated else 0.0,
            1.0 / penalty_ranks.get(c.penalty.key, 50),
            min(duty_match, penalty_match),
            float(route >= 1.0),
        )

    def _fit_ranks(
        self, record: ArticleRecord, q: _Query
    ) -> tuple[dict[tuple, int], dict[tuple, int]]:
        """Rank of every duty unit and 罚则 unit of the law version by how well it fits the
        facts: what says which 条/项 inside a routed law, where retrieval rank cannot."""
        key = (record.law, record.version)
        if key not in q.fit_ranks:
            lexicon = self.lexicon(record)

            def order(units: list[tuple[NormUnit, frozenset[str]]]) -> dict[tuple, int]:
                fits = sorted(
                    ((lexicon.weighted_containment(q.grams, g), u.key) for u, g in units),
                    key=lambda s: -s[0],
                )
                return {unit_key: rank for rank, (_, unit_key) in enumerate(fits, start=1)}

            duties = [(u, g) for u, g, _ in lexicon.duties]
            q.fit_ranks[key] = (order(duties), order(lexicon.penalties))
        return q.fit_ranks[key]

    def _from_penalty(self, penalty: ArticleRecord, grams: frozenset[str]) -> list[PairCandidate]:
        if states_own_act(penalty):  # the act is stated here: no other article is its duty
            lexicon = self.lexicon(penalty)
            units = sorted(
                article_units(penalty),
                key=lambda u: -lexicon.weighted_containment(grams, bigrams(u.full_text)),
            )[: self.weights.wording_units]
            return [_self_stated(unit) for unit in units]
        found: list[PairCandidate] = []
        graph = self.graphs.for_record(penalty)
        for unit in article_units(penalty):
            for duty, ref_paragraph, ref_item in _cited_duties(unit, graph.records, penalty):
                found.append(_explicit(duty, ref_paragraph, ref_item, unit, grams))
        found += self._enumerations(penalty, self.graphs.text_links_of(penalty), penalty_side=True)
        linked = {c.duty.record.unit_id for c in found}
        found += [
            c for c in self._by_wording(penalty, grams) if c.duty.record.unit_id not in linked
        ]
        return found

    @staticmethod
    def _enumerations(
        record: ArticleRecord, links: Iterable[tuple[ArticleRecord, TextLink]], penalty_side: bool
    ) -> list[PairCandidate]:
        """罚则 items restating a duty item, from either side of the text link."""
        found: list[PairCandidate] = []
        for other, link in links:
            penalty, duty = (record, other) if penalty_side else (other, record)
            unit = _unit_with_text(article_units(penalty), link.penalty_line)
            duty_unit = _unit_with_text(article_units(duty), link.duty_line)
            if unit and duty_unit:
                found.append(_enumeration(duty_unit, unit, link.similarity))
        return found

    def _by_wording(self, penalty: ArticleRecord, grams: frozenset[str]) -> list[PairCandidate]:
        """罚则 items with no stated link: the duty units of the law that say the same thing.

        The item's behaviour (the words before 的，) is matched against every duty unit of
        the law version, IDF-weighted; the best few become candidates for the facts to rank.
        """
        lexicon = self.lexicon(penalty)
        units = sorted(
            article_units(penalty),
            key=lambda u: -lexicon.weighted_containment(grams, bigrams(u.full_text)),
        )[: self.weights.wording_units]
        return [c for unit in units for c in self._wording_duties(unit, lexicon, penalty.unit_id)]

    def _wording_duties(
        self, unit: NormUnit, lexicon: LawLexicon, own_article: str
    ) -> list[PairCandidate]:
        """The duty units of the law whose wording the 罚则 unit's conduct restates."""
        wanted = bigrams(behaviour(unit))
        scored = sorted(
            (
                (lexicon.mutual(wanted, duty_grams, own), duty)
                for duty, duty_grams, own in lexicon.duties
                if duty.record.unit_id != own_article
            ),
            key=lambda s: -s[0],
        )[: self.weights.wording_duties]
        return [
            _wording(duty, unit, similarity)
            for similarity, duty in scored
            if similarity >= WORDING_MIN_SIMILARITY
        ]

    def lexicon(self, record: ArticleRecord) -> LawLexicon:
        key = (record.law, record.version)
        if key not in self._lexicons:
            records = list(self.graphs.for_record(record).records.values())
            self._lexicons[key] = LawLexicon.build(
                records, is_duty_norm, is_penalty_norm, behaviour
            )
        return self._lexicons[key]

    def citing_units(self, record: ArticleRecord) -> dict[str, list[tuple]]:
        """Duty article unit id → the 罚则 units of its law that name it (本法第X条), cached."""
        key = (record.law, record.version)
        if key not in self._citing:
            graph = self.graphs.for_record(record)
            citing: dict[str, list[tuple]] = {}
            for penalty in graph.records.values():
                if not is_penalty_norm(penalty):
                    continue
                for unit in article_units(penalty):
                    for duty, paragraph, item in _cited_duties(unit, graph.records, penalty):
                        citing.setdefault(duty.unit_id, []).append((unit, paragraph, item))
            self._citing[key] = citing
        return self._citing[key]

    def _from_duty(self, duty: ArticleRecord, grams: frozenset[str]) -> list[PairCandidate]:
        found: list[PairCandidate] = []
        for unit, ref_paragraph, ref_item in self.citing_units(duty).get(duty.unit_id, []):
            found.append(_explicit(duty, ref_paragraph, ref_item, unit, grams))
        found += self._enumerations(duty, self.graphs.text_links_of(duty), penalty_side=False)
        linked = {c.penalty.record.unit_id for c in found}
        found += [
            c
            for c in self._penalties_by_wording(duty, grams)
            if c.penalty.record.unit_id not in linked
        ]
        return found

    def _penalties_by_wording(
        self, duty: ArticleRecord, grams: frozenset[str]
    ) -> list[PairCandidate]:
        """A duty no 罚则 cites: the 罚则 units of the law whose conduct the duty states."""
        lexicon = self.lexicon(duty)
        units = sorted(
            duty_units(duty),
            key=lambda u: -lexicon.weighted_containment(grams, bigrams(u.full_text)),
        )[: self.weights.wording_units]
        found = []
        for unit in units:
            unit_grams, own = bigrams(unit.full_text), bigrams(unit.text)
            scored = sorted(
                (
                    (lexicon.mutual(wanted, unit_grams, own), penalty)
                    for penalty, wanted in lexicon.penalties
                ),
                key=lambda s: -s[0],
            )[: self.weights.wording_duties]
            for similarity, penalty in scored:
                if similarity >= WORDING_MIN_SIMILARITY:
                    found.append(_wording(unit, penalty, similarity))
        return found


def _articles(c: PairCandidate) -> tuple[str, str]:
    return (c.duty.record.unit_id, c.penalty.record.unit_id)


def _self_stated(unit: NormUnit) -> PairCandidate:
    reason = f"{unit.record.citation}在同一条中规定违法行为及其处罚"
    return PairCandidate(unit, unit, LinkKind.SELF, 1.0, reason)


def _wording(duty: NormUnit, penalty: NormUnit, similarity: float) -> PairCandidate:
    reason = (
        f"罚则所列情形与{duty.record.label}的义务内容相符（加权相似度 {similarity:.2f}），"
        "法条未明文援引，请核对"
    )
    return PairCandidate(duty, penalty, LinkKind.WORDING, similarity, reason)


def _explicit(
    duty: ArticleRecord,
    ref_paragraph: int | None,
    ref_item: int | None,
    penalty_unit: NormUnit,
    grams: frozenset[str],
) -> PairCandidate:
    """A 罚则 unit that names the duty article (违反本法第X条…)."""
    duty_unit = _duty_unit(duty, ref_paragraph, ref_item, grams)
    reason = f"{penalty_unit.record.citation}明文规定处罚违反{duty.label}的行为"
    return PairCandidate(duty_unit, penalty_unit, LinkKind.EXPLICIT, 1.0, reason)


def _enumeration(duty: NormUnit, penalty: NormUnit, similarity: float) -> PairCandidate:
    reason = f"罚则所列情形与义务条款文字吻合（相似度 {similarity:.2f}）：{penalty.text[:40]}"
    return PairCandidate(duty, penalty, LinkKind.ENUMERATION, similarity, reason)


def _unit_with_text(units: list[NormUnit], line: str) -> NormUnit | None:
    for unit in units:
        if unit.text == line or line in unit.text:
            return unit
    return None


def _cited_duties(
    unit: NormUnit, records: dict, penalty: ArticleRecord
) -> list[tuple[ArticleRecord, int | None, int | None]]:
    """Same-law articles a 罚则 unit (or its lead-in) says are violated: 违反本法第X条第Y款."""
    cited = []
    for text in (unit.text, unit.lead):
        for ref in parse_citations(text):
            if ref.law is not None or ref.article is None:
                continue
            if not _names_violation(text, ref.start):
                continue
            if (ref.article, ref.suffix) == (penalty.number, penalty.suffix):
                continue
            key = ArticleKey(penalty.law, penalty.version, ref.article, ref.suffix)
            duty = records.get(key)
            # a cited 罚则 (依照本法第三十九条的规定处罚) is a sanction, never the violated duty
            if duty is not None and not is_penalty_norm(duty):
                cited.append((duty, ref.paragraph, ref.item))
    return cited


def _duty_unit(
    duty: ArticleRecord, paragraph: int | None, item: int | None, grams: frozenset[str]
) -> NormUnit:
    """The cited 款/项 when the 罚则 names one, else the duty unit the facts match best."""
    units = duty_units(duty)
    if paragraph is not None:
        named = [u for u in article_units(duty) if u.paragraph == paragraph]
        if item is not None:
            named = [u for u in named if u.item == item] or named
        if named:
            if len(named) == 1 or item is not None:
                return named[0]
            units = named
    unit, _ = best_unit(units, grams)
    return unit


def duty_of_penalty(
    graphs: NormGraphs,
    penalty: ArticleRecord,
    paragraph: int | None,
    item: int | None,
    grams: frozenset[str],
) -> NormUnit | None:
    """The duty a given 罚则 unit sanctions: its 违反本法第X条, else the duty item it restates."""
    units = [
        u
        for u in article_units(penalty)
        if (paragraph is None or u.paragraph in (None, paragraph))
        and (item is None or u.item == item)
    ]
    graph = graphs.for_record(penalty)
    for unit in units:
        for duty, ref_paragraph, ref_item in _cited_duties(unit, graph.records, penalty):
            return _duty_unit(duty, ref_paragraph, ref_item, grams)
    texts = {u.text for u in units}
    for duty, link in graphs.text_links_of(penalty):
        if link.penalty_line in texts:
            return _unit_with_text(article_units(duty), link.duty_line)
    return None


_NOT_VIOLATION = re.compile(r"除|依照|依据|按照|根据|前款|适用")


def _names_violation(text: str, start: int) -> bool:
    """违反本法第X条 / 有本法第X条所列行为 / 发布有本法第X条规定的禁止情形: the violated rule.

    除本法第X条规定的情形外, 依照本法第X条 … name exclusions or procedures instead.
    """
    before = text[max(0, start - 12) : start]
    if "违反" in before:
        return True
    return not _NOT_VIOLATION.search(text[max(0, start - 6) : start])


def behaviour(unit: NormUnit) -> str:
    """The conduct a 罚则 unit describes: an item, or a paragraph up to 的，/由/处."""
    if unit.item is not None:
        return unit.text
    end = _BEHAVIOUR_END.search(unit.text)
    return unit.text[: end.start()] if end else unit.text

"""Which enforcement laws govern a situation, decided from what the corpus itself says.

A hand table of officers' domain words (司机 → 道路交通安全法) routes well only the
wording it was written against; a situation from another domain (电梯, 刷单, 加班) is
then either unrouted or routed to the wrong law by a stray word. Three signals taken
from the statutes replace it, fused by reciprocal rank:

- a law-level bigram BM25 over each law's name, chapter titles, its duty articles and
  its 法律责任 chapter: the law whose duties and 罚则 share the situation's words;
- the laws of the best articles of the flat article ranking (a law with several good
  articles outranks one lucky hit);
- the statutes' own definitions (本法所称特种设备，是指…锅炉、…电梯…): a situation
  naming a listed thing (电梯) votes for the law that defines the term.

A routed law brings its family (计量法 with 计量法实施细则): an implementing
regulation shares its law's words, and either may hold the duty or the 罚则.
Nothing here is fitted to a question set; the depth and the fusion constant are
the only knobs, reported with the figures (``zhifa eval assist``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from corpus.model import LIABILITY_HEADING
from indexing.law_prior import BigramBM25, char_bigrams
from indexing.units import RetrievalUnit

ROUTED_LEVELS = ("法律", "行政法规")
_DUTY = re.compile(r"应当|不得|禁止|必须|严禁|未经")
_HEADING_NUMBER = re.compile(r"第[一二三四五六七八九十百零〇]+[编章节]")
_DEFINITION = re.compile(
    r"(?:(?:本法|本条例|本规定|本办法|本细则)所称|（[一二三四五六七八九十]+）)"
    r"([^，。；、（）]{2,16})，是指([^。；\n]{2,240})"
)
_ENUMERATION = re.compile(r"[^，。；：,]+(?:、[^，。；：,、]+){2,}")
_PIECE_EDGE = re.compile(r"^(?:的|和|或者|及|以及|等)|(?:（[^）]*）|等|以及|和|或者)$")
MIN_LISTED = 3
# a listed thing the law documents of more than this many laws mention names no domain
MAX_PIECE_DOCUMENTS = 12
_FAMILY_SUFFIX = re.compile(r"(实施条例|实施细则|实施办法)$")
MIN_PIECE, MAX_PIECE = 2, 8
# a listed thing that many definitions share (自然人、法人) names no domain
MAX_PIECE_LAWS = 2


@dataclass(frozen=True)
class LawRoute:
    """The routed laws with the words that routed each (shown as the reason)."""

    laws: tuple[str, ...]
    signals: dict[str, tuple[str, ...]]
    # each routed law's fused score relative to the first (1.0); a family shares its head's
    strength: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class RouterConfig:
    """Depth of the routed set and the RRF constant; weights of the three signals."""

    top_laws: int = 4
    rrf_k: int = 10
    document_weight: float = 1.0
    articles_weight: float = 1.0
    definition_weight: float = 1.0
    statute_prior: float = 0.3  # a 法律 outranks a 行政法规 by this share on a tie


def parent_law(law: str) -> str:
    """计量法实施细则 → 计量法; a law is its own parent."""
    return _FAMILY_SUFFIX.sub("", law)


def _definitions(text: str) -> Iterable[tuple[str, list[str]]]:
    """(term, listed things) for every 本法所称X，是指…A、B、C… that enumerates things.

    Only an enumeration (three or more things in a 、 list) names concrete things; a
    definition in prose (是指为了…而处理) shares only common words with situations.
    """
    for match in _DEFINITION.finditer(text):
        for run in _ENUMERATION.findall(match.group(2)):
            pieces = [_PIECE_EDGE.sub("", p) for p in run.split("、")]
            pieces = [p for p in pieces if MIN_PIECE <= len(p) <= MAX_PIECE]
            if len(pieces) >= MIN_LISTED:
                yield match.group(1), pieces


class LawRouter:
    """Routes a situation to laws by the law documents, the flat hits and the definitions."""

    def __init__(
        self,
        documents: Mapping[str, str],
        definitions: Mapping[str, dict[str, str]],
        statutes: frozenset[str] = frozenset(),
        config: RouterConfig = RouterConfig(),
    ) -> None:
        self.laws = list(documents)
        self.statutes = statutes  # laws of level 法律
        self.config = config
        self._bm25 = BigramBM25([documents[law] for law in self.laws])
        self._documents = {law: frozenset(char_bigrams(documents[law])) for law in self.laws}
        self.definitions = {  # listed thing → {law: defined term}
            piece: laws
            for piece, laws in definitions.items()
            if self._mentions(piece) <= MAX_PIECE_DOCUMENTS
        }

    def _mentions(self, piece: str) -> int:
        """How many law documents hold every bigram of ``piece`` (a cheap document frequency)."""
        grams = set(char_bigrams(piece))
        return sum(grams <= document for document in self._documents.values())

    @classmethod
    def from_units(
        cls,
        units: Sequence[RetrievalUnit],
        notes: Mapping[str, Sequence[str]] | None = None,
        config: RouterConfig = RouterConfig(),
    ) -> LawRouter:
        """One document per law of ``ROUTED_LEVELS``; ``notes`` adds text per law (e.g. the
        violation names a discretion table files under it)."""
        parts: dict[str, list[str]] = {}
        headings: dict[str, dict[str, None]] = {}
        definitions: dict[str, dict[str, str]] = {}
        for unit in units:
            if unit.level not in ROUTED_LEVELS:
                continue
            text = parts.setdefault(unit.law, [unit.law] * 3)
            seen = headings.setdefault(unit.law, {})
            for heading in unit.headings:
                seen.setdefault(_HEADING_NUMBER.sub("", heading), None)
            liability = any(LIABILITY_HEADING.search(h) for h in unit.headings)
            if liability or _DUTY.search(unit.text):
                text.append(unit.text)
            for term, pieces in _definitions(unit.text):
                for piece in pieces:
                    definitions.setdefault(piece, {}).setdefault(unit.law, term)
        for law, extra in (notes or {}).items():
            if law in parts:
                parts[law].extend(extra)
        documents = {
            law: "\n".join([*text[:3], " ".join(headings[law]), *text[3:]])
            for law, text in parts.items()
        }
        shared = {p: laws for p, laws in definitions.items() if len(laws) <= MAX_PIECE_LAWS}
        statutes = frozenset(u.law for u in units if u.level == ROUTED_LEVELS[0])
        return cls(documents, shared, statutes, config)

    def document_ranking(self, situation: str, depth: int = 20) -> list[str]:
        scores = self._bm25.scores(situation)
        order = np.argsort(-scores, kind="stable")[:depth]
        return [self.laws[i] for i in order if scores[i] > 0]

    def defined_terms(self, situation: str) -> dict[str, list[str]]:
        """``{law: [term (thing), …]}`` for listed things the situation names."""
        found: dict[str, list[str]] = {}
        for piece, laws in self.definitions.items():
            if piece in situation:
                for law, term in laws.items():
                    found.setdefault(law, []).append(f"{term}（{piece}）")
        return found

    def defined_words(self, situation: str) -> tuple[str, ...]:
        """The defined terms whose listed things the situation names (电梯 → 特种设备):
        the statute's own word for the facts, to widen the article query."""
        terms = {
            t: None
            for piece, laws in self.definitions.items()
            if piece in situation
            for t in laws.values()
            if t not in situation
        }
        return tuple(terms)

    def route(
        self, situation: str, article_laws: Sequence[str], known: set[str] | None = None
    ) -> LawRoute:
        """The ``top_laws`` best laws (with their families) for a situation.

        ``article_laws`` is the law of each flat article hit, best first.
        """
        c = self.config
        mass: Counter[str] = Counter()
        routable = set(self.laws)
        for rank, law in enumerate(article_laws, start=1):
            if law in routable:  # a judicial interpretation holds no duty to route to
                mass[law] += 1.0 / (c.rrf_k + rank)
        defined = self.defined_terms(situation)
        rankings = (
            (self.document_ranking(situation), c.document_weight),
            ([law for law, _ in mass.most_common()], c.articles_weight),
            (sorted(defined, key=lambda law: -len(defined[law])), c.definition_weight),
        )
        fused: Counter[str] = Counter()
        for ranking, weight in rankings:
            for rank, law in enumerate(ranking, start=1):
                if known is None or law in known:
                    fused[parent_law(law)] += weight / (c.rrf_k + rank)
        for law in fused:
            if law in self.statutes:
                fused[law] *= 1 + c.statute_prior
        heads = fused.most_common(c.top_laws)
        strength = self._with_families(heads, known)
        grams = set(char_bigrams(situation))
        signals = {law: self._reason(law, grams, defined) for law in strength}
        return LawRoute(tuple(strength), signals, strength)

    def _with_families(
        self, heads: list[tuple[str, float]], known: set[str] | None
    ) -> dict[str, float]:
        """Each head law, then its implementing regulations held in the corpus, with the
        head's score relative to the best head."""
        routed: dict[str, float] = {}
        best = heads[0][1] if heads else 1.0
        for head, score in heads:
            for law in self.family(head, known):
                routed.setdefault(law, round(score / best, 3))
        return routed

    def family(self, head: str, known: set[str] | None = None) -> list[str]:
        """The law, then its implementing regulations held in the corpus (shortest name first)."""
        family = sorted((law for law in self.laws if parent_law(law) == head), key=len)
        return [law for law in dict.fromkeys([head, *family]) if known is None or law in known]

    def _reason(self, law: str, grams: set[str], defined: dict[str, list[str]]) -> tuple[str, ...]:
        """The situation's words the law's text shares (and definitions it matched)."""
        shared = sorted(grams & self._documents.get(law, frozenset()))
        return tuple(defined.get(law, [])) + tuple(shared[:8])

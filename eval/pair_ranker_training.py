"""Learn the pair ranker's weights on some situation sets and report them on the others.

Every situation's pair candidates are collected once, with their features, their verified
citations and the discretion-standard pairs, so re-ranking under any weights replays the
rest of ``pairs_for`` (distinct pairs, standards merged) exactly, without retrieval.
The model is a listwise logistic (softmax over one situation's candidates) in numpy:
the simplest model that learns how much each feature says about the gold pair.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np

from assistant.law_scope import missing_laws
from assistant.officer_assistant import OfficerAssistant
from assistant.pair_ranker import PAIR_FEATURES, PairRanker
from assistant.provisions import NormPair, ProvisionAnswer, select_pairs
from assistant.question_kind import question_kind
from eval.assist_eval import LoadedSet, Situation, load_situations, metrics_of, unit_of
from eval.assist_metrics import GoldPair, ShownPair, unit_hits

L2 = 0.01
STEPS = 300
NEGATIVES = 5
ROUNDS = 4
LEARNING_RATE = 0.05


@dataclass
class CollectedSituation:
    """One situation's candidates (features, verified pair or None) and what follows them."""

    set_name: str
    situation: Situation
    blocked: bool  # procedural or governing law missing: no pair is ever shown
    features: np.ndarray  # candidates × PAIR_FEATURES
    pairs: list[NormPair | None]
    labels: np.ndarray  # candidate hits a gold pair (same article, 款/项 contained)
    standards: list

    def shown(self, weights: np.ndarray, assistant: OfficerAssistant) -> list[ShownPair]:
        """The pairs ``pairs_for`` would show had the candidates been ranked by ``weights``."""
        if self.blocked:
            return []
        order = np.argsort(-(self.features @ weights), kind="stable") if self.pairs else []
        chosen = select_pairs(replace(self.pairs[i]) for i in order if self.pairs[i] is not None)
        answer = ProvisionAnswer(self.situation.situation, self.situation.act_date, [])
        answer.pairs = chosen
        assistant.merge_standards(answer, self.standards)
        return [ShownPair(unit_of(p.violated), unit_of(p.penalty)) for p in answer.pairs]


def _hits_gold(pair: NormPair, gold: Sequence[GoldPair]) -> bool:
    duty, penalty = unit_of(pair.violated), unit_of(pair.penalty)
    return any(
        any(unit_hits(duty, u) for u in g.violated)
        and any(unit_hits(penalty, u) for u in g.penalty)
        for g in gold
    )


def collect(
    assistant: OfficerAssistant, set_name: str, loaded: LoadedSet, split: str | None = None
) -> list[CollectedSituation]:
    """Run retrieval and candidate generation once per violation situation of the set."""
    finder = assistant.finder
    finder.pair_builder.measure_fit_ranks = True  # a ranker to train may weigh every feature
    laws = finder.store.law_names()
    found = []
    for situation in loaded.situations:
        if situation.procedural or (split and situation.split != split):
            continue
        text, on = situation.situation, situation.act_date
        _, _, candidates = finder.pair_candidates(text, on)
        pairs = [finder.verified_pair(c, on, []) for c in candidates]
        features = np.array([c.features for c in candidates], dtype=float).reshape(
            len(candidates), len(PAIR_FEATURES)
        )
        labels = np.array([p is not None and _hits_gold(p, situation.gold) for p in pairs])
        blocked = question_kind(text).procedural or bool(missing_laws(text, laws))
        standards = [] if blocked else assistant.standard_pairs(text, on)
        found.append(
            CollectedSituation(set_name, situation, blocked, features, pairs, labels, standards)
        )
    return found


def collect_named(
    assistant: OfficerAssistant, names: dict[str, tuple[Path, str | None]]
) -> list[CollectedSituation]:
    """Every named set (path, split or None for all) collected in the order given."""
    collected = []
    for name, (path, split) in names.items():
        loaded = load_situations(path, assistant.finder.resolver)
        collected += collect(assistant, name, loaded, split)
    return collected


def train(
    situations: Iterable[CollectedSituation],
    l2: float = L2,
    prior: np.ndarray | None = None,
    negatives: int = NEGATIVES,
    rounds: int = ROUNDS,
) -> np.ndarray:
    """Pairwise logistic weights, focused on the top of the list: the best gold candidate
    should outscore each of the ``negatives`` wrong candidates ranked highest, those that
    push the gold out of the top 3. The highest-ranked wrong ones are mined again under
    the current weights each round and kept (union), so the fit cannot just let other
    wrong candidates rise in their place.

    The L2 penalty pulls towards ``prior`` (the hand weights), so a feature moves only as
    far as the data says. Situations whose gold is no candidate teach nothing.
    Full-batch gradient descent with Adam steps; deterministic, no random start.
    """
    prior = np.array(PairRanker.hand().vector) if prior is None else prior
    lists = [s for s in situations if s.labels.any() and not s.labels.all()]
    if not lists:  # nothing to learn from: the prior stands
        return prior.copy()
    mined: list[set[int]] = [set() for _ in lists]
    w = prior.copy()
    for _ in range(rounds):
        rows, shares = [], []
        for s, seen in zip(lists, mined, strict=True):
            scores = s.features @ w
            wrong = np.flatnonzero(~s.labels)
            seen.update(wrong[np.argsort(-scores[wrong], kind="stable")[:negatives]].tolist())
            gold = np.flatnonzero(s.labels)
            best = gold[np.argmax(scores[gold])]
            diff = s.features[best][None, :] - s.features[sorted(seen)]
            rows.append(diff)
            shares.append(np.full(len(diff), 1.0 / len(diff)))
        w = _fit(np.vstack(rows), np.concatenate(shares) / len(lists), w, prior, l2)
    return w


def _fit(x: np.ndarray, weight: np.ndarray, w: np.ndarray, prior: np.ndarray, l2: float):
    """Minimise Σ weight·log(1+exp(−x·w)) + l2/2·|w−prior|² from ``w``."""
    w = w.copy()
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, STEPS + 1):
        margin = x @ w
        grad = -(x.T @ (weight / (1 + np.exp(margin)))) + l2 * (w - prior)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= LEARNING_RATE * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w


def report(
    situations: list[CollectedSituation], weights: np.ndarray, assistant: OfficerAssistant
) -> dict:
    """Pair and role metrics as ``zhifa eval assist`` computes them, plus candidate recall."""
    shown = [s.shown(weights, assistant) for s in situations]
    out = metrics_of(shown, [s.situation.gold for s in situations])
    out["gold_among_candidates"] = sum(bool(s.labels.any()) for s in situations)
    return out


def miss_classes(
    situations: list[CollectedSituation], weights: np.ndarray, assistant: OfficerAssistant
) -> Counter:
    """Why a situation's gold pair is not in the top 3: not a candidate, or which feature
    lifts the top wrong candidate above the best gold one most (weight × difference)."""
    classes: Counter = Counter()
    for s in situations:
        shown = s.shown(weights, assistant)
        gold_shown = metrics_of([shown], [s.situation.gold])["lenient"]["pair_acc@3"]
        if gold_shown:
            classes["top3"] += 1
            continue
        if s.blocked:
            classes["blocked (procedural / law missing)"] += 1
            continue
        if not s.labels.any():
            classes["gold not a candidate"] += 1
            continue
        scores = s.features @ weights
        gold = int(np.flatnonzero(s.labels)[np.argmax(scores[s.labels])])
        wrong = int(np.argmax(np.where(s.labels, -np.inf, scores)))
        lift = weights * (s.features[wrong] - s.features[gold])
        classes[f"ranked below: {PAIR_FEATURES[int(np.argmax(lift))]}"] += 1
    return classes


def as_ranker(weights: np.ndarray, trained_on: Sequence[str], notes: dict) -> PairRanker:
    named = {name: float(w) for name, w in zip(PAIR_FEATURES, weights, strict=True)}
    return PairRanker(named, tuple(trained_on), notes)


def today() -> str:
    return date.today().isoformat()

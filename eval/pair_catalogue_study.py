"""Study the national pair catalogue on situation sets: where misses are lost, and what
fusing the catalogue's top pairs into today's candidates would show.

Each situation runs retrieval, routing and candidate generation once; the catalogue's
score components are kept whole (the catalogue holds ~13,000 pairs), so any fusion
depth or weight is replayed exactly as ``pairs_for`` would show it, without retrieval.

    python -m eval.pair_catalogue_study --set eval/sets/assist_fresh4/situations.json …
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from api.components import Components
from api.settings import Settings
from assistant.law_scope import missing_laws
from assistant.norm_units import NormUnit, bigrams
from assistant.officer_assistant import OfficerAssistant
from assistant.pair_catalogue import PairCatalogue
from assistant.provisions import CatalogueFusion, NormPair, ProvisionAnswer, select_pairs
from assistant.question_kind import question_kind
from eval.assist_eval import Situation, load_situations, metrics_of, unit_of
from eval.assist_metrics import GoldPair, ShownPair, Unit, unit_hits

VERIFIED_DEPTH = 40


def unit_key(unit: NormUnit) -> Unit:
    r = unit.record
    return Unit(r.law, r.number, r.suffix, unit.paragraph, unit.item)


def hits_gold(duty: Unit, penalty: Unit, gold: tuple[GoldPair, ...]) -> bool:
    return any(
        any(unit_hits(duty, u) for u in g.violated)
        and any(unit_hits(penalty, u) for u in g.penalty)
        for g in gold
    )


@dataclass
class Collected:
    situation: Situation
    blocked: bool
    missing: bool
    routed: tuple[str, ...]
    candidates: list  # PairCandidate, builder order
    pairs: list[NormPair | None]  # verified, first VERIFIED_DEPTH
    standards: list
    components: tuple  # act, duty, dense, live
    grams: frozenset[str]
    seconds: float


class Study:
    def __init__(self, assistant: OfficerAssistant, catalogue: PairCatalogue) -> None:
        self.assistant = assistant
        self.finder = assistant.finder
        self.catalogue = catalogue
        self._verified: dict[tuple, NormPair | None] = {}

    def collect(self, situation: Situation) -> Collected:
        finder = self.finder
        text, on = situation.situation, situation.act_date
        started = time.perf_counter()
        answer, _, candidates = finder.pair_candidates(text, on)
        pairs = [finder.verified_pair(c, on, []) for c in candidates[:VERIFIED_DEPTH]]
        procedural = question_kind(text).procedural
        missing = bool(missing_laws(text, finder.store.law_names()))
        standards = [] if procedural else self.assistant.standard_pairs(text, on)
        vector = finder.index.query_vector(answer.query) if finder.index.dense else None
        components = self.catalogue.components(answer.query, on, vector)
        seconds = time.perf_counter() - started
        routed = answer.routed.laws if answer.routed else ()
        return Collected(
            situation,
            procedural,
            missing,
            tuple(routed),
            candidates,
            pairs,
            standards,
            components,
            bigrams(answer.query),
            seconds,
        )

    def catalogue_order(self, c: Collected, weights, rrf_k: float, depth: int) -> list[int]:
        act, duty, dense, live = c.components
        fused = np.zeros(len(act))
        for weight, scores in zip(weights, (act, duty, dense), strict=True):
            if not weight:
                continue
            order = np.argsort(-np.where(live, scores, -np.inf), kind="stable")
            ranks = np.empty(len(order))
            ranks[order] = np.arange(1, len(order) + 1)
            fused += weight / (rrf_k + ranks)
        fused = np.where(live & (act + duty > 0), fused, 0.0)
        return [int(i) for i in np.argsort(-fused, kind="stable")[:depth] if fused[i] > 0]

    def catalogue_pair(self, c: Collected, i: int) -> NormPair | None:
        entry = self.catalogue.entries[i]
        duty = entry.duty_unit(c.grams)
        key = (i, duty.key, c.situation.act_date)
        if key not in self._verified:
            on = c.situation.act_date
            violated = self.finder.verify_unit(duty, on)
            penalty = self.finder.verify_unit(entry.penalty, on)
            ok = not any(isinstance(x, Exception) for x in (violated, penalty))
            self._verified[key] = (
                NormPair(violated, penalty, "catalogue", "catalogue", 0.0) if ok else None
            )
        return self._verified[key]

    def shown(self, c: Collected, config: dict | None) -> list[ShownPair]:
        """What pairs_for would show with the catalogue fused per ``config`` (None: today)."""
        if c.blocked:
            return []
        builder = [replace(p) for p in c.pairs if p is not None]
        pairs: list[NormPair] = []
        if not c.missing:
            pairs = self.fused(c, builder, config) if config else select_pairs(builder)
        answer = ProvisionAnswer(c.situation.situation, c.situation.act_date, [])
        answer.pairs = pairs
        self.assistant.merge_standards(answer, c.standards)
        return [ShownPair(unit_of(p.violated), unit_of(p.penalty)) for p in answer.pairs]

    def fused(self, c: Collected, builder: list[NormPair], config: dict) -> list[NormPair]:
        order = self.catalogue_order(c, config["weights"], config["rrf_k"], config["depth"])
        extra = [p for p in (self.catalogue_pair(c, i) for i in order) if p is not None]
        if config["how"] == "slots":
            chosen = select_pairs(builder)
            for p in extra:
                if len([x for x in chosen if x.link == "catalogue"]) >= config["slots"]:
                    break
                if any(x.same_articles(p) for x in chosen):
                    continue
                position = min(config["position"], len(chosen))
                chosen.insert(position, replace(p))
            return select_pairs(chosen)
        # rrf: builder rank and catalogue rank fused
        scores: dict[tuple, float] = {}
        first: dict[tuple, NormPair] = {}
        for weight, ranked in ((1.0, builder), (config["weight"], extra)):
            for rank, p in enumerate(ranked, start=1):
                key = (unit_of(p.violated), unit_of(p.penalty))
                scores[key] = scores.get(key, 0.0) + weight / (config["k"] + rank)
                first.setdefault(key, p)
        ordered = sorted(scores, key=lambda k: -scores[k])
        return select_pairs(replace(first[k]) for k in ordered)

    def diagnose(self, c: Collected, shown: list[ShownPair]) -> str:
        gold = c.situation.gold
        if metrics_of([shown], [gold])["lenient"]["pair_acc@3"]:
            return "top3"
        if c.blocked or c.missing:
            return "blocked"
        laws = {u.law for g in gold for u in g.violated + g.penalty}
        if not laws & set(c.routed):
            return "law not routed"
        if any(hits_gold(unit_key(x.duty), unit_key(x.penalty), gold) for x in c.candidates):
            return "candidate ranked below 3"
        return "routed, gold not a candidate"

    def catalogue_rank(self, c: Collected, weights, rrf_k) -> int | None:
        gold = c.situation.gold
        for rank, i in enumerate(self.catalogue_order(c, weights, rrf_k, 200), start=1):
            e = self.catalogue.entries[i]
            if hits_gold(unit_key(e.duty_unit(c.grams)), unit_key(e.penalty), gold):
                return rank
        return None

    def in_catalogue(self, c: Collected) -> bool:
        gold = c.situation.gold
        return any(
            hits_gold(unit_key(e.duty_unit(c.grams)), unit_key(e.penalty), gold)
            for e in self.catalogue.entries
            if e.penalty.record.law in {u.law for g in gold for u in g.penalty}
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", action="append", required=True)
    parser.add_argument("--out", type=Path, default=Path("var/e17h/study.json"))
    parser.add_argument("--collected", type=Path, default=Path("var/e17h"))
    args = parser.parse_args()
    components = Components(Settings())
    assistant = components.assistant
    assistant.finder.catalogue = CatalogueFusion()  # the study's baseline: catalogue off
    store = components.store
    cache = components.settings.data_layout.cache_dir("assistant") / "pair-catalogue.pkl"
    catalogue = PairCatalogue.cached(store.iter_articles(), cache)
    catalogue.attach_vectors(assistant.finder.index)
    study = Study(assistant, catalogue)
    collected: dict[str, list[Collected]] = {}
    for path in args.set:
        loaded = load_situations(Path(path), assistant.finder.resolver)
        name = Path(path).parent.name
        saved = args.collected / f"collected_{name}.pkl"
        if saved.is_file():
            collected[name] = pickle.loads(saved.read_bytes())
            continue
        collected[name] = [study.collect(s) for s in loaded.situations if not s.procedural]
        saved.write_bytes(pickle.dumps(collected[name]))
    report = run_grid(study, collected)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


def score(study: Study, items: list[Collected], config: dict | None) -> dict:
    shown = [study.shown(c, config) for c in items]
    m = metrics_of(shown, [c.situation.gold for c in items])["lenient"]
    return {k: round(v, 3) for k, v in m.items()}


def run_grid(study: Study, collected: dict[str, list[Collected]]) -> dict:
    report: dict = {"sets": {}}
    base_weights = (1.0, 0.5, 1.0)
    for name, items in collected.items():
        classes = Counter(study.diagnose(c, study.shown(c, None)) for c in items)
        ranks = [study.catalogue_rank(c, base_weights, 60.0) for c in items]
        report["sets"][name] = {
            "n": len(items),
            "baseline": score(study, items, None),
            "classes": dict(classes),
            "gold_in_catalogue": sum(study.in_catalogue(c) for c in items),
            "catalogue_rank<=1/3/10/50": [
                sum(r is not None and r <= k for r in ranks) for k in (1, 3, 10, 50)
            ],
            "seconds_median": float(np.median([c.seconds for c in items])),
        }
    configs = []
    for weights in ((1, 0.5, 1), (1, 0, 1), (1, 1, 1), (1, 0.5, 0), (0, 0, 1), (1, 0.5, 2)):
        configs.append(
            {
                "how": "slots",
                "weights": weights,
                "rrf_k": 60.0,
                "depth": 10,
                "slots": 1,
                "position": 2,
            }
        )
        for weight in (0.3, 0.5, 0.7, 1.0):
            for k in (5, 10, 20):
                configs.append(
                    {
                        "how": "rrf",
                        "weights": weights,
                        "rrf_k": 60.0,
                        "depth": 20,
                        "weight": weight,
                        "k": k,
                    }
                )
    report["grid"] = []
    for config in configs:
        row = {"config": config}
        for name, items in collected.items():
            row[name] = score(study, items, config)
        report["grid"].append(row)
    return report


if __name__ == "__main__":
    main()

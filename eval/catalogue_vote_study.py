"""Round 8 of issue #17: two ways the national pair catalogue could count, replayed.

(a) ``vote``: the laws of the catalogue's best pairs join the fused law ranking as a
    sixth view, so the routed builder searches the right law. Routing changes retrieval,
    so a situation whose route changes is collected again under that setting; one whose
    route does not is replayed from the baseline.
(b) ``features``: the catalogue's top pairs become candidates scored by the pair ranker's
    own features (``PairBuilder._scored``), plus ``bonus`` × their catalogue rank share
    (5/(5+r−1)) for every candidate whose articles the catalogue ranks, so both lists
    compete on one score instead of being rank-fused.

It also breaks down the biggest miss class, "candidate ranked below 3": what the gold
candidate and the pair shown first differ in.

    python -m eval.catalogue_vote_study --set eval/sets/assist_fresh3/situations.json …
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from api.components import Components
from api.settings import Settings
from assistant.norm_pairs import PairCandidate, _Query
from assistant.provisions import CatalogueFusion, NormPair, ProvisionAnswer, select_pairs
from eval.assist_eval import load_situations, metrics_of, unit_of
from eval.assist_metrics import ShownPair
from eval.pair_catalogue_study import Collected, Study, hits_gold, unit_key
from indexing.filters import SearchFilter
from indexing.query_rewriter import rewrite_query

VIEW_WEIGHTS = (1.0, 0.5, 1.0)


@dataclass
class Context:
    """What the pair ranker's features are measured against for one situation."""

    ranks: dict[str, int]
    routed: dict[str, float]
    items: dict[tuple, float]
    route: tuple


class VoteStudy(Study):
    def __init__(self, assistant, catalogue) -> None:  # noqa: ANN001
        super().__init__(assistant, catalogue)
        self._general: dict[tuple, list] = {}
        self._pair_memo: dict[tuple, NormPair | None] = {}
        self._order_memo: dict[tuple, tuple[list[int], dict]] = {}

    def collect_with_context(self, situation) -> tuple[Collected, Context]:  # noqa: ANN001
        """Collected once, keeping what pair_candidates saw (hits' ranks, route, items)."""
        finder = self.finder
        original = finder.pair_candidates
        seen: list = []

        def recording(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            result = original(*args, **kwargs)
            seen.append(result)
            return result

        finder.pair_candidates = recording
        try:
            c = self.collect(situation)
        finally:
            del finder.pair_candidates
        return c, self.context(c, seen[0])

    def context(self, c: Collected, result: tuple) -> Context:
        finder = self.finder
        s = c.situation
        answer, ranked, _ = result
        route = answer.routed
        laws = route.laws if route else ()
        routed = {law: route.strength.get(law, 1.0) for law in laws} if route else {}
        items = finder.matched_items(answer.query, s.act_date, laws)
        return Context(
            {r.unit_id: i for i, (r, _) in enumerate(ranked, start=1)},
            routed,
            {m.unit.key: m.strength for m in items},
            _route_key(route),
        )

    def route_key(self, c: Collected) -> tuple:
        """The route under the finder's current law-ranking config (no pair building)."""
        finder = self.finder
        s = c.situation
        query = rewrite_query(s.situation).text
        key = (s.id, s.situation)
        if key not in self._general:
            self._general[key] = finder.index.retrieve(
                query,
                finder.candidates,
                SearchFilter(laws=frozenset(), on_date=s.act_date),
                finder.mode,
            )
        return _route_key(finder.route(s.situation, self._general[key], s.act_date, query))

    # --- (b): catalogue candidates on the pair ranker's score ---------------------------

    def order(self, c: Collected, depth: int) -> tuple[list[int], dict[tuple, int]]:
        """The catalogue's top ``depth`` entries and each (duty, 罚则) article pair's best rank."""
        key = (c.situation.id, c.situation.situation, depth)
        if key not in self._order_memo:
            order = self.catalogue_order(c, VIEW_WEIGHTS, 60.0, depth)
            ranks: dict[tuple, int] = {}
            for r, i in enumerate(order, start=1):
                e = self.catalogue.entries[i]
                ranks.setdefault((e.duty_unit(c.grams).record.unit_id, e.penalty.record.unit_id), r)
            self._order_memo[key] = (order, ranks)
        return self._order_memo[key]

    def verified(self, c: Collected, cand: PairCandidate) -> NormPair | None:
        key = (c.situation.id, c.situation.act_date, cand.key)
        if key not in self._pair_memo:
            self._pair_memo[key] = self.finder.verified_pair(cand, c.situation.act_date, [])
        return self._pair_memo[key]

    def featured(self, c: Collected, ctx: Context, depth: int, bonus: float) -> list:
        """Builder and catalogue candidates on one score, best first."""
        order, ranks = self.order(c, depth)
        builder = self.finder.pair_builder
        q = _Query(c.grams, ctx.ranks, ctx.routed, ctx.items)

        def share(cand: PairCandidate) -> float:
            r = ranks.get((cand.duty.record.unit_id, cand.penalty.record.unit_id))
            return 5.0 / (5.0 + r - 1) if r else 0.0

        scored: dict[tuple, tuple[float, PairCandidate]] = {}
        seen_articles = set()
        for cand in c.candidates:
            scored[cand.key] = (cand.score + bonus * share(cand), cand)
            seen_articles.add((cand.duty.record.unit_id, cand.penalty.record.unit_id))
        for i in order:
            cand = self.catalogue.entries[i].candidate(c.grams)
            articles = (cand.duty.record.unit_id, cand.penalty.record.unit_id)
            if cand.key in scored or articles in seen_articles:
                continue
            seen_articles.add(articles)
            s = builder._scored(cand, q)
            scored[cand.key] = (s.score + bonus * share(cand), s)
        return [cand for _, cand in sorted(scored.values(), key=lambda x: -x[0])]

    def shown_b(self, c: Collected, ctx: Context, depth: int, bonus: float) -> list[ShownPair]:
        if c.blocked:
            return []
        pairs: list[NormPair] = []
        if not c.missing:
            ranked = self.featured(c, ctx, depth, bonus)
            pairs = select_pairs(replace(p) if (p := self.verified(c, x)) else None for x in ranked)
        answer = ProvisionAnswer(c.situation.situation, c.situation.act_date, [])
        answer.pairs = pairs
        self.assistant.merge_standards(answer, c.standards)
        return [ShownPair(unit_of(p.violated), unit_of(p.penalty)) for p in answer.pairs]

    # --- the "ranked below 3" class ------------------------------------------------------

    def below3(self, c: Collected) -> dict | None:
        gold = c.situation.gold
        shown = self.shown(c, None)
        if self.diagnose(c, shown) != "candidate ranked below 3":
            return None
        position = next(
            i
            for i, x in enumerate(c.candidates)
            if hits_gold(unit_key(x.duty), unit_key(x.penalty), gold)
        )
        g = c.candidates[position]
        first = c.candidates[0]
        _, ranks = self.order(c, 500)
        cat_g = ranks.get((g.duty.record.unit_id, g.penalty.record.unit_id))
        cat_f = ranks.get((first.duty.record.unit_id, first.penalty.record.unit_id))
        same_penalty_article = g.penalty.record.unit_id == first.penalty.record.unit_id
        same_duty_article = g.duty.record.unit_id == first.duty.record.unit_id
        if g.duty.record.law != first.duty.record.law:
            relation = "other law"
        elif same_duty_article and same_penalty_article:
            relation = "same articles, other 款/项"
        elif same_penalty_article:
            relation = "same 罚则, other duty"
        elif same_duty_article:
            relation = "same duty, other 罚则"
        else:
            relation = "same law, both differ"
        return {
            "id": c.situation.id,
            "gold_position": position + 1,
            "relation": relation,
            "gold_link": g.link.value,
            "first_link": first.link.value,
            "catalogue_gold_rank": cat_g,
            "catalogue_first_rank": cat_f,
        }


def _route_key(route) -> tuple:  # noqa: ANN001
    if route is None:
        return ()
    return tuple((law, round(route.strength.get(law, 1.0), 3)) for law in route.laws)


def hits(study: VoteStudy, items: list[Collected], shown: list[list[ShownPair]]) -> dict:
    m = metrics_of(shown, [c.situation.gold for c in items])["lenient"]
    n = len(items)
    return {
        "@1": round(m["pair_acc@1"] * n),
        "@3": round(m["pair_acc@3"] * n),
        "duty": round(m["duty_hit@3"] * n),
        "penalty": round(m["penalty_hit@3"] * n),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", action="append", required=True)
    parser.add_argument("--out", type=Path, default=Path("var/e17i/study.json"))
    parser.add_argument("--collected", type=Path, default=Path("var/e17i"))
    parser.add_argument("--votes", default="0.5,1,2")
    parser.add_argument("--limit", type=int, default=0, help="first N situations (smoke test)")
    args = parser.parse_args()
    args.collected.mkdir(parents=True, exist_ok=True)
    components = Components(Settings())
    assistant = components.assistant
    finder = assistant.finder
    finder.catalogue = CatalogueFusion()  # the study's baseline: catalogue off
    catalogue = finder.pair_catalogue  # cached by corpus digest, vectors attached
    study = VoteStudy(assistant, catalogue)
    ranker = finder.law_ranker
    ranker.catalogue = finder.catalogue_laws
    base_config = ranker.config
    report: dict = {"sets": {}, "vote": {}, "features": {}}
    sets: dict[str, tuple[list[Collected], list[Context]]] = {}
    for path in args.set:
        loaded = load_situations(Path(path), finder.resolver)
        name = Path(path).parent.name + ("_team" if Path(path).parent.name == "assist" else "")
        saved = args.collected / f"collected_{name}.pkl"
        situations = [s for s in loaded.situations if not s.procedural]
        if args.limit:
            situations = situations[: args.limit]
        if saved.is_file():
            sets[name] = pickle.loads(saved.read_bytes())
        else:
            both = [study.collect_with_context(s) for s in situations]
            sets[name] = ([c for c, _ in both], [x for _, x in both])
            saved.write_bytes(pickle.dumps(sets[name]))
        print(name, "collected", flush=True)
    for name, (items, _) in sets.items():
        base = [study.shown(c, None) for c in items]
        below = [b for c in items if (b := study.below3(c))]
        report["sets"][name] = {
            "n": len(items),
            "baseline": hits(study, items, base),
            "classes": dict(
                Counter(study.diagnose(c, s) for c, s in zip(items, base, strict=True))
            ),
            "below3": below,
            "below3_relation": dict(Counter(b["relation"] for b in below)),
            "below3_links": dict(Counter(f"{b['gold_link']}>{b['first_link']}" for b in below)),
            "below3_catalogue_prefers_gold": sum(
                1
                for b in below
                if b["catalogue_gold_rank"]
                and (
                    not b["catalogue_first_rank"]
                    or b["catalogue_gold_rank"] < b["catalogue_first_rank"]
                )
            ),
        }
    # (b) on the same collected candidates
    for depth in (10, 20, 50):
        for bonus in (0.0, 0.1, 0.25, 0.5, 1.0):
            key = f"depth={depth},bonus={bonus}"
            report["features"][key] = {
                name: hits(
                    study,
                    items,
                    [study.shown_b(c, x, depth, bonus) for c, x in zip(items, ctxs, strict=True)],
                )
                for name, (items, ctxs) in sets.items()
            }
            print(key, report["features"][key], flush=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    # (a) a sixth law-ranking view
    for vote in (float(v) for v in args.votes.split(",")):
        config = replace(base_config, catalogue=vote)
        row = {}
        for name, (items, ctxs) in sets.items():
            shown = []
            changed = 0
            for c, x in zip(items, ctxs, strict=True):
                ranker.config = config
                if study.route_key(c) == x.route:
                    shown.append(study.shown(c, None))
                    continue
                changed += 1
                shown.append(study.shown(study.collect(c.situation), None))
            ranker.config = base_config
            row[name] = {**hits(study, items, shown), "routes_changed": changed}
        report["vote"][f"vote={vote}"] = row
        print("vote", vote, row, flush=True)
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Evaluate 办案辅助 on a situation set: every gold resolved by the citation engine first.

Set format (eval/sets/assist/situations.json): a list (or ``{"items": [...]}``) of
``{id, domain, situation, act_date, gold: {violated, penalty}, also_accept, split}``;
a gold side is a citation string or a list of them; ``also_accept`` is either
``{violated: [...], penalty: [...]}`` (more acceptable units per role) or a list of
``{violated, penalty}`` alternative pairs. Figures are reported per split, dev first.

A procedural question (期限, 程序, 送达, 听证 …) describes no violation: it is written
``{"gold": null, "kind": "procedural"}`` and scores correct when no pair is offered;
such items are reported apart ("false pairs on procedural questions"), never mixed
into pair accuracy.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from corpus.citation_resolver import CitationError, CitationResolver, ResolvedCitation
from eval.assist_metrics import GoldPair, PairAccuracy, RoleErrors, RoleHit, ShownPair, Unit

SPLITS = ("dev", "heldout")
PROCEDURAL = "procedural"


@dataclass(frozen=True)
class Situation:
    id: str
    domain: str
    situation: str
    act_date: date
    split: str
    gold: tuple[GoldPair, ...]  # empty for a procedural question
    kind: str = "violation"

    @property
    def procedural(self) -> bool:
        return self.kind == PROCEDURAL


@dataclass
class LoadedSet:
    situations: list[Situation]
    skipped: list[str] = field(default_factory=list)


def unit_of(c: ResolvedCitation) -> Unit:
    return Unit(c.law, c.article, c.suffix, c.paragraph, c.item)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)]


def _units(texts: Iterable[str], on: date, resolver: CitationResolver) -> tuple[Unit, ...]:
    units: list[Unit] = []
    for text in texts:
        for result in resolver.resolve_text(text, on):
            if isinstance(result, CitationError):
                raise ValueError(f"标准答案“{text}”无法解析：{result.message}")
            units.append(unit_of(result))
    return tuple(dict.fromkeys(units))


def _gold_pairs(raw: dict, on: date, resolver: CitationResolver) -> tuple[GoldPair, ...]:
    gold = raw["gold"]
    violated = _as_list(gold.get("violated"))
    penalty = _as_list(gold.get("penalty"))
    also = raw.get("also_accept") or {}
    alternatives: list[dict] = []
    if isinstance(also, dict):
        violated += _as_list(also.get("violated"))
        penalty += _as_list(also.get("penalty"))
    else:
        alternatives = [a for a in also if isinstance(a, dict)]
    pairs = [GoldPair(_units(violated, on, resolver), _units(penalty, on, resolver))]
    for alt in alternatives:
        alt_violated = _as_list(alt.get("violated")) or violated
        alt_penalty = _as_list(alt.get("penalty")) or penalty
        pairs.append(
            GoldPair(_units(alt_violated, on, resolver), _units(alt_penalty, on, resolver))
        )
    if not pairs[0].violated or not pairs[0].penalty:
        raise ValueError("标准答案缺少违法依据或处罚依据")
    return tuple(pairs)


def load_situations(path: Path, resolver: CitationResolver) -> LoadedSet:
    """Every item with its gold resolved on its act date; unresolvable golds are skipped, named."""
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data["items"] if isinstance(data, dict) else data
    loaded = LoadedSet(situations=[])
    for raw in items:
        on = date.fromisoformat(raw["act_date"])
        kind = str(raw.get("kind", "violation"))
        try:
            if kind == PROCEDURAL and raw.get("gold") is not None:
                raise ValueError("程序性问题的标准答案应为 null")
            gold = () if kind == PROCEDURAL else _gold_pairs(raw, on, resolver)
        except (ValueError, KeyError) as exc:
            loaded.skipped.append(f"{raw.get('id')}: {exc}")
            continue
        loaded.situations.append(
            Situation(
                id=str(raw["id"]),
                domain=str(raw.get("domain", "")),
                situation=raw["situation"],
                act_date=on,
                split=str(raw.get("split", "dev")),
                gold=gold,
                kind=kind,
            )
        )
    return loaded


Answerer = Callable[[str, date], list[ShownPair]]


def metrics_of(shown: list[list[ShownPair]], gold: list[tuple[GoldPair, ...]]) -> dict:
    """Pair accuracy@1/@3, duty and penalty Hit@3, role errors; lenient and strict."""
    out: dict[str, Any] = {"n": len(gold)}
    for name, strict in (("lenient", False), ("strict", True)):
        out[name] = {
            "pair_acc@1": PairAccuracy(1, strict).run(shown, gold)["score"],
            "pair_acc@3": PairAccuracy(3, strict).run(shown, gold)["score"],
            "duty_hit@3": RoleHit("violated", 3, strict).run(shown, gold)["score"],
            "penalty_hit@3": RoleHit("penalty", 3, strict).run(shown, gold)["score"],
        }
    errors = RoleErrors(3).run(shown, gold)
    out["role_errors"] = {"situations": errors["score"], "citations": errors["errors"]}
    return out


def procedural_metrics(shown: list[list[ShownPair]]) -> dict:
    """Procedural questions: correct when no pair is shown; the false-pair rate is the rest."""
    false = [bool(pairs) for pairs in shown]
    n = len(false)
    return {
        "n": n,
        "no_pair": (n - sum(false)) / n if n else 0.0,
        "false_pair_rate": sum(false) / n if n else 0.0,
        "false_pairs": sum(len(pairs) for pairs in shown),
    }


def evaluate(
    loaded: LoadedSet, answer: Answerer, splits: Iterable[str] = SPLITS, details: bool = False
) -> dict:
    """Run every situation of the asked splits once; metrics per split, in the order asked.

    Per-item details (shown vs gold) only when asked: tuning must never see held-out items.
    """
    report: dict[str, Any] = {"skipped": loaded.skipped, "splits": {}, "items": []}
    for split in splits:
        chosen = [s for s in loaded.situations if s.split == split]
        if not chosen:
            continue
        shown: list[list[ShownPair]] = []
        started = time.perf_counter()
        for situation in chosen:
            pairs = answer(situation.situation, situation.act_date)
            shown.append(pairs)
            if details:
                report["items"].append(_detail(situation, pairs))
        violations = [i for i, s in enumerate(chosen) if not s.procedural]
        metrics = metrics_of([shown[i] for i in violations], [chosen[i].gold for i in violations])
        procedural = [shown[i] for i, s in enumerate(chosen) if s.procedural]
        if procedural:
            metrics["procedural"] = procedural_metrics(procedural)
        metrics["seconds_per_item"] = (time.perf_counter() - started) / len(chosen)
        report["splits"][split] = metrics
    return report


def _label(u: Unit) -> str:
    parts = [f"{u.law}#{u.article}" + (f"之{u.suffix}" if u.suffix else "")]
    parts += [str(p) for p in u.path()]
    return ".".join(parts)


def _detail(situation: Situation, pairs: list[ShownPair]) -> dict:
    one = not pairs if situation.procedural else PairAccuracy(3).score_one(pairs, situation.gold)
    return {
        "id": situation.id,
        "split": situation.split,
        "domain": situation.domain,
        "pair_hit@3": bool(one),
        "shown": [[_label(p.violated), _label(p.penalty)] for p in pairs],
        "gold": [
            [[_label(u) for u in g.violated], [_label(u) for u in g.penalty]]
            for g in situation.gold
        ],
    }

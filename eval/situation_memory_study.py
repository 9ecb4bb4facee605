"""Leave-one-set-out study of the verified-situation memory (issue #17).

Every assist set was written by a different blind author. For a test set, the memory
holds only the *other* sets; the fusion's thresholds are chosen on those other sets
(each of them again answered without itself and without the test set), then applied
once to the test set. Step 1 (``--capture``) runs the pipeline without memory on every
set once and stores what it shows; step 2 replays the fusion offline with the same
``assistant.memory_pairs`` code the assistant runs.

    python -m eval.situation_memory_study --capture var/bench/memory-base.json
    python -m eval.situation_memory_study --replay var/bench/memory-base.json
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

from assistant.memory_pairs import (
    MemoryFusion,
    considered_laws,
    fused_order,
    gate_passes,
    lead_is_protected,
)
from assistant.situation_memory import TOKENIZERS, SituationMemory, read_situations
from corpus.citation_resolver import CitationError, CitationResolver
from eval.assist_eval import load_situations, unit_of
from eval.assist_metrics import GoldPair, PairAccuracy, ShownPair, Unit

DEPTH = 15  # neighbours read per situation: the tuning folds drop a second set from them


def set_source(path: Path) -> str:
    """The memory's name for an evaluation set file (``assist_fresh4``, ``assist/extra_dev``)."""
    return path.parent.name if path.stem == "situations" else f"{path.parent.name}/{path.stem}"


def default_sets(root: Path = Path(__file__).resolve().parent / "sets") -> list[Path]:
    return sorted(root.glob("assist*/situations.json")) + [root / "assist" / "extra_dev.json"]


def capture(out: Path, sets: list[Path]) -> None:
    """The pipeline's pairs (memory off) and the gold units for every situation."""
    from api.components import Components
    from api.settings import Settings

    components = Components(Settings(situation_memory=False))
    assistant = components.assistant
    components.warm_assistant()
    report: dict = {}
    for path in sets:
        loaded = load_situations(path, assistant.finder.resolver)
        started, rows = time.perf_counter(), []
        for s in loaded.situations:
            answer = assistant.pairs_for(s.situation, s.act_date)
            pairs = answer.pairs
            rows.append(
                {
                    "id": s.id,
                    "kind": s.kind,
                    "text": s.situation,
                    "date": s.act_date.isoformat(),
                    "shown": [
                        [asdict(unit_of(p.violated)), asdict(unit_of(p.penalty))] for p in pairs
                    ],
                    "laws": sorted(considered_laws(answer)),
                    "links": [[p.link, p.score] for p in pairs],
                    "gold": [
                        [[asdict(u) for u in g.violated], [asdict(u) for u in g.penalty]]
                        for g in s.gold
                    ],
                }
            )
        report[set_source(path)] = {"path": str(path), "rows": rows, "skipped": loaded.skipped}
        print(f"{path}: {len(rows)} 题，{time.perf_counter() - started:.0f} 秒", file=sys.stderr)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")


Key = tuple[tuple[str, int, int], tuple[str, int, int]]
Candidate = tuple[str, Unit, Unit, float]  # source, duty, penalty, similarity


def _key(duty: Unit, penalty: Unit) -> Key:
    return ((duty.law, duty.article, duty.suffix), (penalty.law, penalty.article, penalty.suffix))


def neighbour_candidates(report: dict, memory: SituationMemory, resolver) -> dict:
    """Per set and situation: its ``DEPTH`` nearest verified neighbours of other sets,
    each with its pair resolved on the situation's date (or dropped, as at run time)."""
    from assistant.memory_pairs import same_provision

    cache: dict[tuple[str, date, date], Unit | None] = {}

    def unit(text: str, then: date, on: date) -> Unit | None:
        if (text, then, on) not in cache:
            found = same_provision(text, then, on, resolver)
            cache[(text, then, on)] = unit_of(found) if found else None
        return cache[(text, then, on)]

    out: dict = {}
    for source, block in report.items():
        own = memory.without({source})
        rows = []
        for row in block["rows"]:
            on = date.fromisoformat(row["date"])
            found: list[Candidate] = []
            for n in own.nearest(row["text"], DEPTH):
                e = n.entry
                duty, penalty = unit(e.violated, e.act_date, on), unit(e.penalty, e.act_date, on)
                if duty and penalty:
                    found.append((e.source, duty, penalty, n.similarity))
            rows.append(found)
        out[source] = rows
    return out


def _shown(row: dict, found: list[Candidate], fusion: MemoryFusion, drop: str) -> list[ShownPair]:
    existing = [ShownPair(Unit(**v), Unit(**p)) for v, p in row["shown"]]
    memory: list[tuple[ShownPair, float]] = []
    for source, duty, penalty, sim in found:
        if source == drop or sim < fusion.weak:
            continue
        laws = frozenset(row["laws"]) if "laws" in row else None
        if not gate_passes(fusion, sim, {duty.law, penalty.law}, laws):
            continue
        if any((m.violated, m.penalty) == (duty, penalty) for m, _ in memory):
            continue
        memory.append((ShownPair(duty, penalty), sim))
        if len(memory) == fusion.max_pairs:
            break
    placed = fused_order(
        [_key(p.violated, p.penalty) for p in existing],
        [(_key(m.violated, m.penalty), s) for m, s in memory],
        fusion,
        3,
        lead_is_protected(fusion, [tuple(x) for x in row.get("links", [])]),
    )
    shown = []
    for p in placed:
        if p.memory is not None and (p.existing is None or fusion.prefer_memory):
            shown.append(memory[p.memory][0])
        else:
            shown.append(existing[p.existing])
    return shown


def _gold(row: dict) -> tuple[GoldPair, ...]:
    return tuple(
        GoldPair(tuple(Unit(**u) for u in v), tuple(Unit(**u) for u in p)) for v, p in row["gold"]
    )


GRIDS = {
    # round 1: every placement; it chose weak_position 1 and the neighbour's units everywhere
    "wide": (
        [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 9.0],
        [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5],
        (1, 2),
        (1, 2, 3),
        (True, False),
        (False,),
        (None,),
    ),
    # round 2: strong sat at the grid's edge: lower both thresholds
    "low": (
        [0.15, 0.2, 0.25, 0.3],
        [0.0, 0.05, 0.1, 0.15],
        (1,),
        (2, 3),
        (True,),
        (False,),
        (None,),
    ),
    # round 3 (capture with the pipeline's laws and links): the law gate for weak neighbours,
    # and a first pair the law itself links keeping its place
    "protect": (
        [0.2, 0.25, 0.3],
        [0.15],
        (1,),
        (2,),
        (True,),
        (False, True),
        (None, 1.5, 2.0, 2.5, 3.0, 3.5),
    ),
}


def grid(name: str = "wide") -> list[MemoryFusion]:
    strong, weak, positions, maxima, prefers, gates, protects = GRIDS[name]
    points = []
    for s, w, pos, m, pm, gate, protect in itertools.product(
        strong, weak, positions, maxima, prefers, gates, protects
    ):
        if w <= s:
            points.append(
                MemoryFusion(
                    strong=s,
                    weak=w,
                    weak_position=pos,
                    max_pairs=m,
                    prefer_memory=pm,
                    gate_weak=gate,
                    protect=protect,
                )
            )
    return points


def hits(
    report: dict, candidates: dict, source: str, fusion: MemoryFusion, drop: str
) -> tuple[int, int, int]:
    """(pair@1 hits, pair@3 hits, situations) of one set under one fusion, ``drop`` unseen."""
    at1 = at3 = n = 0
    for row, found in zip(report[source]["rows"], candidates[source], strict=True):
        if row["kind"] == "procedural":
            continue
        shown = (
            _shown(row, found, fusion, drop)
            if fusion.on
            else [ShownPair(Unit(**v), Unit(**p)) for v, p in row["shown"]]
        )
        gold = _gold(row)
        at1 += int(PairAccuracy(1).score_one(shown, gold))
        at3 += int(PairAccuracy(3).score_one(shown, gold))
        n += 1
    return at1, at3, n


def replay(
    base: Path, out: Path | None, tokenizer: str = "chars+bigrams", grid_name: str = "wide"
) -> dict:
    from api.components import Components
    from api.settings import Settings

    report = json.loads(base.read_text(encoding="utf-8"))
    components = Components(Settings(situation_memory=False))
    resolver = components.assistant.finder.resolver
    entries = []
    for source, block in report.items():
        entries += [replace(e, source=source) for e in read_situations(Path(block["path"]))]
    memory = SituationMemory(entries, TOKENIZERS[tokenizer])
    candidates = neighbour_candidates(report, memory, resolver)
    points = grid(grid_name)
    off = replace(MemoryFusion(), max_pairs=0)
    sources = list(report)
    table: dict = {}
    for test in sources:
        tuned = [s for s in sources if s != test]
        best = max(
            points,
            key=lambda p: tuple(
                map(
                    sum,
                    zip(*[hits(report, candidates, s, p, test)[1::-1] for s in tuned], strict=True),
                )
            ),
        )
        table[test] = {
            "chosen": asdict(best),
            "off": hits(report, candidates, test, off, test),
            "memory": hits(report, candidates, test, best, test),
        }
        print(test, table[test], file=sys.stderr, flush=True)
    final = max(
        points,
        key=lambda p: tuple(
            map(
                sum, zip(*[hits(report, candidates, s, p, "")[1::-1] for s in sources], strict=True)
            )
        ),
    )
    result = {
        "tokenizer": tokenizer,
        "grid": grid_name,
        "folds": table,
        "all_sets_choice": asdict(final),
    }
    if out:
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return result


def _with_restricted(row: dict, how: str) -> dict:
    """The pipeline's pairs with the neighbour-law search's: ``interleave`` alternates them
    (restricted first), ``plain`` keeps the pipeline's; one pair per two articles."""
    general, restricted = row["shown"], row.get("restricted", [])
    merged = general
    if how == "interleave":
        merged = [x for pair in itertools.zip_longest(restricted, general) for x in pair if x]
    seen: set[Key] = set()
    out = []
    for v, p in merged:
        key = _key(Unit(**v), Unit(**p))
        if key not in seen:
            seen.add(key)
            out.append([v, p])
    return {**row, "shown": out}


def replay_restricted(path: Path, fusion: MemoryFusion) -> dict:
    """Pair@1/@3 hits per set, pipeline alone and with the memory, with and without the
    neighbour-law search (memory without the set's own situations; nothing tuned)."""
    from api.components import Components
    from api.settings import Settings

    report = json.loads(path.read_text(encoding="utf-8"))
    resolver = Components(Settings(situation_memory=False)).assistant.finder.resolver
    entries = [
        replace(e, source=s) for s, b in report.items() for e in read_situations(Path(b["path"]))
    ]
    candidates = neighbour_candidates(report, SituationMemory(entries), resolver)
    off = replace(fusion, max_pairs=0)
    result: dict = {}
    for how in ("plain", "interleave"):
        views = {
            s: {**b, "rows": [_with_restricted(r, how) for r in b["rows"]]}
            for s, b in report.items()
        }
        result[how] = {
            s: {
                "pipeline": hits(views, candidates, s, off, s),
                "memory": hits(views, candidates, s, fusion, s),
            }
            for s in report
        }
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--capture", type=Path)
    parser.add_argument("--replay", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--tokenizer", choices=sorted(TOKENIZERS), default="chars+bigrams")
    parser.add_argument("--grid", choices=sorted(GRIDS), default="wide")
    parser.add_argument(
        "--restricted", type=Path, help="with --replay: write the neighbour-law capture"
    )
    args = parser.parse_args(argv)
    if args.capture:
        capture(args.capture, default_sets())
    if args.replay and args.restricted:
        capture_restricted(args.replay, args.restricted)
        result = replay_restricted(args.restricted, MemoryFusion())
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    if args.replay:
        print(
            json.dumps(
                replay(args.replay, args.out, args.tokenizer, args.grid),
                ensure_ascii=False,
                indent=1,
            )
        )


def neighbour_laws(
    memory: SituationMemory, text: str, k: int, weak: float, resolver: CitationResolver
) -> frozenset[str]:
    """The corpus laws (duty and 罚则 sides) of the ``k`` nearest verified situations."""
    laws: set[str] = set()
    for n in memory.nearest(text, k):
        if n.similarity < weak:
            continue
        for ref in resolver.parse(f"{n.entry.violated}；{n.entry.penalty}"):
            try:
                laws.add(resolver.law_name(ref.law or ""))
            except CitationError:
                continue  # a law the corpus lacks: nothing to search in
    return frozenset(laws)


def capture_restricted(base: Path, out: Path, k: int = 5) -> None:
    """Per situation: the pipeline's pairs searched only in its neighbours' laws (memory
    without the situation's own set), to replay ``neighbour-law`` routing offline."""
    from api.components import Components
    from api.settings import Settings

    report = json.loads(base.read_text(encoding="utf-8"))
    components = Components(Settings(situation_memory=False))
    finder = components.assistant.finder
    components.warm_assistant()
    memory = SituationMemory(
        [replace(e, source=s) for s, b in report.items() for e in read_situations(Path(b["path"]))]
    )
    for source, block in report.items():
        own = memory.without({source})
        for row in block["rows"]:
            laws = neighbour_laws(own, row["text"], k, 0.15, finder.resolver)
            pairs = (
                finder.ask(row["text"], date.fromisoformat(row["date"]), laws=laws).pairs
                if laws
                else []
            )
            row["restricted"] = [
                [asdict(unit_of(p.violated)), asdict(unit_of(p.penalty))] for p in pairs
            ]
        print(source, file=sys.stderr, flush=True)
    out.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()

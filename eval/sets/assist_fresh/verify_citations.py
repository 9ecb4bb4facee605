"""Resolve every citation of the fresh assist set on its act_date.

Why: the set's promise is that every gold, also_accept and answer citation
exists, in the version in force on the act date; this script checks that
promise against the corpus through the same citation engine the product uses,
and checks the set's shape (held-out only, distinct gold pairs, procedural
items without a pair). Exit status 1 lists failures.

    ZHIFA_DATA_DIR=var/national PYTHONPATH=$PWD \
        python eval/sets/assist_fresh/verify_citations.py [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from api.settings import Settings
from corpus.citation_resolver import CitationError, CitationResolver, ResolvedCitation
from corpus.store import CorpusStore

SET_PATH = Path(__file__).with_name("situations.json")
REQUIRED_FIELDS = ("id", "domain", "situation", "act_date", "gold", "split", "written_from")
PROCEDURAL = "procedural"
MIN_PAIRS, MIN_PROCEDURAL, MIN_DOMAINS, MIN_PER_DOMAIN = 64, 8, 9, 6


def is_procedural(item: dict) -> bool:
    """Procedural items ask a question, not about a violation: no gold pair."""
    return item.get("kind") == PROCEDURAL


def citations_of(item: dict) -> Iterator[tuple[str, str]]:
    """Every (role, citation) pair an item asks the engine to accept or show."""
    if is_procedural(item):
        for citation in item.get("answer_articles", []):
            yield "answer_articles", citation
        return
    for role in ("violated", "penalty"):
        yield f"gold.{role}", item["gold"][role]
        for extra in item.get("also_accept", {}).get(role, []):
            yield f"also_accept.{role}", extra


def item_failures(label: str, item: dict) -> list[str]:
    """Shape problems of one item, given that its required fields are present."""
    failures: list[str] = []
    if item["split"] != "heldout":
        failures.append(f"{label}: split 应为 heldout，而不是 {item['split']}")
    if is_procedural(item):
        if item["gold"] is not None:
            failures.append(f"{label}: 程序性问题的 gold 应为 null")
        if not item.get("answer_articles"):
            failures.append(f"{label}: 程序性问题缺少 answer_articles")
    elif not isinstance(item["gold"], dict) or not all(
        item["gold"].get(role) for role in ("violated", "penalty")
    ):
        failures.append(f"{label}: gold 须同时给出 violated 与 penalty")
    return failures


def set_failures(items: list[dict]) -> list[str]:
    """Whole-set promises: counts per domain, enough items, no repeated gold pair."""
    pairs = [
        item for item in items if not is_procedural(item) and isinstance(item.get("gold"), dict)
    ]
    failures: list[str] = []
    if len(pairs) < MIN_PAIRS:
        failures.append(f"违法情形仅 {len(pairs)} 条，少于 {MIN_PAIRS}")
    procedural = len(items) - len(pairs)
    if procedural < MIN_PROCEDURAL:
        failures.append(f"程序性问题仅 {procedural} 条，少于 {MIN_PROCEDURAL}")
    per_domain = Counter(item.get("domain") for item in pairs)
    full = [name for name, count in per_domain.items() if count >= MIN_PER_DOMAIN]
    if len(full) < MIN_DOMAINS:
        failures.append(f"达到 {MIN_PER_DOMAIN} 条的领域仅 {len(full)} 个，少于 {MIN_DOMAINS}")
    gold_pairs = Counter(
        (item["gold"].get("violated"), item["gold"].get("penalty")) for item in pairs
    )
    failures += [f"gold 组合重复 {n} 次：{pair}" for pair, n in gold_pairs.items() if n > 1]
    return failures


def shape_failures(items: list[dict]) -> list[str]:
    """Malformed items: missing fields, wrong split, repeated ids, set-level counts."""
    failures: list[str] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        label = item.get("id", f"#{index}")
        missing = [name for name in REQUIRED_FIELDS if name not in item]
        if missing:
            failures.append(f"{label}: 缺少字段 {', '.join(missing)}")
            continue
        failures += item_failures(label, item)
        if label in seen:
            failures.append(f"{label}: id 重复")
        seen.add(label)
    return failures + set_failures(items)


def check_item(resolver: CitationResolver, item: dict, show: bool) -> list[str]:
    """Failures for one item: each citation must resolve to exactly one unit."""
    on = date.fromisoformat(item["act_date"])
    failures: list[str] = []
    for role, citation in citations_of(item):
        results = resolver.resolve_text(citation, on)
        resolved = [r for r in results if isinstance(r, ResolvedCitation)]
        errors = [r.message for r in results if isinstance(r, CitationError)]
        if errors or len(resolved) != 1:
            reason = "；".join(errors) or f"解析出 {len(resolved)} 条"
            failures.append(f"{item['id']} {role} {citation} @ {on}: {reason}")
            continue
        if show:
            unit = resolved[0]
            print(f"{item['id']} {role} {unit.citation} [{unit.version}] {unit.text[:160]}")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", type=Path, default=SET_PATH)
    parser.add_argument("--show", action="store_true", help="print each resolved text")
    args = parser.parse_args()
    items = json.loads(args.set.read_text(encoding="utf-8"))
    failures = shape_failures(items)
    if failures:
        print("\n".join(f"FAIL {line}" for line in failures), file=sys.stderr)
        return 1
    resolver = CitationResolver(CorpusStore(Settings()))
    failures = [f for item in items for f in check_item(resolver, item, args.show)]
    total = sum(1 for item in items for _ in citations_of(item))
    for line in failures:
        print("FAIL", line, file=sys.stderr)
    print(f"{len(items)} items, {total} citations, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

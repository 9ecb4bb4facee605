"""Resolve every citation of the fourth fresh assist set on its act_date.

Why: the set's promise is that every gold, also_accept and answer_articles
citation exists, in the version in force on the act date; this script checks
that promise against the corpus through the same citation engine the product
uses. Exit status 1 lists failures.

    ZHIFA_DATA_DIR=var/national PYTHONPATH=$PWD \
        python eval/sets/assist_fresh4/verify_citations.py [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from api.settings import Settings
from corpus.citation_resolver import CitationError, CitationResolver, ResolvedCitation
from corpus.store import CorpusStore

SET_PATH = Path(__file__).with_name("situations.json")
REQUIRED_FIELDS = ("id", "domain", "situation", "act_date", "gold", "split", "written_from")
SPLITS = {"heldout"}


def is_procedural(item: dict) -> bool:
    """A procedural question: no (duty, penalty) pair, only answering articles."""
    return item.get("kind") == "procedural"


def citations_of(item: dict) -> Iterator[tuple[str, str]]:
    """Every (role, citation) pair an item asks the engine to accept."""
    if is_procedural(item):
        for article in item["answer_articles"]:
            yield "answer_articles", article
        return
    for role in ("violated", "penalty"):
        yield f"gold.{role}", item["gold"][role]
        for extra in item.get("also_accept", {}).get(role, []):
            yield f"also_accept.{role}", extra


def item_shape_failures(item: dict, label: str) -> list[str]:
    """Malformed fields of one item."""
    missing = [name for name in REQUIRED_FIELDS if name not in item]
    if missing:
        return [f"{label}: 缺少字段 {', '.join(missing)}"]
    failures: list[str] = []
    if item["split"] not in SPLITS:
        failures.append(f"{label}: split 应为 heldout，而不是 {item['split']}")
    if is_procedural(item):
        if item["gold"] is not None or not item.get("answer_articles"):
            failures.append(f"{label}: 程序类条目应有 gold: null 和非空 answer_articles")
    elif not isinstance(item["gold"], dict):
        failures.append(f"{label}: 违法类条目的 gold 应含 violated 与 penalty")
    return failures


def shape_failures(items: list[dict]) -> list[str]:
    """Malformed items, repeated ids, and repeated gold pairs."""
    failures: list[str] = []
    seen_ids: set[str] = set()
    seen_pairs: dict[tuple[str, str], str] = {}
    for index, item in enumerate(items):
        label = item.get("id", f"#{index}")
        failures += item_shape_failures(item, label)
        if label in seen_ids:
            failures.append(f"{label}: id 重复")
        seen_ids.add(label)
        gold = item.get("gold")
        if isinstance(gold, dict):
            pair = (gold.get("violated", ""), gold.get("penalty", ""))
            if pair in seen_pairs:
                failures.append(f"{label}: 与 {seen_pairs[pair]} 的 gold 相同")
            seen_pairs.setdefault(pair, label)
    return failures


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

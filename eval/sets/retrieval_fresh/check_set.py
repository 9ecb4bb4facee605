"""Check the fresh retrieval set: every gold parses and resolves to a real article.

The set is only worth anything if each answer names an article that exists in the
corpus version in force today, under the law the item says; this script proves it.
Run from the repository root with the national corpus imported:

    ZHIFA_DATA_DIR=var/national ZHIFA_SHARED_DIR=../shared PYTHONPATH=$PWD \\
        python eval/sets/retrieval_fresh/check_set.py

Exit status 0 when every item passes, 1 otherwise. ``--show`` prints each article's
text next to its question, for a human reading the set.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from corpus.citation_resolver import CitationError, CitationResolver, ResolvedCitation
from corpus.numerals import to_chinese
from corpus.settings import CorpusSettings
from corpus.store import CorpusStore
from eval.lawbench import parse_gold

SET_FILE = Path(__file__).with_name("questions.json")
REPO_ROOT = Path(__file__).resolve().parents[3]
INSTRUCTION = "请根据具体场景与问题给出法律依据，只需要给出具体法条内容，每个场景仅涉及一个法条。"
REQUIRED_KEYS = ("instruction", "question", "answer", "category", "law_folder")


@dataclass(frozen=True)
class ItemProblem:
    """Why one item fails, with its position so it can be found in the file."""

    index: int
    message: str


def item_problems(
    index: int, item: dict, resolver: CitationResolver, laws_root: Path | None
) -> tuple[list[ItemProblem], ResolvedCitation | None]:
    """Every problem of one item, and the article its gold resolves to."""
    missing = [key for key in REQUIRED_KEYS if not item.get(key)]
    if missing:
        return [ItemProblem(index, f"missing keys {missing}")], None
    problems: list[ItemProblem] = []
    if item["instruction"] != INSTRUCTION:
        problems.append(ItemProblem(index, "instruction differs from LawBench 3-2"))
    if not item["question"].startswith("场景:"):
        problems.append(ItemProblem(index, "question does not start with 场景:"))
    if item["law_folder"].split("/")[0] != item["category"]:
        problems.append(ItemProblem(index, "law_folder is not under its category"))
    gold = parse_gold(item["answer"])
    if gold is None:
        return [*problems, ItemProblem(index, "answer names no parsable article")], None
    citation = f"《{gold.law}》第{to_chinese(gold.article)}条"
    try:
        resolved = resolver.resolve(resolver.parse(citation)[0])
    except (CitationError, IndexError) as exc:
        return [*problems, ItemProblem(index, f"{citation} does not resolve: {exc}")], None
    if resolved.law != gold.law:
        problems.append(ItemProblem(index, f"gold law {gold.law} resolves to {resolved.law}"))
    if laws_root is not None and not _folder_holds(laws_root / item["law_folder"], gold.law):
        problems.append(ItemProblem(index, f"no file of {gold.law} in {item['law_folder']}"))
    return problems, resolved


def _folder_holds(folder: Path, law: str) -> bool:
    """Whether ``folder`` has a version file of ``law`` (``行政处罚法(2021-01-22).md``)."""
    return any(p.stem == law or p.stem.startswith(f"{law}(") for p in folder.glob("*.md"))


def _default_laws_folder() -> Path:
    """../shared beside the checkout (or ZHIFA_SHARED_DIR), as the test suite finds it."""
    shared = Path(os.environ.get("ZHIFA_SHARED_DIR", REPO_ROOT.parent / "shared"))
    return shared / "data" / "laws"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=SET_FILE)
    parser.add_argument("--laws", type=Path, default=_default_laws_folder())
    parser.add_argument("--show", action="store_true", help="print each resolved article")
    args = parser.parse_args()
    data_dir = Path(os.environ.get("ZHIFA_DATA_DIR", "var"))
    store = CorpusStore(CorpusSettings(data_dir=data_dir))
    if not store.law_names():
        print(f"no corpus imported under {data_dir}", file=sys.stderr)
        return 1
    resolver = CitationResolver(store)
    laws_root = args.laws if args.laws.is_dir() else None
    items = json.loads(args.set.read_text(encoding="utf-8"))
    problems: list[ItemProblem] = []
    per_law: Counter[str] = Counter()
    for index, item in enumerate(items):
        found, resolved = item_problems(index, item, resolver, laws_root)
        problems.extend(found)
        if resolved is not None:
            per_law[resolved.law] += 1
            if args.show:
                print(f"[{index}] {item['question']}\n  → {resolved.citation}: {resolved.text}\n")
    golds = [(g.law, g.article) for g in map(parse_gold, (i["answer"] for i in items)) if g]
    for key, count in Counter(golds).items():
        if count > 1:
            problems.append(ItemProblem(-1, f"{key} is the gold of {count} items"))
    for problem in problems:
        print(f"item {problem.index}: {problem.message}", file=sys.stderr)
    categories = Counter(item.get("category") for item in items)
    print(f"{len(items)} items, {len(problems)} problems, {len(per_law)} laws")
    print("per category: " + ", ".join(f"{k} {v}" for k, v in categories.most_common()))
    if laws_root is None:
        print(f"law folders not checked: {args.laws} is absent (set ZHIFA_SHARED_DIR)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

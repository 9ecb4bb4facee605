"""Check every gold of the retrieval_fresh2 set against the corpus.

Each answer must name its article in a form ``eval.lawbench.parse_gold`` reads,
and that article must resolve through the corpus citation resolver (current
version). Exits non-zero, listing the failures, when any item does not.

Run from the repository root, with ZHIFA_DATA_DIR pointing at a data dir where
the national corpus is imported::

    PYTHONPATH=$PWD python eval/sets/retrieval_fresh2/check_set.py [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from api.settings import Settings
from corpus.citation_parser import CitationRef
from corpus.citation_resolver import CitationError, CitationResolver
from corpus.numerals import to_chinese
from corpus.store import CorpusStore
from eval.lawbench import parse_gold

SET_PATH = Path(__file__).with_name("questions.json")
REQUIRED_KEYS = ("instruction", "question", "answer", "category", "law_folder")


def _ref(law: str, article: int) -> CitationRef:
    """A plain law + article reference, as the resolver expects it."""
    label = f"《{law}》第{to_chinese(article)}条"
    return CitationRef(raw=label, law=law, article=article)


def check(items: list[dict], resolver: CitationResolver, show: bool) -> list[str]:
    """Failures, one line each; prints each resolved article when ``show``."""
    failures: list[str] = []
    seen: Counter[str] = Counter(item["question"] for item in items)
    for index, item in enumerate(items):
        missing = [key for key in REQUIRED_KEYS if not item.get(key)]
        if missing:
            failures.append(f"#{index}: missing keys {missing}")
            continue
        if seen[item["question"]] > 1:
            failures.append(f"#{index}: duplicate question")
        gold = parse_gold(item["answer"])
        if gold is None:
            failures.append(f"#{index}: no parsable gold in answer: {item['answer'][:40]}")
            continue
        try:
            resolved = resolver.resolve(_ref(gold.law, gold.article))
        except CitationError as exc:
            failures.append(
                f"#{index}: {gold.law} 第{gold.article}条 does not resolve: {exc.message}"
            )
            continue
        if resolved.law != gold.law:
            failures.append(f"#{index}: parsed law {gold.law} resolved to {resolved.law}")
        if show:
            print(f"#{index} [{gold.law} {gold.article}] {resolved.article_text[:300]}\n")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each resolved article")
    parser.add_argument("--path", type=Path, default=SET_PATH)
    args = parser.parse_args()
    items = json.loads(args.path.read_text(encoding="utf-8"))
    resolver = CitationResolver(CorpusStore(Settings()))
    if not resolver.known_names:
        print("语料库为空：请先导入全国法律语料（corpus import），并设置 ZHIFA_DATA_DIR")
        return 2
    failures = check(items, resolver, args.show)
    per_category = Counter(item.get("category") for item in items)
    per_law = Counter(
        str(parse_gold(item["answer"]).law) for item in items if parse_gold(item["answer"])
    )
    print(f"{len(items)} items; per category: {dict(per_category)}")
    print(f"{len(per_law)} laws; most questions on one law: {per_law.most_common(1)}")
    for line in failures:
        print("FAIL", line)
    print("OK" if not failures else f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

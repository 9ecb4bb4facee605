"""BM25: scores equal a hand-written Okapi BM25 (Lucene idf) over the same tokens."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest

from indexing.bm25_index import BM25Index, top_k
from indexing.tokenizer import JiebaTokenizer

DOCS = [
    "饮酒后驾驶机动车的，处暂扣六个月机动车驾驶证，并处罚款。",
    "醉酒驾驶机动车的，吊销机动车驾驶证，依法追究刑事责任。",
    "违法行为在二年内未被发现的，不再给予行政处罚。",
    "行政机关拟作出较大数额罚款决定，应当告知当事人有要求听证的权利。",
    "食品安全，指食品无毒、无害，符合应当有的营养要求。",
]


def reference_bm25(docs: list[list[str]], query: list[str], k1: float, b: float) -> np.ndarray:
    """Okapi BM25, Lucene variant: idf = ln(1 + (N - df + 0.5) / (df + 0.5))."""
    n = len(docs)
    avgdl = sum(len(d) for d in docs) / n
    df = Counter(term for doc in docs for term in set(doc))
    scores = np.zeros(n)
    for i, doc in enumerate(docs):
        tf = Counter(doc)
        for term in set(query):
            if tf[term] == 0:
                continue
            idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
            norm = k1 * (1 - b + b * len(doc) / avgdl)
            scores[i] += idf * tf[term] / (tf[term] + norm)
    return scores


@pytest.mark.parametrize(
    "query", ["饮酒驾驶机动车罚款", "行政处罚听证", "食品安全营养", "不存在的词语"]
)
def test_scores_match_reference(query):
    tokenizer = JiebaTokenizer()
    index = BM25Index(tokenizer, k1=1.2, b=0.75).index(DOCS)
    expected = reference_bm25([tokenizer(d) for d in DOCS], tokenizer(query), 1.2, 0.75)
    assert index.scores(query) == pytest.approx(expected, rel=1e-5, abs=1e-6)


def test_top_respects_mask_and_order():
    index = BM25Index(JiebaTokenizer()).index(DOCS)
    ids, scores = index.top("驾驶机动车", 5)
    assert list(ids[:2]) in ([0, 1], [1, 0]) and all(np.diff(scores) <= 0)
    mask = np.array([False, True, True, True, True])
    ids, _ = index.top("驾驶机动车", 5, mask)
    assert list(ids) == [1]


def test_top_k_keeps_only_positive_scores():
    ids, scores = top_k(np.array([0.0, 3.0, 1.0, 2.0]), 2)
    assert list(ids) == [1, 3] and list(scores) == [3.0, 2.0]


def test_save_load_round_trip(tmp_path):
    tokenizer = JiebaTokenizer()
    index = BM25Index(tokenizer).index(DOCS)
    index.save(tmp_path / "bm25")
    loaded = BM25Index.load(tmp_path / "bm25", tokenizer)
    assert loaded.size == len(DOCS)
    assert loaded.scores("吊销驾驶证") == pytest.approx(index.scores("吊销驾驶证"))

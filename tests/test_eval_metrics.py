"""Retrieval metrics against hand-computed values, gold parsing of LawBench answers."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from eval.lawbench import GoldArticle, load_lawbench, parse_gold
from eval.retrieval_metrics import (
    RankingEvaluator,
    hit_at_k,
    mrr_at_k,
    ndcg_at_k,
    percentile,
    recall_at_k,
)

RANKING = ["a", "b", "c", "d", "e"]


def test_hit():
    assert hit_at_k(RANKING, {"c"}, 2) == 0.0
    assert hit_at_k(RANKING, {"c"}, 3) == 1.0


def test_recall():
    assert recall_at_k(RANKING, {"b", "e", "z"}, 5) == pytest.approx(2 / 3)
    assert recall_at_k(RANKING, {"b", "e", "z"}, 2) == pytest.approx(1 / 3)


def test_mrr():
    assert mrr_at_k(RANKING, {"c", "e"}, 10) == pytest.approx(1 / 3)
    assert mrr_at_k(RANKING, {"e"}, 4) == 0.0


def test_ndcg_hand_computed():
    # relevant at ranks 2 and 4: DCG = 1/log2(3) + 1/log2(5); ideal = 1 + 1/log2(3)
    expected = (1 / math.log2(3) + 1 / math.log2(5)) / (1 + 1 / math.log2(3))
    assert ndcg_at_k(RANKING, {"b", "d"}, 5) == pytest.approx(expected)
    assert ndcg_at_k(RANKING, {"a"}, 5) == pytest.approx(1.0)
    assert ndcg_at_k(RANKING, {"c"}, 10) == pytest.approx(0.5)  # 1/log2(4)


def test_duplicates_count_once():
    assert recall_at_k(["a", "a", "b"], {"a", "b"}, 2) == pytest.approx(1.0)
    assert mrr_at_k(["x", "x", "a"], {"a"}, 10) == pytest.approx(1 / 2)


def test_evaluator_mean_and_individual_scores():
    result = RankingEvaluator("mrr", 10).run([["a", "b"], ["c", "a"], ["z"]], [{"a"}, {"a"}, {"a"}])
    assert result["individual_scores"] == pytest.approx([1.0, 0.5, 0.0])
    assert result["score"] == pytest.approx(0.5)
    assert RankingEvaluator("hit", 5).name == "hit@5"


@pytest.mark.parametrize(
    "retrieved, relevant, k",
    [([["a"]], [{"a"}, {"b"}], 5), ([["a"]], [{"a"}], 0), ([["a"]], [set()], 5)],
)
def test_evaluator_validates_inputs(retrieved, relevant, k):
    with pytest.raises(ValueError):
        RankingEvaluator("hit", 1).run(retrieved, relevant) if k else RankingEvaluator("hit", k)


def test_unknown_metric_rejected():
    with pytest.raises(ValueError):
        RankingEvaluator("map", 10)


def test_percentile_matches_numpy_linear():
    values = [5.0, 1.0, 3.0, 2.0, 4.0]
    assert percentile(values, 50) == pytest.approx(3.0)
    assert percentile(values, 95) == pytest.approx(4.8)
    with pytest.raises(ValueError):
        percentile([], 50)


@pytest.mark.parametrize(
    "answer, gold",
    [
        (
            "根据《农民专业合作社法》第五十六条，三个以上的农民专业合作社……",
            ("农民专业合作社法", 56),
        ),
        ("根据农民专业合作社法第七十条的规定，如果……", ("农民专业合作社法", 70)),
        ("根据《中华人民共和国合伙企业法》第102条的规定，清算人……", ("合伙企业法", 102)),
        ("根据民法商法类中的票据法的第一百零八条，汇票……", ("票据法", 108)),
        ("根据民法商法中的证券法的第一百四十二条，若……", ("证券法", 142)),
        ("这属于民法商法类中的全民所有制工业企业法的第三十五条规定", ("全民所有制工业企业法", 35)),
        ("根据我国的《消费者权益保护法》的第五条规定，国家……", ("消费者权益保护法", 5)),
        ("根据公司法第一百四十六条第二款的规定，因贪污罪……", ("公司法", 146)),
    ],
)
def test_parse_gold(answer, gold):
    assert parse_gold(answer) == GoldArticle(*gold)


def test_parse_gold_without_article():
    assert parse_gold("这种情况没有明确规定。") is None


def _shared() -> Path:
    return Path(os.environ.get("ZHIFA_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared"))


def test_every_dev_answer_parses():
    path = _shared() / "data" / "eval" / "lawbench-3-2-dev.json"
    if not path.is_file():
        pytest.skip(f"../shared 不存在或缺少评测集：{path}")
    questions, skipped = load_lawbench(path)
    assert (len(questions), skipped) == (100, 0)
    assert all(q.gold.law.endswith(("法", "办法")) and q.gold.article > 0 for q in questions)

"""The linear fusion ranker: features per candidate, weights from a file, fitting."""

from __future__ import annotations

import json

import numpy as np
import pytest

from eval.lawbench import EvalQuestion, GoldArticle
from eval.learned_fusion_cv import cross_fit, fit, prepare, ranker_scores
from indexing.hybrid_index import HybridIndex
from indexing.law_aware import LawAwareRetriever
from indexing.learned_fusion import FEATURES, LearnedRetriever, LinearRanker, candidates
from tests.indexing_fixtures import sample_records
from tests.test_indexing_hybrid import CONFIG


@pytest.fixture(scope="module")
def aware() -> LawAwareRetriever:
    return LawAwareRetriever(HybridIndex.build(sample_records(), None, CONFIG))


def only(feature: str) -> LinearRanker:
    weights = tuple(1.0 if name == feature else 0.0 for name in FEATURES)
    return LinearRanker(weights, {"fitted_on": "hand-set for a test"})


def test_features_of_every_candidate(aware):
    found = candidates(aware, "根据道路交通安全法，饮酒后驾驶机动车会受到什么处罚")
    assert found.features.shape == (len(found.hits), len(FEATURES))
    row = found.features[[h.law for h in found.hits].index("道路交通安全法")]
    values = dict(zip(FEATURES, row, strict=True))
    assert values["named"] == 1.0 and values["penalty"] == 1.0
    assert values["bm25_norm"] == pytest.approx(1.0)
    assert found.features.min() >= 0.0 and found.features.max() <= 1.0


def test_ranker_orders_by_its_weights(aware):
    question = "根据统计法，编造虚假统计数据会怎样处理"
    named_first = LearnedRetriever(aware, only("named")).retrieve(question, 3)
    assert named_first[0].law == "统计法"
    with pytest.raises(ValueError):
        LinearRanker((1.0,), {})


def test_a_named_law_comes_first_whatever_the_weights(aware):
    """No fitting set names its law, so a fitted ranker may weigh ``named`` at 0 (or
    the within-law list negatively): an explicit name still puts that law first."""
    question = "根据统计法，饮酒后驾驶机动车和编造虚假统计数据分别怎样处理"
    plain = LearnedRetriever(aware, only("bm25_rr")).retrieve(question, 10)
    laws = [hit.law for hit in plain]
    assert "统计法" in laws and "道路交通安全法" in laws
    assert all(law == "统计法" for law in laws[: laws.count("统计法")]), laws


def test_weights_file_round_trip_and_mismatch(tmp_path):
    ranker = only("bm25_rr")
    path = tmp_path / "fusion.json"
    ranker.save(path)
    assert LinearRanker.load(path) == ranker
    data = json.loads(path.read_text())
    data["features"] = ["bm25_rr"]
    path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="特征"):
        LinearRanker.load(path)


def question(text: str, law: str, number: int) -> EvalQuestion:
    return EvalQuestion(text, GoldArticle(law, number))


def test_fit_on_one_set_report_on_the_other(aware):
    train = prepare(
        aware,
        [
            question("饮酒后驾驶机动车的处罚", "道路交通安全法", 91),
            question("违法行为过了两年还罚吗", "行政处罚法", 36),
            question("什么情况下要组织听证", "行政处罚法", 63),
        ],
    )
    test = prepare(
        aware,
        [
            question("预包装食品是什么意思", "食品安全法", 150),
            question("主动消除危害后果的可以减轻行政处罚吗", "行政处罚法", 32),
        ],
    )
    ranker = fit(train, 1.0, {"fitted_on": "train"})
    assert np.isfinite(ranker.weights).all() and ranker.provenance["fitted_on"] == "train"
    assert ranker_scores(ranker, test)["hit@5"] == 1.0
    folds = cross_fit({"train": train, "test": test}, "pytest", c_grid=(1.0,))
    assert [fold["tuned_on"] for fold in folds] == ["train", "test"]

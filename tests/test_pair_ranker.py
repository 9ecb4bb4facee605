"""The pair ranker: its weights file, the hand weights it replaces, and its training."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from assistant.norm_links import NormGraphs
from assistant.norm_pairs import duty_of_penalty
from assistant.pair_ranker import PAIR_FEATURES, PairRanker
from eval.assist_eval import Situation
from eval.pair_ranker_training import CollectedSituation, train
from tests.conftest import ImportedCorpus


def _features(**named: float) -> tuple[float, ...]:
    return tuple(named.get(name, 0.0) for name in PAIR_FEATURES)


def test_hand_ranker_is_the_round_five_formula() -> None:
    """rank 0.25 each side, match 2 each side, link/level/route 0.5, restated 1."""
    f = _features(
        duty_rank=1.0,
        penalty_rank=0.5,
        duty_match=0.2,
        penalty_match=0.1,
        link=1.0,
        level=0.6,
        route=1.0,
        restated=0.3,
        facts=1.0,  # not in the hand formula
    )
    expected = 0.25 * 1.5 + 2.0 * 0.3 + 0.5 * 1.0 + 0.5 * 0.6 + 0.5 * 1.0 + 1.0 * 0.3
    assert PairRanker.hand().score(f) == pytest.approx(expected)


def test_weights_file_round_trips_and_names_its_training_sets(tmp_path: Path) -> None:
    ranker = PairRanker({"duty_match": 1.5, "facts": -0.5}, ("assist_fresh3",), {"l2": 0.01})
    path = tmp_path / "ranker.json"
    ranker.save(path)
    loaded = PairRanker.load(path)
    assert loaded.vector == ranker.vector and loaded.trained_on == ("assist_fresh3",)
    assert PairRanker.load(tmp_path / "missing.json").vector == PairRanker.hand().vector


def test_unknown_feature_is_refused() -> None:
    with pytest.raises(ValueError, match="未知特征"):
        PairRanker({"weather": 1.0})


def _situation(gold_facts: bool, rng: np.random.Generator) -> CollectedSituation:
    """Ten candidates; the gold one is the only FACTS pair, its retrieval rank random."""
    features = rng.uniform(0, 1, (10, len(PAIR_FEATURES)))
    facts = PAIR_FEATURES.index("facts")
    features[:, facts] = 0.0
    labels = np.zeros(10, dtype=bool)
    labels[3] = True
    features[3, facts] = 1.0 if gold_facts else 0.0
    s = Situation("x", "", "", date(2024, 1, 1), "heldout", ())
    return CollectedSituation("synthetic", s, False, features, [None] * 10, labels, [])


def test_training_learns_the_feature_that_marks_the_gold() -> None:
    rng = np.random.default_rng(0)
    situations = [_situation(True, rng) for _ in range(40)]
    prior = np.array(PairRanker.hand().vector)
    learned = train(situations, prior=prior)
    assert learned[PAIR_FEATURES.index("facts")] > 1.0
    top = [int(np.argmax(s.features @ learned)) for s in situations]
    assert sum(t == 3 for t in top) > 30


def test_a_cited_penalty_article_is_never_the_violated_duty(
    national_corpus: ImportedCorpus,
) -> None:
    """矿产资源法第四十五条 names 第三十九条 as the penalty to decide, not a duty broken."""
    store = national_corpus.store
    law = "矿产资源法"
    record = next((r for r in store.iter_articles([law]) if r.number == 45), None)
    if record is None:
        pytest.skip(f"语料中没有《{law}》第四十五条")
    unit = duty_of_penalty(NormGraphs(store), record, None, None, frozenset())
    assert unit is None or unit.record.number != 39

"""Per-category retrieval figures, category lookup, and the two-fold knob choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from eval.law_aware_cv import cross_validate
from eval.law_categories import LawCategories, categories_from_folder
from eval.lawbench import EvalQuestion, GoldArticle
from eval.retrieval_eval import by_category, evaluate_mode
from indexing.hybrid_index import HybridIndex
from indexing.law_aware import LawAwareConfig
from tests.indexing_fixtures import sample_records


def _touch(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# x\n", encoding="utf-8")


def test_categories_from_folder(tmp_path):
    _touch(tmp_path / "行政法" / "行政处罚法(2021-01-22).md")
    _touch(tmp_path / "社会法" / "妇女权益保障法(2022-10-30).md")
    _touch(tmp_path / "部门规章" / "公安部" / "道路交通安全违法行为处理程序规定(2020-04-07).md")
    _touch(tmp_path / "民法典" / "物权编.md")
    _touch(tmp_path / "行政法" / "_index.md")
    categories = categories_from_folder(tmp_path)
    assert categories["行政处罚法"] == "行政法"
    assert categories["妇女权益保障法"] == "社会法"
    assert categories["道路交通安全违法行为处理程序规定"] == "部门规章"
    assert categories["民法典"] == "民法典"
    assert "_index" not in categories


def test_category_lookup_falls_back_to_level_then_unknown():
    lookup = LawCategories({"行政处罚法": "行政法"}, {"行政处罚法": "法律", "某条例": "行政法规"})
    assert lookup.of("行政处罚法") == "行政法"
    assert lookup.of("某条例") == "行政法规"
    assert lookup.of("没有的法") == "未知"


def test_real_folder_categories(shared_dir: Path):
    categories = categories_from_folder(shared_dir / "data" / "laws")
    assert categories["行政处罚法"] == "行政法"
    assert categories["妇女权益保障法"] == "社会法"
    assert categories["证券法"] == "民法商法"
    assert categories["刑法"] == "刑法"


@pytest.fixture(scope="module")
def index() -> HybridIndex:
    return HybridIndex.build(sample_records(), embedder=None)


QUESTIONS = [
    EvalQuestion("违法行为二年内未被发现的，不再给予行政处罚", GoldArticle("行政处罚法", 36)),
    EvalQuestion("饮酒后驾驶机动车的处罚", GoldArticle("道路交通安全法", 91)),
    EvalQuestion("完全不相关的问题甲乙丙", GoldArticle("统计法", 9999)),
]


def test_by_category_splits_metrics_by_the_gold_law(index):
    result = evaluate_mode(index, QUESTIONS, "bm25")
    categories = LawCategories(
        {"行政处罚法": "行政法", "道路交通安全法": "行政法", "统计法": "经济法"}, {}
    )
    table = by_category(result, QUESTIONS, categories.of)
    assert list(table) == ["行政法", "经济法"]  # most questions first
    assert table["行政法"]["n"] == 2 and table["经济法"]["n"] == 1
    assert table["经济法"]["hit@10"] == 0.0
    overall = result.metrics["hit@10"]
    assert overall == pytest.approx((2 * table["行政法"]["hit@10"] + 0.0) / 3)


def test_progress_is_reported_per_question(index):
    ticks: list[int] = []
    evaluate_mode(index, QUESTIONS, "bm25", progress=ticks.append)
    assert ticks == [1, 1, 1]


def test_cross_validation_reports_each_choice_on_the_other_set(index):
    sets = {"a": QUESTIONS[:2], "b": QUESTIONS[1:]}
    grid = [LawAwareConfig.off(), LawAwareConfig(top_laws=1)]
    folds, baseline = cross_validate(index, sets, "bm25", grid)
    assert [fold.tuned_on for fold in folds] == ["a", "b"]
    assert baseline.config == grid[0]
    for fold in folds:
        assert set(fold.figures) == {"a", "b"} and fold.config in grid

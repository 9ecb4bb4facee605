"""``zhifa search --law-aware`` and ``zhifa eval retrieval`` over several sets, BM25 only."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_indexing_cli import PENALTY, STATISTICS, TRAFFIC, _write, cli  # noqa: F401


def _corpus(cli, tmp_path):  # noqa: F811 - the fixture is passed in
    laws = _write(tmp_path / "laws" / "行政法", "行政处罚法(2021-01-22).md", PENALTY)
    _write(laws, "道路交通安全法(2021-04-29).md", TRAFFIC)
    _write(tmp_path / "laws" / "经济法", "统计法(2024-09-13).md", STATISTICS)
    assert cli("corpus", "import", str(tmp_path / "laws")).exit_code == 0
    assert cli("index", "build", "--bm25-only").exit_code == 0


def test_search_law_aware_puts_the_named_law_first(cli, tmp_path):  # noqa: F811
    _corpus(cli, tmp_path)
    query = "根据统计法，负责人编造虚假数据、罚款怎么处理"
    found = cli("search", query, "--law-aware", "--mode", "bm25", "--all-versions", "--json")
    assert found.exit_code == 0, found.output
    hits = json.loads(found.stdout)
    assert hits[0]["law"] == "统计法" and hits[0]["article"] == 37


def test_eval_retrieval_reports_each_set_and_category(cli, tmp_path):  # noqa: F811
    _corpus(cli, tmp_path)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(
        json.dumps([{"question": "喝了酒开车", "answer": "根据《道路交通安全法》第九十一条"}]),
        encoding="utf-8",
    )
    second.write_text(
        json.dumps([{"question": "编造虚假统计数据", "answer": "根据统计法第三十七条"}]),
        encoding="utf-8",
    )
    args = ["eval", "retrieval", "--set", str(first), "--set", str(second)]
    report = cli(
        *args, "--law-aware", "--by-category", "--laws-dir", str(tmp_path / "laws"), "--json"
    )
    assert report.exit_code == 0, report.output
    payload = json.loads(report.stdout)
    assert set(payload) == {"a", "b"}
    assert set(payload["a"]) == {"bm25", "bm25+law"}
    assert set(payload["a"]["bm25+law"]["by_category"]) == {"行政法"}
    assert set(payload["b"]["bm25"]["by_category"]) == {"经济法"}
    missing = cli("eval", "retrieval", "--set", str(tmp_path / "none.json"))
    assert missing.exit_code == 1 and "找不到评测集" in missing.output


def test_law_aware_cv_with_law_cards_and_categories(cli, tmp_path):  # noqa: F811
    _corpus(cli, tmp_path)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text(
        json.dumps([{"question": "喝了酒开车", "answer": "根据《道路交通安全法》第九十一条"}]),
        encoding="utf-8",
    )
    second.write_text(
        json.dumps([{"question": "编造虚假统计数据", "answer": "根据统计法第三十七条"}]),
        encoding="utf-8",
    )
    args = ["eval", "law-aware-cv", "--set", str(first), "--set", str(second), "--cards"]
    report = cli(*args, "--laws-dir", str(tmp_path / "laws"), "--json")
    assert report.exit_code == 0, report.output
    payload = json.loads(report.stdout)
    assert [fold["tuned_on"] for fold in payload["folds"]] == ["a", "b"]
    assert "card_dense_weight" in payload["folds"][0]["config"]
    assert set(payload["folds"][1]["by_category"]["a"]) == {"行政法"}
    assert set(payload["baseline"]["by_category"]["b"]) == {"经济法"}


def test_search_law_aware_with_learned_fusion_weights(cli, tmp_path, monkeypatch):  # noqa: F811
    _corpus(cli, tmp_path)
    weights = Path(__file__).resolve().parents[1] / "indexing" / "weights"
    monkeypatch.setenv("ZHIFA_LAW_FUSION_WEIGHTS", str(weights / "learned-fusion-dev2.json"))
    query = "饮酒后驾驶机动车会受到什么处罚"
    found = cli("search", query, "--law-aware", "--mode", "bm25", "--all-versions", "--json")
    assert found.exit_code == 0, found.output
    hits = json.loads(found.stdout)
    assert hits[0]["law"] == "道路交通安全法" and hits[0]["article"] == 91
    monkeypatch.setenv("ZHIFA_LAW_FUSION_WEIGHTS", str(tmp_path / "missing.json"))
    broken = cli("search", query, "--law-aware", "--mode", "bm25", "--json")
    assert broken.exit_code == 1 and "融合权重文件" in broken.output

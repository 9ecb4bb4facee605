"""``zhifa eval assist``: pair metrics (lenient and strict unit matching) and the set loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings
from corpus.citation_resolver import CitationResolver
from corpus.store import CorpusStore
from eval.assist_eval import load_situations, metrics_of, procedural_metrics
from eval.assist_metrics import (
    GoldPair,
    PairAccuracy,
    RoleErrors,
    RoleHit,
    ShownPair,
    Unit,
    unit_hits,
)
from indexing.hybrid_index import HybridIndex
from tests.test_api_service import copy_database

W21 = Unit("水污染防治法", 21)
W21_1 = Unit("水污染防治法", 21, 0, 1)
W21_2 = Unit("水污染防治法", 21, 0, 2)
W83_1_1 = Unit("水污染防治法", 83, 0, 1, 1)
W83_1_3 = Unit("水污染防治法", 83, 0, 1, 3)
W83 = Unit("水污染防治法", 83)
W39 = Unit("水污染防治法", 39)
GOLD = (GoldPair((W21_1,), (W83_1_1,)),)


def test_unit_matching_rules() -> None:
    assert unit_hits(W21, W21_1) and unit_hits(W21_1, W21)  # coarser / finer, same article
    assert not unit_hits(W21_2, W21_1)  # sibling paragraphs
    assert not unit_hits(W83_1_3, W83_1_1)
    assert unit_hits(W83_1_1, W83_1_1, strict=True)
    assert not unit_hits(W83, W83_1_1, strict=True)


def test_pair_accuracy_needs_both_sides_in_one_pair() -> None:
    shown = [
        [ShownPair(W39, W83_1_1), ShownPair(W21_1, W83_1_3), ShownPair(W21, W83)],
        [ShownPair(W39, W83_1_3)],
    ]
    gold = [GOLD, GOLD]
    assert PairAccuracy(1).run(shown, gold)["score"] == pytest.approx(0.0)
    assert PairAccuracy(3).run(shown, gold)["individual_scores"] == [1.0, 0.0]
    assert PairAccuracy(3, strict=True).run(shown, gold)["score"] == pytest.approx(0.0)


def test_role_hits_and_role_errors() -> None:
    shown = [[ShownPair(W39, W83_1_1)], [ShownPair(W83_1_1, W21_1)]]
    gold = [GOLD, GOLD]
    assert RoleHit("violated", 3).run(shown, gold)["score"] == pytest.approx(0.0)
    assert RoleHit("penalty", 3).run(shown, gold)["score"] == pytest.approx(0.5)
    errors = RoleErrors(3).run(shown, gold)
    assert errors["score"] == pytest.approx(0.5) and errors["errors"] == 2


def test_a_unit_gold_in_both_roles_is_in_no_wrong_role() -> None:
    """治安管理处罚法第五十七条 states the act and its penalty: (57, 57) is no role error."""
    both = Unit("治安管理处罚法", 57, paragraph=1)
    gold = (GoldPair((both,), (both,)),)
    assert RoleErrors(3).count_one([ShownPair(both, both)], gold) == 0
    assert RoleErrors(3).count_one([ShownPair(W83_1_1, W21_1)], (GOLD[0],)) == 2


def test_metrics_report_lenient_and_strict() -> None:
    metrics = metrics_of([[ShownPair(W21, W83)]], [GOLD])
    assert metrics["lenient"]["pair_acc@1"] == pytest.approx(1.0)
    assert metrics["strict"]["pair_acc@1"] == pytest.approx(0.0)


SITUATIONS = [
    {
        "id": "T1",
        "domain": "生态环境",
        "situation": "某企业未取得排污许可证排放废水",
        "act_date": "2024-06-01",
        "gold": {
            "violated": "《中华人民共和国水污染防治法》第二十一条第一款",
            "penalty": "《中华人民共和国水污染防治法》第八十三条第（一）项",
        },
        "also_accept": {"violated": [], "penalty": []},
        "split": "dev",
    },
    {
        "id": "T2",
        "domain": "道路交通",
        "situation": "司机喝了酒以后开车上路被查",
        "act_date": "2024-06-01",
        "gold": {
            "violated": ["《道路交通安全法》第二十二条第二款"],
            "penalty": "《道路交通安全法》第九十一条第一款",
        },
        "also_accept": [],
        "split": "heldout",
    },
    {
        "id": "T4",
        "domain": "程序",
        "kind": "procedural",
        "situation": "行政处罚决定书应当在几日内送达当事人？",
        "act_date": "2024-06-01",
        "gold": None,
        "split": "dev",
    },
    {
        "id": "T3",
        "domain": "无",
        "situation": "不存在的法",
        "act_date": "2024-06-01",
        "gold": {"violated": "《不存在法》第一条", "penalty": "《不存在法》第二条"},
        "split": "dev",
    },
]


def test_loader_resolves_golds_and_names_what_it_skips(
    default_store: CorpusStore, tmp_path: Path
) -> None:
    path = tmp_path / "situations.json"
    path.write_text(json.dumps(SITUATIONS, ensure_ascii=False), encoding="utf-8")
    loaded = load_situations(path, CitationResolver(default_store))
    assert [s.id for s in loaded.situations] == ["T1", "T2", "T4"]
    assert loaded.situations[2].procedural and loaded.situations[2].gold == ()
    assert loaded.skipped and loaded.skipped[0].startswith("T3")
    assert loaded.situations[0].gold[0].penalty == (W83_1_1,)


def _bm25_eval_env(
    settings: Settings, store: CorpusStore, tmp_path: Path
) -> tuple[Path, dict[str, str]]:
    """A data dir with the default corpus, a BM25-only index and the situations file."""
    copy_database(settings, tmp_path)
    HybridIndex.build(store.iter_articles(), embedder=None).save(tmp_path / "index")
    path = tmp_path / "situations.json"
    path.write_text(json.dumps(SITUATIONS, ensure_ascii=False), encoding="utf-8")
    return path, {"ZHIFA_DATA_DIR": str(tmp_path)}


def test_eval_assist_command_reports_each_split(
    default_settings: Settings, default_store: CorpusStore, tmp_path: Path
) -> None:
    path, env = _bm25_eval_env(default_settings, default_store, tmp_path)
    result = CliRunner().invoke(app, ["eval", "assist", "--set", str(path), "--json"], env=env)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert list(report["splits"]) == ["dev", "heldout"] and report["mode"] == "bm25"
    assert report["splits"]["dev"]["lenient"]["pair_acc@3"] == pytest.approx(1.0)
    assert report["splits"]["dev"]["n"] == 1  # the procedural item is not a pair item
    assert report["splits"]["dev"]["procedural"]["false_pair_rate"] == pytest.approx(0.0)
    assert report["items"] == []  # no per-item details unless asked
    bad = CliRunner().invoke(app, ["eval", "assist", "--set", str(path), "--split", "x"], env=env)
    assert bad.exit_code != 0 and "--split" in bad.output


def test_procedural_items_score_correct_only_without_pairs() -> None:
    metrics = procedural_metrics([[], [ShownPair(W21, W83), ShownPair(W39, W83)], []])
    assert metrics["n"] == 3 and metrics["false_pairs"] == 2
    assert metrics["no_pair"] == pytest.approx(2 / 3)
    assert metrics["false_pair_rate"] == pytest.approx(1 / 3)


def test_a_procedural_item_with_a_gold_pair_is_refused(
    default_store: CorpusStore, tmp_path: Path
) -> None:
    item = {**SITUATIONS[0], "id": "T5", "kind": "procedural"}
    path = tmp_path / "situations.json"
    path.write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")
    loaded = load_situations(path, CitationResolver(default_store))
    assert not loaded.situations and "null" in loaded.skipped[0]


def test_eval_pair_ranker_trains_on_one_split_and_reports_the_other(
    default_settings: Settings, default_store: CorpusStore, tmp_path: Path
) -> None:
    path, env = _bm25_eval_env(default_settings, default_store, tmp_path)
    out = tmp_path / "ranker.json"
    args = ["eval", "pair-ranker", "--train", f"{path}:dev", "--report", f"{path}:heldout"]
    result = CliRunner().invoke(app, [*args, "--out", str(out), "--json"], env=env)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    roles = {name: figures["role"] for name, figures in report["sets"].items()}
    assert sorted(roles.values()) == ["report", "train"]
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["trained_on"] == report["trained_on"] and set(saved["weights"]) <= set(
        saved["features"]
    )
    bad = CliRunner().invoke(app, ["eval", "pair-ranker", "--train", f"{path}:x"], env=env)
    assert bad.exit_code != 0 and "dev 或 heldout" in bad.output

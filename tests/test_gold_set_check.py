"""The shared gold-set check: shipped sets pass, and each kind of defect is reported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corpus.citation_resolver import CitationResolver
from eval.gold_set_check import (
    AssistSetRules,
    check_assist_set,
    check_retrieval_set,
    check_review_set,
)
from tests.conftest import REPO_ROOT, ImportedCorpus

SETS = REPO_ROOT / "eval" / "sets"
BLIND_ASSIST_SETS = sorted(SETS.glob("assist_fresh*/situations.json"))
COVER_SETS = sorted(SETS.glob("assist_cover*/situations.json"))


@pytest.fixture(scope="module")
def resolver(national_corpus: ImportedCorpus) -> CitationResolver:
    return CitationResolver(national_corpus.store)


@pytest.mark.parametrize("path", BLIND_ASSIST_SETS, ids=lambda p: p.parent.name)
def test_blind_assist_sets_pass(path: Path, resolver: CitationResolver) -> None:
    report = check_assist_set(path, resolver)
    assert report.ok, report.problems[:5]
    assert report.counts["procedural"] >= 5  # every blind set also tests the no-pair answer


def test_coverage_set_passes() -> None:
    """assist_cover1 feeds the verified-situation memory: same checks, no procedural part."""
    assert COVER_SETS, "eval/sets/assist_cover*/situations.json missing"


@pytest.mark.parametrize("path", COVER_SETS, ids=lambda p: p.parent.name)
def test_coverage_sets_pass(path: Path, resolver: CitationResolver) -> None:
    report = check_assist_set(path, resolver)
    assert report.ok, report.problems[:5]


def test_team_assist_set_passes_with_its_own_rules(resolver: CitationResolver) -> None:
    rules = AssistSetRules(frozenset({"dev", "heldout"}), distinct_pairs=False)
    report = check_assist_set(SETS / "assist" / "situations.json", resolver, rules)
    assert report.ok, report.problems[:5]
    blind_rules = check_assist_set(SETS / "assist" / "situations.json", resolver)
    assert any("split" in problem for problem in blind_rules.problems)


@pytest.mark.parametrize(
    ("name", "items"),
    [("retrieval_fresh", 157), ("retrieval_fresh2", 168), ("retrieval_fresh3", 120)],
)
def test_retrieval_sets_pass(
    name: str, items: int, resolver: CitationResolver, shared_dir: Path
) -> None:
    report = check_retrieval_set(
        SETS / name / "questions.json", resolver, shared_dir / "data" / "laws"
    )
    assert report.ok, report.problems[:5]
    assert report.counts["items"] == items


def test_assist_defects_are_named(tmp_path: Path, resolver: CitationResolver) -> None:
    items = json.loads((SETS / "assist_fresh3" / "situations.json").read_text(encoding="utf-8"))
    broken = [dict(items[0]), dict(items[1]), dict(items[2])]
    broken[1]["gold"] = dict(broken[0]["gold"])
    broken[2]["gold"] = {**broken[2]["gold"], "penalty": "《中华人民共和国食品安全法》第九百条"}
    path = tmp_path / "situations.json"
    path.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    shape = check_assist_set(path, resolver)
    assert shape.problems == [f"{broken[1]['id']}: gold 与 {broken[0]['id']} 相同"]
    broken[1] = items[1]
    path.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    unresolved = check_assist_set(path, resolver)
    assert len(unresolved.problems) == 1
    assert unresolved.problems[0].startswith(f"{broken[2]['id']} gold.penalty")


def test_review_defects_are_named(tmp_path: Path, resolver: CitationResolver) -> None:
    source = sorted((SETS / "review_fresh2").glob("*.yaml"))[8]
    text = source.read_text(encoding="utf-8")
    shutil.copy(source, tmp_path / "ok.yaml")
    (tmp_path / "bad_point.yaml").write_text(
        text.replace("point: authority", "point: authorty", 1), encoding="utf-8"
    )
    uncommented = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    (tmp_path / "no_comment.yaml").write_text(uncommented, encoding="utf-8")
    report = check_review_set(tmp_path, resolver)
    assert report.counts["files"] == 3
    assert [p.split(":")[0] for p in report.problems] == ["bad_point.yaml", "no_comment.yaml"]

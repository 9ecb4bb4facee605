"""The per-file regression tool: folders found, and a change reported where it happened."""

from __future__ import annotations

from pathlib import Path

from eval.review_regression import describe, diff, review_folders


def _set(files: dict) -> dict:
    return {
        "precision": 1.0,
        "recall": 1.0,
        "tp": 1,
        "fp": 0,
        "fn": 0,
        "clean_flagged": 0,
        "files": files,
    }


def test_folders_include_sub_folders_and_team_cases(tmp_path: Path) -> None:
    sets = tmp_path / "sets"
    (sets / "review_a").mkdir(parents=True)
    (sets / "review_a" / "x.yaml").write_text("{}", encoding="utf-8")
    (sets / "review_b" / "tune").mkdir(parents=True)
    (sets / "review_b" / "briefs").mkdir()
    (sets / "assist_c").mkdir()
    team = tmp_path / "team"
    team.mkdir()
    found = review_folders(sets, team)
    assert found == [sets / "review_a", sets / "review_b" / "tune", team]


def test_diff_names_the_file_and_the_finding() -> None:
    finding = ["law", "《中华人民共和国行政处罚法》第三十三条"]
    before = {"s": _set({"f.yaml": {"missed": [finding], "unexpected": [], "flags": []}})}
    after_files = {"f.yaml": {"missed": [], "unexpected": [], "flags": [finding]}}
    after = {"s": {**_set(after_files), "tp": 2}, "t": _set({})}
    lines = diff(before, after)
    assert lines[0].startswith("s: P/R")
    assert any("f.yaml missed" in line and "第三十三条" in line for line in lines)
    assert lines[-1].startswith("t: new set")
    assert diff(before, before) == []


def test_describe_lists_each_files_misses_and_unexpected_findings() -> None:
    missed = ["facts", "《中华人民共和国行政处罚法》第四十条"]
    extra = ["law", "《中华人民共和国行政处罚法》第三十三条"]
    files = {
        "a.yaml": {"missed": [missed], "unexpected": [], "flags": []},
        "b.yaml": {"missed": [], "unexpected": [extra], "flags": [extra]},
        "c.yaml": {"missed": [], "unexpected": [], "flags": []},
    }
    lines = describe("s", _set(files))
    assert lines[0].startswith("s\tP 1.0\tR 1.0\tTP 1 FP 0 FN 0")
    assert lines[1:] == [
        "  a.yaml\t漏报\tfacts\t《中华人民共和国行政处罚法》第四十条",
        "  b.yaml\t误报\tlaw\t《中华人民共和国行政处罚法》第三十三条",
    ]

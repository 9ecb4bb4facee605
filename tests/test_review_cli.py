"""``zhifa review``: JSON shape, the example, the opinion, bad case files; ``zhifa eval review``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from docx import Document
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings
from assistant.case_file import CaseFileError, load_case
from corpus.store import CorpusStore

CASES_DIR = Path(__file__).parent / "review_cases"


@pytest.fixture(scope="module")
def env(default_settings: Settings, default_store: CorpusStore) -> dict[str, str]:
    return {"ZHIFA_DATA_DIR": str(default_settings.data_dir)}


def run(env: dict[str, str], *args: str):
    return CliRunner().invoke(app, list(args), env=env)


def test_example_prints_a_clean_case_that_reviews_clean(
    env: dict[str, str], tmp_path: Path
) -> None:
    result = run(env, "review", "--example")
    assert result.exit_code == 0
    path = tmp_path / "example.yaml"
    path.write_text(result.stdout, encoding="utf-8")
    reviewed = run(env, "review", str(path), "--json")
    assert reviewed.exit_code == 0, reviewed.output
    assert json.loads(reviewed.stdout)["flags"] == []


def test_json_shape(env: dict[str, str]) -> None:
    result = run(env, "review", str(CASES_DIR / "m01_multi_officer_hearing_seal.yaml"), "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert {"major", "major_reasons", "flags"} <= set(payload)
    assert isinstance(payload["major"], bool) and payload["major_reasons"]
    assert len(payload["flags"]) == 3
    for flag in payload["flags"]:
        assert set(flag) == {"point", "severity", "reason", "rule", "also_cites", "evidence"}
        assert flag["severity"] in ("must_fix", "check", "note")


def test_opinion_text_and_docx(env: dict[str, str], tmp_path: Path) -> None:
    clean = run(env, "review", str(CASES_DIR / "c01_clean_water_permit.yaml"))
    assert clean.exit_code == 0 and "审核意见" in clean.stdout and "同意" in clean.stdout
    out = tmp_path / "opinion.docx"
    result = run(
        env,
        "review",
        str(CASES_DIR / "d09_proc_hearing_right_not_stated.yaml"),
        "--opinion",
        str(out),
    )
    assert result.exit_code == 0, result.output
    assert "存在问题" in result.stdout and "第六十三条第一款" in result.stdout
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "法制审核意见书" in text and "第六十三条第一款" in text


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["violation"].update(date="2023-13-45"), "violation.date"),
        (lambda d: d.pop("agency"), "agency"),
        (lambda d: d["events"][0].update(type="开会"), "events.0.type"),
        (lambda d: d["penalty"].update(amount="很多"), "penalty.amount"),
    ],
)
def test_bad_case_file_is_one_chinese_line_naming_the_field(
    env: dict[str, str], tmp_path: Path, change, field: str
) -> None:
    data = yaml.safe_load((CASES_DIR / "c01_clean_water_permit.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = run(env, "review", str(path), "--json")
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and field in lines[0]
    with pytest.raises(CaseFileError):
        load_case(path)


def test_unreadable_files(env: dict[str, str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"case_id": ', encoding="utf-8")
    result = run(env, "review", str(broken))
    assert result.exit_code != 0 and "JSON" in result.stderr
    missing = run(env, "review", str(tmp_path / "none.yaml"))
    assert missing.exit_code != 0 and "不存在" in missing.stderr


def test_eval_command(env: dict[str, str]) -> None:
    result = run(env, "eval", "review", str(CASES_DIR), "--json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["files"] >= 30 and "per_point" in payload


def test_eval_command_names_a_missing_folder(env: dict[str, str], tmp_path: Path) -> None:
    result = run(env, "eval", "review", str(tmp_path / "none"))
    assert result.exit_code == 1 and "评测目录不存在" in result.stderr

"""``zhifa cases``: init, import, search, show, stats, and ``zhifa eval cases``, through the real CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cases_fixtures import PERSON, SHIPPED_CAIL, SHIPPED_CASES, write_decision_docx
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings
from corpus.store import CorpusStore


@pytest.fixture(scope="module")
def cli_env(
    tmp_path_factory: pytest.TempPathFactory, default_settings: Settings, default_store: CorpusStore
) -> dict[str, str]:
    """A data dir holding a copy of the default corpus, and a small shipped-cases folder."""
    root = tmp_path_factory.mktemp("cases-cli")
    shutil.copy(default_settings.data_dir / "zhifa.db", root / "zhifa.db")
    cases = root / "shipped"
    shutil.copytree(SHIPPED_CASES / "court-cases", cases / "court-cases")
    lines = SHIPPED_CAIL.read_bytes().splitlines(keepends=True)
    (cases / "cail.json").write_bytes(b"".join(lines[::30]))
    return {"ZHIFA_DATA_DIR": str(root), "ZHIFA_CASES_DIR": str(cases)}


def _run(env: dict[str, str], *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def test_init_import_search_show_stats(cli_env: dict[str, str], tmp_path: Path) -> None:
    code, out, _ = _run(cli_env, "cases", "init", "--no-dense", "--json")
    assert code == 0, out
    first = json.loads(out)
    assert first["added"] == 52 + 123 and first["index_built"]
    code, out, _ = _run(cli_env, "cases", "init", "--no-dense", "--json")
    assert json.loads(out)["added"] == 0
    decision = write_decision_docx(tmp_path / "决定书.docx")
    code, out, _ = _run(cli_env, "cases", "import", str(decision), "--no-dense", "--json")
    assert code == 0 and json.loads(out)["by_kind"] == {"处罚决定": 1}

    code, out, _ = _run(
        cli_env, "cases", "search", "喷漆废气未经收集处理直接排放", "--mode", "bm25", "--json"
    )
    assert code == 0
    results = json.loads(out)
    assert results[0]["kind"] == "处罚决定" and results[0]["shared_terms"]
    assert PERSON not in out

    code, out, _ = _run(cli_env, "cases", "show", results[0]["case_id"], "--json")
    shown = json.loads(out)
    assert code == 0 and PERSON not in out and shown["penalty"]["fine_yuan"] == 50000

    code, out, _ = _run(cli_env, "cases", "stats", "--json")
    assert json.loads(out)["by_kind"] == {"判决": 52, "刑事案例": 123, "处罚决定": 1}


def test_errors_are_one_chinese_line(cli_env: dict[str, str]) -> None:
    code, _, err = _run(cli_env, "cases", "show", "xs-000000000000")
    assert code == 1 and err.startswith("错误：没有编号为")
    code, _, err = _run(cli_env, "cases", "search", "盗窃", "--kind", "行政复议")
    assert code == 1 and "未知的案例类型" in err


def test_eval_reports_baseline_and_ours(cli_env: dict[str, str]) -> None:
    code, out, _ = _run(cli_env, "eval", "cases", "--n", "30", "--no-dense", "--json")
    assert code == 0
    report = json.loads(out)
    assert [r["mode"] for r in report["results"]] == ["plain_bm25", "bm25"]
    assert all(0 < r["precision_at_k"] <= 1 for r in report["results"])

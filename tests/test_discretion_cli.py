"""``zhifa discretion`` end to end through typer's runner."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from api.cli import app

runner = CliRunner()


def test_coverage_command_lists_unparsed_rows() -> None:
    result = runner.invoke(app, ["discretion", "coverage"])
    assert result.exit_code == 0, result.output
    assert "江门裁量表：违法行为 165 项" in result.output
    assert "未解析 JM-5-3" in result.output


def test_evaluate_json() -> None:
    result = runner.invoke(app, ["discretion", "evaluate", "JM-2-11", "--qty", "吨=15", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert (payload["range_min_yuan"], payload["range_max_yuan"]) == (200_000, 400_000)


def test_search_by_article_and_unknown_id() -> None:
    result = runner.invoke(
        app, ["discretion", "search", "--law", "水污染防治法", "--article", "第八十三条"]
    )
    assert result.exit_code == 0 and "JM-2-5" in result.output
    missing = runner.invoke(app, ["discretion", "show", "JM-99-99"])
    assert missing.exit_code != 0

"""The command-line contract: Chinese messages, exit codes and the documented JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data_dir = tmp_path_factory.mktemp("cli")
    environment = {"ZHIFA_DATA_DIR": str(data_dir)}
    result = CliRunner().invoke(app, ["corpus", "init", "--no-national"], env=environment)
    assert result.exit_code == 0, result.output
    return environment


def run(env: dict[str, str], *args: str):
    return CliRunner().invoke(app, list(args), env=env)


def test_cite_json_shape(env: dict[str, str]) -> None:
    result = run(
        env,
        "cite",
        "《中华人民共和国行政处罚法》第三十二条第一款第（二）项",
        "--date",
        "2023-05-01",
        "--json",
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert {k: payload[k] for k in ("law", "version", "article", "paragraph", "item")} == {
        "law": "行政处罚法",
        "version": "2021-07-15",
        "article": 32,
        "paragraph": 1,
        "item": 2,
    }
    assert payload["citation"] == "《中华人民共和国行政处罚法》第三十二条第一款第（二）项"
    assert payload["text"] == "（二）受他人胁迫或者诱骗实施违法行为的；"


def test_cite_whole_article_has_null_paragraph(env: dict[str, str]) -> None:
    payload = json.loads(run(env, "cite", "行政处罚法第32条", "--json").stdout)
    assert payload["paragraph"] is None and payload["item"] is None
    assert payload["text"].startswith("当事人有下列情形之一")


def test_cite_list_prints_a_json_list(env: dict[str, str]) -> None:
    payload = json.loads(run(env, "cite", "《环境保护法》第五十九条、第六十条", "--json").stdout)
    assert [p["article"] for p in payload] == [59, 60]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["cite", "行政处罚法第90条"], "共86条"),
        (["cite", "行政处罚法第32条", "--date", "2020-01-01"], "尚未施行"),
        (["cite", "行政处罚法第32条", "--date", "2023/05/01"], "日期格式"),
        (["cite", "不存在法第一条"], "语料库中没有"),
        (["corpus", "import", "/nonexistent/path"], "路径不存在"),
    ],
)
def test_failures_exit_non_zero_with_one_line(
    env: dict[str, str], args: list[str], fragment: str
) -> None:
    result = run(env, *args)
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and fragment in lines[0]


def test_human_output_and_versions(env: dict[str, str]) -> None:
    result = run(env, "cite", "行政处罚法第三条")
    assert result.exit_code == 0
    assert "《中华人民共和国行政处罚法》第三条（2021-07-15 起施行的版本）" in result.stdout
    versions = json.loads(run(env, "corpus", "versions", "统计法", "--json").stdout)
    assert [v["version"] for v in versions] == ["2010-01-01", "2024-09-13"]


def test_stats_and_import(env: dict[str, str], tmp_path: Path) -> None:
    stats = json.loads(run(env, "corpus", "stats", "--json").stdout)
    assert stats["laws"] >= 25 and stats["articles"] > 3000
    text = tmp_path / "示例条例.txt"
    text.write_text(
        "示例条例\n2024年1月1日 公布\n第一条 为了测试，制定本条例。\n第二条 本条例自公布之日起施行。\n",
        encoding="utf-8",
    )
    result = run(env, "corpus", "import", str(text), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["versions_written"] == 1
    assert (
        json.loads(run(env, "cite", "示例条例第二条", "--json").stdout)["version"] == "2024-01-01"
    )


def test_help_is_chinese(env: dict[str, str]) -> None:
    result = run(env, "--help")
    assert "执法智助" in result.stdout and "cite" in result.stdout


def test_usage_errors_are_one_chinese_line(env: dict[str, str]) -> None:
    for args, fragment in [
        (["cite"], "缺少参数"),
        (["cite", "x", "--bogus"], "没有选项"),
        (["nosuch"], "没有命令"),
    ]:
        result = run(env, *args)
        assert result.exit_code == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("错误：") and fragment in lines[0]


def test_help_words_are_chinese(env: dict[str, str]) -> None:
    result = run(env, "cite", "--help")
    assert (
        "用法：" in result.stdout
        and "显示帮助信息并退出" in result.stdout
        and "选项" in result.stdout
    )

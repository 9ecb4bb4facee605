"""``zhifa index build|update|stats``, ``zhifa search`` and ``zhifa eval retrieval`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app

PENALTY = """# 中华人民共和国行政处罚法

2021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订

<!-- INFO END -->

## 第二章 行政处罚的种类和设定

第九条 行政处罚的种类：

（一）警告、通报批评；

（二）罚款、没收违法所得、没收非法财物；

（三）暂扣许可证件、降低资质等级、吊销许可证件。

## 第四章 行政处罚的管辖和适用

第三十六条 违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。法律另有规定的除外。
"""

TRAFFIC = """# 中华人民共和国道路交通安全法

2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议修正

<!-- INFO END -->

## 第七章 法律责任

第九十一条 饮酒后驾驶机动车的，处暂扣六个月机动车驾驶证，并处一千元以上二千元以下罚款。

醉酒驾驶机动车的，由公安机关交通管理部门约束至酒醒，吊销机动车驾驶证，依法追究刑事责任。
"""

STATISTICS = """# 中华人民共和国统计法

2024年9月13日第十四届全国人民代表大会常务委员会第十一次会议修正

<!-- INFO END -->

## 第六章 法律责任

第三十七条 地方人民政府、政府统计机构的负责人自行修改统计资料、编造虚假统计数据的，依法给予处分。
"""


@pytest.fixture()
def cli(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHIFA_DATA_DIR", str(tmp_path / "var"))
    runner = CliRunner()

    def invoke(*args: str):
        result = runner.invoke(app, list(args))
        return result

    return invoke


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_build_search_update_stats_eval(cli, tmp_path):
    laws = _write(tmp_path / "laws", "行政处罚法(2021-01-22).md", PENALTY)
    _write(laws, "道路交通安全法(2021-04-29).md", TRAFFIC)
    assert cli("corpus", "import", str(laws)).exit_code == 0

    built = cli("index", "build", "--json")
    assert built.exit_code == 0, built.output
    assert json.loads(built.stdout[built.stdout.index("{") :])["articles"] == 3

    found = cli("search", "饮酒后开车怎么处罚", "-k", "2", "--json", "--all-versions")
    assert found.exit_code == 0, found.output
    hits = json.loads(found.stdout)
    assert hits[0]["law"] == "道路交通安全法" and hits[0]["article"] == 91
    assert hits[0]["citation"] == "《道路交通安全法》第九十一条"
    assert set(hits[0]) == {"law", "version", "article", "citation", "text", "scores"}
    assert set(hits[0]["scores"]) == {"bm25", "dense", "hybrid"}

    only_law = cli(
        "search", "处罚", "--law", "中华人民共和国行政处罚法", "--json", "--all-versions"
    )
    assert {h["law"] for h in json.loads(only_law.stdout)} == {"行政处罚法"}

    _write(laws, "统计法(2024-09-13).md", STATISTICS)
    assert cli("corpus", "import", str(laws)).exit_code == 0
    updated = cli("index", "update", "--json")
    assert updated.exit_code == 0, updated.output
    summary = json.loads(updated.stdout[updated.stdout.index("{") :])
    assert summary["articles"] == 4
    assert summary["build"]["embed"]["embedded"] == 1  # only the new article
    assert "已是最新" in cli("index", "update").stdout

    stats = cli("index", "stats", "--json")
    assert json.loads(stats.stdout)["model"]["backend"] == "onnx-q4"

    eval_set = tmp_path / "dev.json"
    eval_set.write_text(
        json.dumps(
            [
                {
                    "question": "喝了酒开车被查到会怎样",
                    "answer": "根据《道路交通安全法》第九十一条……",
                },
                {
                    "question": "违法行为过了多久就不罚了",
                    "answer": "根据行政处罚法第三十六条的规定……",
                },
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    report = cli("eval", "retrieval", "--set", str(eval_set), "--json")
    assert report.exit_code == 0, report.output
    metrics = json.loads(report.stdout)
    # hybrid is the default (learned) fusion; hybrid-rrf the index's own RRF beside it
    assert set(metrics) == {"bm25", "dense", "hybrid", "hybrid-rrf"}
    assert set(metrics["hybrid"]) == {
        "hit@1",
        "hit@5",
        "hit@10",
        "mrr@10",
        "ndcg@10",
        "latency_ms_p50",
        "latency_ms_p95",
    }
    assert metrics["hybrid"]["hit@5"] == 1.0


def test_errors_are_one_chinese_line(cli, tmp_path):
    missing = cli("search", "处罚")
    assert missing.exit_code != 0 and "zhifa index build" in missing.output
    assert "日期格式" in cli("search", "处罚", "--date", "2024/01/01").output
    assert "法规库为空" in cli("index", "build").output

"""``zhifa eval run`` / ``compare`` end to end on a tiny BM25 config, and the HTML renders.

Two configurations over real statutes from corpus/data: one indexes three laws, the
other two of them, so the per-question wins/losses and the comparison have flips.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from eval.report_compare import compare_reports, format_comparison
from eval.report_html import render_html

LAWS = Path(__file__).resolve().parent.parent / "corpus" / "data" / "laws" / "行政法"
CONFIGS = Path(__file__).resolve().parent.parent / "eval" / "configs"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
QUESTIONS = [
    ("s01", "司机喝了酒开车被交警查到，要怎么处罚？", "道路交通安全法", 91),
    ("s02", "违法行为过了两年才被发现，还能不能给予行政处罚？", "行政处罚法", 36),
    ("s03", "拟作出较大数额罚款，当事人有权要求听证吗？", "行政处罚法", 63),
    ("s08", "查封扣押财物最长可以多少天？能否延长？", "行政强制法", 25),
    ("s15", "未满十四周岁的孩子违法了，要不要行政处罚？", "行政处罚法", 30),
]


def _corpus(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True)
    for name in names:
        shutil.copy(next(LAWS.glob(f"{name}(*).md")), folder)
    return folder


@pytest.fixture(scope="module")
def report_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("eval-report")
    three = _corpus(root / "three", ["行政处罚法", "道路交通安全法", "行政强制法"])
    two = _corpus(root / "two", ["行政处罚法", "道路交通安全法"])
    gold = root / "questions.jsonl"
    gold.write_text(
        "".join(
            json.dumps(
                {
                    "id": i,
                    "question": q,
                    "gold": [{"law": law, "article": n}],
                    "date": "2024-06-01",
                },
                ensure_ascii=False,
            )
            + "\n"
            for i, q, law, n in QUESTIONS
        ),
        encoding="utf-8",
    )
    config = {
        "title": "小型评测",
        "seed": 7,
        "configurations": [
            {
                "name": "三部法律",
                "corpus_dir": str(three),
                "embedding_backend": "none",
                "mode": "bm25",
            },
            {
                "name": "两部法律",
                "corpus_dir": str(two),
                "embedding_backend": "none",
                "mode": "bm25",
            },
        ],
        "benchmarks": {
            "retrieval": [
                {"name": "法规问答", "path": "questions.jsonl"},
                {"name": "缺失的评测集", "path": "absent.jsonl"},
            ],
            "discretion": {"path": str(CONFIGS / "discretion_cases.jsonl")},
        },
    }
    (root / "config.yaml").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    out = root / "out"
    result = CliRunner().invoke(
        app,
        ["eval", "run", str(root / "config.yaml"), "--out", str(out), "--json"],
        env={"ZHIFA_DATA_DIR": str(root / "var")},
    )
    assert result.exit_code == 0, result.output
    # every stage is announced on stderr, so a long run is never silent
    for stage in ("准备配置 三部法律", "检索评测 两部法律 / 法规问答：", "裁量基准评测"):
        assert stage in result.stderr
    return out


def test_report_json_records_metrics_and_reproducibility(report_dir: Path) -> None:
    report = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    env = report["environment"]
    assert env["seed"] == 7 and env["packages"]["numpy"] and "commit" in env["git"]
    three, two = report["configurations"]
    assert three["corpus_hash"] != two["corpus_hash"] and three["laws"] == 3
    result = three["results"]["retrieval"]["法规问答"]
    assert result["questions"] == 5 and len(result["latencies_ms"]) == 5
    assert set(result["metrics"]) >= {"hit@1", "recall@10", "mrr@10", "ndcg@10"}
    assert result["throughput_qps"] > 0
    ranks = {
        row["id"]: row["rank"] for row in two["results"]["retrieval"]["法规问答"]["per_question"]
    }
    assert ranks["s08"] is None  # 行政强制法 is not in the two-law corpus
    assert {s["benchmark"] for s in report["skipped"]} == {"retrieval:缺失的评测集"}
    assert report["shared"]["discretion"]["cases"] == 5


def test_html_renders_in_headless_chromium(report_dir: Path) -> None:
    page = (report_dir / "report.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") >= 2 and "http://" not in page
    assert "逐题胜负" in page and "行政强制法第25条" in page
    if not Path(CHROMIUM).exists():
        pytest.skip("未安装 chromium（make browser），跳过截图检查")
    shot = report_dir / "report.png"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--hide-scrollbars",
            "--window-size=1280,2400",
            f"--screenshot={shot}",
            (report_dir / "report.html").as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    from matplotlib import image

    pixels = image.imread(str(shot))
    assert pixels.shape[0] >= 1000 and pixels.shape[1] >= 1000
    assert pixels.std() > 0.05  # text, tables and plots, not a blank page


def test_compare_reports_shows_deltas_and_flips(report_dir: Path, tmp_path: Path) -> None:
    report = json.loads((report_dir / "report.json").read_text(encoding="utf-8"))
    before, after = copy.deepcopy(report), copy.deepcopy(report)
    before["configurations"] = report["configurations"][:1]
    after["configurations"] = report["configurations"][1:]
    comparison = compare_reports(before, after)
    retrieval = comparison["pairs"][0]["retrieval"]["法规问答"]
    assert [item["id"] for item in retrieval["lost"]] == ["s08"]
    assert retrieval["metrics"]["hit@10"]["delta"] < 0
    assert "新丢失 1 题" in format_comparison(comparison)
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "report.json").write_text(json.dumps(before, ensure_ascii=False), "utf-8")
    (tmp_path / "b.json").write_text(json.dumps(after, ensure_ascii=False), "utf-8")
    result = CliRunner().invoke(
        app, ["eval", "compare", str(tmp_path / "a"), str(tmp_path / "b.json"), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["pairs"][0]["retrieval"]["法规问答"]["lost"][0]["id"] == "s08"
    assert "两部法律" in render_html(after)

"""Public entries (natural vs legal person, minors withheld, basis checked) and the yearly report."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings
from assistant.publicity.annual_report import annual_statistics, result_labels, write_report
from assistant.publicity.basis_check import CorpusBasisChecker
from assistant.publicity.lexical import LexicalAnalyzer
from assistant.publicity.public_entry import CaseDecision, Party, public_entry
from assistant.publicity.redaction import Redactor
from corpus.citation_resolver import CitationResolver
from corpus.store import CorpusStore


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor(LexicalAnalyzer())


def _person_case() -> CaseDecision:
    return CaseDecision(
        case_no="穗天市监罚〔2024〕7号",
        case_name="张伟销售过期食品案",
        authority="广州市天河区市场监督管理局",
        party=Party(name="张伟", type="自然人", id_number="11010519491231002X"),
        facts="当事人张伟（身份证号11010519491231002X，电话13812345678）住广州市天河区天河路385号，"
        "于2024年1月在其经营的摊位销售过期食品。执法人员李强现场检查。",
        conclusion="没收违法所得200元，并处罚款人民币5000元",
        basis=["《中华人民共和国行政处罚法》第三十二条第一款第（二）项"],
        decided=date(2024, 2, 8),
        officers=["李强"],
        reviewed=True,
        published=date(2024, 2, 20),
    )


def _company_case() -> CaseDecision:
    return CaseDecision(
        case_no="穗天市监罚〔2024〕8号",
        authority="广州市天河区市场监督管理局",
        party=Party(
            name="广州市李记餐饮管理有限公司",
            type="法人",
            credit_code="91350100M000100Y43",
            legal_representative="王芳",
        ),
        facts="广州市李记餐饮管理有限公司（法定代表人王芳）未按规定公示许可证。",
        conclusion="警告",
        basis=["《中华人民共和国行政处罚法》第九十条"],
        decided=date(2024, 9, 27),
        reconsideration="维持",
    )


def test_natural_person_entry_is_redacted(redactor: Redactor, tmp_path: Path) -> None:
    entry = public_entry(_person_case(), redactor, Settings(data_dir=tmp_path))
    assert entry["执法对象"] == "张*" and entry["案件名称"].startswith("张*")
    facts = entry["违法事实"]
    assert "张伟" not in facts and "13812345678" not in facts and "天河路" not in facts
    assert "李强" in facts  # 执法人员姓名依第八条公开
    assert entry["公开期限"] == "2024-02-23" and entry["统一社会信用代码"] is None


def test_legal_person_entry_keeps_name_and_code(redactor: Redactor, tmp_path: Path) -> None:
    entry = public_entry(_company_case(), redactor, Settings(data_dir=tmp_path))
    assert entry["执法对象"] == "广州市李记餐饮管理有限公司"
    assert entry["统一社会信用代码"] == "91350100M000100Y43"
    assert "广州市李记餐饮管理有限公司（法定代表人王芳）" in entry["违法事实"]
    assert entry["公开期限"] == "2024-10-12"


def test_minor_is_withheld(redactor: Redactor, tmp_path: Path) -> None:
    case = _person_case().model_copy(update={"party": Party(name="王小明", minor=True)})
    entry = public_entry(case, redactor, Settings(data_dir=tmp_path))
    assert entry["publish"] is False and "第十五条" in entry["reason"]


def test_basis_checked_against_corpus(
    redactor: Redactor, default_store: CorpusStore, tmp_path
) -> None:
    checker = CorpusBasisChecker(CitationResolver(default_store))
    settings = Settings(data_dir=tmp_path)
    good = public_entry(_person_case(), redactor, settings, checker)
    assert good["warnings"] == [] and "第三十二条" in good["依据"][0]
    bad = _company_case().model_copy(update={"basis": ["《中华人民共和国行政处罚法》第九百条"]})
    assert public_entry(bad, redactor, settings, checker)["warnings"]


def test_result_labels() -> None:
    assert result_labels("没收违法所得200元，并处罚款5000元") == ["罚款", "没收违法所得"]
    assert result_labels("吊销食品经营许可证") == ["吊销许可证件"]
    assert result_labels("责令改正") == ["其他"]


def test_annual_report_files(tmp_path: Path) -> None:
    cases = [
        _person_case(),
        _company_case(),
        _company_case().model_copy(update={"decided": date(2023, 5, 1)}),
    ]
    stats = annual_statistics(cases, 2024, Settings(data_dir=tmp_path))
    assert stats.dimensions["合计"]["决定总数"] == 2
    assert stats.dimensions["行政复议"] == {"维持": 1}
    assert stats.dimensions["公开情况"] == {"按时公开": 1, "未公开": 1}
    written = write_report(stats, tmp_path / "out")
    assert written["due"] == "2025-01-31"
    with open(written["csv"], encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["维度", "项目", "数量"] and ["类别", "行政处罚", "2"] in rows
    assert "行政复议" in load_workbook(written["xlsx"]).sheetnames
    assert Path(written["chart"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_entry_and_report(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ZHIFA_DATA_DIR", str(tmp_path / "var"))
    cases = tmp_path / "cases.json"
    cases.write_text(
        json.dumps([json.loads(_person_case().model_dump_json())], ensure_ascii=False),
        encoding="utf-8",
    )
    runner = CliRunner()
    entry = runner.invoke(app, ["publicity", "entry", str(cases)])
    assert entry.exit_code == 0, entry.output
    assert json.loads(entry.stdout)["执法对象"] == "张*"
    report = runner.invoke(
        app,
        [
            "publicity",
            "report",
            "--year",
            "2024",
            "--in",
            str(cases),
            "--out",
            str(tmp_path / "r"),
            "--json",
        ],
    )
    assert report.exit_code == 0, report.output
    assert json.loads(report.stdout)["counts"]["合计"] == {"决定总数": 1}


def test_annual_chart_counts_have_integer_ticks(tmp_path: Path) -> None:
    import matplotlib.pyplot as plt

    from assistant.publicity.annual_report import chart_figure

    odd = _company_case().model_copy(update={"category": "罚款$x_{1$"})  # not TeX: must not raise
    stats = annual_statistics([_person_case(), odd], 2024, Settings(data_dir=tmp_path))
    figure, _ = chart_figure(stats)
    try:
        figure.canvas.draw()
        for axis in figure.axes:
            ticks = [t for t in axis.get_yticks() if axis.get_ylim()[0] <= t <= axis.get_ylim()[1]]
            assert ticks and all(float(t).is_integer() for t in ticks), ticks
    finally:
        plt.close(figure)

"""Evidence checklist and the assist() bundle: each item has a reason and a source."""

from __future__ import annotations

import json
from datetime import date

from typer.testing import CliRunner

from api.cli import app
from assistant.evidence_checklist import EvidenceItem, EvidenceSource, mark_present
from assistant.officer_assistant import OfficerAssistant

DAY = date(2024, 6, 1)
STATUTORY = [
    "书证",
    "物证",
    "视听资料",
    "电子数据",
    "证人证言",
    "当事人的陈述",
    "鉴定意见",
    "勘验笔录、现场笔录",
]


def test_statutory_types_come_from_the_penalty_law(officer_assistant: OfficerAssistant) -> None:
    answer = officer_assistant.assist("企业超过大气污染物排放标准排放大气污染物", DAY)
    assert answer.evidence.statutory_types == STATUTORY
    statute = [i for i in answer.evidence.items if i.origin is EvidenceSource.STATUTE]
    assert statute[0].source == "《中华人民共和国行政处罚法》第四十六条第一款"


def test_items_for_elements_and_discretion(officer_assistant: OfficerAssistant) -> None:
    answer = officer_assistant.assist("产生含挥发性有机物废气的生产活动未在密闭空间进行", DAY)
    origins = {i.origin for i in answer.evidence.items}
    assert {EvidenceSource.ELEMENT, EvidenceSource.DISCRETION} <= origins
    assert answer.discretion, "the 大气污染防治法 rows of the standards apply"
    for item in answer.evidence.items:
        assert item.reason and item.source and item.kind
    cited = {p.citation.citation for p in answer.provisions.provisions}
    for item in answer.evidence.items:
        if item.origin is EvidenceSource.ELEMENT:
            assert item.source in cited
        if item.origin is EvidenceSource.DISCRETION:
            assert item.source.removeprefix("裁量基准 ") in {
                d.violation.id for d in answer.discretion
            }


def test_collected_evidence_is_marked() -> None:
    items = [
        EvidenceItem(
            "现场检查（勘验）笔录及现场照片、视频",
            "勘验笔录、现场笔录",
            "r",
            "s",
            EvidenceSource.ELEMENT,
        ),
        EvidenceItem("监测报告、检测报告", "鉴定意见", "r", "s", EvidenceSource.ELEMENT),
    ]
    marked = mark_present(items, ["现场照片 12 张"])
    assert [i.present for i in marked] == [True, False]


def test_discretion_rows_cite_a_found_provision(officer_assistant: OfficerAssistant) -> None:
    answer = officer_assistant.assist("建设单位未依法报批建设项目环境影响报告书擅自开工建设", DAY)
    found = {(p.citation.law, p.citation.article) for p in answer.provisions.provisions}
    for match in answer.discretion:
        refs = [
            r
            for b in match.violation.legal_basis + match.violation.violated_provisions
            for r in b.refs
        ]
        assert (
            any(r.article == article for _, article in found for r in refs)
            or "相似度" in match.reason
        )


def test_ask_cli_json(tmp_path, default_store) -> None:
    env = {"ZHIFA_DATA_DIR": str(tmp_path)}
    runner = CliRunner()
    assert runner.invoke(app, ["corpus", "init", "--no-national"], env=env).exit_code == 0
    missing = runner.invoke(app, ["ask", "工厂废气超标排放"], env=env)
    assert missing.exit_code != 0 and "zhifa index build" in missing.stderr
    assert runner.invoke(app, ["index", "build", "--bm25-only"], env=env).exit_code == 0
    result = runner.invoke(
        app, ["ask", "餐馆使用超过保质期的食品原料", "--date", "2024-06-01", "--json"], env=env
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["provisions"] and {"role", "citation", "text", "reason", "version"} <= set(
        payload["provisions"][0]
    )
    assert payload["evidence"]["statutory_types"] == STATUTORY

"""Pre-enforcement lists (citations all resolve; XLSX/CSV/HTML), the penalty flow chart
(valid SVG, every box citing an article that resolves), the AV-recording list (quotes
match the rule) and the review flag for a 查封扣押 without video."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from admin_fixtures import AGENCY, settings_with_roster
from openpyxl import load_workbook

from api.settings import Settings
from assistant.administration.av_recording_list import DEFAULT_AV_LIST, load_av_list
from assistant.administration.enforcement_lists import agency_lists, officer_list, write_lists
from assistant.administration.procedure_flowchart import (
    FlowchartError,
    flowchart_citations,
    penalty_flowchart_svg,
)
from assistant.administration.roster import RosterStore
from assistant.case_file import EXAMPLE_CASE, parse_case, read_case_data
from assistant.review.context import ReviewContext
from assistant.review.engine import review
from assistant.review.flag import ReviewPoint, Severity
from corpus.citation_resolver import CitationResolver, ResolvedCitation
from corpus.store import CorpusStore

DAY = date(2024, 6, 20)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def settings(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    return settings_with_roster(default_settings, tmp_path_factory.mktemp("zhifa-lists"))


@pytest.fixture(scope="module")
def resolver(settings: Settings) -> CitationResolver:
    return CitationResolver(CorpusStore(settings))


@pytest.fixture(scope="module")
def lists(settings: Settings, resolver: CitationResolver) -> list:
    av_list = load_av_list(DEFAULT_AV_LIST)
    return agency_lists(RosterStore(settings), resolver, av_list, AGENCY, DAY)


def _resolves(text: str, resolver: CitationResolver, on: date | None = DAY) -> bool:
    results = resolver.resolve_text(text, on)
    return bool(results) and all(isinstance(r, ResolvedCitation) for r in results)


def test_every_basis_in_the_lists_resolves(lists: list, resolver: CitationResolver) -> None:
    powers, random_checks, officers, av = lists
    assert len(powers.rows) == 4 and len(random_checks.rows) == 1
    assert not powers.warnings and not random_checks.warnings
    for row in powers.rows:
        for citation in str(row[4]).split("；"):
            assert _resolves(citation, resolver), citation
    assert _resolves(str(random_checks.rows[0][3]), resolver)
    assert {row[1] for row in officers.rows} == {"李明", "陈华", "王芳", "赵强", "刘洋", "黄静"}
    assert len(av.rows) == len(load_av_list(DEFAULT_AV_LIST).items)


def test_officer_list_leaves_out_expired_certificates(settings: Settings) -> None:
    names = {row[1] for row in officer_list(RosterStore(settings), AGENCY, date(2024, 8, 1)).rows}
    assert "王芳" not in names and "李明" in names


def test_lists_export_as_xlsx_csv_html(lists: list, tmp_path: Path) -> None:
    for fmt in ("xlsx", "csv", "html"):
        paths = write_lists(lists, tmp_path / fmt, fmt)
        assert [p.stem for p in paths] == [
            "行政执法事项清单",
            "随机抽查事项清单",
            "执法人员清单",
            "音像记录事项清单",
        ]
    sheet = load_workbook(tmp_path / "xlsx" / "行政执法事项清单.xlsx").active
    assert [c.value for c in sheet[1]][:5] == [
        "序号",
        "事项编码",
        "事项名称",
        "事项类型",
        "实施依据",
    ]
    assert sheet.max_row == 5
    with (tmp_path / "csv" / "随机抽查事项清单.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][1] == "对排污单位的现场检查"
    html = (tmp_path / "html" / "执法人员清单.html").read_text(encoding="utf-8")
    assert "<table>" in html and "44070021001" in html and "<script" not in html


def test_flowchart_is_valid_svg_citing_resolvable_articles(resolver: CitationResolver) -> None:
    root = ET.fromstring(penalty_flowchart_svg(resolver, DAY).encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    boxes = root.findall(f"{SVG}g")
    assert len(boxes) == 18
    for box in boxes:
        citation = box.attrib["data-citation"]
        assert _resolves(citation, resolver), citation
        assert citation in "".join(box.itertext())
    cited = flowchart_citations(resolver, DAY)
    for article in ("第五十一条", "第五十二条第一款", "第五十四条第二款", "第六十三条第一款"):
        assert f"《中华人民共和国行政处罚法》{article}" in cited
    texts = "".join(root.itertext())
    assert "简易程序" in texts and "普通程序" in texts and "听证程序" in texts


def test_flowchart_refuses_dates_before_the_2021_revision(resolver: CitationResolver) -> None:
    with pytest.raises(FlowchartError, match="2021"):
        penalty_flowchart_svg(resolver, date(2020, 1, 1))


def test_av_list_rules_resolve_and_quotes_are_the_rule_text(resolver: CitationResolver) -> None:
    av_list = load_av_list(DEFAULT_AV_LIST)
    assert av_list.unresolved_rules(resolver) == []
    names = {i.name for i in av_list.items}
    assert {"查封、扣押财产", "强制拆除", "举行听证", "留置送达", "公告送达"} <= names
    for item in av_list.items:
        (found,) = resolver.resolve_text(item.rule)
        assert isinstance(found, ResolvedCitation)
        assert item.quote == found.text, item.name


def _seizure_case(with_video: bool, stated: bool = False) -> dict:
    """A seizure step; ``stated``: the file says it was not filmed (audio_video: false)."""
    data = read_case_data(EXAMPLE_CASE)
    step = {
        "type": "调查取证",
        "date": "2023-04-15",
        "officers": ["李明", "陈华"],
        "certificates_shown": True,
        "note": "对涉案电镀生产线实施查封扣押",
    }
    if stated:
        step["audio_video"] = False
    data["events"].insert(3, step)
    if with_video:
        data["evidence"].append(
            {"type": "视听资料", "name": "查封扣押现场执法记录仪视频", "date": "2023-04-15"}
        )
    return data


def test_seizure_without_video_must_be_fixed(settings: Settings) -> None:
    ctx = ReviewContext.build(settings, CorpusStore(settings))
    flags = review(parse_case(_seizure_case(with_video=False, stated=True)), ctx).flags
    (flag,) = [f for f in flags if "全过程无间断音像记录" in f.reason]
    assert flag.point is ReviewPoint.PROCEDURE and flag.severity is Severity.MUST_FIX
    assert flag.rule == "《广东省行政执法全过程记录办法》第十四条第二款"
    assert "查封" in flag.reason and "events[3]" in flag.evidence
    # a file silent on the recording (no audio_video, no video of the day) is checked
    silent = review(parse_case(_seizure_case(with_video=False)), ctx).flags
    (flag,) = [f for f in silent if "音像记录" in f.reason]
    assert flag.severity is Severity.CHECK
    clean = review(parse_case(_seizure_case(with_video=True)), ctx).flags
    assert not [f for f in clean if "音像记录" in f.reason]
    assert review(parse_case(read_case_data(EXAMPLE_CASE)), ctx).flags == []

"""Case loaders on real data: 处罚决定书 (TXT/DOCX/PDF), the court cases, CAIL2018."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from cases_fixtures import (
    ID_NUMBER,
    PERSON,
    SHIPPED_CAIL,
    SHIPPED_CASES,
    write_decision_docx,
    write_decision_pdf,
    write_decision_text,
)

from assistant.cases.cail_loader import charge_label, load_cail_cases, looks_like_cail
from assistant.cases.court_case_loader import iter_court_cases
from assistant.cases.decision_loader import DecisionFormatError, load_decision
from assistant.cases.model import CaseKind
from assistant.cases.penalty_text import amount_yuan, parse_penalty


@pytest.mark.parametrize(
    ("name", "writer"),
    [
        ("决定书.txt", write_decision_text),
        ("决定书.docx", write_decision_docx),
        ("决定书.pdf", write_decision_pdf),
    ],
)
def test_decision_sections_from_every_format(tmp_path: Path, name: str, writer) -> None:
    case = load_decision(writer(tmp_path / name))
    assert case.kind is CaseKind.DECISION
    assert case.agency == "广州市生态环境局"
    assert case.date == dt.date(2023, 5, 10)
    assert case.domain == "生态环境"
    assert PERSON in case.parties
    assert "挥发性有机物废气直接排放" in case.facts
    assert case.evidence == ["现场检查（勘察）笔录", "调查询问笔录", "现场照片", "营业执照复印件"]
    assert case.penalty.types == ["罚款"] and case.penalty.fine_yuan == 50000
    assert "第一百零八条" in case.sections["处罚依据"]
    assert "穗环罚〔2023〕12号" in case.title


def test_same_decision_same_content_from_text_and_docx(tmp_path: Path) -> None:
    text = load_decision(write_decision_text(tmp_path / "a.txt"))
    word = load_decision(write_decision_docx(tmp_path / "a.docx"))
    assert text.model_copy(update={"source": ""}) == word.model_copy(update={"source": ""})


def test_not_a_decision(tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    path.write_text("会议纪要\n今天讨论了工作安排。", encoding="utf-8")
    with pytest.raises(DecisionFormatError, match="不是行政处罚决定书"):
        load_decision(path)


def test_penalty_amounts() -> None:
    assert amount_yuan("5", "万") == 50000
    assert amount_yuan("50,000", None) == 50000
    assert amount_yuan("伍万", None) == 50000
    penalty = parse_penalty("给予警告，没收违法所得人民币1200元，并处罚款3万元。")
    assert penalty.types == ["警告", "罚款", "没收违法所得"]
    assert penalty.fine_yuan == 30000 and penalty.confiscated_yuan == 1200


def test_cail_file_loads_all_records() -> None:
    assert looks_like_cail(SHIPPED_CAIL)
    cases = load_cail_cases(SHIPPED_CAIL)
    assert len(cases) == 3675
    assert len({c.case_id for c in cases}) == 3670  # five records repeat verbatim
    charges = Counter(c for case in cases for c in case.charges)
    assert len(charges) == 52 and charges["故意伤害"] == 363
    first = cases[0]
    assert first.kind is CaseKind.CRIMINAL and first.charges == ["故意伤害"]
    assert first.cited[0].written == "《刑法》第二百三十四条"
    assert first.parties == ["李×1"] and first.penalty.term_months == 6
    assert charge_label("[生产、销售][有毒、有害]食品") == "生产、销售有毒、有害食品"


def test_shipped_cail_is_the_shared_file(shared_dir: Path) -> None:
    shared = shared_dir / "data" / "cases" / "cail2018-criminal-train.json"
    assert shared.read_bytes() == SHIPPED_CAIL.read_bytes()


def test_court_cases() -> None:
    cases = list(iter_court_cases(SHIPPED_CASES / "court-cases"))
    assert len(cases) == 52
    assert Counter(c.domain for c in cases) == {
        "消费购物": 18,
        "民法典": 14,
        "行政协议诉讼": 10,
        "劳动人事": 10,
    }
    sun = next(c for c in cases if c.title.startswith("孙银山诉"))
    assert sun.agency == "江苏省南京市江宁区人民法院"
    assert sun.date == dt.date(2012, 9, 10)
    assert sun.parties == ["孙银山"]
    assert "香肠" in sun.facts and "5586元" in sun.decision
    assert {"裁判要点", "裁判理由"} <= set(sun.sections)
    assert all(case.facts for case in cases)
    assert ID_NUMBER not in "".join(c.facts for c in cases)

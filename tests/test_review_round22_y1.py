"""Review round 22, class y1 (issue #18): facts contradicting the evidence — a measured level
the decision finds above every reading the evidence records (呼气酒精含量、车速、噪声), a person
found a minor whose ID number or birth date shows eighteen or more on the act date, and
非法经营数额 being the 违法经营额 the 商标法 fines on. Cases are variants (other names,
figures, wording) of eval/sets/review_fresh18 files."""

from __future__ import annotations

import pytest
from review_fixtures import must_fix_findings, set_file_data, variant_findings

from assistant.case_file import parse_case
from assistant.review.context import ReviewContext

FACTS = ("facts", "《中华人民共和国行政处罚法》第四十条")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


# --- a level found above the evidence's reading ------------------------------------------


def _breath(decided: float, measured: float, in_quantities: bool = True) -> dict:
    data = set_file_data("review_fresh18", "rf18a_05_*.yaml")
    data["parties"][0]["name"] = "钱某"
    data["facts"]["description"] = (
        f"钱某驾驶小型轿车经检查点，经呼气酒精含量检测结果为{decided:g}mg/100ml，属饮酒后驾驶机动车。"
    )
    data["facts"]["quantities"] = {"呼气酒精含量（mg/100ml）": decided} if in_quantities else {}
    data["evidence"][0]["measurements"] = [
        {"item": "呼气酒精含量", "value": measured, "limit": 20, "unit": "mg/100ml"}
    ]
    return data


@pytest.mark.parametrize("in_quantities", [True, False])
def test_breath_reading_above_evidence(ctx: ReviewContext, in_quantities: bool) -> None:
    assert FACTS in variant_findings(_breath(35, 16, in_quantities), ctx)


def test_breath_reading_as_recorded(ctx: ReviewContext) -> None:
    assert FACTS not in variant_findings(_breath(35, 35), ctx)


def test_reading_in_evidence_note(ctx: ReviewContext) -> None:
    data = _breath(42, 42)
    data["evidence"][0]["measurements"] = [
        {"item": "呼气酒精含量", "value": 42, "limit": 20, "unit": "mg/100ml"}
    ]
    data["evidence"].append(
        {
            "type": "书证",
            "name": "复测记录",
            "source": "交警",
            "obtained_by": "现场检测",
            "date": "2025-03-14",
            "note": "复测呼气酒精含量为39mg/100ml",
        }
    )
    assert FACTS not in variant_findings(data, ctx)


# --- a minor by the decision, an adult by the ID ------------------------------------------


def _minor(id_code: str, born: str) -> dict:
    data = set_file_data("review_fresh18", "rf18d_06_*.yaml")
    data["facts"]["description"] = (
        "执法人员检查时发现王某某持他人身份证登记后在当事人场所内上网，当事人未核对证件。"
        "认定当事人接纳未成年人王某某（16周岁）进入营业场所。"
    )
    data["evidence"][3] = {
        "type": "书证",
        "name": "王某某居民身份证复印件",
        "source": "王某某",
        "obtained_by": "现场核对复印",
        "date": "2024-05-10",
        "note": f"身份证号码{id_code}",
    }
    data["evidence"][4] = {
        "type": "证人证言",
        "name": "王某某询问笔录",
        "source": "王某某",
        "obtained_by": "询问",
        "date": "2024-05-10",
        "note": f"王某某陈述其{born}出生",
    }
    return data


def test_minor_found_but_adult_by_id(ctx: ReviewContext) -> None:
    assert FACTS in variant_findings(_minor("440703200511020015", "2005年11月2日"), ctx)


def test_minor_found_and_minor_by_id(ctx: ReviewContext) -> None:
    assert FACTS not in variant_findings(_minor("440703200711020015", "2007年11月2日"), ctx)


# --- 非法经营数额 is the 违法经营额 -----------------------------------------------------------


def test_illegal_business_amount_is_the_base(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh18", "rf18c_08_*.yaml")
    data["facts"]["amounts"] = {"非法经营数额": 98000, "违法所得": 12000}
    data["penalty"]["amount"] = 196000
    assert FACTS not in variant_findings(data, ctx)


def test_a_labelled_value_is_no_reading(ctx: ReviewContext) -> None:
    """标称发芽率≥80% beside 检验发芽率62%: the label's claim is what the goods failed, not a
    decided reading above the evidence."""
    data = set_file_data("review_fresh14", "rf14c_15_*.yaml")
    assert ("facts", "《中华人民共和国行政处罚法》第四十条") not in must_fix_findings(
        parse_case(data), ctx
    )


def test_a_one_character_element_is_read_as_its_own_item(ctx: ReviewContext) -> None:
    """汞 0.62 mg/kg in the report, 1.5 mg/kg in the decision: a one-character item is still
    compared under its own name (it once emptied the comparison and crashed the review)."""
    data = set_file_data("review_fresh18", "rf18a_05_*.yaml")
    for evidence in data["evidence"]:
        for measurement in evidence.get("measurements") or []:
            measurement.update(item="汞", unit="mg/kg", value=0.62)
    data["facts"]["description"] = "经检测，样品中汞含量为1.5mg/kg。"
    assert ("facts", "《中华人民共和国行政处罚法》第四十条") in must_fix_findings(
        parse_case(data), ctx
    )

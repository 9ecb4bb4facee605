"""Review round 19, class W (issue #18): review_fresh15 misses — a decided amount above
every figure the evidence gives for it, and 不合格 against test reports that all passed
(第四十条); a 情节较轻 clause replaces the article's main fine clause; an officer who is the
party's brother (之兄) and did not step aside (第四十三条第一款); a 复查 the file says was
not written down (第五十五条第二款). Cases are variants (other names, amounts, wording) of
eval/sets/review_fresh15 files."""

from __future__ import annotations

import pytest
from review_fixtures import must_fix_findings, set_file_data

from assistant.case_file import parse_case
from assistant.review.context import ReviewContext

PENALTY_LAW = "《中华人民共和国行政处罚法》"
FACTS = ("facts", f"{PENALTY_LAW}第四十条")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh15", f"rf15{prefix}_*.yaml")


# --- 第四十条: an amount above the evidence's own figures ---------------------------------


def _stake(decided: float, seized: str) -> dict:
    data = _data("a_14")
    data["facts"]["amounts"] = {"赌资": decided}
    data["facts"]["description"] = (
        f"当事人与他人打麻将赌博，现场查获赌资{decided:g}元，属情节严重。"
    )
    data["evidence"][1]["name"] = f"扣押清单（赌资共计{seized}元、麻将一副）"
    data["evidence"][2]["name"] = "当事人询问笔录（称赌资约300元）"
    data["evidence"][3]["name"] = "同案人员询问笔录（各自赌资200至400元）"
    return data


def test_amount_above_every_evidence_figure_is_contradicted(ctx: ReviewContext) -> None:
    assert FACTS in must_fix_findings(parse_case(_stake(8000, "800")), ctx)


def test_amount_the_evidence_supports_is_not(ctx: ReviewContext) -> None:
    assert FACTS not in must_fix_findings(parse_case(_stake(1500, "1500")), ctx)


def test_evidence_naming_the_amount_without_a_figure_leaves_it_open(ctx: ReviewContext) -> None:
    data = _stake(8000, "800")
    data["evidence"][4]["name"] = "赌资清点视频"
    assert FACTS not in must_fix_findings(parse_case(data), ctx)


# --- 第四十条: 不合格 against a passing test report ----------------------------------------


def _report(note: str, value: float) -> dict:
    data = _data("b_09")
    report = data["evidence"][2]
    report["name"] = "某检测院检验报告（编号JY-2023-118）"
    report["note"] = note
    report["measurements"] = [{"item": "泄漏电流", "value": value, "limit": 0.75, "unit": "mA"}]
    return data


def test_failed_finding_against_passing_report(ctx: ReviewContext) -> None:
    data = _report("检验结论：检验项目均符合标准要求", 0.3)
    assert FACTS in must_fix_findings(parse_case(data), ctx)


def test_failing_report_supports_the_finding(ctx: ReviewContext) -> None:
    data = _report("检验结论：泄漏电流项目不合格", 1.2)
    assert FACTS not in must_fix_findings(parse_case(data), ctx)


def test_report_without_conclusion_is_left_alone(ctx: ReviewContext) -> None:
    data = _report("", 0.3)
    report = next(e for e in data["evidence"] if e.get("measurements"))
    report["measurements"] = []  # no conclusion and no reading: nothing to hold against it
    assert FACTS not in must_fix_findings(parse_case(data), ctx)


def test_a_reading_within_limit_without_conclusion(ctx: ReviewContext) -> None:
    """Round 57: the report's own reading of the item the decision calls failing (泄漏电流 0.3 of
    0.75 mA) contradicts the finding even where the report writes no conclusion."""
    data = _report("", 0.3)
    assert FACTS in must_fix_findings(parse_case(data), ctx)


# --- 治安管理处罚法: 情节较轻 bounds the fine by its own clause ----------------------------


def _lighter(amount: float, circumstance: str) -> dict:
    data = _data("a_06")
    data["penalty"]["amount"] = amount
    data["facts"]["circumstances"] = [circumstance, "初次"]
    data["facts"]["description"] = f"当事人以300元价格约定嫖娼，被当场查获，{circumstance}。"
    return data


def test_fine_above_lighter_clause_maximum(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国治安管理处罚法》第六十六条第一款"
    found = must_fix_findings(parse_case(_lighter(800, "情节较轻")), ctx)
    assert ("discretion", rule) in found


def test_fine_within_lighter_clause(ctx: ReviewContext) -> None:
    found = must_fix_findings(parse_case(_lighter(400, "情节较轻")), ctx)
    assert not any(point == "discretion" for point, _ in found)


def test_main_clause_without_lighter_finding(ctx: ReviewContext) -> None:
    data = _lighter(800, "如实供述")
    data["penalty"]["types"] = ["行政拘留", "罚款"]
    found = must_fix_findings(parse_case(data), ctx)
    assert not any(point == "discretion" for point, _ in found)


# --- 第四十三条第一款: kinship written 之兄 ------------------------------------------------


RECUSAL = ("qualification", f"{PENALTY_LAW}第四十三条第一款")


def test_officer_brother_of_legal_representative(ctx: ReviewContext) -> None:
    data = _data("a_11")
    officer = data["officers"][0]["name"]
    data["events"][0]["note"] = f"现场检查；执法人员{officer}系当事人法定代表人张强之弟，未自行回避"
    assert RECUSAL in must_fix_findings(parse_case(data), ctx)


def test_no_kinship_no_recusal_flag(ctx: ReviewContext) -> None:
    data = _data("a_11")
    data["events"][0]["note"] = "现场检查，当场下达责令限期整改指令书"
    assert RECUSAL not in must_fix_findings(parse_case(data), ctx)


# --- 第五十五条第二款: a 复查 said to be unrecorded ---------------------------------------


RECORD = ("evidence", f"{PENALTY_LAW}第五十五条第二款")


def test_recheck_said_unrecorded(ctx: ReviewContext) -> None:
    data = _data("a_15")
    data["events"][1]["note"] = "到现场核查整改情况，仍未改正，没有制作核查笔录"
    assert RECORD in must_fix_findings(parse_case(data), ctx)


def test_recheck_with_its_record(ctx: ReviewContext) -> None:
    data = _data("a_15")
    data["events"][1]["note"] = "复查，仍未改正"
    data["documents"].append({"type": "整改复查记录", "date": data["events"][1]["date"]})
    assert RECORD not in must_fix_findings(parse_case(data), ctx)


# --- 第三十七条: the decision quotes a superseded version of its 罚则 ---------------------


def _freight(quote: str) -> dict:
    data = _data("c_08")
    data["facts"]["description"] = (
        "当事人未取得道路运输经营许可，使用自有货车为他人运送建材，收取运费2600元。"
        f"依据《中华人民共和国道路运输条例》第六十三条“{quote}”，处罚款3万元。"
    )
    data["facts"]["amounts"] = {"违法所得": 2600}
    return data


OLD_RANGE = "没有违法所得或者违法所得不足2万元的，处3万元以上10万元以下的罚款"


def test_quoted_old_version_is_flagged_at_the_fitting_item(ctx: ReviewContext) -> None:
    data = _freight(OLD_RANGE)
    data["facts"]["description"] = data["facts"]["description"].replace("3万元。", "8000元。")
    data["penalty"]["amount"] = 8000  # inside the in-force item's range: the quote is the finding
    rule = "《中华人民共和国道路运输条例》第六十三条第（一）项"
    assert ("law", ctx.rule(rule)) in must_fix_findings(parse_case(data), ctx)


def test_old_range_fine_outside_the_fitting_item_is_discretion(ctx: ReviewContext) -> None:
    """Round 64: a fine the old words allowed and the in-force item does not is the discretion
    finding (the labelling guide), which names the quote and 第三十七条."""
    found = must_fix_findings(parse_case(_freight(OLD_RANGE)), ctx)
    assert ("discretion", ctx.rule("《中华人民共和国道路运输条例》第六十三条")) in found
    assert ("discretion", "《中华人民共和国行政处罚法》第三十七条") in found
    assert not any(point == "law" for point, _ in found)


def test_quoted_in_force_item_is_not(ctx: ReviewContext) -> None:
    data = _freight("没有违法所得或者违法所得不足1万元的，处3000元以上1万元以下的罚款")
    data["penalty"]["amount"] = 5000
    found = must_fix_findings(parse_case(data), ctx)
    assert not any(point == "law" for point, _ in found)

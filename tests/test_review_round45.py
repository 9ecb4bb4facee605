"""Review round 45 (issue #18): review_fresh33's remaining misses and false alarms.

- a file that only enforces an earlier decision (强制拆除) is reviewed on its last decision:
  what it gathered after the first (逾期复查) grounds the 强制执行决定, and a 责令限期拆除决定书
  is the first decision's document;
- a 罚则 naming another department is one finding, not also "outside the agency's laws";
- 再次使用 of a single-use device is the act, not a repeat offence;
- a lower 罚则 and a law's are for the same act only if their acts agree beyond the lower act's
  subject (虚开发票 vs 非法印制发票); a law that fines only after 责令限期关闭 is unheeded
  (体育法第一百一十六条) prevails over a regulation fining at once;
- a finding made on a test (经检测…超过限量) needs the test's result among the evidence;
- the 违法所得 decided against the file's own reckoning of it (违法所得计算表);
- a sign missing for about a day is a 轻微 act (第三十三条第一款前句).
Cases are variants of eval/sets/review_fresh33 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings, variant_flags

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import fine_clauses

SET = "review_fresh33"
PENALTY_40 = "《中华人民共和国行政处罚法》第四十条"
PENALTY_54 = "《中华人民共和国行政处罚法》第五十四条"
PENALTY_59 = "《中华人民共和国行政处罚法》第五十九条"
PENALTY_17 = "《中华人民共和国行政处罚法》第十七条"
PENALTY_33 = "《中华人民共和国行政处罚法》第三十三条"
SPORTS_116 = "《中华人民共和国体育法》第一百一十六条"
TAX_71 = "《中华人民共和国税收征收管理法》第七十一条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_an_enforcement_file_is_reviewed_on_its_last_decision(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf33a_07_*.yaml")
    found = variant_findings(data, ctx)
    assert not cites_article(found, "evidence", PENALTY_54)
    assert not cites_article(found, "documents", PENALTY_59)
    data["penalty"] = {"types": ["罚款"], "amount": 5000}
    assert cites_article(variant_findings(data, ctx), "evidence", PENALTY_54)


def test_another_department_s_article_is_one_finding(ctx: ReviewContext) -> None:
    flags = variant_flags(set_file_data(SET, "rf33d_07_*.yaml"), ctx)
    authority = [
        f for f in flags if f.point.value == "authority" and f.severity.value == "must_fix"
    ]
    assert [f.rule for f in authority] == ["《农药管理条例》第六十条第一款"]
    assert authority[0].also_cites == [PENALTY_17]


def test_reuse_of_a_single_use_device_is_no_repeat_offence(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(SET, "rf33c_07_*.yaml"), ctx)
    assert not cites_article(found, "facts", PENALTY_40)


def test_false_invoices_are_not_illegal_printing(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(SET, "rf33c_05_*.yaml"), ctx)
    assert not cites_article(found, "law", TAX_71)


def test_a_law_that_fines_only_after_an_unheeded_order_prevails(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf33b_04_*.yaml")
    flags = [f for f in variant_flags(data, ctx) if f.rule.startswith(SPORTS_116)]
    assert len(flags) == 1 and flags[0].severity.value == "must_fix"
    assert "全民健身条例" in flags[0].also_cites[0]


def test_a_tier_with_its_fallback_written_after() -> None:
    text = (
        "未经批准，擅自经营高危险性体育项目的，由体育主管部门责令改正；有违法所得的，没收违法所得；"
        "违法所得不足3万元或者没有违法所得的，并处3万元以上10万元以下的罚款；"
        "违法所得3万元以上的，并处违法所得2倍以上5倍以下的罚款。"
    )
    first = fine_clauses(text)[0]
    assert (first.below, first.no_base) == (30000.0, True)


def test_a_tested_finding_needs_the_test_result(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf33d_09_*.yaml")
    assert cites_article(variant_findings(data, ctx), "evidence", PENALTY_40)
    data["evidence"].append(
        {
            "type": "鉴定意见",
            "name": "检测报告（TSJC2023-1056）",
            "source": "检测机构",
            "date": "2023-11-01",
        }
    )
    assert not cites_article(variant_findings(data, ctx), "evidence", PENALTY_40)


def test_illegal_income_against_its_reckoning(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf33c_09_*.yaml")
    assert cites_article(variant_findings(data, ctx), "facts", PENALTY_40)
    data["facts"]["amounts"]["认定违法所得"] = 12600
    data["penalty"]["confiscation_yuan"] = 12600
    data["penalty"]["amount"] = 37800
    assert not cites_article(variant_findings(data, ctx), "facts", PENALTY_40)


def test_a_sign_missing_for_a_day_is_a_minor_act(ctx: ReviewContext) -> None:
    data = set_file_data(SET, "rf33b_08_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", PENALTY_33)
    data["facts"]["circumstances"] = ["检查时当场改正"]
    data["facts"]["description"] = "当事人未悬挂未成年人禁入标志，检查时当场复挂。"
    assert not cites_article(variant_findings(data, ctx), "law", PENALTY_33)

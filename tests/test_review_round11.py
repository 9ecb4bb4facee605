"""Review round 11 (issue #18, the ninth set): a reduction rests on a ground the law gives.
Statute text comes from the default corpus; cases are the shipped example, edited."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_fixtures import example_data, must_fix_findings, reduced_fine_case

from assistant.case_file import CaseFile, read_case_data
from assistant.review.checkers.discretion import minor_act
from assistant.review.context import ReviewContext
from assistant.review.engine import review

CASES_DIR = Path(__file__).resolve().parent / "review_cases"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
WATER_FINE = "《中华人民共和国水污染防治法》第八十三条"


def _below_minimum(case: CaseFile, ctx: ReviewContext) -> bool:
    return any(
        point == "discretion" and rule.startswith(WATER_FINE)
        for point, rule in must_fix_findings(case, ctx)
    )


@pytest.mark.parametrize("ground", ["个体经营困难", "小微企业", "积极配合调查", "企业规模较小"])
def test_a_ground_the_law_does_not_give_allows_no_fine_below_the_minimum(
    ground: str, ctx: ReviewContext
) -> None:
    """第三十二条 lists the grounds for 减轻; hardship or size is none of them."""
    assert _below_minimum(reduced_fine_case([ground]), ctx)


@pytest.mark.parametrize(
    "ground",
    [
        "主动消除或者减轻违法行为危害后果",
        "主动供述行政机关尚未掌握的违法行为",
        "受他人胁迫实施违法行为",
        "配合查处违法行为有立功表现",
    ],
)
def test_a_article_32_ground_allows_a_fine_below_the_minimum(
    ground: str, ctx: ReviewContext
) -> None:
    assert not _below_minimum(reduced_fine_case([ground]), ctx)


def test_a_legal_ground_beside_an_extra_one_still_counts(ctx: ReviewContext) -> None:
    assert not _below_minimum(
        reduced_fine_case(["小微企业", "主动供述行政机关尚未掌握的违法行为"]), ctx
    )


def test_the_statutory_range_reads_in_plain_yuan(ctx: ReviewContext) -> None:
    flags = review(reduced_fine_case(["小微企业"]), ctx).flags
    reason = next(f.reason for f in flags if f.rule.startswith(WATER_FINE))
    assert "1000000" in reason and "e+" not in reason


# --- a penalty kind the 罚则 does not provide (第三十八条第一款) ---------------------------


def test_a_kind_the_sanction_lacks_is_the_law_point_even_outside_the_agency_list(
    ctx: ReviewContext,
) -> None:
    """水污染防治法第八十三条 provides no 吊销: no agency may impose it on that basis, so it is
    unlawful (law), not a question of this agency's list (authority 第十七条)."""
    data = example_data()
    data["penalty"]["types"] = ["罚款", "吊销排污许可证"]
    flags = review(CaseFile.model_validate(data), ctx).flags
    law = [f for f in flags if f.point.value == "law" and f.rule.startswith(WATER_FINE)]
    assert law and ctx.penalty_law("第三十八条第一款") in law[0].also_cites
    assert not any(f.point.value == "authority" and "吊销" in f.reason for f in flags)


def test_a_kind_the_sanction_provides_but_the_agency_lacks_stays_authority(
    ctx: ReviewContext,
) -> None:
    data = example_data()
    data["penalty"]["types"] = ["罚款", "责令停业、关闭"]
    data["facts"]["circumstances"] = ["情节严重"]
    flags = review(CaseFile.model_validate(data), ctx).flags
    assert not any(f.point.value == "law" and "停业" in f.reason for f in flags)


# --- 违法所得 below what the act took in (第二十八条第二款) ---------------------------------


def _gains_case(income: float, gains: float) -> CaseFile:
    data = example_data()
    data["facts"]["amounts"] = {"团费收入": income, "违法所得": gains}
    data["penalty"]["types"] = ["罚款", "没收违法所得"]
    data["penalty"]["confiscation_yuan"] = gains
    return CaseFile.model_validate(data)


def test_gains_below_the_income_taken_in_must_be_fixed(ctx: ReviewContext) -> None:
    assert ("law", PENALTY_LAW + "第二十八条第二款") in must_fix_findings(
        _gains_case(42000, 32000), ctx
    )


def test_gains_equal_to_the_income_are_right(ctx: ReviewContext) -> None:
    assert ("law", PENALTY_LAW + "第二十八条第二款") not in must_fix_findings(
        _gains_case(42000, 42000), ctx
    )


# --- 轻微: the rest of the duty in order -----------------------------------------------------


@pytest.mark.parametrize(
    ("clause", "minor"),
    [
        ("店内实名登记系统正常", True),
        ("当事人称处理设施运行正常", False),
        ("污水处理设施不正常运行", False),
    ],
)
def test_the_rest_of_the_duty_in_order_shows_a_minor_act(clause: str, minor: bool) -> None:
    data = example_data()
    data["facts"].update(first_offence=True, corrected_in_time=True, harm="无")
    data["facts"]["description"] = f"入口标志被拆下未复挂，{clause}，当场改正。"
    assert bool(minor_act(CaseFile.model_validate(data))) is minor


# --- a township with no basis: one finding, under authority ---------------------------------


def test_a_township_without_basis_is_not_also_a_subject_finding(ctx: ReviewContext) -> None:
    data = example_data()
    data["agency"].update(name="环市街道办事处", region="江门市蓬江区")
    data["agency"]["powers"]["basis"] = []
    must_fix = must_fix_findings(CaseFile.model_validate(data), ctx)
    assert ("authority", PENALTY_LAW + "第二十三条") in must_fix
    assert ("subject", PENALTY_LAW + "第十七条") not in must_fix


def test_a_county_agency_without_basis_is_still_a_subject_finding(ctx: ReviewContext) -> None:
    data = example_data()
    data["agency"]["powers"]["basis"] = []
    assert ("subject", PENALTY_LAW + "第十七条") in must_fix_findings(
        CaseFile.model_validate(data), ctx
    )


# --- 公安 较大数额: the police rule cited beside 第六十三条第一款 ------------------------------


def test_a_police_hearing_threshold_cites_the_police_rule(national_ctx: ReviewContext) -> None:
    data = read_case_data(CASES_DIR / "n01_clean_police_titles.yaml")
    data["penalty"]["amount"] = 2000
    flags = review(CaseFile.model_validate(data), national_ctx).flags
    hearing = next(f for f in flags if f.rule == PENALTY_LAW + "第六十三条第一款")
    assert any(
        "公安机关办理行政案件程序规定" in r and "第一百二十三条" in r for r in hearing.also_cites
    )

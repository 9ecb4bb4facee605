"""Review round 70 (issue #18) on review_fresh55 and review_fresh56 (each scored once before this
round, by c7eed29 and 85eeee5):

- a rate per unit (单方造价 元/平方米) measures no area to set against the survey;
- a 综合执法 bureau fining under a law outside its list whose 罚则 names its department
  (广告法第五十五条: 由市场监督管理部门) breaches that 罚则;
- a 人民防空办公室 is a department, not an internal 室;
- a 罚则 giving the power to another department is the one finding on the kinds it gives;
- a 民政局 imposing a 治安 penalty where its own 罚则 leaves that to the police (殡葬管理条例第二十一条);
- the enforcement's own steps after a 限期拆除 decision are no late evidence for it;
- a person questioned with nothing written, the finding resting on what that person said."""

from __future__ import annotations

import pytest
from review_fixtures import (
    reworded,
    rules_of,
    set_file_data,
    set_findings,
    variant_findings,
    variant_flags,
)

from assistant.case_file import CaseFile
from assistant.review.checkers.authority import _public_order_referral
from assistant.review.context import ReviewContext

F55, F56 = "review_fresh55", "review_fresh56"
FACTS = "《中华人民共和国行政处罚法》第四十条"
POWERS = "《中华人民共和国行政处罚法》第十七条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_unit_price_is_no_area(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings(F55, "rf55b_01_*.yaml", ctx), "facts")


def test_consolidated_bureau_fining_under_another_departments_law(ctx: ReviewContext) -> None:
    found = set_findings(F55, "rf55b_04_*.yaml", ctx)
    assert "《中华人民共和国广告法》第五十五条第一款" in rules_of(found, "authority")
    data = set_file_data(F55, "rf55b_04_*.yaml")
    data["agency"]["powers"]["laws"].append("广告法")
    assert not rules_of(variant_findings(data, ctx), "authority")


def test_civil_defence_office_is_a_department(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings(F56, "rf56d_09_*.yaml", ctx), "subject")
    data = reworded(
        set_file_data(F56, "rf56d_09_*.yaml"),
        ("江门市人民防空办公室", "江门市住房和城乡建设局办公室"),
    )
    assert POWERS in rules_of(variant_findings(data, ctx), "subject")


def test_department_finding_covers_the_kind(ctx: ReviewContext) -> None:
    flags = variant_flags(set_file_data(F56, "rf56a_11_*.yaml"), ctx)
    authority = [f.rule for f in flags if f.point == "authority" and f.severity == "must_fix"]
    assert authority == ["《校车安全管理条例》第四十五条第二款"]


def test_civil_affairs_bureau_imposing_a_public_order_penalty(ctx: ReviewContext) -> None:
    found = set_findings(F56, "rf56d_04_*.yaml", ctx)
    assert "《殡葬管理条例》第二十一条" in rules_of(found, "authority")
    assert not rules_of(found, "law")
    police = reworded(
        set_file_data(F56, "rf56d_04_*.yaml"), ("江门市新会区民政局", "江门市公安局新会分局")
    )
    assert not _public_order_referral(CaseFile.model_validate(police), ctx)


def test_enforcement_steps_after_the_decision_are_no_late_evidence(ctx: ReviewContext) -> None:
    """陈述申辩笔录（催告后） and the 公告's photographs ground the forced demolition, not the
    限期拆除 decision (行政强制法第三十六条、第四十四条)."""
    assert not rules_of(set_findings(F55, "rf55b_05_*.yaml", ctx), "evidence")


def test_person_questioned_without_a_record(ctx: ReviewContext) -> None:
    """询问王某强 with nothing written that day, the 出借 found on what he said."""
    rule = "《中华人民共和国行政处罚法》第五十五条第二款"
    assert rule in rules_of(set_findings(F55, "rf55c_07_*.yaml", ctx), "evidence")
    data = set_file_data(F55, "rf55c_07_*.yaml")
    data["evidence"].append(
        {
            "type": "证人证言",
            "name": "王某强询问笔录",
            "source": "王某强",
            "obtained_by": "询问",
            "date": "2024-06-05",
        }
    )
    assert rule not in rules_of(variant_findings(data, ctx), "evidence")


def test_said_no_prior_order_with_the_party_between(ctx: ReviewContext) -> None:
    """未对当事人上述行为作出过责令改正 (食品安全法第一百二十六条第一款 fines only 拒不改正)."""
    rule = "《中华人民共和国食品安全法》第一百二十六条第一款"
    assert rule in rules_of(set_findings(F56, "rf56b_04_*.yaml", ctx), "law")


def test_refund_ordered_in_the_decision_returns_the_gains(ctx: ReviewContext) -> None:
    """责令…退还所收费用 in the decision: the gains go back, nothing left to confiscate."""
    assert "《中华人民共和国行政处罚法》第二十八条第二款" not in rules_of(
        set_findings(F56, "rf56d_07_*.yaml", ctx), "law"
    )

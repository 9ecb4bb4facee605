"""Review round 87 (issue #18) on review_fresh77 and review_fresh78 (each scored once before
this round, by 745aa82; what follows is tuned on them, not evidence of them): customs files
read in customs words — a chapter of 行为及其处罚 holds 罚则, 查问笔录 records a questioning,
查验 of goods is an inspection whose record 海关行政处罚实施条例第三十六条 requires, a 海关's
district is its own; a visit to take papers is recorded by its list; a decision's lines
written out after their labels (当事人：…, 作出决定的机关和日期：…) state those matters."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_findings

from assistant.review.context import ReviewContext

F77 = "review_fresh77"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize(
    "pattern",
    ["rf77a_01_*.yaml", "rf77a_02_*.yaml", "rf77a_06_*.yaml", "rf77a_08_*.yaml"],
)
def test_a_customs_penalty_article_is_a_penalty_norm(ctx: ReviewContext, pattern: str) -> None:
    # 海关行政处罚实施条例 第二章 走私行为及其处罚 / 第三章 违反海关监管规定的行为及其处罚
    assert not rules_of(set_findings(F77, pattern, ctx), "law")


def test_a_customs_questioning_and_a_paper_taking_visit_are_recorded(ctx: ReviewContext) -> None:
    # 查问笔录 on file; 到经营场所核查，调取…开列提取书证清单 recorded by the list
    assert not rules_of(set_findings(F77, "rf77a_01_*.yaml", ctx), "evidence")


def test_goods_examined_without_a_record(ctx: ReviewContext) -> None:
    found = set_findings(F77, "rf77a_07_*.yaml", ctx)
    assert "《中华人民共和国海关行政处罚实施条例》第三十六条" in rules_of(found, "evidence")


def test_a_customs_district_is_its_own(ctx: ReviewContext) -> None:
    # 黄埔海关 (agency region 广州市) over an act in 东莞
    assert not rules_of(set_findings(F77, "rf77a_05_*.yaml", ctx), "authority")


@pytest.mark.parametrize("pattern", ["rf77d_01_*.yaml", "rf77d_05_*.yaml", "rf77d_11_*.yaml"])
def test_labelled_decision_lines_state_their_matters(ctx: ReviewContext, pattern: str) -> None:
    assert not rules_of(set_findings(F77, pattern, ctx), "documents")

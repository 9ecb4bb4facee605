"""Review round 64 (issue #18):

- a 处罚依据 whose in-force text is another conduct's 罚则, when another 罚则 of the same text is
  the file's conduct (土地管理法第七十六条 cited for 非法占用土地, 安全生产法第九十六条 for a
  missing 安全警示标志): the law in force was not applied by its own numbers (行政处罚法第三十七条),
  and the wrong article's fine base asks nothing of the facts;
- a cited number that is no 罚则 now, while a 罚则 of the same text plainly fits the conduct, is
  likely an old text's number: the 无依据 finding cites 第三十七条 beside 第三十八条第一款, and names
  that 罚则 only when it stands clear of the runner-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.case_file import read_case_data
from assistant.review.context import ReviewContext

WRONG_ARTICLE = "《中华人民共和国行政处罚法》第三十七条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_land_occupation_under_the_reclamation_article(ctx: ReviewContext) -> None:
    found = set_findings("review_fresh19", "rf19b_04_*.yaml", ctx)
    assert {point for point, _ in found} == {"law"}
    assert WRONG_ARTICLE in rules_of(found, "law")
    assert "《中华人民共和国土地管理法》第七十七条" in rules_of(found, "law")


def test_land_occupation_under_its_own_article(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh19", "rf19b_04_*.yaml")
    data["citations"]["penalty_basis"][0] = "《中华人民共和国土地管理法》第七十七条"
    assert not rules_of(variant_findings(data, ctx), "law")


def test_warning_sign_under_the_managers_article(ctx: ReviewContext) -> None:
    found = set_findings("review_fresh11", "rf11_09_*.yaml", ctx)
    assert WRONG_ARTICLE in rules_of(found, "law")
    assert not rules_of(found, "facts")  # 第九十六条's 年收入 base is not this case's


def test_warning_sign_under_its_own_article(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh11", "rf11_09_*.yaml")
    data["citations"]["penalty_basis"] = ["《中华人民共和国安全生产法》第九十九条第（一）项"]
    assert WRONG_ARTICLE not in rules_of(variant_findings(data, ctx), "law")


def test_old_number_that_is_no_sanction_now(ctx: ReviewContext) -> None:
    """药品管理法第七十四条 (2015: 销售劣药's 罚则; 2019: 医疗机构制剂) cited for expired drugs:
    no 罚则, and the old number of one; 第一百一十七条 and 第一百二十四条 fit alike, so neither
    is named."""
    found = rules_of(set_findings("review_fresh21", "rf21c_05_*.yaml", ctx), "law")
    assert {WRONG_ARTICLE, "《中华人民共和国行政处罚法》第三十八条第一款"} <= found
    assert not any(rule.startswith("《中华人民共和国药品管理法》") for rule in found)


def test_duty_cited_as_sanction_names_no_old_number(ctx: ReviewContext) -> None:
    data = read_case_data(next((Path(__file__).parent / "review_cases").glob("d22_*.yaml")))
    data.pop("expected_flags", None)
    found = rules_of(variant_findings(data, ctx), "law")
    assert WRONG_ARTICLE not in found

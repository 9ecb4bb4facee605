"""Review round 23, class x1 (issue #18): law versions. A 处罚依据 cited by the number a
later version gives it (a 罚则 there, not in the version in force on the act date) applied
a law not yet in force on the act date: 行政处罚法第三十七条, not 第三十八条's "no 罚则".
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh19 files."""

from __future__ import annotations

import pytest
from review_fixtures import must_fix_findings, set_file_data, variant_flags

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext

PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh19", f"rf19{prefix}_*.yaml")


def _findings(data: dict, ctx: ReviewContext) -> set[tuple[str, str]]:
    return must_fix_findings(CaseFile.model_validate(data), ctx)


# --- 第三十七条: the new 统计法 numbering applied to an act before it took effect ---------


def _statistics(act: str, basis: str) -> dict:
    data = _data("d_06")
    data["parties"][0]["name"] = "江门市某五金制品有限公司"
    data["violation"]["date"] = act
    data["citations"]["penalty_basis"] = [basis]
    data["penalty"]["amount"] = 30000
    return data


def test_new_numbering_before_it_took_effect_is_article_37(ctx: ReviewContext) -> None:
    found = _findings(_statistics("2024-04-02", "《中华人民共和国统计法》第四十四条"), ctx)
    assert ("law", f"{PENALTY_LAW}第三十七条") in found


def test_old_numbering_in_force_on_act_date_is_no_finding(ctx: ReviewContext) -> None:
    found = _findings(_statistics("2024-04-02", "《中华人民共和国统计法》第四十一条"), ctx)
    assert ("law", f"{PENALTY_LAW}第三十七条") not in found
    assert ("law", f"{PENALTY_LAW}第三十八条第一款") not in found


# --- a 罚则 of orders only (城乡规划法第六十五条): a fine lacks a basis in it ------------------

PLANNING_65 = "《中华人民共和国城乡规划法》第六十五条"


def _town(name: str, types: list[str], amount: float) -> dict:
    data = _data("d_10")
    data["agency"]["name"] = name
    data["penalty"]["types"] = types
    data["penalty"]["amount"] = amount
    return data


def test_fine_on_an_orders_only_article_is_that_article(ctx: ReviewContext) -> None:
    data = _town("韶关市武江区龙归镇人民政府", ["罚款"], 35000)
    assert ("law", PLANNING_65) in _findings(data, ctx)
    assert not any("不是罚则" in f.reason for f in variant_flags(data, ctx))


def test_town_named_by_the_article_needs_no_handover(ctx: ReviewContext) -> None:
    """第二十三条 "法律另有规定的，从其规定": the 罚则 names the 乡、镇人民政府 itself."""
    found = _findings(_town("韶关市武江区龙归镇人民政府", ["警告"], 0), ctx)
    assert ("authority", f"{PENALTY_LAW}第二十三条") not in found
    assert ("law", PLANNING_65) in found


def test_new_numbering_is_one_finding_not_also_missing_kinds(ctx: ReviewContext) -> None:
    """The old 第四十四条 orders only 批评教育; read as the new 罚则 the file applied, its
    警告 and 罚款 are no second finding (the version is)."""
    data = _statistics("2024-05-20", "《中华人民共和国统计法》第四十四条")
    data["penalty"]["types"] = ["警告", "罚款"]
    found = _findings(data, ctx)
    assert ("law", f"{PENALTY_LAW}第三十七条") in found
    assert ("law", "《中华人民共和国统计法》第四十四条") not in found

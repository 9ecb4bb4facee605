"""Review round 21, class z1 (issue #18): facts that contradict the evidence in
review_fresh17 — a product punished as 超过限量 whose measured value is within the limit;
a 逾期未改正 fine whose 复查 re-test shows the limit met; and no unclear-base finding for
an item of a list (矿产资源法实施细则第四十二条(六)) the file does not rest on.
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh17 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

FACTS = ("facts", "《中华人民共和国行政处罚法》第四十条")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh17", f"rf17{prefix}_*.yaml")


# --- 超过限量 punished, measured within the limit -------------------------------------------


def _formaldehyde(value: float, limit: float, sentence: str) -> dict:
    data = _data("a_07")
    data["parties"][0]["name"] = "李某芬（台山市某童装店经营者）"
    data["facts"]["description"] = (
        f"当事人购进儿童睡衣80件。经监督抽查，{sentence}。已售出30件，货值金额3200元，"
        "违法所得1200元。"
    )
    report = data["evidence"][2]
    report["measurements"] = [{"item": "甲醛含量", "value": value, "limit": limit, "unit": "mg/kg"}]
    report["note"] = "报告结论：不合格"
    return data


@pytest.mark.parametrize(
    "sentence",
    [
        "检验报告认定甲醛含量超过GB 18401-2010 B类限量，判定不合格",
        "甲醛含量超出国家标准，判定不合格",
        "甲醛含量高于标准限值",
        "产品甲醛超标",
    ],
)
def test_within_limit_punished_as_exceeding(ctx: ReviewContext, sentence: str) -> None:
    assert FACTS in variant_findings(_formaldehyde(68, 75, sentence), ctx)


def test_above_limit_is_no_contradiction(ctx: ReviewContext) -> None:
    data = _formaldehyde(96, 75, "甲醛含量超出国家标准，判定不合格")
    assert FACTS not in variant_findings(data, ctx)


def test_values_written_in_the_text(ctx: ReviewContext) -> None:
    data = _formaldehyde(68, 75, "甲醛含量超过A类限量，判定不合格")
    data["evidence"][2]["measurements"] = []
    data["evidence"][2]["note"] = "检验报告载明甲醛含量14mg/kg，A类限量为20mg/kg，结论不合格"
    assert FACTS in variant_findings(data, ctx)


# --- 逾期未改正 found, the 复查 re-test within the limit --------------------------------------


def _noise(retest: float, name: str = "复查噪声检测报告") -> dict:
    data = _data("d_07")
    data["parties"][0]["name"] = "江门市某五金制品有限公司"
    retest_report = data["evidence"][4]
    retest_report["name"] = name
    retest_report["measurements"] = [
        {"item": "冲压岗位噪声8小时等效声级", "value": retest, "limit": 85, "unit": "dB(A)"}
    ]
    return data


@pytest.mark.parametrize(
    ("retest", "name"), [(84.1, "复查噪声检测报告"), (80, "整改后职业病危害因素检测报告")]
)
def test_retest_within_limit_contradicts_uncorrected(
    ctx: ReviewContext, retest: float, name: str
) -> None:
    assert FACTS in variant_findings(_noise(retest, name), ctx)


def test_retest_without_date_named_as_retest(ctx: ReviewContext) -> None:
    data = _noise(82.5, "复测报告")
    data["evidence"][4]["date"] = None
    assert FACTS in variant_findings(data, ctx)


def test_retest_above_limit_is_no_contradiction(ctx: ReviewContext) -> None:
    assert FACTS not in variant_findings(_noise(89.7), ctx)


# --- an item's base the file does not rest on ---------------------------------------------


def _quarry(penalty_basis: list[str]) -> dict:
    data = _data("c_07")
    data["parties"][0]["name"] = "黄某"
    data["facts"]["amounts"] = {"违法所得": 41000}
    data["penalty"]["amount"] = 20000
    data["penalty"]["confiscation_yuan"] = 41000
    data["citations"]["penalty_basis"] = penalty_basis
    return data


def test_article_without_item_does_not_rest_on_another_items_base(ctx: ReviewContext) -> None:
    data = _quarry(["《中华人民共和国矿产资源法实施细则》第四十二条"])
    assert FACTS not in variant_findings(data, ctx)


def test_cited_item_with_that_base_still_needs_it(ctx: ReviewContext) -> None:
    data = _quarry(["《中华人民共和国矿产资源法实施细则》第四十二条第（六）项"])
    assert FACTS in variant_findings(data, ctx)

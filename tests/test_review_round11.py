"""Review round 11 (issue #18, the ninth set): a reduction rests on a ground the law gives.
Statute text comes from the default corpus; cases are the shipped example, edited."""

from __future__ import annotations

import pytest
from review_fixtures import reduced_fine_case

from assistant.case_file import CaseFile
from assistant.review.context import ReviewContext
from assistant.review.engine import review

WATER_FINE = "《中华人民共和国水污染防治法》第八十三条"


def _must_fix(case: CaseFile, ctx: ReviewContext) -> set[tuple[str, str]]:
    return {
        (f.point.value, ctx.rule(rule))
        for f in review(case, ctx).flags
        if f.severity.value == "must_fix"
        for rule in [f.rule, *f.also_cites]
    }


def _below_minimum(case: CaseFile, ctx: ReviewContext) -> bool:
    return any(
        point == "discretion" and rule.startswith(WATER_FINE)
        for point, rule in _must_fix(case, ctx)
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

"""Review round 57 (issue #18), written before review_fresh43 was read: a measured item the
narrative calls failing (菌落总数为86CFU/mL，不符合…标准) while every reading of it in the file's own
report is within its ceiling is a fact the evidence contradicts (第四十条); a floor (标签标示
最低值, ≥) and a line not reached (未达到醉酒驾驶标准) are no such finding."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, variant_findings

from assistant.case_file import CaseFile
from assistant.review.checkers import measured_facts
from assistant.review.context import ReviewContext

FACTS_RULE = "《中华人民共和国行政处罚法》第四十条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_a_reading_within_its_limit_called_failing(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh41", "rf41b_07_*.yaml")
    assert FACTS_RULE in rules_of(variant_findings(data, ctx), "facts")
    report = next(e for e in data["evidence"] if e.get("measurements"))
    report["measurements"][0]["value"] = 120  # 1号点 over its 100 CFU/mL
    assert FACTS_RULE not in rules_of(variant_findings(data, ctx), "facts")


def test_a_line_not_reached_is_no_failing_finding(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh23", "rf23a_11_*.yaml")
    assert not rules_of(variant_findings(data, ctx), "facts")


def test_a_floor_below_its_label_is_no_reading_within_limit(ctx: ReviewContext) -> None:
    """总养分标注≥45%，实测31.2%: below a floor fails; the ceiling reading must not call it passed."""
    for set_name, pattern in (
        ("review_fresh8", "36_shijian_*.yaml"),
        ("review_fresh37", "rf37a_11_*.yaml"),
    ):
        case = CaseFile.model_validate(set_file_data(set_name, pattern))
        assert not measured_facts.named_item_within_limit(case, ctx)

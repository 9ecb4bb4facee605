"""从旧兼从轻 (行政处罚法第三十七条但书): a 罚则 amended between the act and the decision, and
lighter now, applies in its new version. The case is a variant of
eval/sets/review_fresh14/rf14b_11 (道路运输条例第六十三条, amended 2023-07-20: 普通货运 without
a permit, gains under 1万 → 3000–1万 instead of 3万–10万)."""

from __future__ import annotations

import pytest
from review_fixtures import must_fix_findings, set_file_data

from assistant.case_file import parse_case
from assistant.review.context import ReviewContext
from assistant.review.engine import review

LIGHTER = ("law", "《中华人民共和国行政处罚法》第三十七条")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _case(amount: int, decided: str = "2023-09-12") -> dict:
    data = set_file_data("review_fresh14", "rf14b_11_*.yaml")
    data["penalty"]["amount"] = amount
    for event in data["events"]:
        if event["type"] == "决定":
            event["date"] = decided
    return data


def _findings(data: dict, ctx: ReviewContext) -> set[tuple[str, str]]:
    return must_fix_findings(parse_case(data), ctx)


def test_fine_above_the_lighter_new_maximum_is_flagged(ctx: ReviewContext) -> None:
    assert LIGHTER in _findings(_case(30000), ctx)


def test_fine_inside_the_new_range_is_not(ctx: ReviewContext) -> None:
    assert LIGHTER not in _findings(_case(8000), ctx)


def test_decision_before_the_amendment_keeps_the_old_law(ctx: ReviewContext) -> None:
    data = _case(30000, decided="2023-07-18")
    for event in data["events"]:
        if event["type"] in ("告知", "陈述申辩"):
            event["date"] = "2023-07-10"
    assert LIGHTER not in _findings(data, ctx)


def test_finding_names_both_versions(ctx: ReviewContext) -> None:
    flags = [f for f in review(parse_case(_case(30000)), ctx).flags if "新规定处罚较轻" in f.reason]
    assert len(flags) == 1
    assert "2023-07-20" in flags[0].reason and "2022-03-29" in flags[0].reason

"""A legal reviewer with a stake in the case withdraws (广东省重大行政执法决定法制审核办法第二十一条);
the officers' own withdrawal stays 行政处罚法第四十三条's."""

from __future__ import annotations

import pytest
from review_fixtures import example_data, must_fix_findings

from assistant.case_file import parse_case
from assistant.review.context import ReviewContext

REVIEWER = ("qualification", "《广东省重大行政执法决定法制审核办法》第二十一条")
OFFICER = ("qualification", "《中华人民共和国行政处罚法》第四十三条第一款")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def _with_review_note(note: str, ctx: ReviewContext) -> set[tuple[str, str]]:
    data = example_data()
    for event in data["events"]:
        if event["type"] == "法制审核":
            event["note"] = note
    return must_fix_findings(parse_case(data), ctx)


def test_related_reviewer_who_did_not_withdraw_is_flagged(ctx: ReviewContext) -> None:
    note = "法制审核人员陈某系当事人法定代表人之妻，未回避，出具审核意见"
    findings = _with_review_note(note, ctx)
    assert REVIEWER in findings and OFFICER not in findings


def test_reviewer_without_a_relation_is_not(ctx: ReviewContext) -> None:
    note = "法制审核人员陈某与本案无利害关系，未申请回避，出具审核意见"
    assert REVIEWER not in _with_review_note(note, ctx)


def test_handling_officer_named_beside_the_reviewer_stays_the_officers_rule(
    ctx: ReviewContext,
) -> None:
    note = "执法人员与当事人系同学关系未回避，法制审核人员未提出意见"
    assert REVIEWER not in _with_review_note(note, ctx)

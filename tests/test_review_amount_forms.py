"""Sums in a file's prose are read however a decision writes them: figures, thousands
commas, ¥, 万, or 大写 (伍万元整). A 货值 or a notified fine written 大写 is still a number
the range and notice checks compare against."""

from __future__ import annotations

import pytest
from review_fixtures import edited_example, must_fix_findings

from assistant.review.checkers.heavier_than_notified import notified_fine
from assistant.review.context import ReviewContext
from assistant.review.statutory_fine import narrated_amounts


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("经查，货值金额8160元。", {"货值金额": 8160.0}),
        (
            "经查，货值金额为人民币8,160元，违法所得叁仟贰佰元。",
            {"货值金额": 8160.0, "违法所得": 3200.0},
        ),
        ("违法所得为1.56万元。", {"违法所得": 15600.0}),
        ("销售金额共计：¥12,500.00元。", {"销售金额": 12500.0}),
        ("违法所得人民币壹万贰仟元整。", {"违法所得": 12000.0}),
    ],
)
def test_narrated_amounts_in_every_written_form(description: str, expected: dict) -> None:
    case = edited_example(facts__description=description)
    assert narrated_amounts(case) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("拟罚款人民币伍万元整", 50000.0),
        ("拟处罚款20,000元", 20000.0),
        ("拟给予罚款二万元的行政处罚", 20000.0),
        ("拟罚款¥8,000.00元", 8000.0),
    ],
)
def test_notified_fine_in_every_written_form(note: str, expected: float) -> None:
    case = edited_example()
    notice = next(e for e in case.events if e.type == "告知")
    notice.note = note
    found = notified_fine(case)
    assert found is not None
    assert found[0] == pytest.approx(expected)


def test_decision_heavier_than_a_notice_written_in_capitals(ctx: ReviewContext) -> None:
    """The example decides 150,000 yuan after a statement; a notice of 伍万元 makes it heavier."""
    case = edited_example()
    notice = next(e for e in case.events if e.type == "告知")
    notice.note = "告知拟罚款人民币伍万元整"
    found = must_fix_findings(case, ctx)
    assert ("procedure", "《中华人民共和国行政处罚法》第四十五条第二款") in found
    notice.note = "告知拟罚款人民币壹拾伍万元整"
    assert not any(rule.endswith("第四十五条第二款") for _, rule in must_fix_findings(case, ctx))

"""Review round 82 (issue #18) on review_fresh71 and review_fresh72 (each scored once before
this round, by 149eb2d; what follows is tuned on them, not evidence of them)."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_findings

from assistant.review.context import ReviewContext
from assistant.review.mitigation import affirmed

F71, F72 = "review_fresh71", "review_fresh72"
PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        # 病死猪冷库 in a 生产区: no diseased meat produced or sold
        (F71, "rf71a_03_*.yaml"),
        # 追缴违法所得 is a sum the decision states, no property to list
        (F72, "rf72d_03_*.yaml"),
    ],
)
def test_clean_files(ctx: ReviewContext, set_name: str, pattern: str) -> None:
    assert not set_findings(set_name, pattern, ctx)


@pytest.mark.parametrize(
    ("set_name", "pattern", "point", "rule"),
    [
        # 未主动消除或减轻…，无受胁迫或诱骗、…或者配合查处有立功表现: no ground, below the floor
        (F71, "rf71b_03_*.yaml", "discretion", "《中华人民共和国城乡规划法》第六十四条"),
        (F72, "rf72d_09_*.yaml", "discretion", "《中华人民共和国反恐怖主义法》第八十六条第二款"),
        # 单位有前款第一项…行为之一，处五万元以上: the unit's range, in 第二款
        (
            F72,
            "rf72c_06_*.yaml",
            "discretion",
            "《中华人民共和国固体废物污染环境防治法》第一百一十一条第二款",
        ),
        # a death in a well with no gas alarm: 重大劳动安全事故罪
        (F71, "rf71c_07_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
    ],
)
def test_found(ctx: ReviewContext, set_name: str, pattern: str, point: str, rule: str) -> None:
    assert rule in rules_of(set_findings(set_name, pattern, ctx), point)


def test_a_negation_reaches_along_a_list_joined_by_or() -> None:
    text = "当事人未主动消除或减轻违法行为危害后果，无受胁迫或诱骗、主动供述行政机关尚未掌握的违法行为或者配合查处有立功表现等情形"
    assert not affirmed("减轻违法行为危害后果", text)
    assert not affirmed("立功", text)
    assert affirmed("立功", "当事人配合查处有立功表现")

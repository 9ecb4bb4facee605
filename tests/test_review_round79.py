"""Review round 79 (issue #18) on review_fresh65 and review_fresh66 (each scored once before
this round, by 0d5dd9d; what follows is tuned on them, not evidence of them)."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_findings

from assistant.review.context import ReviewContext

F65, F66 = "review_fresh65", "review_fresh66"
PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        # 不涉及围海、填海: the narrower 十倍以上 fine of 海域使用管理法第四十二条 is denied
        (F66, "rf66c_01_*.yaml"),
        # 非通过暗管等逃避监管方式排放: 环境保护法第六十三条 ruled out
        (F65, "rf65a_01_*.yaml"),
    ],
)
def test_clean_files(ctx: ReviewContext, set_name: str, pattern: str) -> None:
    assert not set_findings(set_name, pattern, ctx)


@pytest.mark.parametrize(
    ("set_name", "pattern", "point", "rule"),
    [
        (F66, "rf66c_04_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        (F66, "rf66c_10_*.yaml", "evidence", f"{PENALTY_LAW}第五十五条第二款"),
    ],
)
def test_found(ctx: ReviewContext, set_name: str, pattern: str, point: str, rule: str) -> None:
    assert rule in rules_of(set_findings(set_name, pattern, ctx), point)


@pytest.mark.parametrize(
    ("set_name", "pattern", "point"),
    [
        (F65, "rf65a_07_*.yaml", "authority"),  # 停产整治 is the department's, not 停业、关闭
        (F66, "rf66c_10_*.yaml", "discretion"),  # 不涉及围海、填海
        (F66, "rf66c_09_*.yaml", "transfer"),  # 非休渔期: no 禁渔期 fishing
    ],
)
def test_not_found(ctx: ReviewContext, set_name: str, pattern: str, point: str) -> None:
    assert not rules_of(set_findings(set_name, pattern, ctx), point)

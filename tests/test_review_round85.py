"""Review round 85 (issue #18) on review_fresh75 and review_fresh76 (each scored once before
this round, by f4c2e64, and again by 5437277; what follows is tuned on them, not evidence of
them). Also two older misses read again: an inspection carried out without its record."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import fine_clauses

F72, F73, F75, F76 = "review_fresh72", "review_fresh73", "review_fresh75", "review_fresh76"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
SATELLITE_10_3 = (
    "违反本规定，擅自安装和使用卫星地面接收设施的，由广播电视行政管理部门没收其安装和使用的"
    "卫星地面接收设施，对个人可以并处5000元以下的罚款，对单位可以并处5万元以下的罚款。"
)


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize(
    ("set_name", "pattern", "point", "rule"),
    [
        # a 黑广播 measured at 620 W; 非法买卖外汇 of 6.42 million; river sand sold for 447120
        (F75, "rf75a_02_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        (F76, "rf76a_04_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        (F76, "rf76c_04_*.yaml", "transfer", f"{PENALTY_LAW}第二十七条第一款"),
        # 对个人可以并处5000元以下: the person's range
        (
            F75,
            "rf75a_05_*.yaml",
            "discretion",
            "《卫星电视广播地面接收设施管理规定》第十条第三款",
        ),
        # 对粤S…货车开展检查 / 进入出租屋天台检查 with no inspection record
        (F72, "rf72a_07_*.yaml", "evidence", f"{PENALTY_LAW}第五十五条第二款"),
        (F73, "rf73b_10_*.yaml", "evidence", f"{PENALTY_LAW}第五十五条第二款"),
    ],
)
def test_found(ctx: ReviewContext, set_name: str, pattern: str, point: str, rule: str) -> None:
    assert rule in rules_of(set_findings(set_name, pattern, ctx), point)


def test_copies_below_the_line_go_to_no_police(ctx: ReviewContext) -> None:
    # 480 copies, of which 300 sold and 180 in stock: a total and its parts, not 960
    assert not rules_of(set_findings(F75, "rf75d_01_*.yaml", ctx), "transfer")


def test_a_clause_addressed_to_persons_before_units() -> None:
    assert [c.party for c in fine_clauses(SATELLITE_10_3)] == ["个人", "单位"]


@pytest.mark.parametrize("pattern", ["rf52b_08_*.yaml", "rf52d_09_*.yaml"])
def test_a_deadline_named_is_no_day_of_compliance(ctx: ReviewContext, pattern: str) -> None:
    # 限期至2025年3月21日改正 / 7月31日改正期限届满后仍未补传: no correction on that day
    assert not rules_of(set_findings("review_fresh52", pattern, ctx), "law")


def test_an_institution_without_penalty_power_cites_whose_the_penalties_are(
    ctx: ReviewContext,
) -> None:
    found = set_findings("review_fresh65", "rf65b_08_*.yaml", ctx)
    assert "《中华人民共和国计量法》第三十条" in rules_of(found, "subject")


def test_a_generic_permit_reservation_binds_a_named_licence(ctx: ReviewContext) -> None:
    # 药品管理法第一百三十九条: 吊销许可证件的，由原批准、发证的部门决定 — a 药品经营许可证 too
    found = set_findings("review_fresh57", "rf57c_04_*.yaml", ctx)
    assert "《中华人民共和国药品管理法》第一百三十九条" in rules_of(found, "authority")

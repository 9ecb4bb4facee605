"""Review round 88 (issue #18) on review_fresh77 and review_fresh78 (scored once before round
87, by 745aa82, and again by 2d85363; what follows is tuned on them, not evidence of them):
transfer lines for smuggling (偷逃应缴税额), acetic anhydride and ephedrine sold outside the
licence regime, international call traffic, a drowning death and waste acid pumped into a
sewer; a state organ's 派出机构 at any level; a referral clause (依照…第…条的规定追究法律责任)
is a 罚则; a multiple's fine raised to its floor (货值的20倍不足1万元的，按1万元罚款)."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import fine_floor, statutory_bounds

F77, F78 = "review_fresh77", "review_fresh78"
PRECURSOR_38 = (
    "违反本条例规定，未经许可或者备案擅自生产、经营、购买、运输易制毒化学品的，由公安机关没收…，"
    "处非法生产、经营、购买或者运输的易制毒化学品货值10倍以上20倍以下的罚款，货值的20倍不足1万元的，"
    "按1万元罚款；有违法所得的，没收违法所得。"
)


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        (F77, "rf77a_04_*.yaml"),  # a company's smuggling, 偷逃应缴税款 236845.14 元
        (F77, "rf77c_06_*.yaml"),  # 醋酸酐 35 千克 sold to a person without a filing
        (F78, "rf78b_05_*.yaml"),  # 经营去话业务数额 1323000 元 over a private switch
        (F78, "rf78c_06_*.yaml"),  # a child drowned in an unguarded pool
        (F78, "rf78d_07_*.yaml"),  # 废盐酸（HW34）6.8 吨 pumped into the sewer
    ],
)
def test_transfer_found(ctx: ReviewContext, set_name: str, pattern: str) -> None:
    assert rules_of(set_findings(set_name, pattern, ctx), "transfer")


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        (F78, "rf78b_02_*.yaml"),  # 410400 元 of call traffic, under the line
        (F77, "rf77b_01_*.yaml"),  # ordinary relics; 高一级文物 quoted from the counting rule
    ],
)
def test_no_transfer_below_the_line(ctx: ReviewContext, set_name: str, pattern: str) -> None:
    assert not rules_of(set_findings(set_name, pattern, ctx), "transfer")


def test_a_state_organs_branch_holds_its_power(ctx: ReviewContext) -> None:
    # 由国务院征信业监督管理部门或者其派出机构: 人民银行江门市中心支行
    assert not rules_of(set_findings(F78, "rf78a_01_*.yaml", ctx), "authority")


def test_a_referral_clause_is_a_penalty_basis(ctx: ReviewContext) -> None:
    # 政府采购法实施条例第七十四条: 依照政府采购法第七十七条第一款的规定追究法律责任
    assert not rules_of(set_findings(F77, "rf77d_03_*.yaml", ctx), "law")


def test_a_fine_raised_to_its_floor() -> None:
    assert fine_floor(PRECURSOR_38) == 10000
    bounds = statutory_bounds(PRECURSOR_38, {"货值": 175}, None)
    assert (bounds.low, bounds.high) == (10000, 10000)
    bounds = statutory_bounds(PRECURSOR_38, {"货值": 1000}, None)
    assert (bounds.low, bounds.high) == (10000, 20000)

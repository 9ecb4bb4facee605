"""Review round 48 (issue #18): a miss left by round 47 and review_fresh36's blind score.

- a narrower act an article fines apart (…；对未经批准…进行围海、填海活动的，并处十倍以上二十倍
  以下的罚款, 海域使用管理法第四十二条) displaces the general fine when the facts tell it, and
  a base described at length (…应缴纳的海域使用金) is the file's amount named by its head noun.
Cases are variants of eval/sets/review_fresh35 and review_fresh36 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import statutory_bounds

F35 = "review_fresh35"
SEA_42 = "《中华人民共和国海域使用管理法》第四十二条"
SEA_42_TEXT = (
    "未经批准或者骗取批准，非法占用海域的，责令退还非法占用的海域，恢复海域原状，没收违法所得，"
    "并处非法占用海域期间内该海域面积应缴纳的海域使用金五倍以上十五倍以下的罚款；对未经批准或者"
    "骗取批准，进行围海、填海活动的，并处非法占用海域期间内该海域面积应缴纳的海域使用金十倍以上"
    "二十倍以下的罚款。"
)


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_a_told_reclamation_takes_its_own_multiple() -> None:
    bounds = statutory_bounds(
        SEA_42_TEXT, {"应缴海域使用金": 290250}, None, told="抛石回填，属填海"
    )
    assert bounds is not None
    assert (bounds.low, bounds.high) == pytest.approx((2902500, 5805000))


def test_plain_occupation_keeps_the_general_multiple() -> None:
    bounds = statutory_bounds(SEA_42_TEXT, {"应缴海域使用金": 290250}, None, told="设置网箱养殖")
    assert bounds is not None
    assert (bounds.low, bounds.high) == pytest.approx((1451250, 4353750))


def test_a_reclamation_fined_on_the_general_range_is_below_its_floor(ctx: ReviewContext) -> None:
    found = variant_findings(set_file_data(F35, "rf35a_11_*.yaml"), ctx)
    assert cites_article(found, "discretion", SEA_42)


def test_a_reclamation_fined_ten_times_passes(ctx: ReviewContext) -> None:
    data = set_file_data(F35, "rf35a_11_*.yaml")
    data["penalty"]["amount"] = 2902500
    data["facts"]["amounts"]["罚款"] = 2902500
    data["facts"]["quantities"]["罚款倍数"] = 10
    assert not cites_article(variant_findings(data, ctx), "discretion", SEA_42)

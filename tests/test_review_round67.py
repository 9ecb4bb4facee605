"""Review round 67 (issue #18) on misses of review_fresh48–50 (each scored once before):

- 限期清理 in a 罚则 asks the order's period (水土保持法第五十五条); an order to do the act at
  once (责令立即拆除) sets one, 立即停止…，进行整改 does not;
- buying a forged state certificate is 刑法第二百八十条第一款 (no amount); only using one is not;
- a 罚则 whose new text fines only 情节严重 is lighter for a file found 情节较轻 (慈善法2023年
  第一百一十三条, the old 第一百零一条第一款第（一）项 reworded into an article of its own);
- an item cited by the old text's number is read without the law's common words (统计调查),
  and the old 罚则 gives the kinds of penalty;
- a decision the cited law sends to 复议 first (价格违法行为行政处罚规定第二十条) may not offer
  诉讼 directly (行政复议法第二十三条第二款);
- a 违法所得 below the cited tier, where the evidence agrees on takings above it, is a fact
  the evidence contradicts; a height 超过距离的十分之一 is an exceedance to measure."""

from __future__ import annotations

import pytest
from review_fixtures import reworded, rules_of, set_file_data, set_findings, variant_findings

from assistant.review.context import ReviewContext

F48, F49, F50 = "review_fresh48", "review_fresh49", "review_fresh50"
DEADLINE = "《中华人民共和国行政处罚法》第二十八条第一款"
LATER_LAW = "《中华人民共和国行政处罚法》第三十七条"
FACTS = "《中华人民共和国行政处罚法》第四十条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_cleanup_order_needs_its_period(ctx: ReviewContext) -> None:
    assert DEADLINE in rules_of(set_findings(F50, "rf50b_10_*.yaml", ctx), "documents")
    data = reworded(set_file_data(F50, "rf50b_10_*.yaml"), ("责令清理所倾倒", "责令立即清理所倾倒"))
    assert DEADLINE not in rules_of(variant_findings(data, ctx), "documents")


def test_stop_at_once_leaves_the_correction_open(ctx: ReviewContext) -> None:
    found = set_findings("review_fresh5", "25_mnyj_tezhong_zuoye_wuqixian.yaml", ctx)
    assert DEADLINE in rules_of(found, "documents")


def test_bought_forged_certificate_goes_to_police(ctx: ReviewContext) -> None:
    found = set_findings(F50, "rf50c_07_*.yaml", ctx)
    assert "《中华人民共和国刑法》第二百八十条" in rules_of(found, "transfer")
    data = reworded(
        set_file_data(F50, "rf50c_07_*.yaml"),
        ("购买", "取得"),
        ("买卖", "持有"),
    )
    assert not rules_of(variant_findings(data, ctx), "transfer")


def test_new_law_fines_only_serious_cases(ctx: ReviewContext) -> None:
    assert LATER_LAW in rules_of(set_findings(F50, "rf50d_04_*.yaml", ctx), "law")
    # 情节一般 is not 情节严重 either: the new version fines it not at all (round 106,
    # fresh107 a03); only a file that finds the case 情节严重 stays under the old range
    ordinary = reworded(set_file_data(F50, "rf50d_04_*.yaml"), ("情节较轻", "情节一般"))
    assert LATER_LAW in rules_of(variant_findings(ordinary, ctx), "law")
    serious = reworded(set_file_data(F50, "rf50d_04_*.yaml"), ("情节较轻", "情节严重"))
    assert LATER_LAW not in rules_of(variant_findings(serious, ctx), "law")


def test_old_item_number_of_statistics_law(ctx: ReviewContext) -> None:
    found = set_findings(F48, "rf48a_10_*.yaml", ctx)
    assert LATER_LAW in rules_of(found, "law")
    assert "《中华人民共和国统计法》第四十一条" not in rules_of(found, "law")


def test_price_penalty_tells_review_first(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国行政复议法》第二十三条第二款"
    assert rule in rules_of(set_findings(F49, "rf49b_09_*.yaml", ctx), "documents")
    data = reworded(
        set_file_data(F49, "rf49b_09_*.yaml"),
        (
            "也可以在六个月内直接向人民法院提起行政诉讼",
            "对复议决定不服的，可以在十五日内向人民法院提起行政诉讼",
        ),
    )
    assert rule not in rules_of(variant_findings(data, ctx), "documents")


def test_income_found_below_the_tier_the_evidence_reaches(ctx: ReviewContext) -> None:
    assert FACTS in rules_of(set_findings(F48, "rf48b_11_*.yaml", ctx), "facts")
    data = reworded(set_file_data(F48, "rf48b_11_*.yaml"), ("168000元", "86000元"))
    assert FACTS not in rules_of(variant_findings(data, ctx), "facts")


def test_height_within_a_tenth_of_the_distance(ctx: ReviewContext) -> None:
    assert FACTS in rules_of(set_findings(F48, "rf48d_08_*.yaml", ctx), "facts")

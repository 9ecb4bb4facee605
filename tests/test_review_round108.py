"""Review round 108 (issue #18), chosen on review_fresh111 (scored blind at 1bb3076) and
review_fresh112/113 (scored blind at dc57691) after their scoring, so not evidence of them:
criminal lines whose act alone is the crime (窃取国有档案, 出卖遗体, 组织国家考试作弊), the
内幕交易 lines of the 2012 两高 interpretation, and wider act words for lines that already
existed (盗印 as the copying, 燃气经营许可 / 液化石油气 as the dangerous goods, 仍…拆除 after
an order as the knowing demolition, 无三级以上 as a denial); and a lower 罚则 whose range differs from the law's no
longer a must_fix when the fine imposed is one the law allows too (a check: cite the law)."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, rules_of, set_findings

from assistant.review.context import ReviewContext

_TRANSFER = "《中华人民共和国行政处罚法》第二十七条"


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        ("review_fresh112", "rf112c_10_*.yaml"),  # archive originals smuggled out and sold
        ("review_fresh111", "rf111c_07_*.yaml"),  # an entrusted body sold for a 阴婚
        ("review_fresh112", "rf112b_10_*.yaml"),  # 替考 organised at the 成人高考
        ("review_fresh111", "rf111d_06_*.yaml"),  # insider trading, 620万元 turnover
        ("review_fresh113", "rf113b_05_*.yaml"),  # 6500 pirate-printed books
        ("review_fresh113", "rf113c_07_*.yaml"),  # unlicensed LPG store with a real danger
        ("review_fresh111", "rf111a_07_*.yaml"),  # 省级文物保护单位 pulled down after an order
    ],
)
def test_act_that_is_the_crime_goes_to_the_police(
    set_name: str, pattern: str, national_ctx: ReviewContext
) -> None:
    found = set_findings(set_name, pattern, national_ctx)
    assert cites_article(found, "transfer", _TRANSFER)


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        ("review_fresh111", "rf111c_01_*.yaml"),  # niches sold, ashes stored: no 尸体 crime
        ("review_fresh25", "rf25d_11_*.yaml"),
        ("review_fresh113", "rf113c_03_*.yaml"),  # gas flash below the accident line
        ("review_fresh111", "rf111a_03_*.yaml"),  # 无三级以上珍贵文物: no 倒卖文物 line
    ],
)
def test_no_transfer_below_the_act(
    set_name: str, pattern: str, national_ctx: ReviewContext
) -> None:
    assert not rules_of(set_findings(set_name, pattern, national_ctx), "transfer")


@pytest.mark.parametrize(
    ("set_name", "pattern", "law"),
    [
        # 条例 2万–20万 over the law's 2万–10万; 100000 is inside both
        ("review_fresh112", "rf112a_02_*.yaml", "《中华人民共和国放射性污染防治法》"),
        ("review_fresh100", "rf100b_01_*.yaml", "《中华人民共和国产品质量法》"),
        ("review_fresh97", "rf97b_04_*.yaml", "《中华人民共和国数据安全法》"),
    ],
)
def test_fine_the_law_allows_too_is_not_a_conflict(
    set_name: str, pattern: str, law: str, national_ctx: ReviewContext
) -> None:
    found = set_findings(set_name, pattern, national_ctx)
    assert not cites_article(found, "law", law)

"""Review round 97 (issue #18) on review_fresh89 and review_fresh90 (each scored blind by 71e85de
before this round; tuned on them, not evidence of them): two 罚则 giving their penalties to
departments of different kinds are no one act (海关 / 环境保护主管部门), a 送达回证 of an order is no
order, 依照《…》、《…》等法律、行政法规的规定处罚 as a 罚则 beside the one it names, a denial naming
the article of its ground (不属《行政处罚法》第三十二条第（一）项主动消除…), another plea refused
(以家庭困难请求减轻的理由不属于法定减轻情形) no refusal of the recorded ground, 所收取报酬 as the
收取报酬总额, and 未售出…3件 no count of the sales."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, sent_to_police, set_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import same_base


def test_received_bases() -> None:
    assert same_base("收取报酬总额", "所收取报酬")
    assert not same_base("收取费用", "所收财物价值")


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        ("review_fresh89", "rf89b_01_*.yaml"),  # 海关's 罚则 no higher law of the 托运人's
        ("review_fresh89", "rf89a_02_*.yaml"),  # 送达回证（限期改正指令书）
        ("review_fresh89", "rf89a_03_*.yaml"),  # 家庭困难 plea refused, the ground applied
        ("review_fresh89", "rf89d_03_*.yaml"),  # 地下水管理条例第五十五条; 不属…第三十二条…主动消除
        ("review_fresh90", "rf90c_02_*.yaml"),  # 未售出档案原件3件
        ("review_fresh90", "rf90d_02_*.yaml"),  # 收取报酬总额
    ],
)
def test_clean_files_stay_clean(national_ctx: ReviewContext, set_name: str, pattern: str) -> None:
    assert not set_findings(set_name, pattern, national_ctx)


def test_a_forged_residence_permit_sold_and_one_bought_for_own_use(
    national_ctx: ReviewContext,
) -> None:
    # 38 forged 居住证 sold: 伪造、买卖国家机关证件罪; one bought 供本人使用: 居住证暂行条例第十九条
    assert sent_to_police(
        "review_fresh90", "rf90d_05_*.yaml", national_ctx, "《中华人民共和国刑法》第二百八十条"
    )
    assert not rules_of(set_findings("review_fresh90", "rf90d_10_*.yaml", national_ctx), "transfer")

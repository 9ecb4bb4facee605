"""Review round 99 (issue #18) on review_fresh93 and review_fresh94 (each scored blind by 39159de
before this round; tuned on them, not evidence of them): a 罚则 whose organ is its subject
(…土地管理部门应当没收…, …著作权行政管理部门可处…) is a 罚则, 应缴或者补缴水资源费 is either
amount, 立即停止并移走 sets its time, a seizure in the entrusting bureau's name by its officers
is the bureau's, …主管部门或其授权的单位决定 assigns the law's penalties, 提请…人民政府责令停产
整顿 names the organ, a receipt named after the decision is not the decision, and three criminal
lines: 故意破坏永久性测量标志, 当事人自己变造国家机关批准文件, 国家重点保护野生动物制品价值二万元以上."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, rules_of, sent_to_police, set_findings

from assistant.review.context import ReviewContext


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        ("review_fresh94", "rf94a_02_*.yaml"),  # 2021年度应缴水资源费
        ("review_fresh94", "rf94a_03_*.yaml"),  # 责令立即停止并移走船只
        ("review_fresh94", "rf94d_01_*.yaml"),  # 误碰 a survey marker: no crime
        ("review_fresh94", "rf94d_03_*.yaml"),  # 城镇国有土地…条例第四十六条 is a 罚则
        ("review_fresh39", "rf39a_11_*.yaml"),  # 未列入国家重点保护野生动物名录
    ],
)
def test_no_finding_the_file_does_not_carry(
    national_ctx: ReviewContext, set_name: str, pattern: str
) -> None:
    found = set_findings(set_name, pattern, national_ctx)
    assert not rules_of(found, "transfer")
    if set_name == "review_fresh94":
        assert not found


def test_a_seizure_by_the_entrusting_bureau_itself(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh94", "rf94c_08_*.yaml", national_ctx)
    assert not rules_of(found, "procedure")


def test_the_forest_pest_regulation_names_whose_its_penalties_are(
    national_ctx: ReviewContext,
) -> None:
    found = set_findings("review_fresh93", "rf93a_05_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《森林病虫害防治条例》第二十六条")


def test_a_suspension_the_government_decides_on_request(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh93", "rf93c_11_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《中华人民共和国监控化学品管理条例》第二十一条")


def test_the_decision_not_its_receipt(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh93", "rf93d_10_*.yaml", national_ctx)
    assert cites_article(found, "documents", "《中华人民共和国行政处罚法》第五十九条")


@pytest.mark.parametrize(
    ("pattern", "crime"),
    [
        ("rf94d_04_*.yaml", "《中华人民共和国刑法》第三百二十三条"),
        ("rf94c_05_*.yaml", "《中华人民共和国刑法》第三百四十一条"),
    ],
)
def test_criminal_lines_of_fresh94(national_ctx: ReviewContext, pattern: str, crime: str) -> None:
    found = rules_of(set_findings("review_fresh94", pattern, national_ctx), "transfer")
    assert "《中华人民共和国行政处罚法》第二十七条第一款" in found
    assert crime in found or any("破坏野生动物资源" in r for r in found)


def test_an_approval_the_party_altered_itself(national_ctx: ReviewContext) -> None:
    assert sent_to_police(
        "review_fresh93", "rf93c_06_*.yaml", national_ctx, "《中华人民共和国刑法》第二百八十条"
    )


def test_regressions_the_round_99_dump_found(national_ctx: ReviewContext) -> None:
    # 99b/99c: the daily-penalty decision's own form, the 2024 矿产资源法 not matched to the
    # 细则's item by qualifier words, a food-safety committee's office, 提请…人民政府 with 第一百一十五条
    assert not set_findings("review_fresh65", "rf65a_10_*.yaml", national_ctx)
    assert not rules_of(
        set_findings("review_fresh57", "rf57a_07_*.yaml", national_ctx), "documents"
    )
    mining = set_findings("review_fresh13", "rf13c_10_*.yaml", national_ctx)
    assert not cites_article(mining, "law", "《中华人民共和国矿产资源法》第六十七条")
    assert not rules_of(
        set_findings("review_fresh25", "rf25b_09_*.yaml", national_ctx), "authority"
    )
    closure = set_findings("review_fresh32", "rf32d_10_*.yaml", national_ctx)
    assert cites_article(closure, "authority", "《中华人民共和国安全生产法》第一百一十五条")

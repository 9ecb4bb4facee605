"""Review round 101 (issue #18) on review_fresh95–98 (each scored blind before: fresh95/96 by
f6fcc7e, fresh97/98 by eef83d5; tuned on them after, not evidence of them): a warning of court
enforcement is no application, a referral article beside its 罚则, 奖励和惩罚 chapters, denied
circumstances, a permit's volume, closed hearings on health matters, 组织出卖人体器官罪, a law
repealed by another's 《X》同时废止, 情节严重或者拒绝改正, the 电力法 police referral, 破坏广播电视
设施罪, stolen power cable bought knowingly, a case the police opened on another crime, the
动物卫生监督机构, the 电力管理部门, the registering organ's 吊销, and 罚则 outside a 法律责任
chapter (…部门处理时…)."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, rules_of, sent_to_police, set_findings

from assistant.review.context import ReviewContext


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        ("review_fresh95", "rf95a_03_*.yaml"),  # 逾期不拆除的，依法申请人民法院强制执行
        ("review_fresh95", "rf95c_03_*.yaml"),  # 农田水利条例第四十四条 beside 水法第七十二条
        ("review_fresh96", "rf96a_01_*.yaml"),  # 许可…蓄积42.0立方米: the permit's volume
        ("review_fresh96", "rf96a_02_*.yaml"),  # 森林病虫害防治条例第二十二条 (奖励和惩罚)
        ("review_fresh98", "rf98d_03_*.yaml"),  # 可以处限期出境
        ("review_fresh97", "rf97c_01_*.yaml"),  # 奥林匹克标志保护条例第十二条 is a 罚则
    ],
)
def test_clean_or_trap_files_keep_quiet(
    national_ctx: ReviewContext, set_name: str, pattern: str
) -> None:
    found = set_findings(set_name, pattern, national_ctx)
    assert not rules_of(found, "law")
    assert not rules_of(found, "procedure")
    if pattern != "rf97c_01_*.yaml":
        assert not rules_of(found, "transfer")


def test_single_theft_with_no_listed_circumstance(national_ctx: ReviewContext) -> None:
    # 无入户、携带凶器或扒窃情节 denies each circumstance it lists
    found = set_findings("review_fresh95", "rf95d_07_*.yaml", national_ctx)
    assert not rules_of(found, "transfer")


def test_closed_hearing_on_an_organ_case_is_no_defect(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh96", "rf96b_07_*.yaml", national_ctx)
    assert not rules_of(found, "procedure")


@pytest.mark.parametrize(
    ("set_name", "pattern", "crime"),
    [
        ("review_fresh96", "rf96b_08_*.yaml", "《中华人民共和国刑法》第二百三十四条之一"),
        ("review_fresh95", "rf95a_05_*.yaml", "《中华人民共和国刑法》第一百二十四条"),
        ("review_fresh95", "rf95d_06_*.yaml", "《中华人民共和国刑法》第三百一十二条"),
    ],
)
def test_criminal_lines_of_round_101(
    national_ctx: ReviewContext, set_name: str, pattern: str, crime: str
) -> None:
    assert sent_to_police(set_name, pattern, national_ctx, crime)


@pytest.mark.parametrize(
    ("set_name", "pattern", "point", "article"),
    [
        # 《人体器官移植条例》同时废止 by 人体器官捐献和移植条例第五十条 from 2024-05-01
        ("review_fresh96", "rf96b_04_*.yaml", "law", "《中华人民共和国行政处罚法》第三十七条"),
        # 应当给予治安管理处罚的，由公安机关…予以处罚
        ("review_fresh96", "rf96d_05_*.yaml", "authority", "《中华人民共和国电力法》第七十条"),
        # 由动物卫生监督机构…
        (
            "review_fresh96",
            "rf96c_04_*.yaml",
            "authority",
            "《畜禽规模养殖污染防治条例》第四十二条",
        ),
        # 由原登记部门吊销…诊疗科目; registered by the 广东省卫生健康委员会
        ("review_fresh96", "rf96b_10_*.yaml", "authority", "《人体器官捐献和移植条例》第四十二条"),
        # a 供电企业 fining 窃电 in its own name: 由电力管理部门
        ("review_fresh96", "rf96d_10_*.yaml", "subject", "《中华人民共和国行政处罚法》第十九条"),
    ],
)
def test_findings_of_round_101(
    national_ctx: ReviewContext, set_name: str, pattern: str, point: str, article: str
) -> None:
    assert cites_article(set_findings(set_name, pattern, national_ctx), point, article)


def test_either_ground_carries_the_fine(national_ctx: ReviewContext) -> None:
    # 电力法第六十五条: 情节严重或者拒绝改正的 — the refusal established is enough
    found = set_findings("review_fresh96", "rf96d_08_*.yaml", national_ctx)
    assert not cites_article(found, "law", "《中华人民共和国电力法》第六十五条")

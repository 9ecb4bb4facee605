"""Review round 100 (issue #18) on misses of review_fresh91–94 (tuned on them, not evidence of
them; written before review_fresh95/96 were read): 由审批机关撤销… reserved to the approving
organ, the agency's own 罚则 sending the fine to another department, a 局 no statute names under
a law assigning its penalties to other organs, 降低测绘资质等级, a regulation's referral to a
cited 罚则, the police referral inside a 罚则, 海域派出机构, 城乡规划 and level lists, and a
provincial organ under a 罚则 naming the 国务院 department alone."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_findings

from assistant.review.context import ReviewContext


@pytest.mark.parametrize(
    ("set_name", "pattern", "point", "article"),
    [
        # 由审批机关撤销筹备设立批准书; the 批准书 was the 广东省教育厅's
        (
            "review_fresh94",
            "rf94b_05_*.yaml",
            "authority",
            "《中华人民共和国中外合作办学条例》第五十二条",
        ),
        # …并由市场监督管理部门依照有关法律、行政法规的规定予以处罚
        (
            "review_fresh94",
            "rf94b_04_*.yaml",
            "authority",
            "《中华人民共和国中外合作办学条例》第五十五条",
        ),
        # 水文条例第四十三条: 水行政主管部门或者流域管理机构, not a 水文局
        ("review_fresh94", "rf94a_04_*.yaml", "subject", "《中华人民共和国水文条例》第四十三条"),
        # 降低测绘资质等级 is reserved to the 自然资源部 that issued the certificate
        ("review_fresh94", "rf94d_11_*.yaml", "authority", "《中华人民共和国测绘法》第六十六条"),
        # 实施条例第六十三条 punishes by 民办教育促进法第六十二条, which has no fine
        ("review_fresh94", "rf94b_10_*.yaml", "law", "《中华人民共和国行政处罚法》第三十八条"),
        # 抗旱条例第六十二条: 警告 only; its 治安 clause is the police's
        ("review_fresh94", "rf94a_10_*.yaml", "law", "《中华人民共和国抗旱条例》第六十二条"),
        # 国务院生态环境主管部门及其海域派出机构: no city's 生态环境局
        (
            "review_fresh93",
            "rf93d_02_*.yaml",
            "authority",
            "《中华人民共和国海洋环境保护法》第一百零六条",
        ),
        # 城市、县人民政府城乡规划主管部门, not the 文化广电旅游体育局
        (
            "review_fresh92",
            "rf92c_05_*.yaml",
            "authority",
            "《历史文化名城名镇名村保护条例》第四十三条",
        ),
        # 由国务院科学技术主管部门: not the 广东省科学技术厅
        (
            "review_fresh93",
            "rf93b_04_*.yaml",
            "authority",
            "《中华人民共和国生物安全法》第七十九条",
        ),
    ],
)
def test_findings_of_round_100(
    national_ctx: ReviewContext, set_name: str, pattern: str, point: str, article: str
) -> None:
    assert cites_article(set_findings(set_name, pattern, national_ctx), point, article)


def test_the_measures_of_a_reserved_certificate_are_the_law_s(national_ctx: ReviewContext) -> None:
    # 降低测绘资质等级 is a measure 测绘法第五十八条 provides: no 第三十八条 finding on it
    found = set_findings("review_fresh94", "rf94d_11_*.yaml", national_ctx)
    assert not cites_article(found, "law", "《中华人民共和国测绘法》第五十八条")

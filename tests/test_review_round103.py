"""Review round 103 (issue #18) on review_fresh99/100 (both scored blind first at 8d28324; tuned
on them after, not evidence of them): census and survey data as a penalty's ground, exit orders
by a non-police organ, organs a law defines (登记管理机关), measures a 罚则 leaves to the organ it
sends the case to or to the issuing government, a local government's power used by a central
organ, 撤销登记 and its hearing, a 拒不改正 tier with no order, fines computed on 进口或销售额, a
lower 罚则 whose fine the law allows too, branches of city bureaus, and new criminal lines
(变造身份证件, 虐待被看护人, 黑广播 interfering with aviation, a telecom cable cut knowingly,
破坏永久性测量标志 written object first, 职务侵占 paid into personal accounts)."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, rules_of, sent_to_police, set_findings

from assistant.review.context import ReviewContext


@pytest.mark.parametrize(
    ("set_name", "pattern", "point", "article"),
    [
        ("review_fresh100", "rf100c_10_*.yaml", "evidence", "《土地调查条例》第二十八条"),
        ("review_fresh97", "rf97a_09_*.yaml", "evidence", "《全国污染源普查条例》第三十五条"),
        ("review_fresh100", "rf100c_11_*.yaml", "authority", "《中华人民共和国测绘法》第六十六条"),
        ("review_fresh99", "rf99d_05_*.yaml", "authority", "《社会团体登记管理条例》第三十条"),
        ("review_fresh100", "rf100b_11_*.yaml", "authority", "《棉花质量监督管理条例》第三十条"),
        (
            "review_fresh99",
            "rf99c_05_*.yaml",
            "authority",
            "《中华人民共和国海域使用管理法》第四十六条",
        ),
        ("review_fresh99", "rf99b_05_*.yaml", "authority", "《民用机场管理条例》第七十九条"),
        (
            "review_fresh100",
            "rf100b_04_*.yaml",
            "authority",
            "《中华人民共和国计量法实施细则》第五十五条",
        ),
        (
            "review_fresh99",
            "rf99d_08_*.yaml",
            "procedure",
            "《中华人民共和国行政处罚法》第六十三条",
        ),
        ("review_fresh99", "rf99a_09_*.yaml", "law", "《稀土管理条例》第二十六条"),
        ("review_fresh100", "rf100c_08_*.yaml", "subject", "《中华人民共和国行政处罚法》第十九条"),
        ("review_fresh100", "rf100b_09_*.yaml", "subject", "《中华人民共和国计量法》第三十条"),
    ],
)
def test_findings_of_round_103(
    national_ctx: ReviewContext, set_name: str, pattern: str, point: str, article: str
) -> None:
    assert cites_article(set_findings(set_name, pattern, national_ctx), point, article)


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        ("review_fresh99", "rf99c_01_*.yaml"),  # 未组织拆除 is the party's, no demolition
        ("review_fresh99", "rf99c_02_*.yaml"),  # 不属围海、填海: the pier's own 5–15× tier
        ("review_fresh100", "rf100b_02_*.yaml"),  # 相当于进口或销售额 is the 进口额
        ("review_fresh100", "rf100d_03_*.yaml"),  # 禁止其…从事学前教育工作 is 限制从业
        ("review_fresh100", "rf100c_03_*.yaml"),  # a mark damaged by negligence
        ("review_fresh99", "rf99d_03_*.yaml"),  # money returned: no 职务侵占 line
    ],
)
def test_clean_files_keep_quiet(national_ctx: ReviewContext, set_name: str, pattern: str) -> None:
    found = set_findings(set_name, pattern, national_ctx)
    assert not found


def test_hotel_id_check_is_no_inspection(national_ctx: ReviewContext) -> None:
    assert not rules_of(
        set_findings("review_fresh100", "rf100a_07_*.yaml", national_ctx), "evidence"
    )


def test_office_ceiling_is_the_one_authority_finding(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh100", "rf100a_04_*.yaml", national_ctx)
    assert rules_of(found, "authority") == {"《中华人民共和国出境入境管理法》第七十条"}


def test_entrustee_in_own_name_is_the_subject_finding(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh99", "rf99d_09_*.yaml", national_ctx)
    assert not rules_of(found, "authority")
    assert cites_article(found, "subject", "《中华人民共和国行政处罚法》第二十条")


@pytest.mark.parametrize(
    ("set_name", "pattern", "crime"),
    [
        ("review_fresh100", "rf100a_05_*.yaml", "《中华人民共和国刑法》第二百八十条"),
        ("review_fresh100", "rf100d_05_*.yaml", "《中华人民共和国刑法》第二百六十条之一"),
        ("review_fresh100", "rf100c_06_*.yaml", "《中华人民共和国刑法》第三百二十三条"),
        ("review_fresh99", "rf99b_04_*.yaml", "《中华人民共和国刑法》第二百八十八条第一款"),
        ("review_fresh99", "rf99c_04_*.yaml", "《中华人民共和国刑法》第一百二十四条第一款"),
        ("review_fresh99", "rf99d_04_*.yaml", "《中华人民共和国刑法》第二百七十一条第一款"),
    ],
)
def test_criminal_lines_of_round_103(
    national_ctx: ReviewContext, set_name: str, pattern: str, crime: str
) -> None:
    assert sent_to_police(set_name, pattern, national_ctx, crime)


@pytest.mark.parametrize("pattern", ["rf63b_02_*.yaml", "rf63b_08_*.yaml"])
def test_police_case_on_the_same_crime_written_with_suspicion(
    national_ctx: ReviewContext, pattern: str
) -> None:
    # 以涉嫌重大责任事故罪立案侦查 (another person): the crime opened is this one
    assert not rules_of(set_findings("review_fresh63", pattern, national_ctx), "transfer")

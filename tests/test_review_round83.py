"""Review round 83 (issue #18) on review_fresh69–72 (each scored once before this round, by
c4de533 or 149eb2d; what follows is tuned on them, not evidence of them)."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_findings

from assistant.review.checkers.uncorrected_fine import _fined_after_order
from assistant.review.context import ReviewContext
from assistant.review.statutory_fine import _affirmed
from assistant.review.statutory_range import REQUIREMENTS, UNCORRECTED

F62, F69, F70, F71, F72 = (f"review_fresh{n}" for n in (62, 69, 70, 71, 72))
PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize(
    ("set_name", "pattern", "point", "rule"),
    [
        # 报请本级人民政府按照国务院规定的权限责令停业整顿: the government's, not the bureau's
        (F72, "rf72b_05_*.yaml", "authority", "《中华人民共和国节约能源法》第七十一条"),
        # 提请有关人民政府按照国务院规定的权限责令关闭
        (F71, "rf71c_04_*.yaml", "authority", "《中华人民共和国职业病防治法》第七十七条"),
        # 价格违法行为的行政处罚 is decided by the 价格主管部门
        (F70, "rf70b_04_*.yaml", "authority", "《价格违法行为行政处罚规定》第二条"),
        # a tower crane on a housing site is the construction department's
        (
            F69,
            "rf69b_05_*.yaml",
            "authority",
            "《中华人民共和国特种设备安全法》第一百条第二款",
        ),
        # a survey run by a 调查队 is the 调查队's to punish
        (F69, "rf69c_03_*.yaml", "authority", "《中华人民共和国统计法》第三十六条第二款"),
        # lightning protection of a housing estate is the construction department's
        (F69, "rf69c_04_*.yaml", "authority", "《气象灾害防御条例》第二十三条第四款"),
        (F62, "rf62c_03_*.yaml", "authority", "《气象灾害防御条例》第二十三条第四款"),
        # a 处分 of the hospital's vice-president is the 任免机关's, not the 统计局's
        (F69, "rf69c_10_*.yaml", "authority", "《中华人民共和国统计法》第四十四条第一款"),
        (F69, "rf69c_10_*.yaml", "facts", f"{PENALTY_LAW}第四十条"),
        # the 2024 number 第四十四条 stands for the act-date 第四十一条: 统计机构's power
        (F72, "rf72b_10_*.yaml", "authority", "《中华人民共和国统计法》第四十一条"),
        # 由乡、镇人民政府责令停止建设…拆除: not a county bureau's
        (F71, "rf71b_02_*.yaml", "authority", "《中华人民共和国城乡规划法》第六十五条"),
        # 快递暂行条例 names the postal department as the one applying 反恐怖主义法
        (F72, "rf72d_05_*.yaml", "authority", "《快递暂行条例》第四十三条第一款"),
        # fines (and a 吊销) kept for the party that did not do what it was ordered to
        (F71, "rf71b_05_*.yaml", "law", "《中华人民共和国城乡规划法》第六十七条"),
        (F72, "rf72c_05_*.yaml", "law", "《城市市容和环境卫生管理条例》第三十七条"),
        (F69, "rf69a_06_*.yaml", "law", "《中华人民共和国森林法》第七十九条"),
        (F69, "rf69d_06_*.yaml", "law", "《建设工程安全生产管理条例》第六十五条"),
        (F72, "rf72a_11_*.yaml", "law", "《中华人民共和国道路运输条例》第六十七条"),
        # 情节严重的，对单位处五万元以上…: no serious circumstance, no fine
        (
            F72,
            "rf72c_07_*.yaml",
            "law",
            "《中华人民共和国固体废物污染环境防治法》第一百一十一条第三款",
        ),
        # the unit fined under two laws for one act, its manager's fine beside them
        (F70, "rf70c_07_*.yaml", "law", f"{PENALTY_LAW}第二十九条"),
    ],
)
def test_found(ctx: ReviewContext, set_name: str, pattern: str, point: str, rule: str) -> None:
    assert rule in rules_of(set_findings(set_name, pattern, ctx), point)


def test_a_fine_after_an_order_to_rebuild_is_kept_for_the_uncorrected() -> None:
    text = "由…责令有关单位和个人限期改造或者拆除；逾期未改造或者未拆除的，经县级以上人民政府批准，组织强制拆除，并可处以罚款。"
    assert _fined_after_order(text)


def test_a_condition_the_law_sets_is_no_finding() -> None:
    told = (
        "当事人书面申辩称已在责令期限内整改完毕，依条例第六十五条只有逾期未改正才可停业整顿并处罚款"
    )
    assert not _affirmed(dict(REQUIREMENTS)[UNCORRECTED], told)
    assert _affirmed(dict(REQUIREMENTS)[UNCORRECTED], "复查时当事人逾期未改正")

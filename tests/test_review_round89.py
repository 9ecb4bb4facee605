"""Review round 89 (issue #18) on review_fresh79 and review_fresh80 (each scored blind twice
before this round, by 2d85363 and 8cd3be6; what follows is tuned on them, not evidence of
them): a district drawn less an area (广东省（不含深圳市）), a list of acts another cited 罚则
fines (国境卫生检疫法实施细则第一百零九条), 给予警告或者罚款 as a sanction, 处置非法集资牵头部门
as the 地方金融 organ and 有关机关 as no department kind, a coordinating body's office deciding
in its own name, items a report clears (铅、总砷、钡均未超过限量) and an exceedance the file
denies (未发现超过标准限量的), 依照《…》进行处罚 as a 罚则, industrial salt sold as table salt."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_findings

from assistant.review.context import ReviewContext
from assistant.review.territory import Placement, placement

F79, F80 = "review_fresh79", "review_fresh80"
PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_a_district_less_an_area() -> None:
    assert placement("广东省（不含深圳市）", "广东省佛山市顺德区")[0] is Placement.INSIDE
    assert placement("广东省（不含深圳市）", "深圳市福田区")[0] is Placement.OUTSIDE


@pytest.mark.parametrize("pattern", ["rf79b_01_*.yaml", "rf79b_06_*.yaml", "rf79b_10_*.yaml"])
def test_the_regional_securities_office_covers_its_province(
    ctx: ReviewContext, pattern: str
) -> None:
    assert not rules_of(set_findings(F79, pattern, ctx), "authority")


def test_a_list_of_acts_fined_by_another_cited_article(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings(F79, "rf79a_02_*.yaml", ctx), "law")


def test_the_lead_department_for_illegal_fundraising(ctx: ReviewContext) -> None:
    found = set_findings(F79, "rf79c_03_*.yaml", ctx)
    assert "《防范和处置非法集资条例》第三十条" in rules_of(found, "authority")


def test_a_coordinating_bodys_office_is_no_subject(ctx: ReviewContext) -> None:
    found = set_findings(F79, "rf79c_09_*.yaml", ctx)
    assert rules_of(found, "subject") == {f"{PENALTY_LAW}第十七条"}
    assert not rules_of(found, "authority")


def test_cleared_items_and_a_denied_exceedance(ctx: ReviewContext) -> None:
    found = set_findings(F80, "rf80a_03_*.yaml", ctx)
    assert not rules_of(found, "facts")
    assert not rules_of(found, "law")  # 食盐专营办法第三十条: 依照《食品安全法》进行处罚
    assert not rules_of(found, "transfer")  # 销售金额45600元, under the line


def test_industrial_salt_sold_as_table_salt(ctx: ReviewContext) -> None:
    assert "《中华人民共和国刑法》第一百四十条" in rules_of(
        set_findings(F80, "rf80a_07_*.yaml", ctx), "transfer"
    )


def test_a_scenic_area_is_no_county() -> None:
    # 西樵山风景名胜区 is a zone inside 南海区, not a 区 of its own
    assert placement("佛山市南海区", "西樵山风景名胜区白云洞景片外围一般景区")[0] is not (
        Placement.OUTSIDE
    )

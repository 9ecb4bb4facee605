"""Review round 35 (issue #18): what the blind review_fresh28 set found, fixed by rule.

- a regulation made under a law (发票管理办法: 根据《税收征收管理法》制定) takes that law's own
  追责时效 (税收征收管理法第八十六条: five years), not the general two;
- 由邮政管理部门依照《邮政法》的规定… names the 邮政管理 department, which a 交通运输局 is not;
- the cited 款 names its own department (消防法第六十五条: 第一款 产品质量监督部门, 第二款 none);
- a facts table row “责令改正 | 无” states that no order came first.
Cases are variants of eval/sets/review_fresh28 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext

LIMITATION_36 = "《中华人民共和国行政处罚法》第三十六条"
TAX_86 = "《中华人民共和国税收征收管理法》第八十六条"
COURIER_40 = "《快递暂行条例》第四十条"
FIRE_65 = "《中华人民共和国消防法》第六十五条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_invoice_rules_take_the_tax_law_limitation(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh28", "rf28d_02_*.yaml")
    found = variant_findings(data, ctx)
    assert not cites_article(found, "procedure", LIMITATION_36)
    assert not cites_article(found, "procedure", TAX_86)


def test_courier_outlet_is_the_postal_department_s(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh28", "rf28a_11_*.yaml")
    assert cites_article(variant_findings(data, ctx), "authority", COURIER_40)


def test_fire_products_used_in_crowded_places(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh28", "rf28c_03_*.yaml")
    found = variant_findings(data, ctx)
    assert cites_article(found, "law", FIRE_65)  # 责令改正 | 无: no order came first
    assert not any(point == "authority" for point, _ in found)  # 第二款 is the fire brigade's

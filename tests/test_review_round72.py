"""Review round 72 (issue #18) on review_fresh58 (scored once before this round, by c252c5f):

- a 款 cited for the act (营业性演出管理条例第四十七条第一款第（三）项) beside the 款 that fines it
  (第三款): the organs the first names for 公布、吊销 are not the fine's;
- a bank statement taken after the order's deadline, the step noting the sum 仍为10万元, proves
  the order unmet (旅行社条例第四十八条);
- a fine the 罚则 gives for named items of the duty article only, imposed for another item
  (产品质量法第五十四条); a police decision taking property in its contents needs the list;
- a 吊销 the 罚则 reserves to the province, decided by a city bureau; a 公安 brigade deciding in its
  own name outside 治安 cases; a net mesh (a minimum) measured above it."""

from __future__ import annotations

import pytest
from review_fixtures import (
    reworded,
    rules_of,
    set_file_data,
    set_findings,
    variant_findings,
    with_readings,
)

from assistant.review.context import ReviewContext

F58 = "review_fresh58"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_act_paragraph_beside_the_fining_paragraph(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings(F58, "rf58a_03_*.yaml", ctx), "authority")


def test_statement_after_the_deadline_shows_the_order_unmet(ctx: ReviewContext) -> None:
    facts = "《中华人民共和国行政处罚法》第四十条"
    assert facts not in rules_of(set_findings(F58, "rf58a_02_*.yaml", ctx), "facts")
    data = reworded(
        set_file_data(F58, "rf58a_02_*.yaml"),
        ("再次向存管银行调取对账单，账户余额仍为10万元，未补足", "整理案卷材料"),
    )
    data["evidence"] = [e for e in data["evidence"] if "6月20日" not in e["name"]]
    assert facts in rules_of(variant_findings(data, ctx), "facts")


def test_fine_only_for_other_items_of_the_duty(ctx: ReviewContext) -> None:
    """产品质量法第五十四条 fines only 第二十七条第（四）项、第（五）项; the label lacked the maker
    (第（二）项: review_fresh58 c03)."""
    rule = "《中华人民共和国产品质量法》第五十四条"
    assert rule in rules_of(set_findings(F58, "rf58c_03_*.yaml", ctx), "law")
    data = set_file_data(F58, "rf58c_03_*.yaml")
    data["citations"]["violated"] = ["《中华人民共和国产品质量法》第二十七条第一款第（四）项"]
    # 第（四）项 is fined only 情节严重 (round 83: a fine kept for serious conduct needs it found)
    data["facts"]["circumstances"] = [*data["facts"].get("circumstances", []), "情节严重"]
    assert rule not in rules_of(variant_findings(data, ctx), "law")


def test_police_decision_taking_property_in_its_contents(ctx: ReviewContext) -> None:
    """收缴弹簧刀一把 in the decision's contents, no 收缴物品清单 (review_fresh58 d09)."""
    rule = "《公安机关办理行政案件程序规定》第一百七十五条第二款"
    assert rule in rules_of(set_findings(F58, "rf58d_09_*.yaml", ctx), "documents")
    data = set_file_data(F58, "rf58d_09_*.yaml")
    data["documents"].append({"type": "收缴物品清单", "date": "2022-03-15"})
    assert rule not in rules_of(variant_findings(data, ctx), "documents")


def test_city_bureau_revoking_what_the_province_holds(ctx: ReviewContext) -> None:
    """导游人员管理条例第二十三条: 由省、自治区、直辖市人民政府旅游行政部门吊销导游证 (review_fresh58 a10)."""
    rule = "《导游人员管理条例》第二十三条"
    assert rule in rules_of(set_findings(F58, "rf58a_10_*.yaml", ctx), "authority")


def test_public_security_brigade_outside_public_order_cases(ctx: ReviewContext) -> None:
    """A 公安局治安管理大队 fining under 娱乐场所管理条例 in its own name (review_fresh58 d10)."""
    rule = "《中华人民共和国行政处罚法》第十七条"
    assert rule in rules_of(set_findings(F58, "rf58d_10_*.yaml", ctx), "subject")
    data = reworded(
        set_file_data(F58, "rf58d_10_*.yaml"), ("东源县公安局治安管理大队", "东源县公安局")
    )
    assert rule not in rules_of(variant_findings(data, ctx), "subject")


def test_mesh_measured_above_the_minimum(ctx: ReviewContext) -> None:
    """小于最小网目尺寸 found, the net measured 42 mm against a 40 mm minimum (review_fresh58 b07)."""
    facts = "《中华人民共和国行政处罚法》第四十条"
    assert facts in rules_of(set_findings(F58, "rf58b_07_*.yaml", ctx), "facts")
    data = set_file_data(F58, "rf58b_07_*.yaml")
    with_readings(data, 36)
    assert facts not in rules_of(variant_findings(data, ctx), "facts")

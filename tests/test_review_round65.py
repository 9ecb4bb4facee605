"""Review round 65 (issue #18) on review_fresh49 (scored once before this round):

- a fine of 保险费的二倍 has the 保险费 as its base (the trailing 的 is no part of it);
- 超员未达百分之二十 denies the ratio, and a counted excess under the graver tier's percent
  leaves only the milder tier (道路交通安全法第九十二条第一款);
- a shop's 旗舰店 is no 旗 (an area): no territory finding on an online shop;
- 海事管理机构 is a department (水污染防治法第九十条 is theirs, not 生态环境's);
- 除由市场监督管理部门依照本法处罚外，卫生行政部门可以吊销诊疗科目 (广告法第五十五条第二款);
- 予以拘留的行政处罚 is the county police's (道路交通安全法第一百一十一条);
- 非法占用农用地罪 for 林地 hardened (2023 破坏森林资源解释第一条);
- 六个月内曾受过处罚 contradicted by the record query's dates;
- a note of what could not be had (监控已覆盖、未找到被骗人) proves nothing (治安管理处罚法第九十三条);
- 逾期不补报 is a fine after an order (城乡规划法第六十七条);
- a 从重 article's lead-in read with the corpus's ASCII colon; 责令退还 is a measure;
- the discretion finding also cites the other cited 罚则 writing the same range."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.review.context import ReviewContext

F49 = "review_fresh49"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_insurance_premium_is_the_base(ctx: ReviewContext) -> None:
    assert not set_findings(F49, "rf49c_03_*.yaml", ctx)


def test_overload_under_twenty_percent_is_the_milder_tier(ctx: ReviewContext) -> None:
    found = set_findings(F49, "rf49c_06_*.yaml", ctx)
    assert rules_of(found, "discretion") == {"《中华人民共和国道路交通安全法》第九十二条第一款"}
    assert not rules_of(found, "facts")
    data = set_file_data(F49, "rf49c_06_*.yaml")
    data["penalty"]["amount"] = 500
    assert not rules_of(variant_findings(data, ctx), "discretion")


def test_flagship_shop_is_no_area(ctx: ReviewContext) -> None:
    assert not set_findings(F49, "rf49b_06_*.yaml", ctx)


def test_ship_discharge_is_the_maritime_authoritys(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F49, "rf49a_09_*.yaml", ctx), "authority")
    assert any(r.startswith("《中华人民共和国水污染防治法》第九十条") for r in found)


def test_revoking_a_clinic_subject_is_the_health_departments(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F49, "rf49b_03_*.yaml", ctx), "authority")
    assert "《中华人民共和国广告法》第五十五条第二款" in found
    data = set_file_data(F49, "rf49b_03_*.yaml")
    data["penalty"]["types"] = ["罚款"]
    assert not rules_of(variant_findings(data, ctx), "authority")


def test_traffic_detention_is_the_county_polices(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F49, "rf49c_07_*.yaml", ctx), "authority")
    assert "《中华人民共和国道路交通安全法》第一百一十一条" in found


def test_hardened_forest_land_goes_to_the_police(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F49, "rf49d_04_*.yaml", ctx), "transfer")
    assert "《中华人民共和国刑法》第三百四十二条" in found


def test_six_months_against_the_record(ctx: ReviewContext) -> None:
    found = set_findings(F49, "rf49c_10_*.yaml", ctx)
    assert rules_of(found, "facts") == {"《中华人民共和国行政处罚法》第四十条"}
    assert not rules_of(found, "law")  # 第二十条 (从重) beside the 罚则 is no second 罚则


def test_confession_with_notes_of_nothing_found(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F49, "rf49c_09_*.yaml", ctx), "evidence")
    assert "《中华人民共和国治安管理处罚法》第九十三条" in found


def test_late_completion_papers_fined_without_an_order(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F49, "rf49d_05_*.yaml", ctx), "law")
    assert "《中华人民共和国城乡规划法》第六十七条" in found


def test_refund_rule_beside_the_sanction(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings(F49, "rf49b_09_*.yaml", ctx), "law")


def test_fine_above_both_cited_ranges(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F49, "rf49b_11_*.yaml", ctx), "discretion")
    assert "《价格违法行为行政处罚规定》第十三条第一款第（一）项" in found

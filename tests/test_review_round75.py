"""Review round 75 (issue #18) on review_fresh61 (scored once before this round, by 5e08211):

- 报经有批准权的人民政府批准，责令停业、关闭 (噪声污染防治法第七十五条): the measure is the
  government's to approve, one finding, whatever the powers list leaves out;
- 新闻出版、广播电视主管部门…并可以暂停媒体的广告发布业务 (广告法第六十七条第一款);
- 由省…出版行政主管部门责令改正…；并由原发证机关吊销许可证 (音像制品管理条例第四十三条): the
  revoking organ does not make the 罚则 any level's;
- 拒不停止使用的，扣押…并处罚款 (农业机械安全监督管理条例第五十条) needs the order first;
- 违法所得无法确定时，按照没有违法所得的规定处罚 is no second 罚则;
- officers going 到种猪场检查 inspected the farm."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.review.context import ReviewContext

F61 = "review_fresh61"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_closure_needs_the_government(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国噪声污染防治法》第七十五条"
    assert rule in rules_of(set_findings(F61, "rf61b_07_*.yaml", ctx), "authority")
    data = set_file_data(F61, "rf61b_07_*.yaml")
    data["events"].append(
        {"type": "调查取证", "date": "2023-05-10", "note": "揭阳市人民政府批复同意责令停业"}
    )
    assert rule not in rules_of(variant_findings(data, ctx), "authority")


def test_media_suspension_is_the_broadcasting_department(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国广告法》第六十七条第一款"
    assert rule in rules_of(set_findings(F61, "rf61a_04_*.yaml", ctx), "authority")
    data = set_file_data(F61, "rf61a_04_*.yaml")
    data["penalty"]["types"] = ["罚款"]
    assert rule not in rules_of(variant_findings(data, ctx), "authority")


def test_provincial_penalty_beside_the_issuing_organ(ctx: ReviewContext) -> None:
    rule = "《音像制品管理条例》第四十三条"
    assert rule in rules_of(set_findings(F61, "rf61d_10_*.yaml", ctx), "authority")


def test_fine_for_refusing_to_stop(ctx: ReviewContext) -> None:
    rule = "《农业机械安全监督管理条例》第五十条第一款"
    assert rule in rules_of(set_findings(F61, "rf61c_08_*.yaml", ctx), "law")


def test_rule_for_unknown_income_is_no_penalty_clause(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国行政处罚法》第三十八条第一款"
    assert rule not in rules_of(set_findings(F61, "rf61a_11_*.yaml", ctx), "law")


def test_visit_to_the_farm_is_an_inspection(ctx: ReviewContext) -> None:
    found = set_findings(F61, "rf61c_11_*.yaml", ctx)
    assert "《中华人民共和国行政处罚法》第四十条" in rules_of(found, "evidence")

"""Review round 61 (issue #18) on review_fresh45 (scored once before this round):

- selling 6,800 pieces of users' personal information goes to the police (侵犯公民个人信息罪,
  两高解释第五条第一款第（五）（七）（八）项; new catalogue lines);
- 超限行驶 is a claimed exceedance, contradicted by a weighing within the limit;
- a 事业单位 (服务中心) whose basis gives the duty to the 气象主管机构 is not authorised;
- a party asking for the release, or a meeting agreeing to it, releases no seizure;
- 停产整治 is a measure the 罚则 gives only after 逾期不改正;
- 按日连续处罚 (环境保护法第五十九条) is a 罚则; its re-inspection comes within thirty days of
  the order's service (办法第十条) and its days end when the re-inspection found the discharge;
- a file saying 广告费用无法计算 is fined under that clause alone;
- a worker killed on a site where the builder cut the steel goes to the police.
- The no-conclusion 假药/劣药 finding and the 按日 days read "自…起至…共N日"."""

from __future__ import annotations

import json

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.review.context import ReviewContext

F45 = "review_fresh45"
FACTS_RULE = "《中华人民共和国行政处罚法》第四十条"
DAILY = "《环境保护主管部门实施按日连续处罚办法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_selling_users_information_goes_to_the_police(ctx: ReviewContext) -> None:
    assert rules_of(set_findings(F45, "rf45a_07_*.yaml", ctx), "transfer")


def test_few_records_sold_stay_administrative(ctx: ReviewContext) -> None:
    written = json.dumps(set_file_data(F45, "rf45a_07_*.yaml"), ensure_ascii=False, default=str)
    data = json.loads(written.replace("6800", "800").replace("3400", "400"))
    assert not rules_of(variant_findings(data, ctx), "transfer")


def test_overlimit_claim_within_the_weighed_limit(ctx: ReviewContext) -> None:
    assert FACTS_RULE in rules_of(set_findings(F45, "rf45a_09_*.yaml", ctx), "facts")


def test_institution_given_no_power_by_its_basis(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F45, "rf45a_10_*.yaml", ctx), "subject")
    assert "《中华人民共和国行政处罚法》第十九条" in found


def test_seizure_runs_to_its_release_decision(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F45, "rf45b_07_*.yaml", ctx), "procedure")
    assert "《中华人民共和国行政强制法》第二十五条第一款" in found


def test_suspension_for_rectification_needs_overdue(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F45, "rf45b_08_*.yaml", ctx), "law")
    assert any(r.startswith("《中华人民共和国水污染防治法》第八十二条") for r in found)


def test_daily_penalty_recheck_and_days(core_ctx: ReviewContext) -> None:
    found = set_findings(F45, "rf45b_11_*.yaml", core_ctx)
    assert f"{DAILY}第十条" in rules_of(found, "procedure")
    assert f"{DAILY}第十七条" in rules_of(found, "discretion")
    assert not rules_of(found, "law")


def test_daily_penalty_recheck_in_time(core_ctx: ReviewContext) -> None:
    data = set_file_data(F45, "rf45b_11_*.yaml")
    data["events"][1]["date"] = "2024-04-15"
    assert f"{DAILY}第十条" not in rules_of(variant_findings(data, core_ctx), "procedure")


def test_uncomputable_advertising_cost_clause(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F45, "rf45c_02_*.yaml", ctx), "discretion")
    assert "《中华人民共和国广告法》第五十五条第一款" in found


def test_death_on_site_goes_to_the_police(ctx: ReviewContext) -> None:
    assert rules_of(set_findings(F45, "rf45d_07_*.yaml", ctx), "transfer")

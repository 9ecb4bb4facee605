"""Review round 66 (issue #18) on review_fresh50 (scored once before this round):

- 不属于围海、填海 denies the narrower act: the general 五倍以上十五倍以下 applies (海域使用管理法
  第四十二条);
- 经济综合主管部门 is a department (水法第六十八条: not the 水行政's);
- 并由工商行政管理部门吊销其营业执照 (禁止使用童工规定第六条第二款): the revocation is not the
  labour department's, and a fine split by 款 is measured part by part;
- a seizure 未作出延长 was never extended, and returning the vehicle after the decision is no
  investigation.

限期清理 was tried as a 罚则 asking the order's period (水土保持法第五十五条, fresh50 b10) and
taken back: 城市市容和环境卫生管理条例第三十六条 (限期清理、拆除) then read 责令立即拆除 as an order
with no period (fresh45 d08, clean on that point)."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.review.context import ReviewContext

F50 = "review_fresh50"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_pontoon_is_no_reclamation(ctx: ReviewContext) -> None:
    assert not set_findings(F50, "rf50b_03_*.yaml", ctx)


def test_obsolete_machines_are_the_economic_departments(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F50, "rf50b_09_*.yaml", ctx), "authority")
    assert "《中华人民共和国水法》第六十八条" in found


def test_child_labour_revocation_and_split_fine(ctx: ReviewContext) -> None:
    found = set_findings(F50, "rf50d_02_*.yaml", ctx)
    assert "《禁止使用童工规定》第六条第二款" in rules_of(found, "authority")
    assert not rules_of(found, "discretion")
    data = set_file_data(F50, "rf50d_02_*.yaml")
    data["penalty"]["types"] = ["罚款"]
    assert not rules_of(variant_findings(data, ctx), "authority")


def test_vehicle_held_past_thirty_days_never_extended(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F50, "rf50c_08_*.yaml", ctx), "procedure")
    assert found == {"《中华人民共和国行政强制法》第二十五条第一款"}

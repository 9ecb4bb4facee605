"""Review round 49 (issue #18).

- a 较大数额 source that governs another field (环境行政处罚办法第七十八条 for a 市场监管 bureau) is
  named in a hearing reason only as a reference, never as this agency's own rule."""

from __future__ import annotations

import pytest
from review_fixtures import edited_example

from assistant.review.checkers.procedure import hearing_items
from assistant.review.context import ReviewContext

ENV_78 = "《环境行政处罚办法》第七十八条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_an_environment_bureau_states_its_own_threshold(ctx: ReviewContext) -> None:
    reasons = [why for _, why in hearing_items(edited_example(), ctx)]
    assert reasons == [f"罚款150000元，达到较大数额50000元（{ENV_78}）"]


def test_another_field_reads_the_environment_threshold_as_a_reference(
    ctx: ReviewContext,
) -> None:
    case = edited_example(agency__name="江门市市场监督管理局")
    reasons = [why for _, why in hearing_items(case, ctx)]
    assert len(reasons) == 1
    assert reasons[0].startswith(f"罚款150000元，参照{ENV_78}")
    assert "以本部门适用的规定为准" in reasons[0]

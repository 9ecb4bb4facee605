"""Review round 58 (issue #18) on review_fresh43 (scored once before this round):

- 无烟草专卖批发企业许可证 is unlicensed tobacco business, and 违法批发总额 is its 非法经营数额
  (and the 违法批发的烟草制品价值 a fine is computed on);
- 由原许可机关吊销 reserves a revocation to the licensing organ (道路运输条例第六十七条);
- 经告知、劝阻后仍拆毁文物本体 of a 省级文物保护单位 is 故意损毁文物;
- 超采林木价值 is the 滥伐林木价值 of 森林法第七十六条第二款."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import same_base

F43 = "review_fresh43"
FACTS_RULE = "《中华人民共和国行政处罚法》第四十条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_unlicensed_tobacco_wholesale_over_the_line(ctx: ReviewContext) -> None:
    found = set_findings(F43, "rf43d_05_*.yaml", ctx)
    assert rules_of(found, "transfer")
    assert FACTS_RULE not in rules_of(found, "facts")


def test_revocation_reserved_to_the_licensing_organ(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F43, "rf43d_11_*.yaml", ctx), "authority")
    assert "《中华人民共和国道路运输条例》第六十七条" in found


def test_demolishing_a_protected_units_body_after_warnings(ctx: ReviewContext) -> None:
    assert rules_of(set_findings(F43, "rf43c_06_*.yaml", ctx), "transfer")


def test_bases_named_by_the_act() -> None:
    assert same_base("超采林木价值", "滥伐林木价值")
    assert same_base("违法批发总额", "违法批发的烟草制品价值")
    assert not same_base("违法所得", "违法批发的烟草制品价值")

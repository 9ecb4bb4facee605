"""Review round 72 (issue #18) on review_fresh58 (scored once before this round, by c252c5f):

- a 款 cited for the act (营业性演出管理条例第四十七条第一款第（三）项) beside the 款 that fines it
  (第三款): the organs the first names for 公布、吊销 are not the fine's;
- a bank statement taken after the order's deadline, the step noting the sum 仍为10万元, proves
  the order unmet (旅行社条例第四十八条)."""

from __future__ import annotations

import pytest
from review_fixtures import reworded, rules_of, set_file_data, set_findings, variant_findings

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

"""Review round 76 (issue #18) on review_fresh62 (scored once before this round, by 8a74aa8):
the 交警 decision form's 被处罚人依法享有的行政复议、行政诉讼权利 is its remedy line
(道路交通安全违法行为处理程序规定第四十九条); the order a decision's contents give with its period
(责令自收到本决定书之日起10日内完成…整改) answers for a 审批表 that summarises it; an item that is
itself the refusal (阻挠安装…，拒不改正的) needs the order first."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.review.context import ReviewContext

F62 = "review_fresh62"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize("pattern", ["rf62d_06_*.yaml", "rf62d_09_*.yaml"])
def test_traffic_form_remedy_line(ctx: ReviewContext, pattern: str) -> None:
    assert not rules_of(set_findings(F62, pattern, ctx), "documents")


def test_traffic_form_without_the_remedy_line(ctx: ReviewContext) -> None:
    data = set_file_data(F62, "rf62d_06_*.yaml")
    for document in data["documents"]:
        document["contents"] = [c for c in document.get("contents") or [] if "复议" not in c]
    assert "《中华人民共和国行政处罚法》第五十九条第一款" in rules_of(
        variant_findings(data, ctx), "documents"
    )


def test_decision_contents_give_the_period(ctx: ReviewContext) -> None:
    rule = "《中华人民共和国行政处罚法》第二十八条第一款"
    assert rule not in rules_of(set_findings(F62, "rf62b_02_*.yaml", ctx), "documents")
    data = set_file_data(F62, "rf62b_02_*.yaml")
    for document in data["documents"]:
        document["contents"] = [
            "责令完成医疗废物分类收集制度整改" if "10日内" in c else c
            for c in document.get("contents") or []
        ]
        if "监督意见书" in document["type"]:
            document["contents"] = ["责令整改"]
    assert rule in rules_of(variant_findings(data, ctx), "documents")


def test_item_that_is_itself_the_refusal(ctx: ReviewContext) -> None:
    """人民防空法第四十九条第（六）项: 阻挠安装人民防空通信、警报设施，拒不改正的 — fined with no
    order to correct on file (review_fresh62 c05)."""
    rule = "《中华人民共和国人民防空法》第四十九条"
    assert rule in rules_of(set_findings(F62, "rf62c_05_*.yaml", ctx), "law")

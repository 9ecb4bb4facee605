"""Review round 94 (issue #18) on review_fresh85 and review_fresh86 (each scored blind before
rounds 92–93; what follows is tuned on them, not evidence of them): a denial heads every item
of its list, a re-check before the order's day proves no 逾期, a period asked with the place
between (限期在原地或者异地补种), a measure kept for 逾期不改正 in a 并 clause after a 分号, a
testing body whose qualification had lapsed, counting on site as an inspection, a grave case
resting on what the file is still verifying (fresh81 d11, fresh82 a11), and a wider
act for the computer-data transfer line (超越授权导出…口令)."""

from __future__ import annotations

import pytest
from review_fixtures import (
    cites_article,
    rules_of,
    sent_to_police,
    set_file_data,
    set_findings,
    variant_findings,
)

from assistant.review.context import ReviewContext

F85, F86 = "review_fresh85", "review_fresh86"
PENALTY_LAW = "《中华人民共和国行政处罚法》"


def test_a_denial_heads_every_item_of_its_list(national_ctx: ReviewContext) -> None:
    # 未拒不停止违法行为或者拒不采取补救措施: neither ground of the heavier tier is found
    data = set_file_data(F86, "rf86d_07_*.yaml")
    assert rules_of(variant_findings(data, national_ctx), "discretion") == {
        "《古树名木保护条例》第二十七条第二款"
    }
    data["facts"]["circumstances"][1] = "经责令拆除，当事人拒不采取补救措施"
    assert not rules_of(variant_findings(data, national_ctx), "discretion")


def test_a_recheck_before_the_orders_day_proves_no_delay(national_ctx: ReviewContext) -> None:
    assert rules_of(set_findings(F85, "rf85a_08_*.yaml", national_ctx), "facts") == {
        f"{PENALTY_LAW}第四十条"
    }
    assert rules_of(set_findings(F86, "rf86c_10_*.yaml", national_ctx), "facts") == {
        f"{PENALTY_LAW}第四十条"
    }
    data = set_file_data(F85, "rf85a_08_*.yaml")
    for step in data["events"]:
        if "复查" in (step.get("note") or ""):
            step["date"] = "2023-07-05"
    for item in data["evidence"]:
        if "复查" in item["name"]:
            item["date"] = "2023-07-05"
    assert not rules_of(variant_findings(data, national_ctx), "facts")


def test_a_replanting_order_needs_its_period(national_ctx: ReviewContext) -> None:
    found = set_findings(F86, "rf86d_09_*.yaml", national_ctx)
    assert cites_article(found, "documents", "《中华人民共和国森林法》第七十六条")
    data = set_file_data(F86, "rf86d_09_*.yaml")
    decision = next(d for d in data["documents"] if d["type"] == "行政处罚决定书")
    decision["contents"] = [
        line.replace("责令当事人在原地补种", "责令当事人于2025年3月31日前在原地补种")
        for line in decision["contents"]
    ]
    assert not rules_of(variant_findings(data, national_ctx), "documents")


def test_a_revocation_kept_for_the_uncorrected_in_a_later_clause(
    national_ctx: ReviewContext,
) -> None:
    # 逾期不改正的，…给予处分；有许可证件的，并由原发证部门吊销: corrected in time, no revocation
    found = set_findings(F85, "rf85b_10_*.yaml", national_ctx)
    assert cites_article(found, "law", "《病原微生物实验室生物安全管理条例》第六十条")


def test_a_lapsed_testing_body(national_ctx: ReviewContext) -> None:
    assert rules_of(set_findings(F85, "rf85c_09_*.yaml", national_ctx), "evidence") == {
        "《中华人民共和国产品质量法》第十九条"
    }
    data = set_file_data(F85, "rf85c_09_*.yaml")
    for item in data["evidence"]:
        item["source"] = (item.get("source") or "").replace("2023年6月29日", "2026年6月29日")
    assert not rules_of(variant_findings(data, national_ctx), "evidence")


def test_counting_on_site_is_an_inspection(national_ctx: ReviewContext) -> None:
    found = set_findings(F86, "rf86d_11_*.yaml", national_ctx)
    assert f"{PENALTY_LAW}第五十五条第二款" in rules_of(found, "evidence")


def test_credentials_taken_beyond_an_authorisation(national_ctx: ReviewContext) -> None:
    assert sent_to_police(
        F86, "rf86b_09_*.yaml", national_ctx, "《中华人民共和国刑法》第二百八十五条"
    )


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [("review_fresh81", "rf81d_11_*.yaml"), ("review_fresh82", "rf82a_11_*.yaml")],
)
def test_gravity_resting_on_an_open_fact(
    national_ctx: ReviewContext, set_name: str, pattern: str
) -> None:
    # 情节较重的，处… / 造成严重后果的一档, the reason for it still being verified
    assert f"{PENALTY_LAW}第四十条" in rules_of(
        set_findings(set_name, pattern, national_ctx), "facts"
    )
    data = set_file_data(set_name, pattern)
    data["facts"]["unverified"] = []
    data["facts"]["description"] = data["facts"]["description"].replace("尚在核实", "已核实")
    assert not rules_of(variant_findings(data, national_ctx), "facts")

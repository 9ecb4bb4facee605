"""Review round 41 (issue #18): two of review_fresh31's misses and its one false alarm, by rule.

- an order to correct given in the penalty decision itself (本局决定责令当事人立即改正违法行为，
  并处罚款; 告知拟处罚款并责令限期补办) is not the order a 逾期不改正-only fine needs first
  (城镇燃气管理条例第四十九条, 水土保持法第五十三条, 特种设备安全法第八十三条);
- a seizure decision's contents that list its body only (理由和依据、清单、期限、救济) are a summary,
  not its whole form: the party at its head and the organ's seal and date at its foot are not
  missing for that (行政强制法第二十四条第二款).
Cases are variants of eval/sets/review_fresh31 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext

GAS_49 = "《城镇燃气管理条例》第四十九条"
SOIL_53 = "《中华人民共和国水土保持法》第五十三条"
COERCION_24 = "《中华人民共和国行政强制法》第二十四条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_the_decision_s_own_order_is_no_prior_order(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh31", "rf31b_02_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", GAS_49)
    data["documents"].append(
        {"type": "责令限期改正通知书", "date": "2023-05-10", "contents": ["限2023年5月20日前改正"]}
    )
    data["facts"]["circumstances"].append("逾期未改正")
    assert not cites_article(variant_findings(data, ctx), "law", GAS_49)


def test_a_stop_order_without_time_and_the_decision_s_own_deadline(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh31", "rf31c_05_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", SOIL_53)


def test_a_seizure_decision_summarised_by_its_body(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh31", "rf31a_02_*.yaml")
    assert not cites_article(variant_findings(data, ctx), "documents", COERCION_24)
    seizure = next(d for d in data["documents"] if "强制措施决定书" in d["type"])
    seizure["contents"].append("当事人名称、地址")
    assert cites_article(variant_findings(data, ctx), "documents", COERCION_24)

"""Review round 34 (issue #18): what the blind review_fresh27 set found, fixed by rule.

- 予以通报 (物业管理条例第五十八条) provides the penalty 通报批评;
- a decision announced and handed over on the spot (宣告并当场交付) needs no 送达回证
  (行政处罚法第六十一条第一款); one sent by post still does;
- a fine kept for 逾期未改正 is not due when the party corrected within the order's time or
  the only order set no time (水土保持法第五十三条、医疗器械监督管理条例第八十九条);
- 所需处置费用 is the 危险废物处置费用 a file records;
- “监护人在场”栏空白 is a guardian absent (治安管理处罚法第八十四条第三款);
- a statement the officers got by promising no penalty is not evidence (第四十六条第三款);
- a wrong-department flag also cites the 罚则 that assigns the power.
Cases are variants of eval/sets/review_fresh27 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext

PROPERTY_58 = "《物业管理条例》第五十八条"
SERVICE_61 = "《中华人民共和国行政处罚法》第六十一条"
DEVICE_89 = "《医疗器械监督管理条例》第八十九条"
SOIL_53 = "《中华人民共和国水土保持法》第五十三条"
ARTICLE_40 = "《中华人民共和国行政处罚法》第四十条"
GUARDIAN_84 = "《中华人民共和国治安管理处罚法》第八十四条"
ARTICLE_46 = "《中华人民共和国行政处罚法》第四十六条"
NETCAFE_31 = "《互联网上网服务营业场所管理条例》第三十一条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_notice_of_criticism_is_provided_by_yu_yi_tong_bao(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh27", "rf27d_08_*.yaml")
    assert not cites_article(variant_findings(data, ctx), "law", PROPERTY_58)


@pytest.mark.parametrize(
    ("note", "flagged"),
    [("宣告并当场交付决定书，被处罚人签名", False), ("邮寄送达决定书", True)],
)
def test_delivery_on_the_spot_needs_no_receipt(
    note: str, flagged: bool, ctx: ReviewContext
) -> None:
    data = set_file_data("review_fresh27", "rf27a_11_*.yaml")
    for event in data["events"]:
        if event["type"] == "送达":
            event["note"] = note
            event["method"] = "邮寄送达" if flagged else "直接送达"
    assert cites_article(variant_findings(data, ctx), "documents", SERVICE_61) is flagged


@pytest.mark.parametrize(
    ("circumstances", "flagged"), [(["已在限期内改正"], True), (["逾期未改正"], False)]
)
def test_fine_after_correction_in_time(
    circumstances: list[str], flagged: bool, ctx: ReviewContext
) -> None:
    data = set_file_data("review_fresh27", "rf27c_07_*.yaml")
    data["facts"]["circumstances"] = circumstances
    data["facts"]["corrected_in_time"] = flagged
    assert cites_article(variant_findings(data, ctx), "law", DEVICE_89) is flagged


def test_fine_after_an_order_with_no_time_to_comply(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh27", "rf27b_08_*.yaml")
    assert cites_article(variant_findings(data, ctx), "law", SOIL_53)
    for document in data["documents"]:
        if "责令" in document["type"]:
            document["contents"] = [
                "违法事实",
                "责令立即停止施工，限期三十日内补办水土保持方案审批手续",
            ]
    data["facts"]["circumstances"] = ["逾期未补办"]
    assert not cites_article(variant_findings(data, ctx), "law", SOIL_53)


def test_disposal_cost_base_by_another_name(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh27", "rf27b_05_*.yaml")
    assert not cites_article(variant_findings(data, ctx), "facts", ARTICLE_40)


def test_blank_guardian_field_is_no_guardian(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh27", "rf27a_06_*.yaml")
    assert cites_article(variant_findings(data, ctx), "procedure", GUARDIAN_84)


def test_statement_got_by_a_promise(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh27", "rf27c_08_*.yaml")
    assert cites_article(variant_findings(data, ctx), "evidence", ARTICLE_46)


def test_party_claiming_a_promise_is_not_the_record(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh27", "rf27c_08_*.yaml")
    for item in data["evidence"]:
        item["name"] = item["name"].split("（执法人员")[0]
    for event in data["events"]:
        if event["type"] == "调查取证":
            event["note"] = "询问负责人陈某（全程录音录像）"
    assert not cites_article(variant_findings(data, ctx), "evidence", ARTICLE_46)


def test_wrong_department_cites_the_assigning_article(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh27", "rf27a_03_*.yaml")
    assert cites_article(variant_findings(data, ctx), "authority", NETCAFE_31)

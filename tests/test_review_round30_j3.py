"""Review round 30, engineer j3 (issue #18).

- 加处罚款 above the fine or above 3% a day is a step of enforcement (行政强制法第十二条, and
  行政处罚法第七十二条 sits in the 执行 chapter): the procedure point's, not the law point's.
- A record of whether the party paid, got after the decision and followed by a step enforcing
  it, grounds that enforcement, not the decision: no 第五十四条第一款 late-evidence flag.
- 扒窃 is 盗窃罪 whatever the amount (刑法第二百六十四条; 两高盗窃解释第三条第四款 defines it),
  so an agency punishing it itself owes a transfer (行政处罚法第二十七条第一款); a thief under 16
  answers for no theft (刑法第十七条), and shoplifting goods hidden on oneself is no 扒窃.
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh25 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

SURCHARGE = "《中华人民共和国行政处罚法》第七十二条第一款第（一）项"
LATE_EVIDENCE = ("evidence", "《中华人民共和国行政处罚法》第五十四条第一款")
TRANSFER = ("transfer", "《中华人民共和国行政处罚法》第二十七条第一款")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _enforced(surcharge: float, payment_record: str) -> dict:
    data = set_file_data("review_fresh25", "rf25c_10_*.yaml")
    data["facts"]["amounts"] = {"罚款": 15000, "加处罚款": surcharge}
    for item in data["evidence"]:
        if "缴纳" in item["name"]:
            item["name"] = payment_record
    return data


@pytest.mark.parametrize(
    ("surcharge", "record"),
    [(16000, "罚没款到账情况核查（未到账）"), (30000, "当事人履行情况查询记录")],
)
def test_surcharge_over_the_fine_is_procedure(
    ctx: ReviewContext, surcharge: float, record: str
) -> None:
    found = variant_findings(_enforced(surcharge, record), ctx)
    assert ("procedure", SURCHARGE) in found
    assert ("law", SURCHARGE) not in found
    assert LATE_EVIDENCE not in found


def test_surcharge_within_the_fine_is_not_flagged(ctx: ReviewContext) -> None:
    data = _enforced(15000, "罚款缴纳情况查询（未缴纳）")
    data["facts"]["description"] = "当事人逾期未缴纳罚款，加处罚款15000元，申请法院强制执行。"
    for entry in [*data["events"], *data["documents"]]:
        if entry.get("note"):
            entry["note"] = entry["note"].replace("23400", "15000")
    found = variant_findings(data, ctx)
    assert ("procedure", SURCHARGE) not in found


def test_late_evidence_not_about_payment_is_still_flagged(ctx: ReviewContext) -> None:
    found = variant_findings(_enforced(16000, "占道现场补充勘验照片"), ctx)
    assert LATE_EVIDENCE in found


def _theft(description: str, born: str = "430524198805121186") -> dict:
    data = set_file_data("review_fresh25", "rf25d_03_*.yaml")
    data["parties"][0]["id_code"] = born
    data["parties"][0].pop("birth_date", None)
    data["violation"]["description"] = description
    data["facts"]["description"] = description + "。经价格认定，赃物价值600元，已发还。"
    data["facts"]["circumstances"] = []
    return data


@pytest.mark.parametrize(
    "description",
    [
        "在地铁2号线车厢内趁乘客不备，从其背包内窃取钱包一个",
        "在农贸市场人群中从被害人裤兜内偷走现金",
        "在火车站候车室扒窃他人手机一部",
    ],
)
def test_pickpocketing_must_be_transferred(ctx: ReviewContext, description: str) -> None:
    assert TRANSFER in variant_findings(_theft(description), ctx)


@pytest.mark.parametrize(
    ("description", "born"),
    [
        ("在超市内将货架上的巧克力藏于自己身上未付款带离", "430524198805121186"),
        ("在公交车上从乘客外衣口袋内窃取手机一部", "430524201001011186"),  # 15 on the act date
    ],
)
def test_no_transfer_where_no_pickpocketing_crime(
    ctx: ReviewContext, description: str, born: str
) -> None:
    assert TRANSFER not in variant_findings(_theft(description, born), ctx)

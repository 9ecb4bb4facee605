"""Review round 29, engineer h2 (issue #18): facts against the file's own evidence, two
transfer lines, and two false flags.

- 第四十条: a count of goods other than the file's own record (台账) gives; more 童工 counted
  than the birth dates show under sixteen; a base the article names by its period (上一年年收入)
  recorded as still being verified under the year itself (2023年度年收入).
- 第二十七条第一款: unlicensed tobacco (no retail licence) at the 两高 2010 interpretation's
  numbers; a banned feed drug (克仑特罗/莱克多巴胺) used to raise food animals (两高 2002
  interpretation 第三条, no amount).
- No false flag: a value named by its act (违法批发的烟草制品价值) stated as that act's amount
  (批发金额); evidence got after the decision that grounds a 解除查封/扣押.
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh24 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext

FACTS = "《中华人民共和国行政处罚法》第四十条"
TRANSFER = "《中华人民共和国行政处罚法》第二十七条"
LATE_EVIDENCE = ("evidence", "《中华人民共和国行政处罚法》第五十四条第一款")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _goods(sold: int, ledger: int) -> dict:
    data = set_file_data("review_fresh24", "rf24c_05_*.yaml")
    data["facts"]["quantities"] = {"销售数量": sold, "库存数量": 48}
    data["evidence"][5]["name"] = "出库明细（电热毯）"
    data["evidence"][5]["note"] = f"明细合计：销售{ledger}件"
    return data


def test_count_below_the_record_is_flagged(ctx: ReviewContext) -> None:
    assert cites_article(variant_findings(_goods(15, 40), ctx), "facts", FACTS)


def test_count_matching_the_record_is_not_flagged(ctx: ReviewContext) -> None:
    assert not cites_article(variant_findings(_goods(40, 40), ctx), "facts", FACTS)


def _children(born_third: str) -> dict:
    data = set_file_data("review_fresh24", "rf24d_01_*.yaml")
    data["facts"]["description"] = (
        "经查，当事人自2024年5月8日起招用周某、吴某、郑某在车间从事折纸盒工作，"
        "本局认定当事人共使用童工3人，按每人每月5000元计罚。"
    )
    data["facts"]["quantities"] = {"童工人数": 3, "使用月数": 3}
    data["evidence"] = [
        {
            "type": "书证",
            "name": "周某居民身份证复印件",
            "source": "当事人",
            "date": "2024-08-06",
            "note": "出生日期2010年1月2日",
        },
        {
            "type": "书证",
            "name": "吴某户口簿复印件",
            "source": "当事人",
            "date": "2024-08-06",
            "note": "出生日期2009年6月30日",
        },
        {
            "type": "书证",
            "name": "郑某居民身份证复印件",
            "source": "当事人",
            "date": "2024-08-06",
            "note": f"出生日期{born_third}",
        },
    ]
    return data


def test_child_counted_though_sixteen_is_flagged(ctx: ReviewContext) -> None:
    assert cites_article(variant_findings(_children("2007年12月1日"), ctx), "facts", FACTS)


def test_children_all_under_sixteen_not_flagged(ctx: ReviewContext) -> None:
    assert not cites_article(variant_findings(_children("2009年12月1日"), ctx), "facts", FACTS)


def test_income_base_pending_under_its_year_is_flagged(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh24", "rf24a_11_*.yaml")
    data["facts"]["description"] = (
        "主要负责人迟报事故。其2023年度年收入暂按本人陈述计18万元，纳税记录待核实；拟按60%计罚。"
    )
    data["facts"]["unverified"] = []
    data["facts"]["amounts"] = {"年收入": 180000}
    assert cites_article(variant_findings(data, ctx), "facts", FACTS)


def _tobacco(turnover: int, licence: str) -> dict:
    data = set_file_data("review_fresh24", "rf24d_09_*.yaml")
    data["violation"]["description"] = "从外地购进卷烟向零售户供货"
    data["facts"]["description"] = (
        f"当事人{licence}。当事人购进卷烟后向多家小卖部批发销售，批发金额{turnover}元。"
        "按违法批发的烟草制品价值的60%处罚款。"
    )
    data["facts"]["amounts"] = {"非法经营数额": turnover, "违法所得": 3000}
    data["facts"]["quantities"] = {"卷烟支数": 40000}
    data["facts"]["circumstances"] = []
    return data


def test_unlicensed_tobacco_over_fifty_thousand_is_transferred(ctx: ReviewContext) -> None:
    found = variant_findings(_tobacco(81000, "无任何烟草专卖许可证"), ctx)
    assert cites_article(found, "transfer", TRANSFER)


@pytest.mark.parametrize(
    ("turnover", "licence"),
    [(30000, "无任何烟草专卖许可证"), (81000, "持有烟草专卖零售许可证，未取得批发企业许可证")],
)
def test_tobacco_below_line_or_retail_licensed_not_transferred(
    ctx: ReviewContext, turnover: int, licence: str
) -> None:
    assert not cites_article(
        variant_findings(_tobacco(turnover, licence), ctx), "transfer", TRANSFER
    )


def test_value_named_by_its_act_is_established_by_its_amount(ctx: ReviewContext) -> None:
    assert not cites_article(
        variant_findings(_tobacco(81000, "无烟草专卖许可证"), ctx), "facts", FACTS
    )


@pytest.mark.parametrize(
    ("drug", "transferred"),
    [("在饲料中添加莱克多巴胺喂养肉牛并出售", True), ("饲料样品中克伦特罗未检出", False)],
)
def test_banned_feed_drug_is_transferred(ctx: ReviewContext, drug: str, transferred: bool) -> None:
    data = set_file_data("review_fresh24", "rf24b_06_*.yaml")
    data["violation"]["description"] = drug
    data["facts"]["description"] = f"经查，{drug}。"
    for item in data["evidence"]:
        item["note"] = ""
    assert cites_article(variant_findings(data, ctx), "transfer", TRANSFER) is transferred


def _late_report(released: bool) -> dict:
    data = set_file_data("review_fresh24", "rf24c_01_*.yaml")
    data["evidence"][6] = {
        "type": "书证",
        "name": "整改复查检测报告",
        "source": "检测机构",
        "obtained_by": "调取",
        "date": "2024-07-25",
    }
    data["events"] = [e for e in data["events"] if "解除查封" not in (e.get("note") or "")]
    data["documents"] = [d for d in data["documents"] if "解除" not in d["type"]]
    if released:
        data["documents"].append({"type": "解除扣押决定书", "date": "2024-07-26"})
    return data


def test_evidence_grounding_release_is_no_late_evidence(ctx: ReviewContext) -> None:
    assert LATE_EVIDENCE not in variant_findings(_late_report(True), ctx)


def test_evidence_after_decision_without_release_is_flagged(ctx: ReviewContext) -> None:
    assert LATE_EVIDENCE in variant_findings(_late_report(False), ctx)

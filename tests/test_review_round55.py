"""Review round 55 (issue #18): what review_fresh41 still missed after round 54.

- an object on the decision's 没收 list that no seizure list, record or narrative names
  (电动葫芦1台), or more of one than the list holds, is confiscated on no established fact;
- a base computed from an item the file lists as unverified (按…进货数量8000升认定…货值金额,
  进货数量 尚在核实) is itself unverified;
- a 罚则's "违反其他法律、行政法规的，由有关主管部门依法处理" is a referral, not a second
  department of the 罚则 (医保条例第三十八条 stays 医疗保障's);
- "由发证机关吊销…许可证" (农药管理条例第五十五条第二款) reserves the measure to the issuing organ,
  and the cited 罚则's own reservation is the one cited;
- a 货值 that is the held part at its list price leaves the sold part out: the range counts the
  whole; kinds of goods valued apart (生猪产品货值, 待宰活猪价值) add up to the 货值金额;
- a count of illegal books named 涉案图书（册） is the measure of the publications line.
Cases are review_fresh41 files and variants."""

from __future__ import annotations

import pytest
from review_fixtures import rules_of, set_file_data, set_findings, variant_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_fine import counted_goods

F41 = "review_fresh41"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
FACTS_RULE = f"{PENALTY_LAW}第四十条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def _decision(data: dict) -> dict:
    return next(d for d in data["documents"] if d["type"] == "行政处罚决定书")


def test_an_object_confiscated_that_the_file_never_found(ctx: ReviewContext) -> None:
    assert FACTS_RULE in rules_of(set_findings(F41, "rf41a_10_*.yaml", ctx), "facts")
    data = set_file_data(F41, "rf41a_10_*.yaml")
    decision = _decision(data)
    decision["contents"] = [c.replace("、电动葫芦1台", "") for c in decision["contents"]]
    data["facts"]["description"] = data["facts"]["description"].replace("、电动葫芦1台", "")
    assert FACTS_RULE not in rules_of(variant_findings(data, ctx), "facts")


def test_more_confiscated_than_the_list_holds(ctx: ReviewContext) -> None:
    data = set_file_data(F41, "rf41a_10_*.yaml")
    decision = _decision(data)
    decision["contents"] = [
        c.replace("、电动葫芦1台", "").replace("屠宰刀具6把", "屠宰刀具9把")
        for c in decision["contents"]
    ]
    data["facts"]["description"] = data["facts"]["description"].replace("、电动葫芦1台", "")
    assert FACTS_RULE in rules_of(variant_findings(data, ctx), "facts")


def test_a_base_computed_from_an_unverified_item(ctx: ReviewContext) -> None:
    assert FACTS_RULE in rules_of(set_findings(F41, "rf41d_11_*.yaml", ctx), "facts")
    data = set_file_data(F41, "rf41d_11_*.yaml")
    data["facts"]["unverified"] = []
    data["facts"]["description"] = data["facts"]["description"].replace(
        "本局已发函核实，尚未回复", "经函询供货商确认为笔误"
    )
    assert FACTS_RULE not in rules_of(variant_findings(data, ctx), "facts")


def test_a_referral_to_other_departments_is_no_second_department(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F41, "rf41b_08_*.yaml", ctx), "authority")
    assert "《医疗保障基金使用监督管理条例》第三十八条第一款" in found


def test_revocation_reserved_to_the_issuing_organ(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F41, "rf41a_08_*.yaml", ctx), "authority")
    assert found == {"《农药管理条例》第五十五条第二款"}


def test_the_held_part_is_not_the_whole_goods_value(ctx: ReviewContext) -> None:
    assert "《兽药管理条例》第五十六条第一款" in rules_of(
        set_findings(F41, "rf41a_02_*.yaml", ctx), "discretion"
    )
    # the held part, not a contradicted fact: no facts finding beside it
    assert not rules_of(set_findings(F41, "rf41a_02_*.yaml", ctx), "facts")


def test_kinds_of_goods_valued_apart_add_up(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F41, "rf41a_10_*.yaml", ctx), "discretion")
    assert "《生猪屠宰管理条例》第三十一条第一款" in found


def test_counted_goods_reads_a_price_with_its_unit() -> None:
    counted = counted_goods(
        {"货值金额": 15000},
        {"购进（瓶）": 1800, "已销售（瓶）": 1200, "在库扣押（瓶）": 600, "标价（元/瓶）": 25},
    )
    assert counted is not None
    assert counted.whole == pytest.approx(45000)
    assert counted.held_only(15000)
    assert not counted.held_only(30000)


def test_a_book_count_named_with_its_unit_reaches_the_line(ctx: ReviewContext) -> None:
    found = rules_of(set_findings(F41, "rf41c_05_*.yaml", ctx), "transfer")
    assert any("第二百二十五条" in rule or "第二十七条" in rule for rule in found)


def test_a_paragraph_moved_in_a_rewritten_article(ctx: ReviewContext) -> None:
    """野生动物保护法2023年版第五十二条第一款 applied to a 2023-04 act: the range is the 2018
    text's 第四十八条第一款 (二倍以上十倍以下), the same 款 under its act-date number."""
    found = rules_of(set_findings(F41, "rf41a_04_*.yaml", ctx), "discretion")
    assert found == {"《中华人民共和国野生动物保护法》第四十八条第一款"}

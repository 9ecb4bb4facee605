"""Review round 36 (issue #18): what review_fresh28 still missed, fixed by rule.

- 没有猎获物的，并处… is the fallback of the 猎获物价值 multiple, not a second range;
- 违法所得十万元以上的，并处违法所得一倍以上五倍以下 replaces the fixed range before it once
  the file's 违法所得 reaches the tier (旅游法第九十五条);
- 虚开金额在1万元以下的 is a tier like 货值金额 (发票管理办法);
- one article fining two conducts in two 款 (道路运输条例第六十九条) is read for the conduct
  the facts tell, by the words only that conduct has;
- a cited number that names the act only in a later version of the law (发票管理办法2023年
  第三十五条 = 2019年第三十七条) is flagged (第三十七条) and the range read from the act-date
  article it stands for;
- 扣押期间未办理延长手续 is no extension; 维修费收入尚待核实 leaves 违法所得 unverified;
- a multiple for one conduct whose base the file lacks, beside a fixed fine for another
  conduct, is not the file's conduct (no 事实不清 flag).
Cases are variants of eval/sets/review_fresh28 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import statutory_bounds

WILDLIFE_46 = (
    "违反本法第二十二条规定，未取得狩猎证猎捕非国家重点保护野生动物的，由县级以上地方人民政府"
    "野生动物保护主管部门没收猎获物、猎捕工具和违法所得，吊销狩猎证，并处猎获物价值一倍以上五倍"
    "以下的罚款；没有猎获物的，并处二千元以上一万元以下的罚款；构成犯罪的，依法追究刑事责任。"
)
TOURISM_95 = (
    "违反本法规定，未经许可经营旅行社业务的，由旅游主管部门或者市场监督管理部门责令改正，没收"
    "违法所得，并处一万元以上十万元以下罚款；违法所得十万元以上的，并处违法所得一倍以上五倍以下"
    "罚款；对有关责任人员，处二千元以上二万元以下罚款。"
)
INVOICE_37 = (
    "违反本办法第二十二条第二款的规定虚开发票的，由税务机关没收违法所得；虚开金额在1万元以下的，"
    "可以并处5万元以下的罚款；虚开金额超过1万元的，并处5万元以上50万元以下的罚款；构成犯罪的，"
    "依法追究刑事责任。"
)
TRANSPORT_69 = (
    "违反本条例的规定，客运经营者、货运经营者不按规定维护和检测运输车辆的，由县级以上地方人民政府"
    "交通运输主管部门责令改正，处1000元以上5000元以下的罚款。\n违反本条例的规定，客运经营者、"
    "货运经营者擅自改装已取得车辆营运证的车辆的，由县级以上地方人民政府交通运输主管部门责令改正，"
    "处5000元以上2万元以下的罚款。"
)
PENALTY_LAW = "《中华人民共和国行政处罚法》"
INVOICE_RULES = "《中华人民共和国发票管理办法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def test_no_game_is_the_fallback_of_the_game_value_multiple() -> None:
    with_game = statutory_bounds(WILDLIFE_46, {"猎获物价值（元）": 1200}, None)
    assert (with_game.low, with_game.high) == (1200, 6000)
    # no 猎获物价值 recorded: the file may lawfully have taken nothing, no bound is safe
    assert statutory_bounds(WILDLIFE_46, {}, None) is None


def test_a_reached_tier_replaces_the_fixed_range_before_it() -> None:
    above = statutory_bounds(TOURISM_95, {"违法所得": 150_000}, None)
    assert (above.low, above.high) == (150_000, 750_000)
    below = statutory_bounds(TOURISM_95, {"违法所得": 40_000}, None)
    assert (below.low, below.high) == (10_000, 100_000)


def test_invoiced_amount_tiers_the_fine() -> None:
    bounds = statutory_bounds(INVOICE_37, {"虚开金额": 9_300}, None)
    assert (bounds.low, bounds.high) == (None, 50_000)


def test_the_conduct_the_facts_tell_picks_its_paragraph() -> None:
    told = "当事人未按规定对两台营运货车进行二级维护和综合性能检测"
    bounds = statutory_bounds(TRANSPORT_69, {}, None, told=told)
    assert (bounds.low, bounds.high) == (1000, 5000)
    both = statutory_bounds(TRANSPORT_69, {}, None, told="当事人违反道路运输条例")
    assert (both.low, both.high) == (1000, 20_000)


def test_game_value_multiple_caps_the_fine(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh28", "rf28c_10_*.yaml")
    data["facts"]["amounts"] = {"猎获物价值": 600}
    data["penalty"]["amount"] = 3500  # over five times 600
    assert cites_article(
        variant_findings(data, ctx), "discretion", "《中华人民共和国野生动物保护法》第四十六条"
    )
    data["penalty"]["amount"] = 2400
    assert not cites_article(
        variant_findings(data, ctx), "discretion", "《中华人民共和国野生动物保护法》第四十六条"
    )


def test_maximum_of_the_told_paragraph_despite_grounds(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh28", "rf28a_10_*.yaml")
    assert cites_article(variant_findings(data, ctx), "discretion", PENALTY_LAW + "第三十二条")
    data["penalty"]["amount"] = 3000
    assert not cites_article(variant_findings(data, ctx), "discretion", PENALTY_LAW + "第三十二条")


def test_renumbered_article_and_the_act_date_range(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh28", "rf28d_11_*.yaml")
    found = variant_findings(data, ctx)
    assert cites_article(found, "law", PENALTY_LAW + "第三十七条")
    assert cites_article(found, "discretion", INVOICE_RULES + "第三十七条")
    data["penalty"]["amount"] = 30_000  # within the act-date article's 5万
    data["events"] = [
        {**e, "note": "没收违法所得516元，罚款30,000元"} if e["type"] == "决定" else e
        for e in data["events"]
    ]
    data["facts"]["amounts"]["罚款"] = 30_000
    found = variant_findings(data, ctx)
    assert cites_article(found, "law", PENALTY_LAW + "第三十七条")
    assert not any(point == "discretion" for point, _ in found)


def test_act_date_number_is_no_renumbering(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh28", "rf28d_11_*.yaml")
    data["citations"] = {
        "violated": [INVOICE_RULES + "第二十二条第二款"],
        "penalty_basis": [INVOICE_RULES + "第三十七条第一款"],
    }
    found = variant_findings(data, ctx)
    assert not cites_article(found, "law", PENALTY_LAW + "第三十七条")
    assert cites_article(found, "discretion", INVOICE_RULES + "第三十七条")


def test_seizure_never_extended_runs_out_at_thirty_days(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh28", "rf28c_02_*.yaml")
    rule = "《中华人民共和国行政强制法》第二十五条"
    assert cites_article(variant_findings(data, ctx), "procedure", rule)
    events = data["events"]
    decided = next(e for e in events if e["type"] == "决定")
    decided["note"] = (
        "决定书同时对扣押物品作出没收处理；经负责人批准延长扣押期限三十日并书面告知当事人"
    )
    assert not cites_article(variant_findings(data, ctx), "procedure", rule)


def test_unverified_fees_leave_the_gains_unverified(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh28", "rf28a_08_*.yaml")
    rule = PENALTY_LAW + "第四十条"
    assert cites_article(variant_findings(data, ctx), "facts", rule)
    data["facts"]["unverified"] = []
    assert not cites_article(variant_findings(data, ctx), "facts", rule)


def test_false_documents_need_no_registered_capital_amount(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh28", "rf28d_06_*.yaml")
    assert not cites_article(variant_findings(data, ctx), "facts", PENALTY_LAW + "第四十条")

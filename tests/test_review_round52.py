"""Review round 52 (issue #18): what review_fresh39 still missed, and review_fresh40's blind
score.

- a measure stated per buyer, shop or batch (甲店货款, 乙店货款…) adds up to the act's amount a
  criminal line counts (非法经营数额), and is the value of the act the 罚则 multiplies;
- pregnancy is the party's only where a clause says so of her (not of the victim, not denied,
  never of a man by his ID number); "无行政拘留依法不执行记录" is no decision not to execute;
- an online patrol (网络巡查发现) inspected no site; a bag searched in a 治安 case needs its
  检查笔录 (第八十八条);
- a later 款 listing its cases (殴打…六十周岁以上的人) in the file's own words while 第一款 is
  applied; the 款 whose own words tell the act (环评法第三十一条第一款 vs 第三款);
- 非法获取计算机信息系统数据罪 lines (五百组身份认证信息, 违法所得五千元);
- 赌资 收缴 beyond the cash the seizure list holds; a fine that divides by its per-unit rate
  into no quantity of the file; a 货值 other than the priced kinds' sum;
- a 罚则 giving only orders (责令退还、限期拆除) still names its department;
- each party's fine in one notice adds up to the notified total;
- a test report from a body whose scope leaves the goods out (医疗器械条例第七十五条第二款).
Cases are variants of eval/sets/review_fresh39 and review_fresh40 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, rules_of, set_file_data, variant_findings, variant_flags

from assistant.review.context import ReviewContext

F39 = "review_fresh39"
F40 = "review_fresh40"
PUBLIC_ORDER = "《中华人民共和国治安管理处罚法》"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
TOBACCO_LINE = "第三条第一款第（一）项"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


def _tobacco_shops(total_over: bool) -> dict:
    data = set_file_data(F39, "rf39d_04_*.yaml")
    if not total_over:
        data["facts"]["amounts"] = {k: v / 2 for k, v in data["facts"]["amounts"].items()}
    return data


def test_per_shop_payments_add_up_to_the_turnover_line(ctx: ReviewContext) -> None:
    over = variant_findings(_tobacco_shops(True), ctx)
    assert any(TOBACCO_LINE in rule for rule in rules_of(over, "transfer"))
    under = variant_findings(_tobacco_shops(False), ctx)  # 31,055 yuan in all: below 50,000
    assert not rules_of(under, "transfer")


def test_a_stated_total_is_not_added_to_its_parts(ctx: ReviewContext) -> None:
    data = _tobacco_shops(False)
    # 31,055 in parts and their 合计: counted once, below 50,000
    data["facts"]["amounts"]["货款合计"] = sum(data["facts"]["amounts"].values())
    assert not rules_of(variant_findings(data, ctx), "transfer")


def test_payments_for_the_wholesale_are_its_value(ctx: ReviewContext) -> None:
    data = set_file_data(F39, "rf39d_04_*.yaml")
    assert not rules_of(variant_findings(data, ctx), "facts")
    data["facts"]["description"] = data["facts"]["description"].replace(
        "向各零售户批发的卷烟条数及金额为", "各零售户的情况为"
    )
    assert cites_article(
        variant_findings(data, ctx), "facts", "《中华人民共和国行政处罚法》第四十条"
    )


def test_pregnancy_is_the_party_s_own_and_not_denied(ctx: ReviewContext) -> None:
    data = set_file_data(F40, "rf40a_03_*.yaml")  # a man of 69; the victim "非…孕妇"
    assert not cites_article(variant_findings(data, ctx), "law", PUBLIC_ORDER + "第二十一条")
    data["facts"]["description"] += "何伯坤现已怀孕四个月。"
    assert not cites_article(variant_findings(data, ctx), "law", PUBLIC_ORDER + "第二十一条")
    data["parties"][0]["id_code"] = "440705195403021824"  # 17th digit even: a woman
    assert cites_article(variant_findings(data, ctx), "law", PUBLIC_ORDER + "第二十一条")


def test_a_record_check_is_no_decision_not_to_execute(ctx: ReviewContext) -> None:
    data = set_file_data(F40, "rf40a_10_*.yaml")  # 16, first offence, sent to detention
    assert cites_article(variant_findings(data, ctx), "law", PUBLIC_ORDER + "第二十一条")
    data["facts"]["description"] += "决定行政拘留十日，依法不执行。"
    assert not cites_article(variant_findings(data, ctx), "law", PUBLIC_ORDER + "第二十一条")


def test_an_online_patrol_inspected_no_site(ctx: ReviewContext) -> None:
    data = set_file_data(F40, "rf40a_04_*.yaml")
    assert not rules_of(variant_findings(data, ctx), "evidence")
    data["facts"]["description"] = data["facts"]["description"].replace(
        "网络巡查发现", "现场巡查发现"
    )
    data["violation"]["description"] += "，现场巡查发现"
    assert rules_of(variant_findings(data, ctx), "evidence")


def test_a_searched_bag_needs_its_record(ctx: ReviewContext) -> None:
    data = set_file_data(F40, "rf40a_10_*.yaml")
    assert cites_article(variant_findings(data, ctx), "evidence", PUBLIC_ORDER + "第八十八条")
    data["evidence"].append(
        {
            "type": "现场笔录",
            "name": "检查笔录（背包）",
            "source": "民警制作，被检查人及见证人签名",
            "obtained_by": "检查",
            "date": "2023-08-19",
        }
    )
    assert not cites_article(variant_findings(data, ctx), "evidence", PUBLIC_ORDER + "第八十八条")


def test_a_listed_graver_case_told_in_its_own_words(ctx: ReviewContext) -> None:
    data = set_file_data(F40, "rf40a_05_*.yaml")
    graver = PUBLIC_ORDER + "第四十三条第二款第（二）项"
    assert graver in rules_of(variant_findings(data, ctx), "law")
    data["violation"]["description"] = "因摊位纠纷殴打他人，致其轻微伤"
    data["facts"]["description"] += "被侵害人非残疾人、孕妇、不满十四周岁的人或者六十周岁以上的人。"
    assert graver not in rules_of(variant_findings(data, ctx), "law")


def test_the_paragraph_whose_own_words_tell_the_act(ctx: ReviewContext) -> None:
    data = set_file_data(F40, "rf40b_10_*.yaml")
    first = "《中华人民共和国环境影响评价法》第三十一条第一款"
    assert first in rules_of(variant_findings(data, ctx), "law")
    data["violation"]["description"] = "未依法备案建设项目环境影响登记表"
    assert first not in rules_of(variant_findings(data, ctx), "law")


@pytest.mark.parametrize(("sets", "gain", "reached"), [(1260, 3600, True), (300, 3600, False)])
def test_credentials_taken_by_credential_stuffing(
    ctx: ReviewContext, sets: int, gain: int, reached: bool
) -> None:
    data = set_file_data(F40, "rf40a_07_*.yaml")
    data["facts"]["quantities"]["获取的账号密码（组）"] = sets
    data["facts"]["amounts"]["违法所得"] = gain
    found = rules_of(variant_findings(data, ctx), "transfer")
    assert any("第一条第一款第（二）项" in rule for rule in found) is reached


def test_cash_confiscated_beyond_the_seizure_list(ctx: ReviewContext) -> None:
    data = set_file_data(F40, "rf40a_09_*.yaml")
    assert cites_article(variant_findings(data, ctx), "facts", PENALTY_LAW + "第四十条")
    data["facts"]["amounts"]["收缴赌资"] = 5700
    assert not cites_article(variant_findings(data, ctx), "facts", PENALTY_LAW + "第四十条")


def test_a_fine_off_its_rate_and_quantity(ctx: ReviewContext) -> None:
    data = set_file_data(F40, "rf40b_08_*.yaml")  # 365280 = 1826.4 m² × 200, survey 1286.4
    assert cites_article(variant_findings(data, ctx), "facts", PENALTY_LAW + "第四十条")
    data["penalty"]["amount"] = data["facts"]["amounts"]["罚款"] = 257280
    assert not cites_article(variant_findings(data, ctx), "facts", PENALTY_LAW + "第四十条")


def test_goods_value_against_each_kind_s_price(ctx: ReviewContext) -> None:
    data = set_file_data(F40, "rf40d_09_*.yaml")  # 48600 stated, 40720 by the batches
    assert cites_article(variant_findings(data, ctx), "facts", PENALTY_LAW + "第四十条")
    data["facts"]["amounts"]["货值金额"] = 40720
    assert not cites_article(variant_findings(data, ctx), "facts", PENALTY_LAW + "第四十条")


def test_an_order_only_sanction_names_its_department(ctx: ReviewContext) -> None:
    data = set_file_data(F40, "rf40b_09_*.yaml")
    land = "《中华人民共和国土地管理法》第七十八条"
    assert cites_article(variant_findings(data, ctx), "authority", land)
    data["agency"]["name"] = "开平市农业农村局"
    data["agency"]["powers"]["laws"] = ["土地管理法", "农业法"]
    assert not cites_article(variant_findings(data, ctx), "authority", land)


def test_each_party_s_notified_fine_adds_up(ctx: ReviewContext) -> None:
    data = set_file_data(F40, "rf40c_06_*.yaml")  # unit 126480 + person 1000 notified
    assert not rules_of(variant_findings(data, ctx), "procedure")
    for event in data["events"]:
        if event["type"] == "告知":
            event["note"] = event["note"].replace("、对吴丽娟罚款1000元", "")
    assert cites_article(variant_findings(data, ctx), "procedure", PENALTY_LAW + "第四十四条")


def test_a_department_finding_is_not_repeated_as_a_laws_finding(ctx: ReviewContext) -> None:
    flags = variant_flags(set_file_data(F40, "rf40d_05_*.yaml"), ctx)
    authority = [
        f.rule for f in flags if f.point.value == "authority" and f.severity.value == "must_fix"
    ]
    assert authority == ["《中华人民共和国基本医疗卫生与健康促进法》第九十九条第一款"]


def test_a_test_by_a_body_outside_its_scope(ctx: ReviewContext) -> None:
    data = set_file_data(F40, "rf40d_07_*.yaml")
    rule = "《医疗器械监督管理条例》第七十五条第二款"
    assert rule in rules_of(variant_findings(data, ctx), "evidence")
    for item in data["evidence"]:
        if item["name"].startswith("检测报告"):
            item["note"] = "该公司为经认定的医疗器械检验机构"
    assert rule not in rules_of(variant_findings(data, ctx), "evidence")

"""Review round 107 (issue #18), tuned on review_fresh105–108 (scored blind at 85d5313 and
d8a48c0) and fresh109/110 (scored blind at ccd4c16) after their scoring, so not evidence of
them: departments a 罚则 names that the engine did not know (体育、财政、审计、税务、无线电管理、
地震、民用航空), a 罚则 opening with the crime (彩票管理条例第三十八条), a 派出所 detaining under
a law of its own (程序规定第一百七十三条), a fact whose name writes the whole criminal act, a
复查 on a body camera, a tier opened by either of two circumstances, the sold part's value as
the base the law names, a transmitter's power as a reading, the persons-in-charge range for a
person, an unverified part of a base, a decision's contents saying the test conclusion is left
out, and readings that stop misfiring (a drunk drone flight, a 款 whose act is written in other
articles, a medical examination). Also the shared reader of words a file affirms."""

from __future__ import annotations

import re

from review_fixtures import cites_article, rules_of, set_findings

from assistant.review.case_text import affirmed
from assistant.review.context import ReviewContext


def test_finance_department_fines_a_lottery_retailer(national_ctx: ReviewContext) -> None:
    # 彩票管理条例第四十一条: 由民政部门、体育行政部门 — not the 财政厅
    found = set_findings("review_fresh107", "rf107d_04_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《彩票管理条例》第四十一条第一款")


def test_crime_first_sanction_belongs_to_the_police(national_ctx: ReviewContext) -> None:
    # 第三十八条: 构成犯罪的…；尚不构成犯罪的，由公安机关依法给予治安管理处罚
    found = set_findings("review_fresh107", "rf107d_10_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《彩票管理条例》第三十八条")


def test_station_detaining_under_its_own_law(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh108", "rf108a_05_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《公安机关办理行政案件程序规定》第一百七十三条")


def test_station_detaining_through_public_order_law(national_ctx: ReviewContext) -> None:
    # 消防法第七十条: 由公安机关依照治安管理处罚法的有关规定决定 — 第九十一条 still binds
    found = set_findings("review_fresh59", "rf59d_04_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《中华人民共和国治安管理处罚法》第九十一条")


def test_fact_named_as_the_criminal_act(national_ctx: ReviewContext) -> None:
    # 采挖国家二级保护野生植物株数 4: the 2023 解释's 二株以上 line
    found = set_findings("review_fresh108", "rf108b_04_*.yaml", national_ctx)
    assert rules_of(found, "transfer")


def test_recheck_on_body_camera_needs_its_record(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh108", "rf108a_09_*.yaml", national_ctx)
    assert cites_article(found, "evidence", "《中华人民共和国行政处罚法》第五十五条第二款")


def test_affirmed_reads_the_clause_up_to_the_words() -> None:
    words = re.compile(r"暗管")
    negation = re.compile(r"无|未")
    assert affirmed("经核查，该厂设置暗管排放", words, negation) is not None
    assert affirmed("经核查，无暗管排放；其余正常", words, negation) is None
    # a denial in an earlier clause does not reach this one
    assert affirmed("未发现渗井，现场查见暗管", words, negation) is not None


# fresh109/110 were scored blind at ccd4c16 before the changes below (tuned on them after)


def test_sold_goods_value_is_the_base_the_law_names(national_ctx: ReviewContext) -> None:
    # 无线电管理条例第七十八条: 违法销售的设备货值 — the file's 已售货值, not a miscount of the whole
    found = set_findings("review_fresh109", "rf109a_03_*.yaml", national_ctx)
    assert not found


def test_market_regulator_uses_the_radio_regulator_power(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh109", "rf109a_05_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《中华人民共和国无线电管理条例》第七十八条")
    assert not rules_of(found, "facts")


def test_this_regulation_is_no_other_paragraph(national_ctx: ReviewContext) -> None:
    # 第四十八条第二款 (爆破作业人员: 责令限期改正…吊销) sets no fine; 第一款's 违反本条例规定 does
    # not make it build on 第一款
    found = set_findings("review_fresh109", "rf109b_07_*.yaml", national_ctx)
    assert cites_article(found, "law", "《民用爆炸物品安全管理条例》第四十八条")


def test_earthquake_department_power_used_by_housing_bureau(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh109", "rf109d_05_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《中华人民共和国防震减灾法》第八十七条")


def test_tier_opened_by_either_circumstance(national_ctx: ReviewContext) -> None:
    # 反洗钱法第五十三条: 情节严重或者逾期未改正的，处二十万元以上二百万元以下罚款
    found = set_findings("review_fresh110", "rf110c_03_*.yaml", national_ctx)
    assert not found


def test_drunk_drone_flight_is_no_dangerous_driving(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh110", "rf110d_08_*.yaml", national_ctx)
    assert not rules_of(found, "transfer")
    assert not rules_of(found, "law")  # 第五十一条第一款 writes its act in 第三十二、三十三条


def test_medical_examination_is_no_inspection(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh110", "rf110b_04_*.yaml", national_ctx)
    assert not rules_of(found, "evidence")


def test_police_use_the_civil_aviation_power(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh110", "rf110d_04_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《无人驾驶航空器飞行管理暂行条例》第四十九条")


def test_decided_power_above_the_measured_reading(national_ctx: ReviewContext) -> None:
    # 认定发射功率约50W; the monitoring station measured 23.5W
    found = set_findings("review_fresh109", "rf109a_11_*.yaml", national_ctx)
    assert cites_article(found, "facts", "《中华人民共和国行政处罚法》第四十条")


def test_person_in_charge_fined_on_the_persons_range(national_ctx: ReviewContext) -> None:
    # 反洗钱法第五十六条第一款: 二十万元以下 for the person, not 第五十四条's range for the bank
    found = set_findings("review_fresh110", "rf110c_10_*.yaml", national_ctx)
    assert cites_article(found, "discretion", "《中华人民共和国反洗钱法》第五十六条第一款")


def test_base_with_an_unverified_part(national_ctx: ReviewContext) -> None:
    # 认定逃汇金额 8904000 = 已查实 6080000 + 尚待核实金额 2824000
    found = set_findings("review_fresh110", "rf110c_11_*.yaml", national_ctx)
    assert cites_article(found, "facts", "《中华人民共和国行政处罚法》第四十条")


def test_substandard_drug_decision_without_test_conclusion(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh109", "rf109c_08_*.yaml", national_ctx)
    assert cites_article(found, "documents", "《中华人民共和国药品管理法》第一百二十一条")

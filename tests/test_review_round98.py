"""Review round 98 (issue #18) on review_fresh91 and review_fresh92 (each scored blind by 22c6f9a
before this round; tuned on them, not evidence of them): 尚不构成犯罪的，由公安机关… names the
department (the referral split cut it off), one act fined under two 罚则 as the narrative tells
it, the 款 after an agency's basis giving the rest of the field to another organ (除前款规定外…),
本条例规定的行政处罚…由…机构依据职权决定, 违法所得 above every sales paper's total, a report
received before the order's day, 勘查 as the mining term, a museum's rooms as premises, a letter
on a party's qualification no test report, the lower act's subject no shared conduct, 非在… as a
denial, 盗掘 vertebrate fossils of scientific value, this case's own 决定书 (not an earlier
当场 one) and a measured height within its limit."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, rules_of, sent_to_police, set_findings

from assistant.review.context import ReviewContext

PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        ("review_fresh91", "rf91c_04_*.yaml"),  # brachiopod fossils: 非古脊椎动物化石
        ("review_fresh91", "rf91c_07_*.yaml"),  # 勘查项目 is no inspection
        ("review_fresh91", "rf91d_03_*.yaml"),  # 关于当事人未取得…检测资质的复函
    ],
)
def test_clean_files_stay_clean(national_ctx: ReviewContext, set_name: str, pattern: str) -> None:
    assert not set_findings(set_name, pattern, national_ctx)


def test_not_yet_criminal_clause_keeps_its_department(national_ctx: ReviewContext) -> None:
    # 网络安全法第六十四条第二款: 尚不构成犯罪的，由公安机关没收… — a 网信 office has no power
    found = set_findings("review_fresh92", "rf92a_08_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《中华人民共和国网络安全法》第六十四条")


def test_one_act_fined_under_two_provisions_in_the_narrative(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh91", "rf91a_10_*.yaml", national_ctx)
    assert cites_article(found, "law", f"{PENALTY_LAW}第二十九条")


def test_the_paragraph_after_the_basis_gives_the_field_to_the_maritime_organ(
    national_ctx: ReviewContext,
) -> None:
    found = set_findings("review_fresh91", "rf91b_07_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《中华人民共和国海上交通安全法》第一百一十八条")


def test_the_regulation_saying_whose_its_penalties_are(national_ctx: ReviewContext) -> None:
    # 渔业船舶检验条例第三十八条第一款: 由…渔业行政主管部门或者其所属的渔业行政执法机构依据职权决定
    found = set_findings("review_fresh91", "rf91b_02_*.yaml", national_ctx)
    assert cites_article(found, "subject", "《中华人民共和国渔业船舶检验条例》第三十八条")


def test_illegal_income_above_the_sales_papers(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh91", "rf91b_11_*.yaml", national_ctx)
    assert cites_article(found, "facts", f"{PENALTY_LAW}第四十条")


def test_report_received_before_the_orders_day_is_no_delay(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh91", "rf91c_08_*.yaml", national_ctx)
    assert cites_article(found, "law", "《土地复垦条例》第四十一条")


def test_an_unrecorded_recheck_of_a_museums_rooms(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh91", "rf91c_11_*.yaml", national_ctx)
    assert cites_article(found, "evidence", f"{PENALTY_LAW}第五十五条")


def test_digging_vertebrate_fossils_goes_to_the_police(national_ctx: ReviewContext) -> None:
    assert sent_to_police(
        "review_fresh91", "rf91c_03_*.yaml", national_ctx, "《中华人民共和国刑法》第三百二十八条"
    )


def test_a_lower_act_shares_only_its_subject_with_the_law(national_ctx: ReviewContext) -> None:
    # 允许其他单位以本单位名义承揽 vs 防震减灾法第八十七条 未依法进行地震安全性评价
    found = set_findings("review_fresh91", "rf91d_06_*.yaml", national_ctx)
    assert not rules_of(found, "law")
    assert cites_article(found, "discretion", "《地震安全性评价管理条例》第十七条")


def test_a_measured_height_within_its_limit(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh91", "rf91d_08_*.yaml", national_ctx)
    assert cites_article(found, "facts", f"{PENALTY_LAW}第四十条")


def test_information_not_obtained_in_service_stays_below_the_line(
    national_ctx: ReviewContext,
) -> None:
    # 非在履行职责或者提供服务过程中获取: 4600 records, under 5000 and not the half line
    found = set_findings("review_fresh92", "rf92a_05_*.yaml", national_ctx)
    assert not rules_of(found, "transfer")


def test_an_earlier_on_the_spot_decision_is_not_this_cases(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh92", "rf92b_08_*.yaml", national_ctx)
    assert not rules_of(found, "documents")


def test_a_police_team_is_no_authorised_organisation(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh92", "rf92a_09_*.yaml", national_ctx)
    assert cites_article(found, "subject", f"{PENALTY_LAW}第十九条")

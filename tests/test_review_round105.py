"""Review round 105 (issue #18) on review_fresh101–104 (fresh101/102 scored blind first at
a2fbfeb, fresh103/104 at 17741b2; tuned on them after, not evidence of them): numbers cited by a
superseded text (a 处罚依据 that is the 违法依据 too; a 违法依据 whose old text is the duty the
罚则 now names), criminal lines the catalogue lacked (帮信, 强迫劳动, 林地 植被 destroyed, 破坏交通
设施, 爆炸物, 侮辱国旗, 骗取补贴, 伪造证书, 掺杂 stock unsold), and generic readings: a region written 广东省（深圳市除外）, a
railway 公安处, a site's 墓区, an audited entity's 收入, an order's own 决定书, a hearing waived in
the notice's record, a township lacking the 县级以上 level the 罚则 names, a minor refused the
lightening owed, a fine's payment period read as the order's, a bidding ban's hearing."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, rules_of, set_findings

from assistant.review.context import ReviewContext

VERSION = "《中华人民共和国行政处罚法》第三十七条"


def test_basis_that_is_also_the_duty_is_an_old_number(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh101", "rf101a_06_*.yaml", national_ctx)
    assert cites_article(found, "law", VERSION)
    assert not any("实施条例" in rule for rule in rules_of(found, "law"))


def test_duty_cited_by_its_old_number(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh101", "rf101d_11_*.yaml", national_ctx)
    assert cites_article(found, "law", VERSION)


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        ("review_fresh101", "rf101b_06_*.yaml"),  # 骗取财政补贴216000元
        ("review_fresh101", "rf101d_10_*.yaml"),  # locked dormitory, forced overtime
        ("review_fresh102", "rf102b_05_*.yaml"),  # 公益林 mangrove dug into ponds
        ("review_fresh102", "rf102c_07_*.yaml"),  # bank cards rented out after a warning
        ("review_fresh103", "rf103b_05_*.yaml"),  # 60 detonators bought without a licence
        ("review_fresh103", "rf103c_05_*.yaml"),  # rail clips taken from a live line
        ("review_fresh103", "rf103d_03_*.yaml"),  # a flag burnt on a square
        ("review_fresh104", "rf104b_10_*.yaml"),  # certificates printed under a forged seal
        ("review_fresh104", "rf104d_04_*.yaml"),  # adulterated coal in stock worth 172000
    ],
)
def test_new_criminal_lines(national_ctx: ReviewContext, set_name: str, pattern: str) -> None:
    assert rules_of(set_findings(set_name, pattern, national_ctx), "transfer")


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        ("review_fresh102", "rf102c_02_*.yaml"),  # one card rented, below every line
        ("review_fresh103", "rf103b_02_*.yaml"),  # a licensed buyer 280 over its permit
        ("review_fresh103", "rf103b_07_*.yaml"),  # 18 detonators carried
        ("review_fresh103", "rf103d_01_*.yaml"),  # a martyr mocked once, deleted
        ("review_fresh103", "rf103b_03_*.yaml"),  # knowledge not proved: 不涉嫌…伪劣产品罪
        ("review_fresh105", "rf105b_05_*.yaml"),  # 2.4 t in 12 drums: the count is no weight
    ],
)
def test_traps_below_the_new_lines(
    national_ctx: ReviewContext, set_name: str, pattern: str
) -> None:
    assert not rules_of(set_findings(set_name, pattern, national_ctx), "transfer")


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        ("review_fresh104", "rf104c_02_*.yaml"),  # 广东省（深圳市除外）, an act in 广州
        ("review_fresh103", "rf103d_09_*.yaml"),  # 烈士陵园烈士墓区 is no 区
        ("review_fresh103", "rf103c_03_*.yaml"),  # a railway 公安处's lines
    ],
)
def test_inside_the_district(national_ctx: ReviewContext, set_name: str, pattern: str) -> None:
    found = set_findings(set_name, pattern, national_ctx)
    assert "《中华人民共和国行政处罚法》第二十二条" not in rules_of(found, "authority")
    assert not rules_of(found, "subject")


def test_audited_entity_income_is_no_gain(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh104", "rf104a_01_*.yaml", national_ctx)
    assert not rules_of(found, "law")


def test_order_decided_by_its_own_decision(national_ctx: ReviewContext) -> None:
    assert not rules_of(
        set_findings("review_fresh103", "rf103d_10_*.yaml", national_ctx), "documents"
    )


def test_township_lacks_the_level_the_sanction_names(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh103", "rf103c_04_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《中华人民共和国铁路法》第四十六条")


def test_hearing_waived_in_the_notice(national_ctx: ReviewContext) -> None:
    assert not rules_of(
        set_findings("review_fresh103", "rf103c_05_*.yaml", national_ctx), "procedure"
    )


def test_police_fine_under_another_sanction_cites_the_general_hearing(
    national_ctx: ReviewContext,
) -> None:
    found = set_findings("review_fresh103", "rf103b_07_*.yaml", national_ctx)
    assert cites_article(found, "procedure", "《中华人民共和国行政处罚法》第六十三条")


def test_measure_the_sanction_gives_another_department(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh104", "rf104d_02_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《中华人民共和国保守国家秘密法实施条例》第四十三条")


def test_minor_refused_lightening(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh103", "rf103d_02_*.yaml", national_ctx)
    assert cites_article(found, "discretion", "《中华人民共和国治安管理处罚法》第十二条")


def test_fine_payment_period_is_no_correction_period(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh103", "rf103a_07_*.yaml", national_ctx)
    assert cites_article(found, "documents", "《中华人民共和国行政处罚法》第二十八条")


def test_bidding_ban_needs_a_hearing(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh103", "rf103a_08_*.yaml", national_ctx)
    assert cites_article(found, "procedure", "《中华人民共和国行政处罚法》第六十三条")


def test_own_kind_of_department_leaves_the_level_rule(national_ctx: ReviewContext) -> None:
    found = set_findings("review_fresh67", "rf67c_04_*.yaml", national_ctx)
    assert cites_article(found, "authority", "《中华人民共和国道路交通安全法实施条例》第一百零九条")

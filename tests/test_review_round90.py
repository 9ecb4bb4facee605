"""Review round 90 (issue #18) on review_fresh81 and review_fresh82 (each scored blind twice
before this round, by 8cd3be6 and 4fdf33b; what follows is tuned on them, not evidence of
them): articles cited beside the 罚则 (how the fine is fixed, a referral to another 罚则), a
licence revoked by its full name, a one-sided multiple under a yuan ceiling, no 违法所得 told
in words, a 商务厅 and a province's 市场监督管理局 by their names, an item no law's list holds,
a fine's other ground (或者造成严重后果), the decision's warning of removal, measures reserved
after a comma, a 售楼部 re-inspected, the field's own record duty, the state's or the
authorised province's enforcers, new transfer lines, an approval the file says was not sought,
and a form of the conduct its 罚则 sends to another law."""

from __future__ import annotations

import pytest
from review_fixtures import (
    cites_article,
    rules_of,
    sent_to_police,
    set_file_data,
    set_findings,
    variant_findings,
)

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import fine_clauses

F81, F82 = "review_fresh81", "review_fresh82"
PENALTY_LAW = "《中华人民共和国行政处罚法》"
ANTI_MONOPOLY = "《中华人民共和国反垄断法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    return national_ctx


@pytest.mark.parametrize(
    ("set_name", "pattern"),
    [
        (F81, "rf81a_01_*.yaml"),  # 反垄断法第四十九条: 确定具体罚款数额时，应当考虑…
        (F82, "rf82b_01_*.yaml"),  # 处罚办法第十四条: 依照《消费者权益保护法》第五十六条予以处罚
        (F81, "rf81c_07_*.yaml"),  # 吊销其对外劳务合作经营资格证书
        (F81, "rf81b_09_*.yaml"),  # 拒绝承保交强险 is none of 保险法第一百七十条's items
        (F81, "rf81d_06_*.yaml"),  # 逾期未拆除的由本局组织拆除: a warning, not an execution
    ],
)
def test_no_law_finding_on_a_sound_basis(ctx: ReviewContext, set_name: str, pattern: str) -> None:
    found = set_findings(set_name, pattern, ctx)
    assert not cites_article(found, "law", f"{PENALTY_LAW}第三十八条")
    assert not cites_article(found, "law", "《中华人民共和国保险法》第一百七十条")
    assert not cites_article(found, "procedure", "《中华人民共和国行政强制法》第四十四条")


def test_a_multiple_capped_by_a_sum() -> None:
    text = (
        "法律、法规未作规定的，由市场监督管理部门责令改正，可以单处或者并处警告，违法所得三倍以下、"
        "但最高不超过三万元的罚款，没有违法所得的，处以一万元以下的罚款。"
    )
    fine = fine_clauses(text)[0].fine
    assert (fine.min_multiple, fine.max_multiple, fine.max_yuan) == (0.0, 3.0, 30000.0)


def test_the_corkage_fine_within_three_times_and_a_gainless_fine_over_its_cap(
    ctx: ReviewContext,
) -> None:
    assert not rules_of(set_findings(F82, "rf82b_03_*.yaml", ctx), "discretion")
    found = set_findings(F82, "rf82b_06_*.yaml", ctx)  # 未发现…取得违法所得, fined 20000
    assert rules_of(found, "discretion") == {"《侵害消费者权益行为处罚办法》第十五条"}


def test_a_provincial_commerce_department(ctx: ReviewContext) -> None:
    assert not rules_of(set_findings(F81, "rf81c_05_*.yaml", ctx), "authority")


def test_a_fine_on_the_serious_consequence_needs_no_order(ctx: ReviewContext) -> None:
    found = set_findings(F82, "rf82a_10_*.yaml", ctx)
    assert not rules_of(found, "law")
    assert rules_of(found, "discretion") == {"《城镇排水与污水处理条例》第五十六条"}


def test_the_downgrade_reserved_by_the_cited_article(ctx: ReviewContext) -> None:
    found = set_findings(F82, "rf82c_05_*.yaml", ctx)
    assert rules_of(found, "authority") == {"《民用建筑节能条例》第三十九条"}


def test_a_recheck_at_the_sales_office_needs_its_record(ctx: ReviewContext) -> None:
    found = set_findings(F82, "rf82c_10_*.yaml", ctx)
    assert f"{PENALTY_LAW}第五十五条第二款" in rules_of(found, "evidence")


def test_the_anti_monopoly_record_duty_is_cited(ctx: ReviewContext) -> None:
    found = set_findings(F81, "rf81a_11_*.yaml", ctx)
    assert f"{ANTI_MONOPOLY}第四十八条第二款" in rules_of(found, "evidence")
    assert not rules_of(found, "law")


def test_a_city_bureau_is_no_anti_monopoly_enforcer(ctx: ReviewContext) -> None:
    found = set_findings(F81, "rf81a_04_*.yaml", ctx)
    assert f"{ANTI_MONOPOLY}第十三条第二款" in rules_of(found, "authority")
    data = set_file_data(F81, "rf81a_04_*.yaml")
    data["agency"]["name"] = "广东省市场监督管理局"
    assert not rules_of(variant_findings(data, ctx), "authority")


def test_export_control_is_the_state_departments(ctx: ReviewContext) -> None:
    found = set_findings(F81, "rf81c_02_*.yaml", ctx)
    assert "《中华人民共和国出口管制法》第四十条" in rules_of(found, "authority")


@pytest.mark.parametrize(
    ("set_name", "pattern", "crime_article"),
    [
        (F81, "rf81a_06_*.yaml", "《中华人民共和国刑法》第二百一十九条"),
        (F81, "rf81c_03_*.yaml", "《中华人民共和国刑法》第一百五十一条"),
        (F82, "rf82d_04_*.yaml", "《中华人民共和国刑法》第二百七十七条"),
    ],
)
def test_new_transfer_lines(
    ctx: ReviewContext, set_name: str, pattern: str, crime_article: str
) -> None:
    assert sent_to_police(set_name, pattern, ctx, crime_article)


def test_a_trade_secret_below_the_line_is_not_sent(ctx: ReviewContext) -> None:
    data = set_file_data(F81, "rf81a_06_*.yaml")
    data["facts"]["amounts"] = {"违法所得": 52000, "权利人销售利润损失": 46300}
    data["facts"]["description"] = data["facts"]["description"].replace("520000", "52000")
    data["facts"]["description"] = data["facts"]["description"].replace("463000", "46300")
    assert not rules_of(variant_findings(data, ctx), "transfer")


def test_a_higher_approval_the_file_denies(ctx: ReviewContext) -> None:
    found = set_findings(F81, "rf81a_07_*.yaml", ctx)
    assert rules_of(found, "procedure") == {"《中华人民共和国反不正当竞争法》第十三条第二款"}


def test_a_false_advertisement_goes_to_the_advertising_law(ctx: ReviewContext) -> None:
    found = set_findings(F81, "rf81a_10_*.yaml", ctx)
    assert "《中华人民共和国反不正当竞争法》第二十条第二款" in rules_of(found, "law")
    data = set_file_data(F81, "rf81a_10_*.yaml")
    data["citations"]["penalty_basis"] = ["《中华人民共和国广告法》第五十五条第一款"]
    assert not cites_article(
        variant_findings(data, ctx), "law", "《中华人民共和国反不正当竞争法》第二十条"
    )

"""Review round 16, class Q (issue #18): authority and subject on review_fresh12 — a 受委托组织
exercises the entrusting agency's power (第二十条), 自然资源 departments hold 林业's, a 罚则's
治安 referral clause names no department of the 罚则, an organisation whose 职权依据 hands the
power to a department is not authorised (第十九条), 按照各自职权 gives each item to its own
department (消防法第五十八条第一款), online places are judged at the party's address and a
landmark may stand before an area's name (第二十二条).
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh12 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, must_fix_findings, set_file_data

from assistant.case_file import parse_case
from assistant.review.context import ReviewContext
from assistant.review.engine import review

PENALTY_LAW = "《中华人民共和国行政处罚法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh12", f"{prefix}_*.yaml")


def _authority_rules(data: dict, ctx: ReviewContext) -> set[str]:
    return {f.rule for f in review(parse_case(data), ctx).flags if f.point.value == "authority"}


@pytest.mark.parametrize("name", ["曲江区卫生监督所", "某县卫生健康综合监督执法队"])
def test_entrusted_body_exercises_the_entrusting_agencys_power(
    ctx: ReviewContext, name: str
) -> None:
    data = _data("rf12a_05")
    data["agency"]["name"] = data["agency"]["acts_in_name_of"] = name
    found = must_fix_findings(parse_case(data), ctx)
    assert cites_article(found, "subject", f"{PENALTY_LAW}第二十条")
    assert not cites_article(found, "authority", f"{PENALTY_LAW}第十七条")


@pytest.mark.parametrize("name", ["梅州市梅县区自然资源局", "五华县自然资源局"])
def test_natural_resources_department_holds_forestry_powers(ctx: ReviewContext, name: str) -> None:
    data = _data("rf12c_06")
    data["agency"]["name"] = name
    found = must_fix_findings(parse_case(data), ctx)
    assert not cites_article(found, "authority", f"{PENALTY_LAW}第十七条")


def test_public_order_referral_clause_names_no_department_of_the_rule(ctx: ReviewContext) -> None:
    data = _data("rf12c_08")
    data["violation"]["place"] = data["agency"]["region"] + "大良街道某商住楼5楼"
    found = must_fix_findings(parse_case(data), ctx)
    assert not cites_article(found, "authority", f"{PENALTY_LAW}第十七条")
    assert not cites_article(found, "authority", f"{PENALTY_LAW}第二十二条")


@pytest.mark.parametrize("name", ["乐昌市长来镇综合文化站", "某县某镇文化体育服务中心"])
def test_organisation_not_authorised_by_its_basis(ctx: ReviewContext, name: str) -> None:
    data = _data("rf12c_12")
    data["agency"]["name"] = name
    found = must_fix_findings(parse_case(data), ctx)
    assert cites_article(found, "subject", f"{PENALTY_LAW}第十九条")
    assert not cites_article(found, "authority", f"{PENALTY_LAW}第十七条")


def test_fire_service_punishing_an_unaccepted_building(ctx: ReviewContext) -> None:
    data = _data("rf12a_06")
    data["agency"]["name"] = "佛山市消防救援支队"
    found = must_fix_findings(parse_case(data), ctx)
    assert ("authority", ctx.rule("《中华人民共和国消防法》第五十八条第一款")) in found


def test_fire_service_punishing_its_own_item(ctx: ReviewContext) -> None:
    """第（四）项 names 消防救援机构许可: the fire service's own item."""
    data = _data("rf12a_06")
    data["citations"]["penalty_basis"] = ["《中华人民共和国消防法》第五十八条第一款第（四）项"]
    found = must_fix_findings(parse_case(data), ctx)
    assert not cites_article(found, "authority", "《中华人民共和国消防法》第五十八条")


@pytest.mark.parametrize(
    ("prefix", "place"),
    [
        ("rf12a_07", "当事人抖音短视频账号主页"),
        ("rf12a_11", "某电子商务平台店铺商品详情页面（网店）"),
    ],
)
def test_online_place_judged_at_party_address(ctx: ReviewContext, prefix: str, place: str) -> None:
    data = _data(prefix)
    data["violation"]["place"] = place
    assert f"{PENALTY_LAW}第二十二条" not in _authority_rules(data, ctx)


def test_online_place_with_party_elsewhere_is_checked(ctx: ReviewContext) -> None:
    data = _data("rf12a_11")
    data["parties"][0]["address"] = "揭阳市榕城区某路8号"
    flags = [f for f in review(parse_case(data), ctx).flags if f.point.value == "authority"]
    rule = ctx.rule(f"{PENALTY_LAW}第二十二条")
    assert [f.severity.value for f in flags if f.rule == rule] == ["check"]


@pytest.mark.parametrize("place", ["北江高要区蛟塘镇某河段", "西江高要区金利镇茅岗段"])
def test_landmark_before_area_name(ctx: ReviewContext, place: str) -> None:
    data = _data("rf12c_10")
    data["violation"]["place"] = place
    assert ctx.rule(f"{PENALTY_LAW}第二十二条") not in _authority_rules(data, ctx)


def test_other_county_still_outside(ctx: ReviewContext) -> None:
    data = _data("rf12c_10")
    data["violation"]["place"] = "西江端州区某河段"
    assert ctx.rule(f"{PENALTY_LAW}第二十二条") in _authority_rules(data, ctx)

"""Review round 24, class V1 (issue #18): police tiers, territory, reduced kinds —
a bus over 额定乘员百分之二十 is fined 500–2000 (道路交通安全法第九十二条第一款) whatever the file
calls the limit (核定载客人数, 核载); a county-level city behind a road number (国道G240线台山市)
is that city, inside its prefecture (行政处罚法第二十二条).
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh20 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext
from assistant.review.territory import Placement, placement

ROAD_LAW = "《中华人民共和国道路交通安全法》"
TERRITORY = "《中华人民共和国行政处罚法》第二十二条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _bus(limit_name: str, limit: int, actual_name: str, actual: int, amount: int) -> dict:
    data = set_file_data("review_fresh20", "rf20b_06_*.yaml")
    data["facts"]["quantities"] = {limit_name: limit, actual_name: actual}
    data["penalty"]["amount"] = amount
    return data


# --- 第九十二条第一款: the graver 乘员 tier, the limit under the file's own name -------------


@pytest.mark.parametrize(
    ("limit_name", "limit", "actual_name", "actual", "amount"),
    [
        ("核定载客人数", 45, "实载人数", 56, 300),
        ("核载人数", 33, "实载人数", 41, 400),
        ("额定乘员", 19, "实际载客人数", 24, 200),
    ],
)
def test_bus_over_twenty_percent_below_graver_floor(
    ctx: ReviewContext, limit_name: str, limit: int, actual_name: str, actual: int, amount: int
) -> None:
    found = variant_findings(_bus(limit_name, limit, actual_name, actual, amount), ctx)
    assert ("discretion", f"{ROAD_LAW}第九十二条第一款") in found


@pytest.mark.parametrize(("actual", "amount"), [(50, 300), (54, 400), (56, 600)])
def test_bus_within_its_tier_is_no_discretion_finding(
    ctx: ReviewContext, actual: int, amount: int
) -> None:
    """50/45 and 54/45 (exactly 20%) are the milder tier (200–500); 600 is in the graver one."""
    found = variant_findings(_bus("核定载客人数", 45, "实载人数", actual, amount), ctx)
    assert not any(point == "discretion" for point, _ in found)


# --- 第二十二条: a county-level city behind a road number ----------------------------------


@pytest.mark.parametrize(
    ("region", "place"),
    [
        ("江门市台山市", "国道G240线台山市水步镇路段（春运检查站）"),
        ("江门市开平市", "省道S274线开平市水口镇路段"),
        ("湛江市雷州市", "G15沈海高速雷州市客路镇路段"),
    ],
)
def test_county_city_behind_a_road_number_is_inside(region: str, place: str) -> None:
    assert placement(region, place)[0] is Placement.INSIDE


def test_other_county_city_behind_a_road_number_is_outside() -> None:
    assert placement("江门市台山市", "国道G325线开平市水口镇路段")[0] is Placement.OUTSIDE


def test_bus_file_on_a_national_road_has_no_territory_finding(ctx: ReviewContext) -> None:
    found = variant_findings(_bus("核定载客人数", 45, "实载人数", 56, 300), ctx)
    assert ("authority", TERRITORY) not in found


# --- 减轻处罚 to a lighter kind than the 罚则's, on a recorded ground: check, not must_fix ----

THEFT = "《中华人民共和国治安管理处罚法》第四十九条"
ASSAULT = "《中华人民共和国治安管理处罚法》第四十三条"


def _minor(birth: str, violated: str, types: list[str]) -> dict:
    data = set_file_data("review_fresh20", "rf20b_02_*.yaml")
    data["parties"][0]["birth_date"] = birth
    data["parties"][0].pop("id_code", None)
    data["citations"]["violated"] = [violated]
    data["citations"]["penalty_basis"] = [violated, "《中华人民共和国治安管理处罚法》第十二条"]
    data["penalty"]["types"] = types
    data["facts"]["mitigating_grounds"] = ["已满十四周岁不满十八周岁"]
    data["facts"]["description"] = (
        "林某（作案时十五周岁）殴打同学致其轻微伤，依法减轻处罚，决定给予警告。"
    )
    return data


@pytest.mark.parametrize(
    ("birth", "violated"),
    [("2009-03-02", THEFT), ("2007-12-30", THEFT), ("2008-09-09", ASSAULT)],
)
def test_minor_reduced_to_a_warning_is_checked(
    ctx: ReviewContext, birth: str, violated: str
) -> None:
    found = variant_findings(_minor(birth, violated, ["警告"]), ctx)
    assert not any(point == "law" for point, _ in found)


def test_adult_given_a_warning_the_article_lacks_is_must_fix(ctx: ReviewContext) -> None:
    data = _minor("1990-03-02", THEFT, ["警告"])
    data["facts"]["mitigating_grounds"] = []
    data["facts"]["description"] = "林某在便利店盗窃充电宝一个，价值一百六十八元，决定给予警告。"
    data["citations"]["penalty_basis"] = [THEFT]
    assert ("law", THEFT) in variant_findings(data, ctx)


@pytest.mark.parametrize(
    ("region", "place"),
    [
        ("阳江市阳春市", "阳江市阳东区塘坪镇某村山地（与阳春市春湾镇交界）"),
        ("江门市开平市", "台山市白沙镇某村（毗邻开平市）"),
    ],
)
def test_an_area_the_place_only_borders_is_not_where_it_lies(region: str, place: str) -> None:
    assert placement(region, place)[0] is Placement.OUTSIDE

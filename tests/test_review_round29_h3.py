"""Review round 29, engineer h3 (issue #18): a place that only borders the agency's region
is not inside it (行政处罚法第二十二条); a department's team the file calls 法律法规授权组织 is
still the department's unit (第十九条); an office the 罚则's own law caps (税收征收管理法
第七十四条: 罚款额在二千元以下的，可以由税务所决定) fining more; an article fining persons
only, its range written 百分之六十至百分之一百 (安全生产法第一百一十条).
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh24 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext
from assistant.review.statutory_range import statutory_bounds

TERRITORY = ("authority", "《中华人民共和国行政处罚法》第二十二条")
TAX_OFFICE = ("authority", "《中华人民共和国税收征收管理法》第七十四条")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _fire(place: str, region: str = "台山市", agency: str = "台山市消防救援大队") -> dict:
    data = set_file_data("review_fresh24", "rf24a_09_*.yaml")
    data["agency"]["name"], data["agency"]["region"] = agency, region
    data["violation"]["place"] = place
    return data


@pytest.mark.parametrize(
    "place",
    [
        "恩平市大田镇朗北路6号（与台山市北陡镇交界处）",
        "开平市赤坎镇堤西路21号商铺，毗邻台山市白沙镇",
    ],
)
def test_place_bordering_the_region_is_outside_it(ctx: ReviewContext, place: str) -> None:
    assert TERRITORY in variant_findings(_fire(place), ctx)


def test_place_inside_the_region_beside_another_is_inside(ctx: ReviewContext) -> None:
    place = "台山市北陡镇沙咀路3号（与恩平市大田镇交界）"
    assert TERRITORY not in variant_findings(_fire(place), ctx)


def _team(name: str, kind: str = "法律法规授权组织") -> dict:
    data = set_file_data("review_fresh24", "rf24b_10_*.yaml")
    data["agency"]["name"], data["agency"]["kind"] = name, kind
    return data


@pytest.mark.parametrize(
    "name",
    ["台山市水务局水政执法大队", "恩平市水利局水资源监察中队"],
)
def test_department_team_claiming_authorisation(ctx: ReviewContext, name: str) -> None:
    assert cites_article(
        variant_findings(_team(name), ctx), "subject", "《中华人民共和国行政处罚法》第十九条"
    )


def test_the_department_itself_is_no_team(ctx: ReviewContext) -> None:
    found = variant_findings(_team("台山市水务局", kind="行政机关"), ctx)
    assert not any(point == "subject" for point, _ in found)


def _tax_office(amount: float, name: str = "国家税务总局台山市税务局广海税务所") -> dict:
    data = set_file_data("review_fresh24", "rf24d_05_*.yaml")
    data["agency"]["name"] = name
    data["penalty"]["amount"] = amount
    return data


@pytest.mark.parametrize("amount", [2500, 10000])
def test_tax_office_over_its_ceiling(ctx: ReviewContext, amount: float) -> None:
    assert TAX_OFFICE in variant_findings(_tax_office(amount), ctx)


@pytest.mark.parametrize(
    ("amount", "name"),
    [(2000, "国家税务总局台山市税务局广海税务所"), (5000, "国家税务总局台山市税务局")],
)
def test_within_ceiling_or_a_bureau_is_not_flagged(
    ctx: ReviewContext, amount: float, name: str
) -> None:
    assert TAX_OFFICE not in variant_findings(_tax_office(amount, name), ctx)


_PRINCIPAL = (
    "生产经营单位的主要负责人在本单位发生生产安全事故时，不立即组织抢救的，给予降级、撤职的处分，"
    "并由应急管理部门处上一年年收入百分之六十至百分之一百的罚款。\n"
    "生产经营单位的主要负责人对生产安全事故隐瞒不报、谎报或者迟报的，依照前款规定处罚。"
)


def test_person_only_article_gives_the_party_its_range() -> None:
    bounds = statutory_bounds(_PRINCIPAL, {"上一年年收入": 150000}, None)
    assert bounds is not None and (bounds.low, bounds.high) == (90000, 150000)


def test_unit_fine_still_excludes_persons() -> None:
    text = "处二万元以上十万元以下的罚款；对其主要负责人处一万元以上二万元以下的罚款。"
    bounds = statutory_bounds(text, {}, None)
    assert bounds is not None and (bounds.low, bounds.high) == (20000, 100000)


def _late_report(share: float, income: float = 180000) -> dict:
    data = set_file_data("review_fresh24", "rf24a_11_*.yaml")
    data["facts"]["amounts"] = {"上一年年收入": income}
    data["penalty"]["amount"] = income * share
    return data


def test_principal_below_sixty_percent(ctx: ReviewContext) -> None:
    found = variant_findings(_late_report(0.5), ctx)
    assert cites_article(found, "discretion", "《中华人民共和国安全生产法》第一百一十条")


def test_principal_within_range(ctx: ReviewContext) -> None:
    found = variant_findings(_late_report(0.7), ctx)
    assert not cites_article(found, "discretion", "《中华人民共和国安全生产法》第一百一十条")


def test_persons_fined_beside_the_party_are_not_its_range() -> None:
    text = (
        "除依照前款规定处罚外，并责令停业整顿；对直接负责的主管人员，处二千元以上二万元以下罚款。"
    )
    assert statutory_bounds(text, {}, None) is None

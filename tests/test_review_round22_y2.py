"""Review round 22, class y2 (issue #18): 治安管理处罚法第十九条 obliges 减轻 on its grounds
(主动投案如实陈述、消除后果并取得谅解…), so a detention at the article's lowest days or more
is a must_fix under that article, not under 行政处罚法第三十二条. Cases are variants (other
names, amounts, wording) of eval/sets/review_fresh18 files."""

from __future__ import annotations

import pytest
from review_fixtures import must_fix_findings, set_file_data

from assistant.case_file import parse_case
from assistant.review.context import ReviewContext

ART_19 = ("discretion", "《中华人民共和国治安管理处罚法》第十九条")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _surrender(description: str, grounds: list[str]) -> dict:
    data = set_file_data("review_fresh18", "rf18a_07_*.yaml")
    data["parties"][0]["name"] = "陈某"
    data["facts"]["description"] = description
    data["facts"]["mitigating_grounds"] = grounds
    return data


def test_surrender_with_seven_days_detention_is_not_reduced(ctx: ReviewContext) -> None:
    data = _surrender(
        "陈某踢坏邻居电动车，案发当日主动到派出所投案并如实陈述，已赔偿并取得谅解。决定行政拘留七日。",
        ["主动投案，如实陈述"],
    )
    data["penalty"] = {"types": ["行政拘留"]}
    assert ART_19 in must_fix_findings(parse_case(data), ctx)


def test_detention_below_the_minimum_is_reduced(ctx: ReviewContext) -> None:
    data = _surrender(
        "陈某踢坏邻居电动车，主动投案并如实陈述违法事实。依法减轻处罚，决定行政拘留三日。",
        ["主动投案，如实陈述（第十九条第（四）项）"],
    )
    data["penalty"] = {"types": ["行政拘留"]}
    assert ART_19 not in must_fix_findings(parse_case(data), ctx)


def test_no_ground_on_record_no_finding(ctx: ReviewContext) -> None:
    data = _surrender("陈某踢坏邻居电动车，经传唤到案，拒不赔偿。决定行政拘留十日。", [])
    data["facts"]["circumstances"] = []
    assert ART_19 not in must_fix_findings(parse_case(data), ctx)


def test_forgiveness_alone_is_no_article_19_ground(ctx: ReviewContext) -> None:
    data = _surrender("陈某与邻居互殴，经调解双方互相谅解。决定行政拘留七日。", [])
    data["facts"]["circumstances"] = []
    data["penalty"] = {"types": ["行政拘留"]}
    assert ART_19 not in must_fix_findings(parse_case(data), ctx)

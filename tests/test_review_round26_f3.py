"""Review round 26, engineer f3 (issue #18): a special law's own transfer duty —
药品管理法第一百一十三条第一款 (药品监督管理部门发现药品违法行为涉嫌犯罪的，应当及时将案件移送公安机关)
is cited beside 刑法第一百四十一条第一款 and 行政处罚法第二十七条第一款 when a file on selling
counterfeit drugs (假药) shows no transfer. Cases are variants of eval/sets/review_fresh22 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

DRUG_DUTY = "《中华人民共和国药品管理法》第一百一十三条第一款"
PENALTY_DUTY = "《中华人民共和国行政处罚法》第二十七条第一款"
CRIME = "《中华人民共和国刑法》第一百四十一条第一款"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _drug(description: str) -> dict:
    data = set_file_data("review_fresh22", "rf22c_02_*.yaml")
    data["violation"]["description"] = description
    data["facts"]["description"] = description + "，案卷未见移送公安机关的记录"
    data["facts"]["circumstances"] = []
    return data


@pytest.mark.parametrize(
    "description",
    [
        "当事人在其经营的药房零售以非药品冒充药品的“通络丸”，经鉴定属于假药",
        "当事人销售的“护肝片”所含成份与国家药品标准规定的成份不符，系假药",
    ],
)
def test_counterfeit_drug_without_transfer_cites_drug_law_duty(
    ctx: ReviewContext, description: str
) -> None:
    found = variant_findings(_drug(description), ctx)
    assert ("transfer", DRUG_DUTY) in found
    assert ("transfer", PENALTY_DUTY) in found
    assert ("transfer", CRIME) in found


def test_not_counterfeit_drug_has_no_transfer(ctx: ReviewContext) -> None:
    """A drug sold past its expiry is 劣药, not 假药: no act-only transfer line applies."""
    data = _drug("当事人销售超过有效期的“阿莫西林胶囊”，经查不属于假药")
    found = variant_findings(data, ctx)
    assert not any(point == "transfer" for point, _ in found)

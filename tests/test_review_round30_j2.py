"""Review round 30, engineer j2 (issue #18): a 查封、扣押决定书 whose listed contents only
summarise the measure (what was seized and for how long) names none of the formal items of
《行政强制法》第二十四条第二款 (party, remedy, issuing agency), so no omission can be read from
it and it is not flagged; a list of the document's form that leaves an item out still is.
Cases are variants (other goods, periods, wording) of eval/sets/review_fresh25 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

SEIZURE_FORM = ("documents", "《中华人民共和国行政强制法》第二十四条第二款")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _drugs(contents: list[str]) -> dict:
    """A 药品管理法 file whose seizure decision lists ``contents``."""
    data = set_file_data("review_fresh25", "rf25b_06_*.yaml")
    for document in data["documents"]:
        if document["type"] == "实施行政强制措施决定书":
            document["type"] = "扣押决定书"
            document["contents"] = contents
    return data


@pytest.mark.parametrize(
    "contents",
    [
        ["扣押过期胶囊剂5盒、片剂12盒", "扣押期限30日"],
        ["对涉案中成药2个品种予以扣押，期限自2025年4月22日起三十日"],
        ["扣押物品：过期阿莫西林8盒"],
    ],
)
def test_summary_of_the_measure_is_not_read_as_its_form(
    ctx: ReviewContext, contents: list[str]
) -> None:
    assert SEIZURE_FORM not in variant_findings(_drugs(contents), ctx)


def test_form_list_leaving_the_remedy_out_is_flagged(ctx: ReviewContext) -> None:
    contents = [
        "当事人名称、地址",
        "扣押的理由和依据",
        "扣押期限三十日",
        "扣押财物清单",
        "行政机关名称、印章和日期",
    ]
    assert SEIZURE_FORM in variant_findings(_drugs(contents), ctx)


NOT_A_SANCTION = ("law", "《中华人民共和国行政处罚法》第三十八条第一款")


def _brawl(basis: list[str]) -> dict:
    """A 治安管理处罚法 joint-fight file with ``basis`` as its 处罚依据."""
    data = set_file_data("review_fresh25", "rf25d_04_*.yaml")
    data["citations"]["penalty_basis"] = basis
    return data


@pytest.mark.parametrize(
    "basis",
    [
        [
            "《中华人民共和国治安管理处罚法》第十七条第一款",
            "《中华人民共和国治安管理处罚法》第二十六条",
        ],
        [
            "《中华人民共和国治安管理处罚法》第二十六条第（一）项",
            "《中华人民共和国治安管理处罚法》第十七条",
        ],
    ],
)
def test_joint_offenders_rule_beside_the_sanction_is_no_finding(
    ctx: ReviewContext, basis: list[str]
) -> None:
    assert NOT_A_SANCTION not in variant_findings(_brawl(basis), ctx)


def test_joint_offenders_rule_alone_is_no_sanction(ctx: ReviewContext) -> None:
    found = variant_findings(_brawl(["《中华人民共和国治安管理处罚法》第十七条第一款"]), ctx)
    assert NOT_A_SANCTION in found


def test_daily_penalty_day_count_beside_the_sanction_is_no_finding(ctx: ReviewContext) -> None:
    data = set_file_data("review_fresh25", "rf25a_10_*.yaml")
    data["citations"]["penalty_basis"] = [
        "《环境保护主管部门实施按日连续处罚办法》第十七条",
        "《中华人民共和国水污染防治法》第九十五条",
        "《中华人民共和国环境保护法》第五十九条",
    ]
    assert NOT_A_SANCTION not in variant_findings(data, ctx)

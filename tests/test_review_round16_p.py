"""Review round 16, class P (issue #18): files that are not a penalty decision — a 查封/扣押
alone (行政强制法), a case transferred to the police — are not held to the 行政处罚法 steps
of a penalty decision, and a 简易程序 warning on the pre-printed 当场行政处罚决定书 is
known as one (第五十一条、第五十二条).
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh12 files."""

from __future__ import annotations

import pytest
from review_fixtures import must_fix_findings, set_file_data

from assistant.case_file import parse_case
from assistant.review.context import ReviewContext

PENALTY_LAW = "《中华人民共和国行政处罚法》"
COERCION_LAW = "《中华人民共和国行政强制法》"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh12", f"rf12{prefix}_*.yaml")


def _penalty_law_findings(found: set[tuple[str, str]]) -> set[tuple[str, str]]:
    return {(p, rule) for p, rule in found if rule.startswith(PENALTY_LAW)}


def _seal(kind: str) -> dict:
    """A 查封 (or 扣押) of another workshop's equipment, complete under 行政强制法第十八条."""
    data = _data("c_01")
    data["case_id"] = "江环封〔2024〕0107号"
    data["parties"][0]["name"] = "江门市某五金电镀有限公司"
    data["facts"]["description"] = (
        "当事人从事机械加工，2024年4月16日检查时发现其使用抽排泵将废切削液抽排至厂区雨水沟，"
        "现场估算已排放约0.4吨，为防止继续排放造成严重污染，依法对储液桶及抽排泵实施" + kind + "。"
    )
    data["facts"]["quantities"] = {"废切削液排放量（吨）": 0.4}
    data["penalty"] = {"types": [kind]}
    for event in data["events"]:
        event["note"] = (event.get("note") or "").replace("查封", kind)
    return data


@pytest.mark.parametrize("kind", ["查封", "扣押"])
def test_a_seizure_alone_is_not_held_to_the_penalty_decision_steps(
    ctx: ReviewContext, kind: str
) -> None:
    found = must_fix_findings(parse_case(_seal(kind)), ctx)
    assert not _penalty_law_findings(found)


def test_a_seizure_with_a_fine_is_still_a_penalty_decision(ctx: ReviewContext) -> None:
    data = _seal("查封")
    data["penalty"] = {"types": ["查封", "罚款"], "amount": 50000}
    found = must_fix_findings(parse_case(data), ctx)
    # the cited provisions are no 罚则, and no 行政处罚决定书 is on file
    assert ("law", f"{PENALTY_LAW}第三十八条第一款") in found
    assert ("documents", f"{PENALTY_LAW}第五十九条第一款") in found


def test_an_overdue_seizure_is_the_coercion_law_finding_only(ctx: ReviewContext) -> None:
    data = _data("c_02")
    data["parties"][0]["name"] = "云浮市某石材加工有限公司"
    data["facts"]["description"] = (
        "当事人将石材切割废浆约6吨用自有货车运至河边倾倒，执法人员当场扣押该货车。"
    )
    found = must_fix_findings(parse_case(data), ctx)
    assert ("procedure", f"{COERCION_LAW}第二十五条第一款") in found
    assert not _penalty_law_findings(found)


def test_a_transferred_case_needs_no_sanction_clause(ctx: ReviewContext) -> None:
    data = _data("c_10")
    data["parties"] = data["parties"][:1]
    data["parties"][0]["name"] = "冯某某"
    data["citations"]["penalty_basis"] = ["《中华人民共和国刑法》第三百四十条"]
    found = must_fix_findings(parse_case(data), ctx)
    assert ("law", f"{PENALTY_LAW}第三十八条第一款") not in found
    assert ("authority", f"{PENALTY_LAW}第十七条") not in found


def _warning(title: str, method: str | None) -> dict:
    data = _data("a_02")
    data["parties"][0]["name"] = "陈国华"
    data["facts"]["description"] = (
        "当事人经营的美容店于2024年4月17日检查时，美容师李某未取得健康合格证正在为顾客服务；"
        "当事人当场承认。"
    )
    for event in data["events"]:
        if event["type"] == "决定":
            event.pop("method", None)
            if method:
                event["method"] = method
    for document in data["documents"]:
        if "决定书" in document["type"] and "备案" not in document["type"]:
            document["type"] = title
    data["documents"] = [d for d in data["documents"] if "备案" not in d["type"]]
    return data


@pytest.mark.parametrize(
    ("title", "method"),
    [("当场行政处罚决定书", None), ("当场处罚决定书", None), ("行政处罚决定书", "简易程序")],
)
def test_an_on_the_spot_warning_is_summary_procedure(
    ctx: ReviewContext, title: str, method: str | None
) -> None:
    found = must_fix_findings(parse_case(_warning(title, method)), ctx)
    assert not [f for f in found if f[0] == "documents"]


def test_an_ordinary_decision_without_opening_is_still_flagged(ctx: ReviewContext) -> None:
    found = must_fix_findings(parse_case(_warning("行政处罚决定书", "普通程序")), ctx)
    assert ("documents", f"{PENALTY_LAW}第五十四条第二款") in found

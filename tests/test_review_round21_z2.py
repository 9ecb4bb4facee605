"""Review round 21, class z2 (issue #18): an on-site inspection with no written record
(第五十五条第二款) however the step is worded (到某士多店检查，发现…; 现场用RTK测量…) and
whatever the decision takes from it (a figure the inspection counted or measured).
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh17 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

PENALTY_LAW = "《中华人民共和国行政处罚法》"
RECORD = ("evidence", f"{PENALTY_LAW}第五十五条第二款")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _data(prefix: str) -> dict:
    return set_file_data("review_fresh17", f"rf17{prefix}_*.yaml")


# --- 第五十五条第二款: the inspection's record, however the step is worded --------------


@pytest.mark.parametrize(
    "note",
    [
        "接举报到恩平市君堂镇当事人便利店检查，发现货架存放药品21个品种",
        "到当事人小卖部检查，发现后仓存放药品21个品种",
        "执法人员进入当事人超市检查，发现药品21个品种",
    ],
)
def test_shop_inspection_without_record(ctx: ReviewContext, note: str) -> None:
    data = _data("a_10")
    data["events"][0]["note"] = note
    data["facts"]["quantities"] = {"药品品种": 21}
    assert RECORD in variant_findings(data, ctx)


def test_shop_inspection_with_record_is_clean(ctx: ReviewContext) -> None:
    data = _data("a_10")
    data["documents"].append({"type": "现场检查笔录", "date": data["events"][0]["date"]})
    assert RECORD not in variant_findings(data, ctx)


@pytest.mark.parametrize(
    ("note", "area"),
    [
        ("根据卫片图斑核查，现场用无人机测量占地范围，确认占用林地0.35公顷", 0.35),
        ("实地使用GPS丈量，确认毁坏林地0.6公顷", 0.6),
    ],
)
def test_site_measurement_without_record(ctx: ReviewContext, note: str, area: float) -> None:
    data = _data("c_06")
    data["events"][0]["note"] = note
    data["facts"]["quantities"] = {"占用林地公顷": area}
    assert RECORD in variant_findings(data, ctx)


def test_site_measurement_with_survey_record_is_clean(ctx: ReviewContext) -> None:
    data = _data("c_06")
    data["evidence"].append(
        {"type": "勘验笔录", "name": "现场勘验笔录", "source": "执法人员", "date": "2023-04-10"}
    )
    assert RECORD not in variant_findings(data, ctx)


# --- 治安 cases: the special law's own article (特别法优先) ------------------------------

PUBLIC_ORDER = "《中华人民共和国治安管理处罚法》"


@pytest.mark.parametrize(
    "relation",
    [
        "主办民警罗志坚系何伟明堂兄的配偶，属近亲属，未回避",
        "主办民警罗志坚系违法嫌疑人何伟明之弟，未申请也未决定回避",
    ],
)
def test_police_officer_recusal_cites_public_order_law(ctx: ReviewContext, relation: str) -> None:
    data = _data("b_11")
    data["officers"][0]["name"] = "罗志坚"
    for e in data["events"]:
        e["officers"] = ["罗志坚" if o == "何伟强" else o for o in e.get("officers", [])]
    data["events"][2]["note"] = f"分别询问何伟明及参赌人员；{relation}"
    found = variant_findings(data, ctx)
    assert ("qualification", f"{PUBLIC_ORDER}第八十一条第一款") in found
    assert not any(rule.startswith(f"{PENALTY_LAW}第四十三条") for _, rule in found)


def test_police_search_without_record_cites_public_order_law(ctx: ReviewContext) -> None:
    data = _data("b_11")
    data["events"][1]["note"] = (
        "对某麻将馆包间进行检查，查获五人正在赌博，现场查获赌资5200元；未制作检查笔录"
    )
    found = variant_findings(data, ctx)
    assert ("evidence", f"{PUBLIC_ORDER}第八十八条") in found
    assert RECORD not in found


def test_confiscation_basis_beside_sanction_is_no_false_law(ctx: ReviewContext) -> None:
    data = _data("b_11")
    data["citations"]["penalty_basis"] = [
        f"{PUBLIC_ORDER}第七十条",
        f"{PUBLIC_ORDER}第十一条第一款",
    ]
    found = variant_findings(data, ctx)
    assert not any(p == "law" for p, _ in found)


def test_duty_article_as_sole_basis_still_flagged(ctx: ReviewContext) -> None:
    data = _data("b_11")
    data["citations"]["penalty_basis"] = [f"{PUBLIC_ORDER}第十一条第一款"]
    found = variant_findings(data, ctx)
    assert ("law", f"{PENALTY_LAW}第三十八条第一款") in found

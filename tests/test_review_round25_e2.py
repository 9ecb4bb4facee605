"""Review round 25, engineer e2 (issue #18): recusal and 交通肇事 transfer —
近亲属 in the 回避 rules covers in-laws and collateral kin within three generations (姐夫、
妻兄、表弟…), so an officer so related to the party who did not withdraw breaches
行政处罚法第四十三条第一款; 交通肇事致一人以上重伤、负全部或者主要责任、为逃避法律追究逃离现场
is 交通肇事罪 (2000 解释第二条第二款第（六）项), to be transferred (第二十七条第一款);
道路交通安全法第一百零一条 (吊销机动车驾驶证) is a 罚则.
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh21 files."""

from __future__ import annotations

import pytest
from review_fixtures import set_file_data, variant_findings

from assistant.review.context import ReviewContext

RECUSAL = ("qualification", "《中华人民共和国行政处罚法》第四十三条第一款")


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _crash(note: str, description: str, injured: int, liability: str) -> dict:
    data = set_file_data("review_fresh21", "rf21a_11_*.yaml")
    data["parties"][0]["name"] = "梁某某"
    data["officers"][0]["name"] = "欧阳启明"
    data["events"] = [
        {**e, "officers": ["欧阳启明", "冯建华"]} if e.get("officers") else e
        for e in data["events"]
    ]
    data["events"][2]["note"] = note
    data["events"][4]["note"] = f"作出道路交通事故认定书，梁某某{liability}"
    data["facts"]["description"] = description
    data["facts"]["quantities"] = {"重伤人数": injured}
    data["facts"]["circumstances"] = []
    data["violation"]["description"] = "驾驶货车与行人碰撞致人受伤"
    return data


_ESCAPED = (
    "梁某某驾驶货车倒车时撞倒行人陈某，致其重伤，梁某某随即驾车逃逸。交警认定梁某某负事故主要责任。"
)
_STAYED = "梁某某驾驶货车倒车时撞倒行人陈某，致其重伤，梁某某停车报警并救助伤者。交警认定梁某某负事故主要责任。"


# --- 第四十三条第一款: kin by marriage or collateral kin of the party ------------------------


@pytest.mark.parametrize("relation", ["妻兄", "妹夫", "表弟", "舅舅"])
def test_in_law_or_collateral_kin_not_withdrawn(ctx: ReviewContext, relation: str) -> None:
    note = f"询问梁某某；经查，承办民警欧阳启明系梁某某的{relation}，未回避"
    found = variant_findings(_crash(note, _STAYED, 1, "负主要责任"), ctx)
    assert RECUSAL in found


def test_representative_named_before_and(ctx: ReviewContext) -> None:
    """法定代表人X及… : the representative's name ends before 及, and the officer is her kin."""
    data = set_file_data("review_fresh21", "rf21d_11_*.yaml")
    data["officers"][0]["name"] = "罗静怡"
    data["events"] = [
        {**e, "officers": ["罗静怡", "卢振宇"]} if e.get("officers") else e for e in data["events"]
    ]
    data["events"][2]["note"] = (
        "询问法定代表人罗某和3名游客；罗静怡系罗某的堂妹，未申请也未决定回避"
    )
    assert RECUSAL in variant_findings(data, ctx)


def test_withdrawn_kin_is_no_finding(ctx: ReviewContext) -> None:
    note = "询问梁某某；承办民警欧阳启明系梁某某的姐夫，已回避，改由冯建华承办"
    found = variant_findings(_crash(note, _STAYED, 1, "负主要责任"), ctx)
    assert RECUSAL not in found


# --- 第二十七条第一款: 交通肇事致重伤、负全部或者主要责任、逃逸 -----------------------------


def test_hit_and_run_serious_injury_main_liability_transferred(ctx: ReviewContext) -> None:
    found = variant_findings(_crash("询问梁某某", _ESCAPED, 1, "负主要责任"), ctx)
    assert any(point == "transfer" for point, _ in found)


@pytest.mark.parametrize(
    ("description", "injured", "liability"),
    [
        (_STAYED, 1, "负主要责任"),  # serious injury, no escape
        (_ESCAPED.replace("负事故主要责任", "负事故次要责任"), 1, "负次要责任"),  # minor share
        (_ESCAPED.replace("重伤", "轻伤"), 0, "负主要责任"),  # escape, no serious injury
    ],
)
def test_no_transfer_without_every_element(
    ctx: ReviewContext, description: str, injured: int, liability: str
) -> None:
    found = variant_findings(_crash("询问梁某某", description, injured, liability), ctx)
    assert not any(point == "transfer" for point, _ in found)


def test_licence_revocation_clause_is_a_sanction(ctx: ReviewContext) -> None:
    """道路交通安全法第一百零一条第二款 (逃逸的，吊销机动车驾驶证) is no duty cited as 罚则."""
    found = variant_findings(_crash("询问梁某某", _STAYED, 1, "负主要责任"), ctx)
    assert not any(point == "law" for point, _ in found)

"""Review round 30, engineer j1 (issue #18): two false must_fix flags on clean files.

- 行政处罚法第四十三条第一款: a kin word relates a handling officer to the party only in the
  clause that names the officer (or one carried on from it by 系/是…); the party attending a
  hearing with its own son after the officer spoke is no kinship of the officer's.
- 刑法第一百三十三条之一 / 道路交通安全法第九十一条第二款: where the file has a blood alcohol
  result it is the finding; a higher breath reading it replaced does not reach the 醉驾 line.
Cases are variants (other names, amounts, wording) of eval/sets/review_fresh25 files."""

from __future__ import annotations

import pytest
from review_fixtures import cites_article, set_file_data, variant_findings

from assistant.review.context import ReviewContext

RECUSAL = "《中华人民共和国行政处罚法》第四十三条"
DRUNK = "《中华人民共和国刑法》第一百三十三条之一"
GRAVER = "《中华人民共和国道路交通安全法》第九十一条"


@pytest.fixture(scope="module")
def ctx(national_ctx: ReviewContext) -> ReviewContext:
    """The session's national review context (laws only the national corpus holds)."""
    return national_ctx


def _hearing(note: str) -> dict:
    data = set_file_data("review_fresh25", "rf25d_11_*.yaml")
    for event in data["events"]:
        if event["type"] == "听证":
            event["note"] = note
    return data


@pytest.mark.parametrize(
    "note",
    [
        "调查人员吴秀梅陈述案情和处罚建议，当事人及其女儿（代理人）质证、申辩，制作笔录",
        "岑伟强宣读调查结论，当事人的妻子代为陈述申辩，当事人签名",
    ],
)
def test_party_own_kin_is_no_officer_kinship(ctx: ReviewContext, note: str) -> None:
    assert not cites_article(variant_findings(_hearing(note), ctx), "qualification", RECUSAL)


@pytest.mark.parametrize(
    "note",
    [
        "调查人员岑伟强系当事人之子，仍提出处罚建议，当事人申辩",
        "调查人员吴秀梅，系当事人的外甥女婿的姐姐，当事人的侄子岑伟强也参与调查",
    ],
)
def test_officer_kinship_still_flagged(ctx: ReviewContext, note: str) -> None:
    assert cites_article(variant_findings(_hearing(note), ctx), "qualification", RECUSAL)


def _drink(breath: float, blood: float) -> dict:
    data = set_file_data("review_fresh25", "rf25d_05_*.yaml")
    data["violation"]["description"] = f"酒后驾驶小型客车，血液乙醇含量{blood:g}mg/100ml"
    data["facts"]["quantities"] = {"血液酒精含量_mg每100ml": blood}
    for evidence in data["evidence"]:
        for m in evidence.get("measurements", []):
            m["value"] = breath if "呼气" in m["item"] else blood
    return data


@pytest.mark.parametrize(("breath", "blood"), [(95, 62), (81, 79.5)])
def test_blood_result_prevails_over_breath(ctx: ReviewContext, breath: float, blood: float) -> None:
    found = variant_findings(_drink(breath, blood), ctx)
    assert not cites_article(found, "transfer", DRUNK)
    assert not cites_article(found, "law", GRAVER)


def test_blood_result_at_the_line_is_still_transferred(ctx: ReviewContext) -> None:
    assert cites_article(variant_findings(_drink(70, 88), ctx), "transfer", DRUNK)


def _court(note: str) -> dict:
    data = set_file_data("review_fresh25", "rf25c_11_*.yaml")
    for event in data["events"]:
        if "强制执行申请书" in event.get("note", ""):
            event["note"] = note
    return data


@pytest.mark.parametrize(
    "note",
    [
        "催告期满，当事人仍未缴纳，向人民法院提交强制执行申请书",
        "经书面催告仍不履行，依法申请法院强制执行，递交强制执行申请书",
    ],
)
def test_application_looking_back_on_reminder_is_no_new_reminder(
    ctx: ReviewContext, note: str
) -> None:
    found = variant_findings(_court(note), ctx)
    assert not cites_article(found, "procedure", "《中华人民共和国行政强制法》第五十四条")

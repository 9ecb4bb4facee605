"""Review round 10 (issue #18): a must_fix rests on what the file states, and one case
written by different authors (other fields, other titles, other wordings) is read alike.
Variants are built in ``review_fixtures``; statute text comes from the default corpus."""

from __future__ import annotations

import pytest
from review_fixtures import (
    cod_variants,
    decision_title_variants,
    example_data,
    minor_act_variants,
    site_record_variants,
    township_variants,
)

from assistant.case_file import CaseFile
from assistant.review.approval import says_unapproved
from assistant.review.checkers.discretion import minor_act
from assistant.review.checkers.measured_facts import exceeds
from assistant.review.context import ReviewContext
from assistant.review.engine import review

PENALTY_LAW = "《中华人民共和国行政处罚法》"
FACTS_RULE = PENALTY_LAW + "第四十条"
INSPECTION_RULE = PENALTY_LAW + "第五十五条第二款"


def _flags(case: CaseFile, ctx: ReviewContext) -> set[tuple[str, str, str]]:
    """(point, rule, severity), each cited provision counted."""
    return {
        (f.point.value, ctx.rule(rule), f.severity.value)
        for f in review(case, ctx).flags
        for rule in [f.rule, *f.also_cites]
    }


def _must_fix(case: CaseFile, ctx: ReviewContext) -> set[tuple[str, str]]:
    return {(p, r) for p, r, s in _flags(case, ctx) if s == "must_fix"}


# --- a measured value, wherever it is written ------------------------------------------------


@pytest.mark.parametrize("place", ["measurements", "evidence_note", "quantities", "narrative"])
def test_a_value_within_its_limit_contradicts_the_exceedance_wherever_written(
    place: str, ctx: ReviewContext
) -> None:
    assert ("facts", FACTS_RULE) in _must_fix(cod_variants(85)[place], ctx)


@pytest.mark.parametrize("place", ["measurements", "evidence_note", "quantities", "narrative"])
def test_a_value_above_its_limit_proves_it_wherever_written(place: str, ctx: ReviewContext) -> None:
    assert ("facts", FACTS_RULE) not in _must_fix(cod_variants(185)[place], ctx)


def test_ph_below_its_lower_limit_is_beyond_the_standard() -> None:
    """pH 6–9: a limit of 6 is a floor, so 2.1 exceeds it and 7.5 does not."""
    assert exceeds("evidence[2]（废水监测报告）pH", 2.1, 6)
    assert not exceeds("evidence[2]（废水监测报告）pH", 7.5, 6)
    assert exceeds("evidence[2]（废水监测报告）pH", 10.2, 9)
    assert exceeds("evidence[2]（废水监测报告）化学需氧量", 120, 100)


# --- the inspection record, under any list and title -----------------------------------------


@pytest.mark.parametrize(
    "variant", ["documents_only", "evidence_only", "survey_title", "patrol_title"]
)
def test_an_inspection_record_counts_under_either_list_and_any_title(
    variant: str, ctx: ReviewContext
) -> None:
    assert ("evidence", INSPECTION_RULE) not in _must_fix(site_record_variants()[variant], ctx)


def test_an_inspection_whose_findings_are_used_needs_its_record(ctx: ReviewContext) -> None:
    assert ("evidence", INSPECTION_RULE) in _must_fix(site_record_variants()["missing"], ctx)


@pytest.mark.parametrize("note", ["现场检查并采样", "现场查看并采样", "实地核查并采样"])
def test_an_inspection_is_read_under_any_wording(note: str, ctx: ReviewContext) -> None:
    case = site_record_variants()["missing"].model_dump(mode="json", by_alias=True)
    case["events"][0]["note"] = note
    case["facts"]["description"] = case["facts"]["description"].replace("现场检查时", "")
    must_fix = _must_fix(CaseFile.model_validate(case), ctx)
    assert ("evidence", INSPECTION_RULE) in must_fix


def _inspection_found_nothing_used(keep_photos: bool) -> CaseFile:
    """The facts come from a notarised web page and a contract; the inspection left no
    record and (unless kept) took nothing on site."""
    data = example_data()
    data["facts"]["description"] = "当事人通过网店发布排放达标的虚假宣传，有公证书及合同为证。"
    data["violation"]["description"] = "发布虚假宣传"
    kept = [e for e in data["evidence"] if e["type"] in ("当事人的陈述", "书证")]
    kept.append({"type": "电子数据", "name": "网页截图公证书", "obtained_by": "公证保全"})
    if keep_photos:
        kept.append({"type": "视听资料", "name": "经营场所照片", "obtained_by": "现场拍摄"})
    data["evidence"] = kept
    data["documents"] = [d for d in data["documents"] if d["type"] != "现场检查笔录"]
    return CaseFile.model_validate(data)


def test_an_unrecorded_inspection_that_found_nothing_used_is_checked(ctx: ReviewContext) -> None:
    flags = _flags(_inspection_found_nothing_used(keep_photos=False), ctx)
    assert ("evidence", INSPECTION_RULE, "check") in flags
    assert ("evidence", INSPECTION_RULE, "must_fix") not in flags


def test_evidence_taken_on_site_means_the_inspection_was_used(ctx: ReviewContext) -> None:
    flags = _flags(_inspection_found_nothing_used(keep_photos=True), ctx)
    assert ("evidence", INSPECTION_RULE, "must_fix") in flags


def test_a_file_saying_its_fact_has_no_site_record_is_unproven(ctx: ReviewContext) -> None:
    """No inspection step at all, and the file says the area was never surveyed on site."""
    data = _without_site_steps(example_data())
    data["facts"]["description"] += "卷内仅有举报照片，无现场勘测笔录或执法记录仪录像。"
    must_fix = _must_fix(CaseFile.model_validate(data), ctx)
    assert ("evidence", PENALTY_LAW + "第四十七条") in must_fix


def test_without_such_a_statement_no_site_finding_is_assumed(ctx: ReviewContext) -> None:
    data = _without_site_steps(example_data())
    must_fix = _must_fix(CaseFile.model_validate(data), ctx)
    assert ("evidence", PENALTY_LAW + "第四十七条") not in must_fix


def _without_site_steps(data: dict) -> dict:
    data["events"] = [e for e in data["events"] if "现场" not in e.get("note", "")]
    data["facts"]["description"] = data["facts"]["description"].replace("，现场检查时正在排放", "")
    data["evidence"] = [e for e in data["evidence"] if "现场" not in e["name"]]
    data["documents"] = [d for d in data["documents"] if "现场" not in d["type"]]
    return data


# --- 轻微 is read from the file, not inferred --------------------------------------------------


@pytest.mark.parametrize("variant", ["circumstances", "narrative", "no_gain"])
def test_a_minor_act_stated_anywhere_bars_the_penalty(variant: str, ctx: ReviewContext) -> None:
    assert ("law", PENALTY_LAW + "第三十三条第一款") in _must_fix(
        minor_act_variants()[variant], ctx
    )


def test_no_harm_alone_is_not_a_minor_act(ctx: ReviewContext) -> None:
    """First offence, no harm, corrected — but the file never says the act was 轻微: only
    the second sentence (可以不予) applies, for the reviewer to check."""
    flags = _flags(minor_act_variants()["unsaid"], ctx)
    assert ("law", PENALTY_LAW + "第三十三条第一款", "must_fix") not in flags
    assert ("discretion", PENALTY_LAW + "第三十三条第一款", "check") in flags


# --- a township body, however titled ---------------------------------------------------------


@pytest.mark.parametrize("name", ["棠下镇人民政府", "环市街道办事处", "蓬江区荷塘镇政府"])
def test_a_township_without_a_handing_down_decision_is_cited_under_both_articles(
    name: str, ctx: ReviewContext
) -> None:
    must_fix = _must_fix(township_variants()[name], ctx)
    assert ("authority", PENALTY_LAW + "第二十三条") in must_fix
    assert ("authority", PENALTY_LAW + "第二十四条第一款") in must_fix


# --- the decision's contents, under any agency's title ---------------------------------------


@pytest.mark.parametrize("title", ["行政处罚决定书", "环境行政处罚决定书", "处罚决定书"])
def test_missing_remedies_are_found_under_any_decision_title(
    title: str, ctx: ReviewContext
) -> None:
    case = decision_title_variants("复议")[title]
    assert ("documents", PENALTY_LAW + "第五十九条第一款") in _must_fix(case, ctx)


def test_a_barred_penalty_still_needs_the_remedies_in_its_decision(ctx: ReviewContext) -> None:
    """A party under fourteen: the penalty's own matters give way, the remedies do not."""
    data = example_data()
    data["parties"] = [
        {
            "name": "黄某",
            "kind": "个人",
            "id_code": "440703201103021536",
            "birth_date": "2011-03-02",
        }
    ]
    decision = next(d for d in data["documents"] if d["type"] == "行政处罚决定书")
    decision["contents"] = [c for c in decision["contents"] if "复议" not in c and "履行" not in c]
    flags = [
        f for f in review(CaseFile.model_validate(data), ctx).flags if "决定书未载明" in f.reason
    ]
    assert flags and "复议" in flags[0].reason and "履行" not in flags[0].reason


# --- deciding before the statement period ends -----------------------------------------------


@pytest.mark.parametrize("period", ["三日内提出陈述、申辩", "3个工作日内提出陈述申辩"])
def test_deciding_inside_the_statement_period_cites_the_duty_and_the_bar(
    period: str, ctx: ReviewContext
) -> None:
    data = example_data()
    notice = next(e for e in data["events"] if e["type"] == "告知")
    notice["rights"] = ["陈述", "申辩"]
    notice["note"] = f"告知书载明自收到之日起{period}"
    data["events"] = [e for e in data["events"] if e["type"] != "陈述申辩"]
    decision = next(e for e in data["events"] if e["type"] == "决定")
    decision["date"] = notice["date"]
    must_fix = _must_fix(CaseFile.model_validate(data), ctx)
    assert ("procedure", PENALTY_LAW + "第四十五条第一款") in must_fix
    assert ("procedure", PENALTY_LAW + "第六十二条") in must_fix


# --- one reading of "not approved" for both extensions ---------------------------------------


@pytest.mark.parametrize(
    "note",
    [
        "延长扣押三十日，未经负责人批准",
        "延期六十日，无负责人审批意见",
        "延期，未见批准",
        "承办人自行决定延长",
    ],
)
def test_every_wording_of_a_missing_approval_is_read_alike(note: str) -> None:
    assert says_unapproved(note)


def test_an_approved_extension_is_not_read_as_unapproved() -> None:
    assert not says_unapproved("经行政机关负责人批准，延长扣押三十日")


# --- the object of a revocation (national corpus: 旅游法) -------------------------------------

TOURISM_95 = "《中华人民共和国旅游法》第九十五条第一款"


def _unlicensed_travel(types: list[str]) -> CaseFile:
    data = example_data()
    data["agency"]["powers"]["penalty_types"] = ["罚款", "没收违法所得", "吊销许可证件"]
    data["citations"] = {
        "violated": ["《中华人民共和国旅游法》第二十八条"],
        "penalty_basis": [TOURISM_95],
    }
    data["penalty"] = {"types": types, "amount": 20000}
    return CaseFile.model_validate(data)


def test_revoking_a_business_licence_the_article_does_not_name_is_unprovided(
    national_ctx: ReviewContext,
) -> None:
    """第九十五条 revokes only the 旅行社业务经营许可证 (第二款, 除依照前款规定处罚外)."""
    case = _unlicensed_travel(["罚款", "没收违法所得", "吊销营业执照"])
    assert ("law", "《中华人民共和国旅游法》第九十五条") in _must_fix(case, national_ctx)


def test_revoking_the_permit_the_article_names_is_provided(national_ctx: ReviewContext) -> None:
    case = _unlicensed_travel(["罚款", "没收违法所得", "吊销旅行社业务经营许可证"])
    assert ("law", "《中华人民共和国旅游法》第九十五条") not in _must_fix(case, national_ctx)


# --- a questioning step needs its record, under either list -----------------------------------


@pytest.mark.parametrize(
    ("documents", "evidence", "flagged"),
    [
        ([], [], True),
        ([{"type": "询问笔录", "date": "2023-04-10"}], [], False),
        ([], [{"type": "当事人的陈述", "name": "调查询问笔录", "date": "2023-04-10"}], False),
    ],
)
def test_a_questioning_step_needs_its_record(
    documents: list[dict], evidence: list[dict], flagged: bool, ctx: ReviewContext
) -> None:
    data = example_data()
    data["documents"] = [d for d in data["documents"] if "询问" not in d["type"]] + documents
    data["evidence"] = [e for e in data["evidence"] if "询问" not in e["name"]] + evidence
    found = ("evidence", INSPECTION_RULE) in _must_fix(CaseFile.model_validate(data), ctx)
    assert found is flagged


@pytest.mark.parametrize(
    "said",
    ["经查不属于违法行为轻微的情形", "危害后果轻微", "其余3台设备均未安装防护装置"],
)
def test_words_that_do_not_say_the_act_was_minor(said: str) -> None:
    data = example_data()
    data["facts"]["description"] += said + "。"
    assert minor_act(CaseFile.model_validate(data)) == ""

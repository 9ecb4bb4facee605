"""Review round 3 (issue #18): rules learned from the review_fresh2 blind set, each
stated from the law and exercised on files written differently from that set."""

from __future__ import annotations

import pytest
from review_fixtures import EXAMPLE
from review_fixtures import edited_example as _case

from assistant.case_file import CaseFile, read_case_data
from assistant.review.context import ReviewContext
from assistant.review.criminal_thresholds import reached
from assistant.review.engine import review
from assistant.review.flag import Flag, ReviewPoint, Severity
from assistant.review.statutory_fine import fine_bases
from assistant.review.statutory_range import statutory_bounds
from corpus.citation_resolver import ResolvedCitation
from eval.review_eval import finding_pair


def _hits(text: str, quantities: dict[str, float]) -> list[str]:
    case = _case(facts__description=text, facts__amounts={}, facts__quantities=quantities)
    return [hit.threshold.id for hit in reached(case)]


def test_a_denied_act_is_no_act() -> None:
    """两高环境污染解释第一条第（二）项 needs 非法排放、倾倒、处置; a file that says it
    found none (a licensed hand-over without the 转移联单) reaches no line."""
    waste = {"危险废物（吨）": 20.0}
    lawful = "危废交由持证单位处置，未发现非法排放、倾倒、处置危险废物行为。"
    assert _hits(lawful, waste) == []
    assert _hits("经查，不存在偷排、倾倒危废的情况。", waste) == []
    assert _hits("当事人将危险废物倾倒于空地。", waste) == ["hazardous-waste"]
    assert _hits("当事人将废矿物油倾倒于河涌，未发现其他违法行为。", waste) == ["hazardous-waste"]


INVESTIGATION_RECORD = "《广东省重大行政执法决定法制审核办法》第十四条第一款第（二）项"


def test_a_record_filed_as_evidence_is_the_investigation_record(ctx: ReviewContext) -> None:
    """第十四条第一款第（二）项 asks that the 调查取证 records be submitted; a 现场笔录 or
    询问笔录 listed among the evidence is in the file, whichever list it sits in."""
    data = read_case_data(EXAMPLE)
    documents = [d for d in data["documents"] if "笔录" not in d["type"]]
    with_records = _case(documents=documents)
    assert INVESTIGATION_RECORD not in _rules(with_records, ctx, "documents")
    papers = [e for e in data["evidence"] if "笔录" not in e["type"] + e["name"]]
    without = _case(documents=documents, evidence=papers)
    assert INVESTIGATION_RECORD in _rules(without, ctx, "documents")


def _rules(case: CaseFile, ctx: ReviewContext, point: str) -> list[str]:
    return [ctx.rule(f.rule) for f in review(case, ctx).flags if f.point == point]


ROAD_FREIGHT_ITEM = (
    "（一）未取得道路运输经营许可，擅自从事道路普通货物运输经营，违法所得超过1万元的，"
    "没收违法所得，处违法所得1倍以上5倍以下的罚款；没有违法所得或者违法所得不足1万元的，"
    "处3000元以上1万元以下的罚款，情节严重的，处1万元以上5万元以下的罚款；"
)


def test_no_illegal_gains_is_the_no_gains_tier() -> None:
    """道路运输条例第六十三条第（一）项: 没有违法所得…处3000元以上1万元以下; a file that says
    no 违法所得 was established is held to that tier, not left uncomputable."""
    unlicensed = "当事人未取得道路运输经营许可，擅自从事普通货物运输，未查实违法所得。"
    case = _case(facts__description=unlicensed, facts__amounts={})
    assert fine_bases(case) == {"违法所得": 0.0}
    bounds = statutory_bounds(ROAD_FREIGHT_ITEM, fine_bases(case), None, frozenset(), {})
    assert bounds is not None and (bounds.low, bounds.high) == (3000, 10000)
    unknown = _case(facts__description="当事人擅自从事普通货物运输。", facts__amounts={})
    assert fine_bases(unknown) == {}
    assert statutory_bounds(ROAD_FREIGHT_ITEM, {}, None, frozenset(), {}) is None


SOURCE_RULE = "《中华人民共和国行政处罚法》第四十六条第二款"


def test_source_is_asked_only_of_evidence_taken_from_others(ctx: ReviewContext) -> None:
    """A 现场笔录 or a video the officers shot names its own maker; a 书证 copied from
    someone else without a source cannot be 查证属实 (第四十六条第二款)."""
    own = [
        {"type": "现场笔录", "name": "现场检查笔录", "obtained_by": "现场检查"},
        {"type": "视听资料", "name": "执法记录仪视频", "obtained_by": "现场拍摄"},
        {"type": "当事人的陈述", "name": "询问笔录", "obtained_by": "询问"},
    ]
    assert SOURCE_RULE not in _rules(_case(evidence=own), ctx, "evidence")
    copied = [*own, {"type": "书证", "name": "购销合同复印件", "obtained_by": "调取"}]
    assert _rules(_case(evidence=copied), ctx, "evidence").count(SOURCE_RULE) == 1


def test_the_inspection_that_found_it_uncorrected_is_the_recheck(ctx: ReviewContext) -> None:
    """An order, then an inspection that found the breach still there, recorded in an
    inspection record: the non-correction is proven (第四十条 satisfied)."""
    basis = "《中华人民共和国安全生产法》第九十七条第（三）项"
    if not any(isinstance(r, ResolvedCitation) for r in ctx.resolve(basis, _case().act_date)):
        pytest.skip("安全生产法 不在默认语料中")
    text = "当事人员工无安全培训记录，上月已被责令改正，本次检查时仍未改正。"
    found = _case(citations__penalty_basis=[basis], facts__description=text)
    assert "《中华人民共和国行政处罚法》第四十条" not in _rules(found, ctx, "facts")
    said_only = "当事人员工无安全培训记录，上月已被责令改正，至今仍未改正。"
    unproven = _case(citations__penalty_basis=[basis], facts__description=said_only)
    assert "《中华人民共和国行政处罚法》第四十条" in _rules(unproven, ctx, "facts")


def test_a_redacted_party_is_not_asked_for_its_identity_number(ctx: ReviewContext) -> None:
    """梁某某 is a redacted copy: the missing id number is redaction, not an unestablished
    identity; a named party without one is still checked (第四十条)."""
    redacted = _case(parties=[{"name": "梁某某", "kind": "个人"}])
    assert "parties[0].id_code 为空" not in [f.evidence for f in review(redacted, ctx).flags]
    named = _case(parties=[{"name": "梁志强", "kind": "个人"}])
    assert "parties[0].id_code 为空" in [f.evidence for f in review(named, ctx).flags]


def test_one_finding_matches_on_any_provision_it_cites(ctx: ReviewContext) -> None:
    """A transfer flag cites the crime (刑法第一百四十三条) and the 司法解释 line of its
    threshold; a gold citing either is the same finding, counted once."""
    flag = Flag(
        point=ReviewPoint.TRANSFER,
        severity=Severity.MUST_FIX,
        reason="涉嫌犯罪",
        rule="《中华人民共和国刑法》第一百四十三条",
        also_cites=["《中华人民共和国刑法》第一百四十条"],
        evidence="",
    )
    crime = ("transfer", ctx.rule("《中华人民共和国刑法》第一百四十三条"))
    line = ("transfer", ctx.rule("《中华人民共和国刑法》第一百四十条"))
    assert finding_pair(flag, ctx, {line}, lambda r: r) == line
    assert finding_pair(flag, ctx, {crime, line}, lambda r: r) == crime
    assert finding_pair(flag, ctx, set(), lambda r: r) == crime


def test_food_poisoning_transfer_cites_the_crime(ctx: ReviewContext) -> None:
    """两高食品解释第二条 writes the heavier tier (对人体健康造成严重危害), not the crime's
    threshold: the flag's rule is 刑法第一百四十三条, the line is cited besides."""
    text = "当事人销售的卤肉致12名食用者食物中毒。"
    case = _case(facts__description=text, facts__amounts={}, facts__quantities={"中毒人数": 12})
    flags = [f for f in review(case, ctx).flags if f.point == "transfer"]
    assert [f.rule for f in flags] == [ctx.rule("《中华人民共和国刑法》第一百四十三条")]


def test_on_site_fact_with_nothing_objective_is_unproven(ctx: ReviewContext) -> None:
    """A fact found on site with no record, no recording and nothing objective (物证、
    鉴定意见) is not proven: 第四十条 不得给予行政处罚, must be fixed; a monitoring
    report beside it leaves it for the reviewer to check."""
    text = "执法人员现场检查时发现当事人车间使用非防爆灯具。"
    papers = [{"type": "书证", "name": "营业执照复印件", "source": "当事人", "obtained_by": "提供"}]
    rule = ctx.rule("《中华人民共和国行政处罚法》第四十条")

    def severity(evidence: list[dict]) -> list[str]:
        case = _case(facts__description=text, evidence=evidence, documents=[])
        flags = review(case, ctx).flags
        return [f.severity.value for f in flags if f.point == "evidence" and f.rule == rule]

    assert severity(papers) == ["must_fix"]
    report = {"type": "鉴定意见", "name": "检测报告", "source": "检测机构", "obtained_by": "送检"}
    assert severity([*papers, report]) == ["check"]


def test_a_transfer_flag_also_cites_the_duty_to_transfer(ctx: ReviewContext) -> None:
    """The flag's reason says the case must be transferred under 行政处罚法第二十七条第一款;
    that duty is one of the provisions the finding rests on, so it is cited too."""
    text = "当事人销售的卤肉致12名食用者食物中毒。"
    case = _case(facts__description=text, facts__amounts={}, facts__quantities={"中毒人数": 12})
    flags = [f for f in review(case, ctx).flags if f.point == "transfer"]
    duty = ctx.rule("《中华人民共和国行政处罚法》第二十七条第一款")
    assert [duty in f.also_cites for f in flags] == [True]

"""法制审核 engine: each review point on clean and defective case files, rules that resolve,
criminal thresholds quoted from their sources, the major-decision catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from api.settings import Settings
from assistant.case_file import CaseFile, load_case, read_case_data
from assistant.review.context import ReviewContext
from assistant.review.criminal_thresholds import THRESHOLDS
from assistant.review.engine import ReviewReport, review
from assistant.review.flag import Flag, ReviewPoint, Severity
from corpus.citation_resolver import ResolvedCitation
from corpus.store import CorpusStore
from eval.review_eval import (
    ANY_POINT,
    Counts,
    FileResult,
    evaluate_folder,
    findings_by_article,
    point_free,
)

CASES_DIR = Path(__file__).parent / "review_cases"
CASE_FILES = sorted(CASES_DIR.glob("*.yaml"))
EXAMPLE = (
    Path(__file__).resolve().parent.parent / "assistant" / "data" / "review" / "example_case.yaml"
)


@pytest.fixture(scope="module")
def reports(ctx: ReviewContext) -> dict[str, ReviewReport]:
    return {path.name: review(load_case(path), ctx) for path in CASE_FILES}


def _expected(path: Path, ctx: ReviewContext) -> set[tuple[str, str]]:
    data = read_case_data(path)
    return {(e["point"], ctx.rule(e["rule"])) for e in data["expected_flags"]}


def test_example_case_is_clean(ctx: ReviewContext) -> None:
    report = review(load_case(EXAMPLE), ctx)
    assert report.flags == []
    assert report.major


def test_the_set_is_large_and_covers_every_point(ctx: ReviewContext) -> None:
    assert len(CASE_FILES) >= 30
    points = {p for path in CASE_FILES for p, _ in _expected(path, ctx)}
    assert points == {p.value for p in ReviewPoint}
    assert sum(1 for path in CASE_FILES if not _expected(path, ctx)) >= 5
    assert sum(1 for path in CASE_FILES if len(_expected(path, ctx)) >= 3) >= 3


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_case_file_gets_exactly_its_expected_flags(
    path: Path, ctx: ReviewContext, reports: dict[str, ReviewReport]
) -> None:
    found = {(f.point.value, ctx.rule(f.rule)) for f in reports[path.name].flags}
    assert found == _expected(path, ctx)


def test_every_cited_rule_resolves(ctx: ReviewContext, reports: dict[str, ReviewReport]) -> None:
    rules = {
        r for report in reports.values() for f in report.flags for r in [f.rule, *f.also_cites]
    }
    rules |= {c.rule for c in ctx.catalogue.criteria} | {ctx.catalogue.hearing_thresholds.rule}
    assert rules
    for rule in rules:
        if not ctx.resolver.parse(rule):
            assert "JM-" in rule or "GD-" in rule, rule  # a named standard row, not a citation
            continue
        results = ctx.resolver.resolve_text(rule)
        assert all(isinstance(r, ResolvedCitation) for r in results), (rule, results)


def test_flags_carry_reason_and_evidence(reports: dict[str, ReviewReport]) -> None:
    for report in reports.values():
        for flag in report.flags:
            assert flag.reason and flag.evidence and flag.rule


def test_ordering_is_stable(ctx: ReviewContext) -> None:
    path = CASES_DIR / "m03_multi_territory_delivery_contents_tier.yaml"
    first = review(load_case(path), ctx).as_json()
    assert first == review(load_case(path), ctx).as_json()
    order = [p.value for p in ReviewPoint]
    points = [f["point"] for f in first["flags"]]
    assert points == sorted(points, key=order.index)


def test_criminal_thresholds_quote_the_criminal_law(ctx: ReviewContext) -> None:
    for threshold in THRESHOLDS:
        article = ctx.resolver.resolve_text(threshold.article)[0]
        assert isinstance(article, ResolvedCitation), threshold.article
        if threshold.source_file is None:
            source = ctx.resolver.resolve_text(threshold.source)[0]
            assert isinstance(source, ResolvedCitation), threshold.source
            assert threshold.quote in source.article_text, threshold.id


def test_criminal_thresholds_quote_the_interpretations(shared_dir: Path) -> None:
    folder = shared_dir / "data" / "laws" / "司法解释"
    for threshold in THRESHOLDS:
        if threshold.source_file is not None:
            text = (folder / threshold.source_file).read_text(encoding="utf-8")
            assert threshold.quote in text, threshold.id


def test_major_reasons_follow_the_catalogue(ctx: ReviewContext) -> None:
    hearing = review(load_case(CASES_DIR / "c05_clean_hearing_held.yaml"), ctx)
    assert any("第十条第一款第（二）项" in r for r in hearing.major_reasons)
    small = review(load_case(CASES_DIR / "c03_clean_product_quality.yaml"), ctx)
    assert not small.major and small.major_reasons == []


def test_agency_catalogue_and_threshold_are_configurable(
    default_settings: Settings, default_store: CorpusStore, tmp_path: Path
) -> None:
    raised = default_settings.model_copy(update={"major_amount_threshold_yuan": 500000})
    ctx = ReviewContext.build(raised, default_store)
    assert not review(load_case(EXAMPLE), ctx).major
    catalogue = yaml.safe_load(
        (EXAMPLE.parent / "major_decision_catalogue.yaml").read_text(encoding="utf-8")
    )
    catalogue["amount_threshold_yuan"] = 10000
    path = tmp_path / "catalogue.yaml"
    path.write_text(yaml.safe_dump(catalogue, allow_unicode=True), encoding="utf-8")
    custom = default_settings.model_copy(update={"review_catalogue_path": path})
    small = load_case(CASES_DIR / "c03_clean_product_quality.yaml")
    assert review(small, ReviewContext.build(custom, default_store)).major


def test_act_date_uses_end_of_continuing_act() -> None:
    data = read_case_data(EXAMPLE)
    data["violation"]["end_date"] = "2023-04-20"
    case = CaseFile.model_validate(data)
    assert case.act_date.isoformat() == "2023-04-20"


def test_eval_reports_precision_and_recall(ctx: ReviewContext) -> None:
    result = evaluate_folder(CASES_DIR, ctx).as_json()
    assert result["files"] == len(CASE_FILES)
    assert result["overall"]["precision"] >= 0.9 and result["overall"]["recall"] >= 0.9
    assert set(result["per_point"]) == {p.value for p in ReviewPoint}


def test_must_fix_by_article_alone_ignores_the_point() -> None:
    """One defect filed under a neighbouring point: wrong by (point, article), found by article."""
    law = "中华人民共和国行政处罚法第二十二条"
    other = "中华人民共和国行政处罚法第四十条"
    result = FileResult(
        "x.yaml",
        expected={("subject", law)},
        found={("authority", law), ("facts", other)},
        expected_must_fix={("subject", law)},
        found_must_fix={("authority", law), ("facts", other)},
        found_must_fix_any_point={(ANY_POINT, law), (ANY_POINT, other)},
    )
    assert result.must_fix_counts() == Counts(tp=0, fp=2, fn=1)
    assert result.must_fix_counts(by_article_only=True) == Counts(tp=1, fp=1, fn=0)
    assert point_free({("subject", law)}) == {(ANY_POINT, law)}


def test_findings_by_article_match_each_expected_article_once(ctx: ReviewContext) -> None:
    """A flag citing two articles takes the one the other flag cannot take."""
    notice = "中华人民共和国行政处罚法第四十四条"
    period = "中华人民共和国行政处罚法第四十五条"
    both = Flag(
        point=ReviewPoint.PROCEDURE,
        severity=Severity.MUST_FIX,
        reason="r",
        rule=notice,
        evidence="e",
        also_cites=[period],
    )
    only_notice = Flag(
        point=ReviewPoint.DOCUMENTS,
        severity=Severity.MUST_FIX,
        reason="r",
        rule=notice,
        evidence="e",
    )
    expected = point_free({("procedure", ctx.rule(notice)), ("procedure", ctx.rule(period))})
    assert findings_by_article([both, only_notice], ctx, expected) == expected

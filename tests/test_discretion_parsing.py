"""The shipped standards parse into numbers: counts, named rows, coverage, cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.settings import Settings
from assistant.discretion.catalogue import (
    GUANGDONG_EXEMPTIONS,
    JIANGMEN_EXEMPTIONS,
    JIANGMEN_XLS,
    StandardsCatalogue,
    build_model,
    read_cache,
)
from assistant.discretion.coverage import coverage_report
from assistant.discretion.exemption_list import (
    load_guangdong_exemptions,
    load_jiangmen_exemptions,
)
from assistant.discretion.jiangmen_xls import load_jiangmen
from assistant.discretion.legal_basis import parse_legal_basis
from assistant.discretion.model import PenaltyRange
from assistant.discretion.penalty_amounts import parse_penalty, resolve_yuan

STANDARDS = Settings().standards_dir


@pytest.fixture(scope="module")
def catalogue() -> StandardsCatalogue:
    return StandardsCatalogue.load(STANDARDS)


def test_cache_is_present_and_current() -> None:
    assert read_cache(STANDARDS) is not None, "运行 zhifa discretion rebuild 重新生成缓存"


def test_jiangmen_yields_its_165_violations(catalogue: StandardsCatalogue) -> None:
    jm = [v for v in catalogue.violations if v.source == "jiangmen"]
    assert len(jm) == 165
    assert sum(len(v.tiers) for v in jm) == 677
    assert {v.category for v in jm} >= {
        "中华人民共和国水污染防治法",
        "潭江流域水质保护条例",
    } or len({v.category for v in jm}) == 12


def test_jiangmen_named_row(catalogue: StandardsCatalogue) -> None:
    """水污染防治法 sheet, 2-9: the second 法律依据 (逾期不拆除的) restarts the tiers."""
    v = catalogue.get("JM-2-9")
    assert v is not None
    overdue = [t for t in v.tiers if t.scenario.startswith("逾期不拆除")]
    assert [(t.penalty.min_yuan, t.penalty.max_yuan) for t in overdue][:2] == [
        (500_000, 500_000),
        (500_000, 600_000),
    ]
    assert v.legal_basis[0].refs[0].law == "水污染防治法"
    assert v.legal_basis[0].refs[0].article == 84


def test_guangdong_named_range_row(catalogue: StandardsCatalogue) -> None:
    """广东 §1.3 (PDF p.18–19): 一般区域/逾期未完成备案手续 → 1万元以上3万元以下; the 4th row
    is cut by the page break (…3万元以上5万元 | 以下) and is glued back."""
    v = catalogue.get("GD-1.3")
    assert v is not None
    rows = [(t.penalty.min_yuan, t.penalty.max_yuan) for t in v.tiers]
    assert rows[1] == (10_000, 30_000)
    assert rows[2] == (30_000, 50_000)
    assert [c.text for c in v.tiers[1].conditions] == ["一般区域", "逾期未完成备案手续"]


def test_guangdong_named_weight_table(catalogue: StandardsCatalogue) -> None:
    """广东 §1.1 (PDF p.16–17): 裁量起点20%, 持续时间 12个月以上 16%, ×建设项目总投资额×5%."""
    v = catalogue.get("GD-1.1")
    assert v is not None and v.mode == "weights"
    schedule = v.schedules[0]
    assert schedule.start_pct == 20 and schedule.base_name == "建设项目总投资额"
    assert schedule.base_factor == pytest.approx(0.05)
    duration = next(f for f in v.factors if f.name == "违法行为持续时间")
    assert [(lv.text, lv.weights_pct[0]) for lv in duration.levels][-1] == ("12个月以上", 16)


def test_guangdong_fraction_weights(catalogue: StandardsCatalogue) -> None:
    """§4.7 writes weights as fractions (裁量起点 1/3)."""
    v = catalogue.get("GD-4.7")
    assert v is not None
    assert v.schedules[0].start_pct == pytest.approx(100 / 3)
    assert v.schedules[0].base_name == "所需处置费用" and v.schedules[0].base_factor == 3


def test_coverage_report_counts(catalogue: StandardsCatalogue) -> None:
    report = {r.source: r for r in coverage_report(catalogue.model)}
    jm, gd = report["jiangmen"], report["guangdong"]
    assert jm.rows_total == 677 and jm.rows_parsed == 675
    assert {u.text for u in jm.unparsed} == {"给予警告", "报经有批准权的人民政府批准，责令停业"}
    assert gd.violations == 281 and gd.fraction > 0.99
    assert len(gd.unparsed) == gd.rows_total - gd.rows_parsed


def test_exemption_lists(catalogue: StandardsCatalogue) -> None:
    jm = [e for e in catalogue.exemptions if e.source == "jiangmen"]
    gd = [e for e in catalogue.exemptions if e.source == "guangdong"]
    assert len(jm) == 40 and len(gd) == 20
    assert all(e.conditions for e in jm + gd)
    assert gd[0].conditions == ["属于首次违法", "在责令改正期限内改正违法行为，危害后果轻微"]


def test_guangdong_exemption_pdf_parses_directly() -> None:
    items = load_guangdong_exemptions(STANDARDS / GUANGDONG_EXEMPTIONS)
    assert [i.number for i in items] == [str(n) for n in range(1, 21)]


def test_search_by_law_and_article(catalogue: StandardsCatalogue) -> None:
    ids = {v.id for v in catalogue.search_article("中华人民共和国水污染防治法", 83)}
    assert {"JM-2-5", "JM-2-6", "GD-2.5.1"} <= ids


def test_search_by_text(catalogue: StandardsCatalogue) -> None:
    hits = catalogue.search_text("未依法备案建设项目环境影响登记表", limit=3)
    assert "GD-1.3" in {h.violation.id for h in hits}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("五万元以上二十万元以下", (50_000, 200_000, None)),
        ("处二十万元以上一百万元以下的罚款", (200_000, 1_000_000, None)),
        ("1万元以上10万元以下", (10_000, 100_000, None)),
        ("处二百以上五百元以下的罚款", (200, 500, None)),
        ("处所收费用三倍以上四倍以下的罚款", (3, 4, "所收费用")),
        ("处建设项目总投资额百分之一以上百分之五以下的罚款", (0.01, 0.05, "建设项目总投资额")),
        ("处货值金额1倍以上3倍以下罚款", (1, 3, "货值金额")),
        ("7.5万元元以上8.5万元元以下", (75_000, 85_000, None)),
    ],
)
def test_penalty_amounts(text: str, expected: tuple) -> None:
    penalty = parse_penalty(text)
    assert penalty is not None
    low, high, base = expected
    if base:
        assert (penalty.min_multiple, penalty.max_multiple, penalty.base) == (low, high, base)
    else:
        assert (penalty.min_yuan, penalty.max_yuan) == (low, high)


def test_per_day_and_no_fine() -> None:
    assert parse_penalty("处十万元以上二十万元以下罚款，并按日连续处罚").per_day is True
    assert parse_penalty("给予警告") is None


def test_legal_basis_citation_heads_only() -> None:
    basis = parse_legal_basis(
        "《中华人民共和国环境影响评价法》（2018年修订）第三十一条第一款、第二款：依照本法第二十四条"
    )
    assert [(r.law, r.article, r.paragraph) for r in basis.refs] == [
        ("环境影响评价法", 31, 1),
        ("环境影响评价法", 31, 2),
    ]


def test_cached_json_equals_fresh_parse_except_the_guangdong_pdf() -> None:
    """The default suite's stand-in for the slow check below: the 江门 sheet and both
    exemption lists parse afresh into exactly what the shipped cache holds (well under 1 s)."""
    cache = read_cache(STANDARDS)
    assert cache is not None
    jiangmen = [v for v in cache.violations if v.source == "jiangmen"]
    assert load_jiangmen(STANDARDS / JIANGMEN_XLS) == jiangmen
    exemptions = load_jiangmen_exemptions(STANDARDS / JIANGMEN_EXEMPTIONS)
    exemptions += load_guangdong_exemptions(STANDARDS / GUANGDONG_EXEMPTIONS)
    assert cache.exemptions == exemptions


@pytest.mark.slow
def test_cached_json_equals_fresh_parse() -> None:
    """The shipped cache is what the parsers make today (~30 s: the 234-page PDF)."""
    fresh = build_model(Path(STANDARDS))
    assert read_cache(STANDARDS) == fresh


# A base amount named by one of the statute's words and its head noun (收购价款).


def _multiple(base: str) -> PenaltyRange:
    return PenaltyRange(
        raw="处…一倍以上三倍以下的罚款", base=base, min_multiple=1.0, max_multiple=3.0
    )


def test_abbreviated_base_resolves() -> None:
    fine = _multiple("违法收购、加工、运输林木价款")
    assert resolve_yuan(fine, {"收购价款": 12400}) == (12400, 37200)


def test_unrelated_amount_does_not_resolve() -> None:
    fine = _multiple("货值金额")
    assert resolve_yuan(fine, {"销售金额": 5000}) == (None, None)

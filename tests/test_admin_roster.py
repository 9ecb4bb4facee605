"""Roster: all-or-nothing imports with per-row Chinese reports, XLSX round trip,
certificate expiry on a case date (also through the review engine), reviewer ratio."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from admin_fixtures import AGENCY, EXAMPLES, IMPORT_DAY, settings_with_roster

from api.settings import Settings
from assistant.administration.roster import RosterStore
from assistant.administration.roster_records import OfficerRecord, RosterKind
from assistant.case_file import EXAMPLE_CASE, parse_case, read_case_data
from assistant.review.context import ReviewContext
from assistant.review.engine import review
from assistant.review.flag import ReviewPoint
from corpus.citation_resolver import CitationResolver
from corpus.store import CorpusStore


@pytest.fixture(scope="module")
def settings(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    return settings_with_roster(default_settings, tmp_path_factory.mktemp("zhifa-roster"))


@pytest.fixture(scope="module")
def roster(settings: Settings) -> RosterStore:
    return RosterStore(settings)


@pytest.fixture(scope="module")
def resolver(settings: Settings) -> CitationResolver:
    return CitationResolver(CorpusStore(settings))


def test_examples_import_with_verified_basis(roster: RosterStore) -> None:
    assert [a.name for a in roster.agencies()] == [AGENCY]
    powers = {p.code: p for p in roster.powers(AGENCY)}
    assert len(powers) == 4 and len(roster.officers(AGENCY)) == 6
    assert powers["JM-HB-CF-001"].basis == [
        "《中华人民共和国水污染防治法》第八十三条第一款第（一）项"
    ]


def test_bad_rows_are_all_reported_and_nothing_is_written(
    roster: RosterStore, resolver: CitationResolver, tmp_path: Path
) -> None:
    before = roster.officers()
    bad = tmp_path / "officers.csv"
    bad.write_text(
        "姓名,执法证号,所属机关,人员类别,有效期起,有效期至\n"
        "新人甲,44070029001,江门市生态环境局,执法人员,2024-01-01,2028-12-31\n"
        ",44070029002,江门市生态环境局,执法人员,2024-01-01,2028-12-31\n"
        "新人丙,44070029003,不存在的局,执法人员,2024-01-01,2028-12-31\n"
        "新人丁,44070029004,江门市生态环境局,执法人员,2024-13-01,2028-12-31\n"
        "新人戊,44070029001,江门市生态环境局,执法人员,2024-01-01,2028-12-31\n"
        "新人己,44070029006,江门市生态环境局,临时工,2024-01-01,2028-12-31\n",
        encoding="utf-8",
    )
    report = roster.import_file(bad, RosterKind.OFFICERS, resolver, IMPORT_DAY)
    assert not report.ok and report.written == 0
    rows = {p.row for p in report.problems}
    assert rows == {3, 4, 5, 6, 7}
    text = report.summary()
    assert "第3行“姓名”列：必填项为空" in text
    assert "不存在的局" in text and "YYYY-MM-DD" in text and "与第2行重复" in text
    assert "可选" in text  # 人员类别 outside the enumeration
    assert roster.officers() == before  # the good first row was not written either


def test_unresolvable_basis_is_rejected_with_the_reason(
    roster: RosterStore, resolver: CitationResolver, tmp_path: Path
) -> None:
    bad = tmp_path / "powers.csv"
    bad.write_text(
        "事项编码,实施主体,事项名称,事项类型,实施依据\n"
        "X-1,江门市生态环境局,虚构事项,处罚,《中华人民共和国行政处罚法》第九十条\n"
        "X-2,江门市生态环境局,类型错误,罚没,《中华人民共和国环境保护法》第二十五条\n",
        encoding="utf-8",
    )
    report = roster.import_file(bad, RosterKind.POWERS, resolver, IMPORT_DAY)
    lines = report.summary()
    assert "没有第九十条" in lines and "处罚、许可、强制、检查、征收" in lines
    assert "X-1" not in {p.code for p in roster.powers()}


def test_xlsx_export_imports_back_unchanged(
    roster: RosterStore, resolver: CitationResolver, default_settings: Settings, tmp_path: Path
) -> None:
    other = RosterStore(Settings(data_dir=tmp_path / "other"))
    for kind in (RosterKind.AGENCIES, RosterKind.POWERS, RosterKind.OFFICERS):
        path = roster.export(kind, tmp_path / f"{kind.value}.xlsx")
        report = other.import_file(path, kind, resolver, IMPORT_DAY)
        assert report.ok, report.summary()
    assert other.officers() == roster.officers()
    assert other.powers() == roster.powers()


def test_certificate_expiry_on_a_case_date(roster: RosterStore) -> None:
    wang = roster.officer_by_certificate("44070021003")
    assert wang is not None and wang.name == "王芳"
    assert wang.valid_on(date(2024, 7, 15)) and not wang.valid_on(date(2024, 7, 16))
    expiring = roster.expiring(date(2024, 6, 20), 30)
    assert [(w.officer.name, w.days_left) for w in expiring] == [("王芳", 25)]
    later = {w.officer.name: w.expired for w in roster.expiring(date(2026, 1, 10), 30)}
    assert later == {"王芳": True, "李明": True, "陈华": True}


def _case_naming_officers_by_certificate(day: str) -> dict:
    data = read_case_data(EXAMPLE_CASE)
    data["officers"] = []
    for event in data["events"]:
        if event["type"] == "调查取证":
            event["officers"] = ["44070021001", "44070021003"]
            event["date"] = day
    return data


def test_review_reads_qualifications_from_the_roster(
    settings: Settings, default_store: CorpusStore
) -> None:
    ctx = ReviewContext.build(settings, CorpusStore(settings))
    valid = review(parse_case(_case_naming_officers_by_certificate("2023-04-10")), ctx)
    assert not [f for f in valid.flags if f.point is ReviewPoint.QUALIFICATION]
    expired = _case_naming_officers_by_certificate("2023-04-10")
    expired["events"][2]["date"] = "2024-08-01"  # after 王芳's certificate ran out
    flags = [
        f for f in review(parse_case(expired), ctx).flags if f.point is ReviewPoint.QUALIFICATION
    ]
    assert len(flags) == 1 and "王芳" in flags[0].reason and "2024-07-15" in flags[0].reason


def test_reviewer_ratio_against_five_percent(tmp_path: Path, settings: Settings) -> None:
    roster = RosterStore(Settings(data_dir=tmp_path))
    roster.import_file(
        EXAMPLES / "agencies.csv",
        RosterKind.AGENCIES,
        CitationResolver(CorpusStore(settings)),
        IMPORT_DAY,
    )
    people = [
        OfficerRecord(name=f"人员{n}", certificate_no=f"C{n:03d}", agency=AGENCY) for n in range(21)
    ]
    reviewer = OfficerRecord(
        name="审核员", certificate_no="R001", agency=AGENCY, role="法制审核人员"
    )
    roster.write(RosterKind.OFFICERS, [*people, reviewer])
    (ratio,) = roster.reviewer_ratios(date(2024, 1, 1), 0.05)
    assert (ratio.officers, ratio.reviewers) == (21, 1)
    assert not ratio.meets and ratio.reviewers_needed == 1
    assert ratio.as_json()["rule"] == "《广东省重大行政执法决定法制审核办法》第八条"
    roster.write(RosterKind.OFFICERS, people[:20] + [reviewer])
    roster_after = RosterStore(Settings(data_dir=tmp_path))
    assert roster_after.reviewer_ratios(date(2024, 1, 1), 0.05)[0].officers == 21  # upsert

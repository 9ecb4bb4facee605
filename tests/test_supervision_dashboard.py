"""执法监督: counts and warnings over filed case files, the record store and the roster.

The scenario is checked on Friday 2024-09-20 with a 15-day window. Every expected
due date was computed by hand from the rule before running: 90 natural days from
立案 (第六十条); 7 working days on the State Council calendar for publication
(粤公示办法第二十一条) and delivery (第六十一条 with 第八十五条) — 2024's
Mid-Autumn holiday (15–17 Sep, Saturday 14 Sep worked) moves a 12 Sep decision's
publication deadline to Tuesday 24 Sep, where counting natural days would give 19 Sep.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from sqlalchemy import text
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings
from assistant.case_file import CaseFileError
from assistant.case_record.event_log import CaseRecordStore
from assistant.review.context import ReviewContext
from assistant.supervision.case_register import CaseRegister
from assistant.supervision.export import export_all
from assistant.supervision.overview import SupervisionView, build_view
from assistant.supervision.rubric import DEFAULT_RUBRIC
from assistant.supervision.warnings import RULES, WarningKind
from corpus.citation_resolver import ResolvedCitation
from corpus.store import CorpusStore
from tests.admin_fixtures import settings_with_roster

EXAMPLE = DEFAULT_RUBRIC.parent / "example_closed_case.yaml"
TODAY = dt.date(2024, 9, 20)
D = dt.date


def _case(case_id: str, events: list[dict], amount: float = 150000, closed: bool = False) -> dict:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["case_id"] = case_id
    data["events"] = events
    data["penalty"]["amount"] = amount
    if not closed:
        del data["dossier"]
    return data


def _investigation(day: dt.date, officers: list[str]) -> dict:
    return {"type": "调查取证", "date": day, "officers": officers, "certificates_shown": True}


# A: open, 立案 25 Jun → decide by 23 Sep; 150000 yuan (major), no 法制审核, no 集体讨论;
#    王芳 (certificate expired 15 Jul 2024) investigated.
CASE_A = _case(
    "A〔2024〕1号",
    [
        {"type": "立案", "date": D(2024, 6, 25)},
        _investigation(D(2024, 6, 28), ["李明", "44070021003"]),
        {"type": "告知", "date": D(2024, 9, 2), "rights": ["陈述", "申辩", "听证"]},
    ],
)
# B: decided Thu 12 Sep, delivered, discussed, not published → publish by Tue 24 Sep.
DECIDED_B = [
    {"type": "立案", "date": D(2024, 8, 20)},
    {"type": "法制审核", "date": D(2024, 9, 9)},
    {"type": "集体讨论", "date": D(2024, 9, 10)},
    {"type": "决定", "date": D(2024, 9, 12)},
    {"type": "送达", "date": D(2024, 9, 13)},
]
CASE_B = _case("B〔2024〕2号", DECIDED_B)
# G: as B, but its publication is in the whole-process record only.
CASE_G = _case("G〔2024〕7号", DECIDED_B)
# C: the clean closed 2023 file.
CASE_C = _case(
    "江环罚〔2023〕015号", yaml.safe_load(EXAMPLE.read_text("utf-8"))["events"], closed=True
)
# D: small fine, extended to 15 Oct (25 days away).
CASE_D = _case(
    "D〔2024〕4号",
    [
        {"type": "立案", "date": D(2024, 5, 1)},
        {"type": "延期", "date": D(2024, 7, 25), "result": "2024-10-15", "note": "负责人批准延期"},
    ],
    amount=20000,
)


@pytest.fixture(scope="module")
def settings(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    settings = settings_with_roster(default_settings, tmp_path_factory.mktemp("supervision"))
    register = CaseRegister(settings)
    for data in (CASE_A, CASE_B, CASE_G, CASE_C, CASE_D):
        register.file(data)
    records = CaseRecordStore(settings)
    records.append("G〔2024〕7号", "公示", "李明", {"网址": "示例"}, "2024-09-19T10:00:00+08:00")
    records.append("E〔2024〕5号", "启动", "陈华", {}, "2024-06-01T09:00:00+08:00")
    for stage, day in (("启动", "2024-09-10"), ("调查取证", "2024-09-11")):
        records.append("F〔2024〕6号", stage, "陈华", {"摘要": stage}, f"{day}T09:00:00+08:00")
    with records.engine.begin() as connection:  # an attacker edits an event
        connection.execute(text("DROP TRIGGER IF EXISTS case_event_no_update"))
        connection.execute(
            text("UPDATE case_event SET actor = '张三' WHERE case_no = 'F〔2024〕6号' AND seq = 2")
        )
    return settings


@pytest.fixture(scope="module")
def ctx(settings: Settings) -> ReviewContext:
    return ReviewContext.build(settings, CorpusStore(settings))


@pytest.fixture(scope="module")
def view(settings: Settings, ctx: ReviewContext) -> SupervisionView:
    return build_view(settings, ctx, TODAY, 15)


def _found(view: SupervisionView) -> list[tuple[str, str | None, dt.date | None, int | None]]:
    return [(w.kind.value, w.case_id, w.due, w.days_left) for w in view.warnings]


def test_warnings_with_due_dates_in_urgency_order(view: SupervisionView) -> None:
    assert _found(view) == [
        ("chain_broken", "F〔2024〕6号", None, None),
        ("certificate_expiring", "A〔2024〕1号", D(2024, 7, 15), -67),
        ("decision_due", "E〔2024〕5号", D(2024, 8, 30), -21),
        ("decision_due", "A〔2024〕1号", D(2024, 9, 23), 3),
        ("discussion_missing", "A〔2024〕1号", D(2024, 9, 23), 3),
        ("review_pending", "A〔2024〕1号", D(2024, 9, 23), 3),
        ("publicity_due", "B〔2024〕2号", D(2024, 9, 24), 4),
    ]


def test_publication_deadline_counts_working_days(view: SupervisionView) -> None:
    publicity = next(w for w in view.warnings if w.kind is WarningKind.PUBLICITY_DUE)
    assert publicity.working_days_left == 2  # Mon 23 and Tue 24 Sep
    assert "7 个工作日" in publicity.message


def test_record_store_publication_counts_for_a_filed_case(view: SupervisionView) -> None:
    assert not any(w.case_id == "G〔2024〕7号" for w in view.warnings)
    g = next(t for t in view.timelines if t.case_id == "G〔2024〕7号")
    assert g.on("公示") == D(2024, 9, 19) and g.sources["公示"] == "全过程记录"


def test_a_recorded_extension_moves_the_decision_deadline(
    settings: Settings, ctx: ReviewContext
) -> None:
    wide = build_view(settings, ctx, TODAY, 30, {WarningKind.DECISION_DUE})
    assert ("decision_due", "D〔2024〕4号", D(2024, 10, 15), 25) in _found(wide)


def test_delivery_is_due_seven_working_days_after_the_decision(
    settings: Settings, ctx: ReviewContext, tmp_path: Path
) -> None:
    """Decided Fri 27 Sep 2024: working days 30 Sep, 8–12 Oct (Sat 12 Oct worked) → 12 Oct."""
    local = Settings(
        data_dir=tmp_path,
        database_url=settings.resolved_database_url,
        supervision_cases_dir=tmp_path / "c",
    )
    events = [
        {"type": "立案", "date": D(2024, 9, 2)},
        {"type": "集体讨论", "date": D(2024, 9, 26)},
        {"type": "决定", "date": D(2024, 9, 27)},
        {"type": "公示", "date": D(2024, 9, 29)},
    ]
    CaseRegister(local).file(_case("H〔2024〕8号", events))
    found = build_view(local, ctx, D(2024, 9, 30), 15, {WarningKind.DELIVERY_DUE})
    assert [(w.case_id, w.due) for w in found.warnings if w.case_id == "H〔2024〕8号"] == [
        ("H〔2024〕8号", D(2024, 10, 12))
    ]


def test_expiring_certificate_names_the_open_case(view: SupervisionView) -> None:
    warning = next(w for w in view.warnings if w.kind is WarningKind.CERTIFICATE_EXPIRING)
    assert "王芳" in warning.message and "A〔2024〕1号" in warning.message and warning.overdue


def test_every_warning_rule_resolves(ctx: ReviewContext) -> None:
    for rule in RULES.values():
        results = ctx.resolver.resolve_text(rule)
        assert results and all(isinstance(r, ResolvedCitation) for r in results), rule


def test_counts_by_agency_type_month_result(view: SupervisionView) -> None:
    counts = view.counts
    assert counts["执法主体"] == {"江门市生态环境局": 5, "未载明": 2}
    assert counts["案件类型"] == {"水污染防治法": 5, "未载明": 2}
    assert counts["立案月份"] == {
        "2023-04": 1,
        "2024-05": 1,
        "2024-06": 2,
        "2024-08": 2,
        "2024-09": 1,
    }
    assert counts["处理结果"] == {"办理中": 4, "罚款": 3}
    assert counts["办理状态"] == {"已结案": 1, "已决定": 2, "办理中": 4}


def test_a_bad_filed_file_is_reported_not_skipped(settings: Settings, ctx: ReviewContext) -> None:
    bad = settings.resolved_supervision_cases_dir / "坏案卷.yaml"
    bad.write_text("case_id: X\n", encoding="utf-8")
    try:
        problems = build_view(settings, ctx, TODAY, 15).problems
    finally:
        bad.unlink()
    assert [p.path.name for p in problems] == ["坏案卷.yaml"] and "缺少必填字段" in problems[
        0
    ].reason


def test_export_writes_csv_xlsx_and_png(view: SupervisionView, tmp_path: Path) -> None:
    written = export_all(view, tmp_path)
    with open(written["warnings_csv"], encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["预警类型", "案号", "对象", "期限"] and len(rows) == 1 + len(
        view.warnings
    )
    book = load_workbook(written["xlsx"])
    assert book.sheetnames == ["汇总统计", "预警清单", "案件清单"]
    assert book["案件清单"].max_row == 1 + len(view.timelines)
    assert Path(written["chart"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_warnings_json_and_within(settings: Settings) -> None:
    env = {"ZHIFA_DATA_DIR": str(settings.data_dir)}
    run = CliRunner().invoke(
        app, ["supervise", "warnings", "--today", "2024-09-20", "--within", "3", "--json"], env=env
    )
    assert run.exit_code == 0, run.output
    body = json.loads(run.stdout)
    kinds = [(w["kind"], w["case_id"]) for w in body["warnings"]]
    assert ("publicity_due", "B〔2024〕2号") not in kinds  # 4 days away, beyond 3
    assert ("decision_due", "A〔2024〕1号") in kinds
    assert all(
        w["link"] is None or w["link"].startswith("/api/supervision/cases/")
        for w in body["warnings"]
    )
    bad = CliRunner().invoke(app, ["supervise", "warnings", "--today", "2024-13-01"], env=env)
    assert bad.exit_code != 0 and "错误：" in bad.output


def test_cli_audit_file_by_case_number_with_reports(settings: Settings, tmp_path: Path) -> None:
    env = {"ZHIFA_DATA_DIR": str(settings.data_dir)}
    docx, md = tmp_path / "评查表.docx", tmp_path / "评查表.md"
    run = CliRunner().invoke(
        app, ["audit-file", "江环罚〔2023〕015号", "--json", "--report", str(docx)], env=env
    )
    assert run.exit_code == 0, run.output
    assert json.loads(run.stdout)["score"] == 100 and docx.stat().st_size > 0
    run = CliRunner().invoke(app, ["audit-file", "B〔2024〕2号", "--report", str(md)], env=env)
    assert run.exit_code == 0 and "扣分明细" in md.read_text(encoding="utf-8")
    missing = CliRunner().invoke(app, ["audit-file", "无此案〔2024〕9号"], env=env)
    assert missing.exit_code == 1 and "没有登记案号" in missing.output


def test_control_characters_in_a_filed_case_are_refused_and_do_not_break_the_workbook(
    settings: Settings, ctx: ReviewContext, tmp_path: Path
) -> None:
    """Refused at filing (issue #20: ids and names are one clean line); a file that reached
    the folder some other way is listed as a problem and the workbook is still written."""
    local = Settings(
        data_dir=tmp_path,
        database_url=settings.resolved_database_url,
        supervision_cases_dir=tmp_path / "c",
    )
    data = _case("K\x00\x19〔2024〕9号", [{"type": "立案", "date": D(2024, 9, 2)}])
    data["title"] = "标题\x00含控制字符"
    with pytest.raises(CaseFileError, match="控制字符"):
        CaseRegister(local).file(data)
    (tmp_path / "c").mkdir(parents=True, exist_ok=True)
    stray = tmp_path / "c" / "stray.json"
    stray.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    _, problems = CaseRegister(local).load()
    assert [p.path for p in problems] == [stray] and "控制字符" in problems[0].reason
    written = export_all(build_view(local, ctx, TODAY, 15), tmp_path / "out")
    assert "案件清单" in load_workbook(written["xlsx"]).sheetnames

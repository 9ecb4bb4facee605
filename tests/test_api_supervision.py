"""/api/supervision: reviewers audit case files, file them, see counts, warnings and
exports; officers are refused; bad input is a Chinese 4xx."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app
from api.http.app import create_app
from api.settings import Settings
from api.users import Role
from assistant.supervision.rubric import DEFAULT_RUBRIC
from corpus.store import CorpusStore
from tests.test_api_service import bearer, copy_database, issue_tokens

EXAMPLE = DEFAULT_RUBRIC.parent / "example_closed_case.yaml"
CASE_ID = "江环罚〔2023〕015号"


@pytest.fixture(scope="module")
def client(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
) -> TestClient:
    data = tmp_path_factory.mktemp("zhifa-supervision-api")
    copy_database(default_settings, data)
    return TestClient(create_app(Settings(data_dir=data)), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def tokens(client: TestClient) -> dict[Role, str]:
    return issue_tokens(client, "supervision")


def _example() -> dict:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))


def test_reviewer_audits_a_clean_file(client: TestClient, tokens: dict[Role, str]) -> None:
    response = client.post(
        "/api/supervision/audit", json=_example(), headers=bearer(tokens[Role.REVIEWER])
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["score"], body["grade"], body["failed"]) == (100, "优秀", False)
    assert "行政执法案卷评查表" in body["report"]


def test_a_defective_file_shows_reason_and_deductions(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    data = _example()
    data["events"] = [e for e in data["events"] if e["type"] not in ("告知", "公示")]
    response = client.post("/api/supervision/audit", json=data, headers=bearer(tokens[Role.ADMIN]))
    body = response.json()
    assert body["failed"] and [f["id"] for f in body["failures"]] == ["B8"]
    assert [(d["item_id"], d["points"]) for d in body["deductions"]] == [("C9", 3)]
    assert "第二十一条" in body["deductions"][0]["rule"]


def test_report_downloads(client: TestClient, tokens: dict[Role, str]) -> None:
    headers = bearer(tokens[Role.REVIEWER])
    docx = client.post("/api/supervision/audit?format=docx", json=_example(), headers=headers)
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    md = client.post("/api/supervision/audit?format=md", json=_example(), headers=headers)
    assert md.status_code == 200 and "得分：100 / 100" in md.text


def test_officers_may_not_supervise(client: TestClient, tokens: dict[Role, str]) -> None:
    headers = bearer(tokens[Role.OFFICER])
    assert (
        client.post("/api/supervision/audit", json=_example(), headers=headers).status_code == 403
    )
    assert client.get("/api/supervision/warnings", headers=headers).status_code == 403


def test_bad_input_is_a_chinese_422(client: TestClient, tokens: dict[Role, str]) -> None:
    headers = bearer(tokens[Role.REVIEWER])
    bad = client.post("/api/supervision/audit", json={"case_id": "X"}, headers=headers)
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_case_file"
    assert "缺少必填字段" in bad.json()["message"]
    early = client.get("/api/supervision/warnings?today=1900-01-01", headers=headers)
    assert early.status_code == 422 and "超出可用范围" in early.json()["message"]


def test_filed_case_appears_in_cases_stats_and_audit(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    headers = bearer(tokens[Role.REVIEWER])
    filed = client.post("/api/supervision/cases", json=_example(), headers=headers)
    assert filed.status_code == 200, filed.text
    link = filed.json()["link"]
    assert link == f"/api/supervision/cases/{quote(CASE_ID, safe='')}"
    case = client.get(link, headers=headers).json()
    assert case["agency"] == "江门市生态环境局" and case["dates"]["决定"] == "2023-05-25"
    assert client.get(case["audit_link"], headers=headers).json()["score"] == 100
    stats = client.get("/api/supervision/stats", headers=headers).json()
    assert stats["counts"]["办理状态"] == {"已结案": 1}
    missing = client.get("/api/supervision/cases/无此案", headers=headers)
    assert missing.status_code == 404 and missing.json()["code"] == "case_not_filed"


def test_warnings_and_exports(client: TestClient, tokens: dict[Role, str]) -> None:
    headers = bearer(tokens[Role.REVIEWER])
    data = _example()
    data["case_id"] = "江环罚〔2024〕001号"
    data["events"] = [e for e in data["events"] if e["type"] in ("调查取证", "立案")]
    data["events"][1]["date"] = "2024-06-25"
    del data["dossier"]
    assert client.post("/api/supervision/cases", json=data, headers=headers).status_code == 200
    body = client.get(
        "/api/supervision/warnings?today=2024-09-20&within=5&kind=decision_due", headers=headers
    ).json()
    assert [(w["case_id"], w["due"], w["days_left"]) for w in body["warnings"]] == [
        ("江环罚〔2024〕001号", "2024-09-23", 3)
    ]
    chart = client.get("/api/supervision/export/chart.png?today=2024-09-20", headers=headers)
    assert chart.status_code == 200 and chart.content[:4] == b"\x89PNG"
    xlsx = client.get("/api/supervision/export/supervision.xlsx", headers=headers)
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    csv = client.get("/api/supervision/export/warnings.csv?today=2024-09-20", headers=headers)
    assert csv.status_code == 200 and "预警类型" in csv.content.decode("utf-8-sig")
    assert client.get("/api/supervision/export/x.exe", headers=headers).status_code == 422


def test_cli_and_http_give_the_same_audit(
    client: TestClient, tokens: dict[Role, str], tmp_path: Path
) -> None:
    """Parity: ``zhifa audit-file --json`` and ``POST /api/supervision/audit`` on one file."""
    data = _example()
    data["events"] = [e for e in data["events"] if e["type"] != "集体讨论"]
    data["documents"][1]["date"] = None
    path = tmp_path / "案卷.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    env = {"ZHIFA_DATA_DIR": str(client.app.state.settings.data_dir)}
    run = CliRunner().invoke(app, ["audit-file", str(path), "--json"], env=env)
    assert run.exit_code == 0, run.output
    http = client.post(
        "/api/supervision/audit", json=data, headers=bearer(tokens[Role.REVIEWER])
    ).json()
    http.pop("report")
    assert json.loads(run.stdout) == http
    assert http["score"] == 95  # J1 −1 (undated 现场检查笔录), C6 −4 (no 集体讨论)


def test_cli_example_and_rubric(client: TestClient) -> None:
    env = {"ZHIFA_DATA_DIR": str(client.app.state.settings.data_dir)}
    example = CliRunner().invoke(app, ["audit-file", "--example"], env=env)
    assert example.exit_code == 0 and "dossier:" in example.stdout
    rubric = CliRunner().invoke(app, ["audit-file", "--show-rubric"], env=env)
    assert rubric.exit_code == 0 and "basic:" in rubric.stdout
    bad = CliRunner().invoke(app, ["audit-file", "/nonexistent/案卷.yaml"], env=env)
    assert bad.exit_code == 1 and "案卷文件不存在" in bad.output

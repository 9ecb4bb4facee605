"""The endpoints the web page's workflow tabs need: publicity entries, overdue list, yearly
report and calendar; record attachments and export; draft types, example and case-file reading."""

from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from api.users import Role
from corpus.store import CorpusStore
from tests.test_api_service import bearer, copy_database, issue_tokens

PERSON_CASE = {
    "case_no": "穗天市监罚〔2024〕7号",
    "case_name": "张伟销售过期食品案",
    "authority": "广州市天河区市场监督管理局",
    "party": {"name": "张伟", "type": "自然人"},
    "facts": "当事人张伟（电话13812345678）于2024年1月在其摊位销售过期食品。",
    "conclusion": "罚款人民币5000元",
    "basis": ["《中华人民共和国行政处罚法》第三十二条第一款第（二）项"],
    "decided": "2024-02-08",
    "published": "2024-02-20",
}
COMPANY_CASE = {
    "case_no": "穗天市监罚〔2024〕8号",
    "authority": "广州市天河区市场监督管理局",
    "party": {"name": "广州市李记餐饮管理有限公司", "type": "法人"},
    "conclusion": "警告",
    "decided": "2024-09-27",
}


@pytest.fixture(scope="module")
def client(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
) -> TestClient:
    data = tmp_path_factory.mktemp("zhifa-web-api")
    copy_database(default_settings, data)
    return TestClient(create_app(Settings(data_dir=data)), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def officer(client: TestClient) -> dict[str, str]:
    return bearer(issue_tokens(client, "web")[Role.OFFICER])


def test_calendar_marks_holidays_and_counts(client: TestClient, officer: dict[str, str]) -> None:
    days = client.get(
        "/api/publicity/calendar",
        params={"start": "2024-09-27", "end": "2024-10-12"},
        headers=officer,
    ).json()
    by_date = {d["date"]: d for d in days}
    assert by_date["2024-10-01"]["holiday"] == "国庆节" and not by_date["2024-10-01"]["working"]
    assert by_date["2024-10-12"]["counted"] == 7 and by_date["2024-10-12"]["adjusted_workday"]
    bad = client.get(
        "/api/publicity/calendar",
        params={"start": "2024-10-02", "end": "2024-10-01"},
        headers=officer,
    )
    assert bad.status_code == 422 and "早于" in bad.json()["message"]


def test_entry_is_redacted_and_basis_verified(client: TestClient, officer: dict[str, str]) -> None:
    entry = client.post("/api/publicity/entry", json=PERSON_CASE, headers=officer).json()
    assert entry["publish"] and entry["执法对象"] == "张*"
    assert "13812345678" not in entry["违法事实"]
    assert entry["依据"] == ["《中华人民共和国行政处罚法》第三十二条第一款第（二）项"]
    assert (
        entry["公开期限"] == "2024-02-23"
    )  # 9 Feb, then 18 (调休) to 23 Feb and entry["warnings"] == []


def test_overdue_and_report(client: TestClient, officer: dict[str, str]) -> None:
    cases = [PERSON_CASE, COMPANY_CASE]
    body = client.post(
        "/api/publicity/overdue", json={"cases": cases, "today": "2024-12-31"}, headers=officer
    ).json()
    assert body["overdue"] == [
        {"case_no": "穗天市监罚〔2024〕8号", "action": "公开", "due": "2024-10-12", "done": None}
    ]
    report = client.post(
        "/api/publicity/report", json={"year": 2024, "cases": cases}, headers=officer
    ).json()
    assert report["counts"]["合计"] == {"决定总数": 2} and report["due"] == "2025-01-31"
    assert base64.b64decode(report["chart_png_base64"])[:4] == b"\x89PNG"
    backwards = {**COMPANY_CASE, "revoked": "2024-09-01"}
    refused = client.post("/api/publicity/overdue", json={"cases": [backwards]}, headers=officer)
    assert refused.status_code == 422 and refused.json()["field"] == "body.cases[0].revoked"
    assert "穗天市监罚〔2024〕8号" in refused.json()["message"]
    xlsx = client.post(
        "/api/publicity/report?format=xlsx", json={"year": 2024, "cases": cases}, headers=officer
    )
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_attachment_keeps_its_name_and_hash_and_export_verifies(
    client: TestClient, officer: dict[str, str]
) -> None:
    case = "网页〔2024〕1号"
    client.post(
        f"/api/records/{case}/events", json={"type": "启动", "payload": {}}, headers=officer
    )
    photo = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    answer = client.post(
        f"/api/records/{case}/attachments",
        files={"file": ("现场照片.png", photo, "image/png")},
        data={"type": "调查取证", "note": "证明排污口位置"},
        headers=officer,
    )
    assert answer.status_code == 200, answer.text
    attachment = answer.json()["attachments"][0]
    assert attachment["file_name"] == "现场照片.png" and len(attachment["sha256"]) == 64
    long_name = "现场" * 100 + ".png"  # 603 bytes: longer than a file name may be
    kept = client.post(
        f"/api/records/{case}/attachments",
        files={"file": (long_name, photo, "image/png")},
        headers=officer,
    )
    assert kept.status_code == 200 and kept.json()["attachments"][0]["file_name"].endswith(".png")
    refused = client.post(
        f"/api/records/{case}/attachments",
        files={"file": ("x.exe", b"MZ\x90\x00", "application/octet-stream")},
        headers=officer,
    )
    assert refused.status_code == 415
    listed = client.get("/api/records", headers=officer).json()
    assert any(item["case"] == case and item["events"] == 3 for item in listed)
    export = client.get(f"/api/records/{case}/export", headers=officer)
    document = json.loads(export.content)
    assert document["verification"]["ok"] and len(document["events"]) == 3
    assert "attachment" in export.headers["content-disposition"]


def test_draft_types_example_and_yaml_case_file(
    client: TestClient, officer: dict[str, str]
) -> None:
    types = [t["type"] for t in client.get("/api/draft/types", headers=officer).json()]
    assert "行政处罚决定书" in types and "询问笔录" in types
    example = client.get("/api/draft/example", headers=officer).json()
    assert example["violation"]["date"] == "2023-03-28"
    parsed = client.post(
        "/api/draft/case-file",
        json={"text": "case_id: A1\nviolation:\n  date: 2023-03-28\n"},
        headers=officer,
    ).json()
    assert parsed == {"case_id": "A1", "violation": {"date": "2023-03-28"}}
    bad = client.post("/api/draft/case-file", json={"text": "a: [1,"}, headers=officer)
    assert bad.status_code == 422 and "YAML" in bad.json()["message"]

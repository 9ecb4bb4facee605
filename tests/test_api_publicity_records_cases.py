"""/api/publicity, /api/records and /api/cases: thin HTTP layers over tested libraries."""

from __future__ import annotations

import pytest
from cases_fixtures import SHIPPED_CAIL
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from api.users import Role
from assistant.cases.case_import import import_paths
from assistant.cases.case_store import CaseStore
from assistant.cases.similar_cases import build_case_index
from corpus.citation_resolver import CitationResolver
from corpus.store import CorpusStore
from tests.test_api_service import bearer, copy_database, issue_tokens


def build_small_case_index(settings: Settings, size: int = 120) -> None:
    """A BM25 case index over an even sample of the shipped CAIL cases (sorted by charge)."""
    cail = settings.data_dir / f"cail-{size}.json"
    lines = SHIPPED_CAIL.read_bytes().splitlines(keepends=True)
    cail.write_bytes(b"".join(lines[:: len(lines) // size][:size]))
    corpus = CorpusStore(settings)
    cases = CaseStore(settings)
    import_paths(cases, CitationResolver(corpus), [cail])
    build_case_index(settings, cases, corpus, embedder=None)


@pytest.fixture(scope="module")
def client(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
) -> TestClient:
    data = tmp_path_factory.mktemp("zhifa-misc-api")
    copy_database(default_settings, data)
    settings = Settings(data_dir=data)
    build_small_case_index(settings)
    return TestClient(create_app(settings), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def officer(client: TestClient) -> dict[str, str]:
    return bearer(issue_tokens(client, "misc")[Role.OFFICER])


def test_deadline_over_national_day(client: TestClient, officer: dict[str, str]) -> None:
    body = client.post(
        "/api/publicity/deadline",
        json={"decided": "2024-09-29", "kind": "penalty"},
        headers=officer,
    ).json()
    assert body["due"] == "2024-10-14"  # 9-30, 10-8…10-11, 10-12 (调休 Saturday), 10-14
    bad = client.post(
        "/api/publicity/deadline",
        json={"decided": "2024-10-01", "kind": "penalty", "revoked": "2024-09-01"},
        headers=officer,
    )
    assert bad.status_code == 422


def test_redaction_keeps_legal_persons(client: TestClient, officer: dict[str, str]) -> None:
    text = "当事人张伟，身份证号110101199003074514，系广州市某某食品有限公司法定代表人。"
    body = client.post("/api/publicity/redact", json={"text": text}, headers=officer).json()
    assert "张伟" not in body["text"] and "110101199003074514" not in body["text"]
    assert "广州市某某食品有限公司" in body["text"]
    assert {s["kind"] for s in body["spans"]} >= {"name", "id_number"}


def test_records_append_read_verify(client: TestClient, officer: dict[str, str]) -> None:
    for kind in ("启动", "调查取证", "决定"):
        assert (
            client.post(
                "/api/records/粤环罚-2024-001/events",
                json={"type": kind, "payload": {"note": kind}},
                headers=officer,
            ).status_code
            == 200
        )
    log = client.get("/api/records/粤环罚-2024-001", headers=officer).json()
    assert [e["event_type"] for e in log] == ["启动", "调查取证", "决定"] and log[0][
        "actor"
    ] == "misc-officer"
    assert client.get("/api/records/粤环罚-2024-001/verify", headers=officer).json()["ok"] is True
    assert client.get("/api/records/没有这个案件", headers=officer).status_code == 404
    assert (
        client.post("/api/records/X/events", json={"type": "随便"}, headers=officer).status_code
        == 422
    )


def test_similar_cases_share_the_charge(client: TestClient, officer: dict[str, str]) -> None:
    found = client.get(
        "/api/cases/search",
        params={"q": "被告人趁被害人不备，盗走其手机一部，价值二千元", "k": 5},
        headers=officer,
    ).json()
    assert found and sum("盗窃" in case["charges"] for case in found) >= 2
    assert all(case["reasons"] for case in found)


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", "/api/publicity/redact"),
        ("GET", "/api/records/x"),
        ("GET", "/api/cases/search?q=盗窃手机"),
    ],
)
def test_need_a_token(client: TestClient, method: str, path: str) -> None:
    assert client.request(method, path, json={"text": "x"}).status_code == 401

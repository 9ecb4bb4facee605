"""/api/ask and /api/evidence: verified provisions, discretion rows and evidence over HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from api.users import Role
from corpus.store import CorpusStore
from indexing.hybrid_index import HybridIndex
from tests.test_api_service import bearer, copy_database, issue_tokens

QUESTION = {
    "question": "餐馆使用超过保质期的食品原料",
    "date": "2024-06-01",
    "have": ["进货台账"],
}


@pytest.fixture(scope="module")
def client(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
) -> TestClient:
    data: Path = tmp_path_factory.mktemp("zhifa-assist")
    copy_database(default_settings, data)
    HybridIndex.build(default_store.iter_articles(), embedder=None).save(data / "index")
    return TestClient(create_app(Settings(data_dir=data)), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def officer(client: TestClient) -> dict[str, str]:
    return bearer(issue_tokens(client, "assist")[Role.OFFICER])


@pytest.mark.parametrize("path", ["/api/ask", "/api/evidence"])
def test_needs_a_token(client: TestClient, path: str) -> None:
    assert client.post(path, json=QUESTION).status_code == 401


def test_ask_returns_verified_provisions(client: TestClient, officer: dict[str, str]) -> None:
    response = client.post("/api/ask", json=QUESTION, headers=officer)
    assert response.status_code == 200, response.text
    body = response.json()
    roles = {p["role"] for p in body["provisions"]}
    assert {"violated", "penalty"} <= roles
    resolver_check = client.get(
        "/api/cite",
        params={"q": body["provisions"][0]["citation"], "date": "2024-06-01"},
        headers=officer,
    )
    assert resolver_check.json()["results"][0]["unit_id"] == body["provisions"][0]["unit_id"]
    assert body["evidence"]["statutory_types"][0] == "书证"


def test_evidence_endpoint_marks_collected_items(
    client: TestClient, officer: dict[str, str]
) -> None:
    body = client.post("/api/evidence", json=QUESTION, headers=officer).json()
    assert body["items"] and any(item["present"] for item in body["items"])
    assert all(item["reason"] and item["source"] for item in body["items"])


def test_bad_body_is_a_chinese_422(client: TestClient, officer: dict[str, str]) -> None:
    response = client.post("/api/ask", json={"question": "x"}, headers=officer)
    assert response.status_code == 422 and response.json()["code"] == "invalid_request"


def test_ask_returns_pairs_next_to_the_provision_list(
    client: TestClient, officer: dict[str, str]
) -> None:
    question = {"question": "某企业未取得排污许可证排放废水", "date": "2024-06-01"}
    body = client.post("/api/ask", json=question, headers=officer).json()
    assert 1 <= len(body["pairs"]) <= 3 and body["provisions"]
    pair = next(p for p in body["pairs"] if p["penalty"]["article"] == 83)
    assert pair["violated"]["article"] == 21 and pair["reason"]
    assert pair["standard"]["id"] in ("JM-2-5", "GD-2.5.1")
    for side in ("violated", "penalty"):
        check = client.get(
            "/api/cite",
            params={"q": pair[side]["citation"], "date": "2024-06-01"},
            headers=officer,
        ).json()
        assert check["results"][0]["unit_id"] == pair[side]["unit_id"]

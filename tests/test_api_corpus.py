"""The service's statute endpoints, health/readiness and the web page."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from api.users import Role
from corpus.store import CorpusStore
from tests.test_api_service import issue_tokens


@pytest.fixture(scope="module")
def client(default_settings: Settings, default_store: CorpusStore) -> TestClient:
    client = TestClient(create_app(default_settings))
    token = issue_tokens(client, "corpus")[Role.OFFICER]
    client.headers["Authorization"] = f"Bearer {token}"
    return client


def test_health_and_ready(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready")
    assert ready.status_code == 200 and ready.json()["articles"] > 3000


def test_cite_endpoint(client: TestClient) -> None:
    body = client.get(
        "/api/cite", params={"q": "行政处罚法第32条第1款第2项", "date": "2023-05-01"}
    ).json()
    (hit,) = body["results"]
    assert hit["citation"] == "《中华人民共和国行政处罚法》第三十二条第一款第（二）项"
    assert hit["version"] == "2021-07-15"


def test_cite_error_is_chinese_json(client: TestClient) -> None:
    response = client.get("/api/cite", params={"q": "行政处罚法第90条"})
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == "article_beyond_last"
    assert "共86条" in response.json()["errors"][0]["message"]


def test_bad_date_is_a_422_not_a_crash(client: TestClient) -> None:
    assert (
        client.get("/api/cite", params={"q": "行政处罚法第3条", "date": "明天"}).status_code == 422
    )


def test_web_page_is_served_offline(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "执法智助" in page.text
    assert "http://" not in page.text and "https://" not in page.text  # no CDN

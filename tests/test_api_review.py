"""/api/review: reviewers get flags by review point with their rules; officers are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from api.users import Role
from assistant import shipped_data
from corpus.store import CorpusStore
from tests.test_api_service import bearer, copy_database, issue_tokens

EXAMPLE = shipped_data.EXAMPLE_CASE
CASES = Path(__file__).parent / "review_cases"


@pytest.fixture(scope="module")
def client(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
) -> TestClient:
    data = tmp_path_factory.mktemp("zhifa-review-api")
    copy_database(default_settings, data)
    return TestClient(create_app(Settings(data_dir=data)), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def tokens(client: TestClient) -> dict[Role, str]:
    return issue_tokens(client, "review")


def _case(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.pop("expected_flags", None)
    return json.loads(json.dumps(data, default=str))  # YAML dates → ISO strings, as JSON sends them


def test_clean_example_passes(client: TestClient, tokens: dict[Role, str]) -> None:
    response = client.post(
        "/api/review", json=_case(EXAMPLE), headers=bearer(tokens[Role.REVIEWER])
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["flags"] == [] and "同意" in body["conclusion"]


def test_defects_are_flagged_with_rules(client: TestClient, tokens: dict[Role, str]) -> None:
    defective = next(
        p
        for p in sorted(CASES.glob("*.yaml"))
        if yaml.safe_load(p.read_text(encoding="utf-8")).get("expected_flags")
    )
    expected = yaml.safe_load(defective.read_text(encoding="utf-8"))["expected_flags"]
    body = client.post(
        "/api/review", json=_case(defective), headers=bearer(tokens[Role.ADMIN])
    ).json()
    assert {f["point"] for f in body["flags"]} >= {e["point"] for e in expected}
    assert all(f["rule"] and f["reason"] for f in body["flags"])
    assert "存在问题" in body["opinion"] or "不同意" in body["opinion"] or body["flags"]


def test_officers_may_not_review(client: TestClient, tokens: dict[Role, str]) -> None:
    response = client.post("/api/review", json=_case(EXAMPLE), headers=bearer(tokens[Role.OFFICER]))
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    assert client.post("/api/review", json=_case(EXAMPLE)).status_code == 401


def test_bad_case_file_is_a_chinese_422(client: TestClient, tokens: dict[Role, str]) -> None:
    response = client.post("/api/review", json={"agency": 1}, headers=bearer(tokens[Role.REVIEWER]))
    assert response.status_code == 422 and response.json()["code"] == "invalid_case_file"
    assert "案卷" in response.json()["message"]


def test_example_case_is_served_as_json(client: TestClient, tokens: dict[Role, str]) -> None:
    example = client.get("/api/review/example", headers=bearer(tokens[Role.REVIEWER])).json()
    assert example == _case(EXAMPLE)

"""A running service answers from a new index after ``zhifa index update``, no restart.

The app is built once; between two identical searches another "process" (the CLI,
with its own Components) imports a law and updates the index folder. The second
search must come from the new index, whole: the folder is swapped by rename and the
service swaps its in-memory index only once the new one is fully loaded.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app as cli
from api.http.app import create_app
from api.settings import Settings
from api.users import Role
from corpus.ingest import ingest_archive, ingest_paths
from corpus.national_archive import NationalArchive
from corpus.store import CorpusStore
from tests.test_api_service import issue_tokens

LAWS = Path(__file__).resolve().parent.parent / "corpus" / "data" / "laws"
QUERY = "销售假药应当给予的行政处罚"


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    settings = Settings(data_dir=tmp_path)
    ingest_paths(CorpusStore(settings), [LAWS / "行政法" / "行政处罚法(2021-01-22).md"])
    env = {"ZHIFA_DATA_DIR": str(tmp_path)}
    result = CliRunner().invoke(cli, ["index", "build", "--bm25-only"], env=env)
    assert result.exit_code == 0, result.output
    return settings


def _laws_found(client: TestClient) -> set[str]:
    response = client.get("/api/search", params={"q": QUERY, "k": 5, "mode": "bm25"})
    assert response.status_code == 200, response.text
    return {hit["law"] for hit in response.json()["hits"]}


def test_search_answers_from_the_updated_index_without_restart(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        client.headers["Authorization"] = f"Bearer {issue_tokens(client, 'reload')[Role.OFFICER]}"
        assert _laws_found(client) == {"行政处罚法"}
        before = client.get("/api/ready").json()["vectors"]

        archive = NationalArchive(Settings().national_corpus_archive)
        ingest_archive(CorpusStore(settings), archive, include=lambda name: "/药品管理法(" in name)
        env = {"ZHIFA_DATA_DIR": str(settings.data_dir)}
        result = CliRunner().invoke(cli, ["index", "update"], env=env)
        assert result.exit_code == 0, result.output

        assert "药品管理法" in _laws_found(client)
        after = client.get("/api/ready").json()["vectors"]
        assert after["units"] > before["units"] and after["mode"] == "bm25"


def test_unchanged_index_is_not_reloaded(settings: Settings) -> None:
    with TestClient(create_app(settings)) as client:
        client.headers["Authorization"] = f"Bearer {issue_tokens(client, 'same')[Role.OFFICER]}"
        components = client.app.state.components
        first = components.statute_index()
        _laws_found(client)
        assert components.statute_index() is first

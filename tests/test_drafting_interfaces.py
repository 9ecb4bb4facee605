"""``zhifa draft`` and ``POST /api/draft``: JSON shape, DOCX download, roles, Chinese errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app
from api.http.app import create_app
from api.http.routes.draft import DOCX_MEDIA_TYPE
from api.settings import Settings
from api.users import Role
from corpus.store import CorpusStore
from tests.drafting_fixtures import complete_case, docx_text, write_transcript
from tests.test_api_service import bearer, copy_database, issue_tokens


@pytest.fixture(scope="module")
def env(default_settings: Settings, default_store: CorpusStore) -> dict[str, str]:
    return {"ZHIFA_DATA_DIR": str(default_settings.data_dir)}


@pytest.fixture(scope="module")
def case_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("draft-case") / "案卷.yaml"
    path.write_text(yaml.safe_dump(complete_case(), allow_unicode=True), encoding="utf-8")
    return path


def run(env: dict[str, str], *args: str):
    return CliRunner().invoke(app, list(args), env=env)


def test_list_types(env: dict[str, str]) -> None:
    result = run(env, "draft", "--list")
    assert (
        result.exit_code == 0 and "行政处罚决定书" in result.stdout and "询问笔录" in result.stdout
    )
    listed = json.loads(run(env, "draft", "--list", "--json").stdout)
    assert len(listed) == 8 and {"type", "aliases"} <= set(listed[0])


def test_cli_json_and_docx(env: dict[str, str], case_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "决定书.docx"
    result = run(env, "draft", str(case_path), "--type", "决定书", "--json", "--out", str(out))
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) == {"type", "text", "markup", "warnings", "citations"}
    assert payload["type"] == "行政处罚决定书" and payload["warnings"] == []
    assert {"citation", "law", "version", "unit_id", "role"} <= set(payload["citations"][0])
    assert "壹拾伍万元整" in docx_text(out.read_bytes())


def test_cli_text_with_transcript_and_warnings(
    env: dict[str, str], case_path: Path, tmp_path: Path
) -> None:
    transcript = write_transcript(tmp_path)
    result = run(env, "draft", str(case_path), "-t", "询问笔录", "--transcript", str(transcript))
    assert result.exit_code == 0, result.output
    assert "答：还没有取得，正在申请。" in result.stdout
    data = complete_case()
    del data["drafting"]["court"]
    sparse = tmp_path / "sparse.json"
    sparse.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    shown = run(env, "draft", str(sparse), "-t", "决定书")
    assert shown.exit_code == 0 and "【待补充：管辖的人民法院】" in shown.stdout
    assert "提示：待补充：管辖的人民法院" in shown.stderr


def test_cli_errors_are_one_chinese_line(env: dict[str, str], case_path: Path) -> None:
    unknown = run(env, "draft", str(case_path), "--type", "判决书")
    assert unknown.exit_code == 1 and "错误：不支持的文书类型" in unknown.stderr
    missing = run(env, "draft", "没有这个文件.yaml", "--type", "决定书")
    assert missing.exit_code == 1 and "案卷文件不存在" in missing.stderr
    bad_out = run(env, "draft", str(case_path), "--type", "决定书", "--out", "x.pdf")
    assert bad_out.exit_code == 1 and ".docx" in bad_out.stderr


@pytest.fixture(scope="module")
def client(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
) -> TestClient:
    data = tmp_path_factory.mktemp("zhifa-draft-api")
    copy_database(default_settings, data)
    return TestClient(create_app(Settings(data_dir=data)), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def tokens(client: TestClient) -> dict[Role, str]:
    return issue_tokens(client, "draft")


def _body(kind: str = "决定书") -> dict:
    return {"type": kind, "case_file": json.loads(json.dumps(complete_case(), default=str))}


def test_api_docx_download(client: TestClient, tokens: dict[Role, str]) -> None:
    response = client.post("/api/draft", json=_body(), headers=bearer(tokens[Role.OFFICER]))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == DOCX_MEDIA_TYPE
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    assert response.headers["x-zhifa-warnings"] == "0"
    assert "江门市人民政府" in docx_text(response.content)


def test_api_json_for_reviewers(client: TestClient, tokens: dict[Role, str]) -> None:
    body = _body("法制审核意见书")
    del body["case_file"]["drafting"]["numbers"]
    response = client.post(
        "/api/draft?format=json", json=body, headers=bearer(tokens[Role.REVIEWER])
    )
    assert response.status_code == 200, response.text
    payload = response.json()
    assert payload["type"] == "法制审核意见书" and "同意" in payload["text"]
    assert payload["warnings"] == ["待补充：法制审核意见书文书编号"]


def test_api_interview_with_transcript(
    client: TestClient, tokens: dict[Role, str], tmp_path: Path
) -> None:
    body = _body("询问笔录")
    body["transcript"] = json.loads(write_transcript(tmp_path).read_text(encoding="utf-8"))
    response = client.post(
        "/api/draft?format=json", json=body, headers=bearer(tokens[Role.OFFICER])
    )
    assert response.status_code == 200 and "被询问人：王某某" in response.json()["text"]


def test_api_errors(client: TestClient, tokens: dict[Role, str]) -> None:
    assert client.post("/api/draft", json=_body()).status_code == 401
    headers = bearer(tokens[Role.OFFICER])
    unknown = client.post("/api/draft", json=_body("判决书"), headers=headers)
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_document_type"
    bad = client.post(
        "/api/draft", json={"type": "决定书", "case_file": {"agency": 1}}, headers=headers
    )
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_case_file"
    assert "案卷" in bad.json()["message"]
    body = _body("询问笔录")
    body["transcript"] = {"turns": "不是列表"}
    wrong = client.post("/api/draft", json=body, headers=headers)
    assert wrong.status_code == 422 and wrong.json()["code"] == "invalid_transcript"

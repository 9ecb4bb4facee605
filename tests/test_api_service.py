"""The service's security rules and endpoints: tokens, roles, audit, errors, uploads.

One app over the shipped default corpus (temp data dir); users of every role are
created through the real UserStore, requests go through FastAPI's TestClient.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.audit_log import AuditRow
from api.http.app import create_app
from api.settings import Settings
from api.users import Role, TokenRow, UserStore
from corpus.store import CorpusStore
from indexing.hybrid_index import HybridIndex, IndexConfig
from models.embedder import embedder_from_settings
from tests.indexing_fixtures import sample_records

REPO = Path(__file__).resolve().parent.parent
STATUTE = REPO / "corpus/data/laws/行政法规/统计法实施条例(2017-05-28).md"


def issue_tokens(client: TestClient, prefix: str) -> dict[Role, str]:
    """A user of each role (``prefix-officer`` …) with one fresh token each."""
    users: UserStore = client.app.state.users
    tokens = {}
    for role in Role:
        name = f"{prefix}-{role.value}"
        if name not in {u.name for u in users.list_users()}:
            users.add_user(name, role)
        tokens[role] = users.issue_token(name).token
    return tokens


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def copy_database(source: Settings, data_dir: Path) -> None:
    """A consistent copy of ``source``'s SQLite database (corpus imported once per session)."""
    with (
        sqlite3.connect(source.data_dir / "zhifa.db") as origin,
        sqlite3.connect(data_dir / "zhifa.db") as target,
    ):
        origin.backup(target)


def build_sample_index(data_dir: Path) -> None:
    """A small real index (statute excerpts, vectors of the default embedder) at ``data_dir/index``."""
    embedder = embedder_from_settings(Settings(data_dir=data_dir))
    index = HybridIndex.build(sample_records(), embedder, IndexConfig())
    index.save(data_dir / "index")


@pytest.fixture(scope="module")
def client(default_settings: Settings, default_store: CorpusStore) -> TestClient:
    return TestClient(create_app(default_settings), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def tokens(client: TestClient) -> dict[Role, str]:
    return issue_tokens(client, "svc")


# ---- authentication -----------------------------------------------------------------


def test_health_needs_no_token(client: TestClient) -> None:
    assert client.get("/health").json() == {"status": "ok"}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/ready"),
        ("GET", "/api/cite?q=行政处罚法第3条"),
        ("GET", "/api/search?q=罚款"),
        ("GET", "/api/laws/行政处罚法/versions"),
        ("GET", "/api/discretion/search?q=环评"),
        ("GET", "/api/discretion/coverage"),
        ("POST", "/api/discretion/evaluate"),
        ("POST", "/api/transcriptions"),
        ("GET", "/api/transcriptions/abc"),
        ("POST", "/api/corpus/import"),
        ("GET", "/api/me"),
        ("GET", "/api/users"),
        ("GET", "/api/audit"),
    ],
)
def test_every_endpoint_but_health_needs_a_token(
    client: TestClient, method: str, path: str
) -> None:
    response = client.request(method, path)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"
    assert response.headers["www-authenticate"] == "Bearer"
    bad = client.request(method, path, headers=bearer("zf_" + "x" * 43))
    assert bad.status_code == 401 and "令牌无效" in bad.json()["message"]


def test_tokens_are_stored_hashed(client: TestClient, tokens: dict[Role, str]) -> None:
    token = tokens[Role.OFFICER]
    assert token.startswith("zf_") and len(token) >= 43
    with Session(client.app.state.users.engine) as session:
        stored = session.scalars(select(TokenRow.token_sha256)).all()
    assert hashlib.sha256(token.encode()).hexdigest() in stored
    assert token not in stored and all(len(s) == 64 for s in stored)


def test_revoked_token_is_refused(client: TestClient) -> None:
    users: UserStore = client.app.state.users
    users.add_user("svc-leaver", Role.OFFICER)
    token = users.issue_token("svc-leaver").token
    assert client.get("/api/me", headers=bearer(token)).json()["name"] == "svc-leaver"
    assert users.revoke("svc-leaver") == 1
    assert client.get("/api/me", headers=bearer(token)).status_code == 401


def test_me_reports_role(client: TestClient, tokens: dict[Role, str]) -> None:
    body = client.get("/api/me", headers=bearer(tokens[Role.REVIEWER])).json()
    assert body == {"name": "svc-reviewer", "role": "reviewer", "role_label": "法制审核人员"}


# ---- roles --------------------------------------------------------------------------

ADMIN_ONLY = [
    ("GET", "/api/users", None),
    ("POST", "/api/users", {"name": "x", "role": "officer"}),
    ("POST", "/api/users/svc-officer/tokens", None),
    ("POST", "/api/users/svc-officer/revoke", {}),
    ("GET", "/api/audit", None),
]


@pytest.mark.parametrize("role", [Role.OFFICER, Role.REVIEWER])
@pytest.mark.parametrize(("method", "path", "body"), ADMIN_ONLY)
def test_only_admins_manage_users_and_read_audit(
    client: TestClient, tokens: dict[Role, str], role: Role, method: str, path: str, body
) -> None:
    response = client.request(method, path, json=body, headers=bearer(tokens[role]))
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden" and "管理员" in response.json()["message"]


@pytest.mark.parametrize("role", [Role.OFFICER, Role.REVIEWER])
def test_only_admins_import_corpora(
    client: TestClient, tokens: dict[Role, str], role: Role
) -> None:
    files = {"file": ("law.md", b"# title\n", "text/markdown")}
    response = client.post("/api/corpus/import", files=files, headers=bearer(tokens[role]))
    assert response.status_code == 403


def test_reviewers_do_not_transcribe(client: TestClient, tokens: dict[Role, str]) -> None:
    files = {"file": ("a.wav", b"RIFF\x00\x00\x00\x00WAVE", "audio/wav")}
    response = client.post(
        "/api/transcriptions", files=files, headers=bearer(tokens[Role.REVIEWER])
    )
    assert response.status_code == 403 and response.json()["code"] == "forbidden"


def test_admin_manages_users(client: TestClient, tokens: dict[Role, str]) -> None:
    admin = bearer(tokens[Role.ADMIN])
    created = client.post("/api/users", json={"name": "svc-new", "role": "officer"}, headers=admin)
    assert created.status_code == 201 and created.json()["role"] == "officer"
    again = client.post("/api/users", json={"name": "svc-new", "role": "officer"}, headers=admin)
    assert again.status_code == 409 and again.json()["code"] == "user_exists"
    issued = client.post("/api/users/svc-new/tokens", headers=admin).json()
    assert client.get("/api/me", headers=bearer(issued["token"])).json()["name"] == "svc-new"
    listed = {u["name"]: u for u in client.get("/api/users", headers=admin).json()}
    assert listed["svc-new"]["active_tokens"] == 1
    revoked = client.post("/api/users/svc-new/revoke", json={}, headers=admin).json()
    assert revoked == {"user": "svc-new", "revoked": 1}
    missing = client.post("/api/users/nobody/tokens", headers=admin)
    assert missing.status_code == 404 and missing.json()["code"] == "user_not_found"


# ---- audit --------------------------------------------------------------------------


def test_every_request_is_audited_without_secrets(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    client.get("/api/cite", params={"q": "行政处罚法第3条"}, headers=bearer(tokens[Role.OFFICER]))
    client.get("/api/users", headers=bearer(tokens[Role.OFFICER]))
    client.get("/api/me")
    with Session(client.app.state.audit.inner.engine) as session:  # committed per request
        rows = session.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(3)).all()
    anonymous, forbidden, ok = rows
    assert (ok.user, ok.role, ok.method, ok.path, ok.status, ok.outcome) == (
        "svc-officer",
        "officer",
        "GET",
        "/api/cite",
        200,
        "ok",
    )
    assert (forbidden.user, forbidden.status, forbidden.outcome) == ("svc-officer", 403, "denied")
    assert (anonymous.user, anonymous.status, anonymous.outcome) == (None, 401, "denied")
    assert ok.client_ip and ok.duration_ms >= 0
    for row in rows:  # neither the query text nor any token is kept
        assert "行政处罚法" not in row.path and "zf_" not in str(row.__dict__)
    tail = client.get("/api/audit", params={"limit": 3}, headers=bearer(tokens[Role.ADMIN]))
    assert [e["path"] for e in tail.json()] == ["/api/cite", "/api/users", "/api/me"]


# ---- errors -------------------------------------------------------------------------


def test_validation_error_names_the_field_in_chinese(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    response = client.get(
        "/api/cite",
        params={"q": "行政处罚法第3条", "date": "明天"},
        headers=bearer(tokens[Role.OFFICER]),
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid_request" and body["field"] == "query.date"
    assert "日期格式" in body["message"]


def test_unknown_route_is_a_json_404(client: TestClient, tokens: dict[Role, str]) -> None:
    response = client.get("/api/nothing-here", headers=bearer(tokens[Role.OFFICER]))
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "请求的资源不存在"}


def test_unexpected_error_is_500_without_trace(
    default_settings: Settings, default_store: CorpusStore
) -> None:
    app = create_app(default_settings)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret internal detail /etc/passwd")

    response = TestClient(app, raise_server_exceptions=False).get("/api/boom")
    assert response.status_code == 500
    assert response.json() == {"code": "internal_error", "message": "服务器内部错误，请联系管理员"}
    assert "secret" not in response.text and "Traceback" not in response.text


# ---- statutes -----------------------------------------------------------------------


def test_ready_and_cite_and_versions(client: TestClient, tokens: dict[Role, str]) -> None:
    headers = bearer(tokens[Role.REVIEWER])
    ready = client.get("/ready", headers=headers).json()
    assert ready["ready"] is True and ready["articles"] > 3000
    hit = client.get(
        "/api/cite",
        params={"q": "行政处罚法第32条第1款第2项", "date": "2023-05-01"},
        headers=headers,
    ).json()["results"][0]
    assert hit["citation"] == "《中华人民共和国行政处罚法》第三十二条第一款第（二）项"
    versions = client.get("/api/laws/行政处罚法/versions", headers=headers).json()
    assert [v["version"] for v in versions][-1] == "2021-07-15"
    unknown = client.get("/api/laws/不存在的法/versions", headers=headers)
    assert unknown.status_code == 404 and unknown.json()["code"] == "unknown_law"


def test_search_without_index_is_503_index_missing(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    response = client.get("/api/search", params={"q": "罚款"}, headers=bearer(tokens[Role.OFFICER]))
    assert response.status_code == 503
    assert response.json()["code"] == "index_missing" and "索引" in response.json()["message"]


@pytest.fixture(scope="module")
def indexed_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """An app whose index holds real statute excerpts, built with the real default model."""
    data = tmp_path_factory.mktemp("zhifa-search")
    settings = Settings(data_dir=data)
    build_sample_index(data)
    return TestClient(create_app(settings), raise_server_exceptions=False)


def test_search_returns_citations_with_text(indexed_client: TestClient) -> None:
    token = issue_tokens(indexed_client, "search")[Role.OFFICER]
    response = indexed_client.get(
        "/api/search",
        params={"q": "当事人要求听证", "date": "2023-01-01", "k": 3},
        headers=bearer(token),
    )
    assert response.status_code == 200
    body = response.json()
    assert body["mode"] == "hybrid" and body["on_date"] == "2023-01-01"
    top = body["hits"][0]
    assert top["citation"] == "《行政处罚法》第六十三条"
    assert "听证" in top["text"] and top["scores"]["dense"] is not None


def test_search_law_aware_ranks_the_named_law_first(indexed_client: TestClient) -> None:
    token = issue_tokens(indexed_client, "aware")[Role.OFFICER]
    response = indexed_client.get(
        "/api/search",
        params={"q": "根据统计法，处罚怎么定", "all_versions": True, "law_aware": True, "k": 3},
        headers=bearer(token),
    )
    assert response.status_code == 200, response.text
    assert response.json()["hits"][0]["law"] == "统计法"


# ---- discretion ---------------------------------------------------------------------


def test_discretion_search_show_evaluate_coverage(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    headers = bearer(tokens[Role.OFFICER])
    hits = client.get(
        "/api/discretion/search", params={"q": "未依法备案环境影响登记表"}, headers=headers
    ).json()
    assert hits and "备案" in hits[0]["title"]
    violation_id = hits[0]["id"]
    shown = client.get(f"/api/discretion/violations/{violation_id}", headers=headers).json()
    assert shown["id"] == violation_id and (shown["tiers"] or shown["factors"])
    decision = client.post(
        "/api/discretion/evaluate",
        json={"violation_id": violation_id, "facts": {"first_offence": True}},
        headers=headers,
    ).json()
    assert decision["violation_id"] == violation_id and decision["deciding_factors"]
    coverage = client.get("/api/discretion/coverage", headers=headers).json()
    assert {c["source"] for c in coverage} == {"jiangmen", "guangdong"}
    missing = client.get("/api/discretion/violations/JM-999-9", headers=headers)
    assert missing.status_code == 404 and missing.json()["code"] == "violation_not_found"
    by_article = client.get(
        "/api/discretion/search",
        params={"law": "环境影响评价法", "article": "第三十一条"},
        headers=headers,
    )
    assert by_article.status_code == 200 and by_article.json()
    bad_article = client.get(
        "/api/discretion/search",
        params={"law": "环境影响评价法", "article": "abc"},
        headers=headers,
    )
    assert bad_article.status_code == 422


# ---- uploads ------------------------------------------------------------------------


def test_wrong_type_upload_is_415(client: TestClient, tokens: dict[Role, str]) -> None:
    headers = bearer(tokens[Role.OFFICER])
    exe = client.post(
        "/api/transcriptions",
        files={"file": ("x.exe", b"MZ\x90\x00", "audio/wav")},
        headers=headers,
    )
    assert exe.status_code == 415 and exe.json()["code"] == "unsupported_media_type"
    assert "不支持" in exe.json()["message"]
    fake = client.post(
        "/api/transcriptions",
        files={"file": ("clip.wav", b"<html>not audio</html>" * 10, "audio/wav")},
        headers=headers,
    )
    assert fake.status_code == 415 and "不符" in fake.json()["message"]
    not_multipart = client.post(
        "/api/transcriptions", content=b"RIFF", headers=headers | {"Content-Type": "audio/wav"}
    )
    assert not_multipart.status_code == 415


def test_oversize_upload_is_413_before_and_while_reading(
    default_settings: Settings, default_store: CorpusStore
) -> None:
    settings = default_settings.model_copy(update={"upload_max_mb": 1})
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    headers = bearer(issue_tokens(client, "small")[Role.OFFICER])
    big = b"RIFF\x00\x00\x00\x00WAVE" + b"\x00" * (2 * 1024 * 1024)
    declared = client.post(
        "/api/transcriptions", files={"file": ("big.wav", big, "audio/wav")}, headers=headers
    )
    assert declared.status_code == 413 and declared.json()["code"] == "upload_too_large"
    assert "1 MB" in declared.json()["message"]

    def chunks():  # streamed without Content-Length: the counting limit stops it
        yield b'--b\r\nContent-Disposition: form-data; name="file"; filename="big.wav"\r\n\r\n'
        yield big
        yield b"\r\n--b--\r\n"

    streamed = client.post(
        "/api/transcriptions",
        content=chunks(),
        headers=headers | {"Content-Type": "multipart/form-data; boundary=b"},
    )
    assert streamed.status_code == 413
    leftovers = list((settings.data_dir / "uploads" / "audio").glob("*"))
    assert leftovers == []  # the partial file is removed


def test_file_names_never_become_paths(client: TestClient, tokens: dict[Role, str]) -> None:
    files = {"file": ("../../etc/evil.md", b"x", "text/markdown")}
    response = client.post("/api/transcriptions", files=files, headers=bearer(tokens[Role.OFFICER]))
    assert response.status_code == 415  # .md is no audio; nothing was written anywhere
    assert not (client.app.state.settings.data_dir.parent / "etc").exists()


def test_admin_imports_a_statute(tmp_path: Path) -> None:
    client = TestClient(create_app(Settings(data_dir=tmp_path)), raise_server_exceptions=False)
    tokens = issue_tokens(client, "import")
    with STATUTE.open("rb") as handle:
        response = client.post(
            "/api/corpus/import",
            files={"file": ("../统计法实施条例.md", handle, "text/markdown")},
            data={"version_date": "2017-05-28"},
            headers=bearer(tokens[Role.ADMIN]),
        )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["versions_written"] == 1 and report["articles"] > 40 and not report["failures"]
    assert report["file_name"] == "统计法实施条例.md"
    cited = client.get(
        "/api/cite", params={"q": "统计法实施条例第一条"}, headers=bearer(tokens[Role.OFFICER])
    )
    assert cited.status_code == 200 and cited.json()["results"][0]["text"]
    pdf_named_md = client.post(
        "/api/corpus/import",
        files={"file": ("law.pdf", b"# not a pdf", "application/pdf")},
        headers=bearer(tokens[Role.ADMIN]),
    )
    assert pdf_named_md.status_code == 415


# ---- page and docs ------------------------------------------------------------------


def test_web_page_and_docs_are_offline(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "执法智助" in page.text
    script = client.get("/static/app.js")
    assert script.status_code == 200 and "sessionStorage" in script.text
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    for text in (page.text, script.text, client.get("/static/app.css").text, docs.text):
        assert "http://" not in text and "https://" not in text  # no CDN
    assert "default-src 'self'" in page.headers["content-security-policy"]
    schema = client.get("/openapi.json").json()
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"

"""``zhifa user`` and ``zhifa audit``: the CLI side of service security."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.cli import app as cli
from api.http.app import create_app
from api.settings import Settings


def run(tmp_path: Path, *args: str):
    return CliRunner().invoke(cli, list(args), env={"ZHIFA_DATA_DIR": str(tmp_path)})


def test_user_lifecycle_and_audit_tail(tmp_path: Path) -> None:
    added = run(tmp_path, "user", "add", "王警官", "--role", "officer")
    assert added.exit_code == 0 and "执法人员" in added.output
    assert run(tmp_path, "user", "add", "王警官", "--role", "officer").exit_code == 1
    bad_role = run(tmp_path, "user", "add", "x", "--role", "boss")
    assert bad_role.exit_code == 1 and "未知角色" in bad_role.output

    issued = json.loads(run(tmp_path, "user", "token", "王警官", "--json").output)
    token = issued["token"]
    database = b"".join(p.read_bytes() for p in tmp_path.glob("zhifa.db*"))  # incl. WAL
    assert token.encode() not in database
    assert hashlib.sha256(token.encode()).hexdigest().encode() in database

    client = TestClient(create_app(Settings(data_dir=tmp_path)))
    assert client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200

    listed = json.loads(run(tmp_path, "user", "list", "--json").output)
    assert listed[0]["name"] == "王警官" and listed[0]["active_tokens"] == 1
    revoked = run(tmp_path, "user", "revoke", "王警官")
    assert revoked.exit_code == 0 and "1 个令牌" in revoked.output
    assert client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert run(tmp_path, "user", "token", "nobody").exit_code == 1

    tail = json.loads(run(tmp_path, "audit", "tail", "-n", "2", "--json").output)
    assert [(e["user"], e["status"], e["outcome"]) for e in tail] == [
        ("王警官", 200, "ok"),
        (None, 401, "denied"),
    ]
    text = run(tmp_path, "audit", "tail")
    assert text.exit_code == 0 and "GET /api/me" in text.output and token not in text.output

"""/api/roster, /api/lists, /api/draws, /api/av-recording-list: roles (only admins edit
rosters), all-or-nothing imports over HTTP, draws recorded under the caller's name."""

from __future__ import annotations

import pytest
from admin_fixtures import AGENCY, EXAMPLES, settings_with_roster
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from api.users import Role, UserStore
from assistant.case_record.event_log import CaseRecordStore
from corpus.store import CorpusStore


@pytest.fixture(scope="module")
def settings(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    return settings_with_roster(default_settings, tmp_path_factory.mktemp("zhifa-admin-api"))


@pytest.fixture(scope="module")
def client(settings: Settings) -> TestClient:
    return TestClient(create_app(settings), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def tokens(client: TestClient) -> dict[Role, str]:
    users: UserStore = client.app.state.users
    found = {}
    for role in Role:
        users.add_user(f"adm-{role.value}", role)
        found[role] = users.issue_token(f"adm-{role.value}").token
    return found


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


NEW_AGENCY = [{"执法主体名称": "江门市市场监督管理局", "主体类型": "行政机关"}]


@pytest.mark.parametrize("role", [Role.OFFICER, Role.REVIEWER])
def test_only_admins_edit_rosters(client: TestClient, tokens: dict[Role, str], role: Role) -> None:
    put = client.put("/api/roster/agencies", json={"rows": NEW_AGENCY}, headers=_auth(tokens[role]))
    assert put.status_code == 403 and "管理员" in put.json()["message"]
    files = {"file": ("agencies.csv", (EXAMPLES / "agencies.csv").read_bytes(), "text/csv")}
    post = client.post(
        "/api/roster/imports", files=files, data={"kind": "agencies"}, headers=_auth(tokens[role])
    )
    assert post.status_code == 403


def test_anyone_signed_in_reads_rosters_and_lists(
    client: TestClient, tokens: dict[Role, str]
) -> None:
    assert client.get("/api/roster/officers").status_code == 401
    headers = _auth(tokens[Role.REVIEWER])
    officers = client.get("/api/roster/officers", params={"agency": AGENCY}, headers=headers)
    assert len(officers.json()) == 6
    ratio = client.get("/api/roster/ratio", params={"date": "2024-06-20"}, headers=headers).json()
    assert ratio[0]["meets"] and ratio[0]["reviewers"] == 1
    expiring = client.get(
        "/api/roster/expiring", params={"date": "2024-06-20", "within": 30}, headers=headers
    )
    assert [w["name"] for w in expiring.json()] == ["王芳"]
    lists = client.get(
        "/api/lists", params={"agency": AGENCY, "date": "2024-06-20"}, headers=headers
    )
    assert lists.json()[0]["rows"][0]["实施依据"].startswith("《中华人民共和国水污染防治法》")
    xlsx = client.get(
        "/api/lists/file",
        params={"agency": AGENCY, "name": "行政执法事项清单", "format": "xlsx"},
        headers=headers,
    )
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    svg = client.get("/api/lists/flowchart.svg", params={"date": "2024-06-20"}, headers=headers)
    assert svg.headers["content-type"].startswith("image/svg+xml") and b"<svg" in svg.content
    unknown = client.get("/api/lists", params={"agency": "没有这个局"}, headers=headers)
    assert unknown.status_code == 404
    av = client.get("/api/av-recording-list", headers=headers).json()
    assert av["problems"] == [] and av["items"][0]["name"] == "查封、扣押财产"


def test_admin_imports_all_or_nothing(client: TestClient, tokens: dict[Role, str]) -> None:
    headers = _auth(tokens[Role.ADMIN])
    bad = "姓名,执法证号,所属机关\n新人,C-NEW-1,江门市生态环境局\n,C-NEW-2,江门市生态环境局\n"
    files = {"file": ("officers.csv", bad.encode("utf-8"), "text/csv")}
    rejected = client.post(
        "/api/roster/imports", files=files, data={"kind": "officers"}, headers=headers
    )
    assert rejected.status_code == 422 and rejected.json()["code"] == "roster_rows_invalid"
    assert rejected.json()["report"]["problems"][0]["row"] == 3
    numbers = {
        o["certificate_no"] for o in client.get("/api/roster/officers", headers=headers).json()
    }
    assert "C-NEW-1" not in numbers
    put = client.put("/api/roster/agencies", json={"rows": NEW_AGENCY}, headers=headers)
    assert put.status_code == 200 and put.json()["written"] == 1


def test_officers_draw_and_it_is_recorded(
    client: TestClient, tokens: dict[Role, str], settings: Settings
) -> None:
    body = {
        "agency": AGENCY,
        "matter": "对排污单位的现场检查",
        "date": "2024-06-20",
        "count": 2,
        "seed": "abc",
        "targets": [{"code": f"T{i}", "name": f"对象{i}"} for i in range(5)],
    }
    assert (
        client.post("/api/draws", json=body, headers=_auth(tokens[Role.REVIEWER])).status_code
        == 403
    )
    made = client.post("/api/draws", json=body, headers=_auth(tokens[Role.OFFICER]))
    assert made.status_code == 200, made.text
    result = made.json()
    draw_id = result["draw"]["draw_id"]
    (event,) = CaseRecordStore(settings).events(draw_id)
    assert event.actor == "adm-officer" and event.payload["seed"] == "abc"
    assert result["public_entry"]["抽查编号"] == draw_id
    again = client.post(
        "/api/draws", json=body | {"dry_run": True}, headers=_auth(tokens[Role.OFFICER])
    ).json()
    assert again["draw"]["assignments"] == result["draw"]["assignments"]
    impossible = client.post(
        "/api/draws", json=body | {"count": 9}, headers=_auth(tokens[Role.OFFICER])
    )
    assert impossible.status_code == 422 and "超过" in impossible.json()["message"]

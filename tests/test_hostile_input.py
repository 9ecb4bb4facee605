"""Every bad input of issue #20 is a 4xx with a stable code and a Chinese message, never a 5xx.

The values are the ones that gave 500s on a loopback probe: far-future dates (date
overflow), huge or non-finite fines (numeral conversion), integers past SQLite's range,
lone surrogates in JSON, control characters in names, ids and document text, and
oversized or malformed record events. Bodies are sent as raw JSON text because a
client library would refuse to encode some of them.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from admin_fixtures import AGENCY, settings_with_roster
from fastapi.testclient import TestClient

from api.http.app import create_app
from api.settings import Settings
from api.users import Role, UserStore
from assistant.case_file import EXAMPLE_CASE, read_case_data
from corpus.store import CorpusStore

SURROGATE = '"\\ud800"'  # JSON text of a lone surrogate


@pytest.fixture(scope="module")
def client(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
) -> TestClient:
    settings = settings_with_roster(default_settings, tmp_path_factory.mktemp("zhifa-hostile"))
    return TestClient(create_app(settings), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def headers(client: TestClient) -> dict[str, str]:
    users: UserStore = client.app.state.users
    users.add_user("hostile-admin", Role.ADMIN)
    token = users.issue_token("hostile-admin").token
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def _case(**changes: Any) -> dict[str, Any]:
    case = json.loads(json.dumps(read_case_data(EXAMPLE_CASE), default=str))
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = case
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value
    return case


def _raw(body: dict[str, Any], placeholder: str, json_text: str) -> str:
    """``body`` as JSON with the string ``placeholder`` replaced by raw JSON text."""
    return json.dumps(body, ensure_ascii=False).replace(f'"{placeholder}"', json_text)


DRAW = {
    "agency": AGENCY,
    "matter": "对排污单位的现场检查",
    "date": "2024-06-20",
    "count": 2,
    "seed": "abc",
    "targets": [{"code": f"T{i}", "name": f"对象{i}"} for i in range(5)],
}
PENALTY = _case()["penalty"]
BAD_REQUESTS: list[tuple[str, str, str]] = [
    ("/api/publicity/deadline", '{"decided": "9999-12-31", "kind": "penalty"}', "日期"),
    (
        "/api/publicity/deadline",
        '{"decided": "2024-01-02", "kind": "penalty", "revoked": "9999-12-31"}',
        "日期",
    ),
    ("/api/review", json.dumps(_case(violation__date="9999-12-31")), "日期"),
    ("/api/draws", json.dumps(DRAW | {"date": "9999-12-31"}), "日期"),
    *[
        (
            "/api/draft?format=json",
            _raw({"type": "决定书", "case_file": _case(penalty__amount="X")}, "X", amount),
            "",
        )
        for amount in ("1e23", "1e308", "Infinity", str(10**30))
    ],
    ("/api/users/hostile-admin/revoke", json.dumps({"token_id": 10**23}), "数值过大"),
    (
        "/api/records/粤环罚〔2024〕1号/events",
        _raw({"type": "启动", "payload": {"note": "X"}}, "X", SURROGATE),
        "Unicode",
    ),
    ("/api/review", _raw(_case(case_id="X"), "X", SURROGATE), "Unicode"),
    ("/api/draft?format=json", _raw({"type": "X", "case_file": _case()}, "X", SURROGATE), ""),
    ("/api/draws", _raw(DRAW | {"seed": "X"}, "X", SURROGATE), "Unicode"),
    # control characters, non-dates and sizes (the issue's second list)
    ("/api/users", json.dumps({"name": "adm1\n", "role": "officer"}), "用户名无效"),
    (
        "/api/records/粤环罚〔2024〕1号/events",
        json.dumps({"type": "启动", "occurred_at": "不是日期"}),
        "ISO 8601",
    ),
    ("/api/records/粤环罚%0A2024/events", json.dumps({"type": "启动"}), "控制字符"),
    (
        "/api/records/粤环罚〔2024〕1号/events",
        json.dumps({"type": "启动", "payload": {"x": "\x07"}}),
        "控制字符",
    ),
    ("/api/review", json.dumps(_case(case_id="粤\x00环")), "控制字符"),
]


@pytest.mark.parametrize(("path", "body", "says"), BAD_REQUESTS)
def test_bad_input_is_a_clear_4xx(
    client: TestClient, headers: dict[str, str], path: str, body: str, says: str
) -> None:
    response = client.post(path, content=body.encode("utf-8"), headers=headers)
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    error = response.json()
    assert error["code"] and error["message"]
    assert says in error["message"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"])


def test_oversized_event_payload_is_refused(client: TestClient, headers: dict[str, str]) -> None:
    big = {"type": "启动", "payload": {"note": "证" * 100_000}}  # 300 kB: over the 64 KB cap
    response = client.post("/api/records/粤环罚〔2024〕2号/events", json=big, headers=headers)
    assert response.status_code == 422 and "事件内容过大" in response.json()["message"]
    huge = b'{"type": "\xe5\x90\xaf\xe5\x8a\xa8", "payload": {"x": "' + b"a" * (5 << 20) + b'"}}'
    response = client.post("/api/records/粤环罚〔2024〕2号/events", content=huge, headers=headers)
    assert response.status_code == 413 and response.json()["code"] == "body_too_large"
    assert response.headers["connection"] == "close"


def test_valid_requests_still_pass(client: TestClient, headers: dict[str, str]) -> None:
    """The guard refuses only what is wrong: line breaks in text, real dates and fines pass."""
    event = {"type": "启动", "payload": {"note": "第一行\n第二行"}, "occurred_at": "2024-06-20"}
    made = client.post("/api/records/粤环罚〔2024〕3号/events", json=event, headers=headers)
    assert made.status_code == 200, made.text
    deadline = {"decided": "2024-05-06", "kind": "penalty"}
    assert client.post("/api/publicity/deadline", json=deadline, headers=headers).status_code == 200
    review = client.post("/api/review", json=_case(penalty__amount=50000.0), headers=headers)
    assert review.status_code == 200, review.text

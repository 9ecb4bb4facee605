"""schemathesis with every check on (the pytest form of ``--checks all``), plus the hostile
values of issue #20 injected into generated requests.

``test_api_schema`` asks only "no 5xx"; this one also holds every response to the
schema the app publishes: documented status codes, content types, headers and body
schemas, invalid data rejected, auth not ignored. Generated requests run first as
schemathesis makes them, then with one string, number or date field replaced by a
value from ``HOSTILE`` (lone surrogate, control characters, 9999-12-31, 1e308, 10**30…).
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks

from api.http.app import create_app
from api.settings import Settings
from api.users import Role, UserStore
from corpus.store import CorpusStore
from tests.test_api_publicity_records_cases import build_small_case_index
from tests.test_api_service import build_sample_index, copy_database

MAX_EXAMPLES = 15
HOSTILE_TEXT = ["\ud800", "adm1\n", "粤\x00环罚", "\x07", "a" * 300]
HOSTILE_NUMBERS = [1e23, 1e308, 10**23, 10**30, -(10**30), 2**63]
HOSTILE_DATES = ["9999-12-31", "0001-01-01", "2024-13-45", "不是日期"]
NOT_APPLICABLE = {
    "positive_data_acceptance": "the schema cannot say every rule of a case file (a penalty "
    "needs a legal basis…); schemathesis' positive data may be rightly refused with 422",
    "use_after_free": "nothing is deleted over the API (records are append-only)",
    "ensure_resource_availability": "same: no create-then-delete resources",
    "object_level_authorization": "needs two users' resources; covered by the auth tests",
}


def _all_checks() -> list:
    load_all_checks()
    return [c for c in CHECKS.get_all() if c.__name__ not in NOT_APPLICABLE]


@pytest.fixture(scope="module")
def app(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
):
    data = tmp_path_factory.mktemp("zhifa-conformance")
    copy_database(default_settings, data)
    build_sample_index(data)
    build_small_case_index(Settings(data_dir=data))
    return create_app(Settings(data_dir=data))


@pytest.fixture(scope="module")
def token(app) -> str:
    users: UserStore = app.state.users
    users.add_user("conformance-admin", Role.ADMIN)
    return users.issue_token("conformance-admin").token


@pytest.fixture(scope="module")
def api_schema(app):
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _hostile(value: object, draw: st.DrawFn) -> object:
    """``value`` with one leaf of matching kind replaced by a hostile one (JSON bodies)."""
    if isinstance(value, dict) and value:
        key = draw(st.sampled_from(sorted(value)))
        return value | {key: _hostile(value[key], draw)}
    if isinstance(value, list) and value:
        index = draw(st.integers(0, len(value) - 1))
        return [*value[:index], _hostile(value[index], draw), *value[index + 1 :]]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return draw(st.sampled_from(HOSTILE_NUMBERS))
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-":
        return draw(st.sampled_from(HOSTILE_DATES))
    return draw(st.sampled_from(HOSTILE_TEXT + HOSTILE_DATES))


def _send_hostile(client: TestClient, case, token: str, data: st.DataObject) -> int:
    """The mutated JSON body as raw text (``\\ud800`` escaped: a client library would refuse it)."""
    body = _hostile(case.body, data.draw)
    response = client.request(
        case.method,
        case.formatted_path,
        params=case.query,
        content=json.dumps(body, ensure_ascii=True).encode("ascii"),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert response.status_code < 500, (response.status_code, json.dumps(body)[:300])
    if response.status_code >= 400:
        assert response.json()["code"] and response.json()["message"]
    return response.status_code


def _run(
    operation, token: str, counts: Counter, client: TestClient | None, statuses: Counter
) -> None:
    """All checks on generated requests; or (``client`` given) hostile JSON bodies, no 5xx."""
    checks = _all_checks()

    @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE), data=st.data())
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case, data) -> None:
        counts[operation.label] += 1
        if client is None:
            response = case.call(headers={"Authorization": f"Bearer {token}"})
            case.validate_response(response, checks=checks)
        elif case.media_type == "application/json" and isinstance(case.body, dict | list):
            statuses[_send_hostile(client, case, token, data)] += 1

    run()


@pytest.mark.parametrize("hostile", [False, True], ids=["all-checks", "hostile-values"])
def test_every_response_conforms_to_the_published_schema(
    app, api_schema, token: str, hostile: bool, request: pytest.FixtureRequest
) -> None:
    counts: Counter = Counter()
    statuses: Counter = Counter()
    failures = []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        try:
            _run(operation, token, counts, TestClient(app) if hostile else None, statuses)
        except Unsatisfiable:
            continue
        except Exception as exc:
            failures.append(f"{operation.label}: {str(exc)[:800]}")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(
            f"schemathesis ({'hostile' if hostile else 'all checks'}): {sum(counts.values())} "
            f"cases over {len(counts)} operations, {len(failures)} operations failing; "
            f"hostile bodies sent by status: {dict(sorted(statuses.items()))}"
        )
    assert not failures, "\n\n".join(failures)
    if hostile:  # the hostile values were really sent, and refused
        assert sum(statuses.values()) > 100 and statuses[422] > 50

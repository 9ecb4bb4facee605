"""schemathesis against the app's own OpenAPI schema.

Every operation gets up to ``MAX_EXAMPLES`` generated requests with a valid admin
token (admins may call everything): valid ones must pass every applicable check (the
pytest form of ``--checks all``: status codes, content types, body schemas, auth),
invalid ones must never cause a 5xx; then JSON bodies with one field replaced by a
hostile value (issue #20) must be refused with a 4xx. The app runs on a copy of the default-corpus
database, so generated users and imports cannot leak into other tests. The number
of cases run is printed after each run (``pytest -s`` or the terminal summary).
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
from schemathesis.checks import CHECKS, load_all_checks, not_a_server_error

from api.http.app import create_app
from api.settings import Settings
from api.users import Role, UserStore
from corpus.store import CorpusStore
from models.whisper_assembly import default_whisper_dir, is_assembled
from tests.test_api_publicity_records_cases import build_small_case_index
from tests.test_api_service import build_sample_index, copy_database

MAX_EXAMPLES = 30
NOT_APPLICABLE = {
    "positive_data_acceptance": "the schema cannot say every rule of a case file (a penalty "
    "needs a legal basis…); schemathesis' positive data may be rightly refused with 422",
    "use_after_free": "nothing is deleted over the API (records are append-only)",
    "ensure_resource_availability": "same: no create-then-delete resources",
    "object_level_authorization": "needs two users' resources; covered by the auth tests",
}


def checks_for(mode: GenerationMode) -> tuple:
    """Valid requests meet every applicable check (``--checks all``); invalid ones: no 5xx."""
    if mode is GenerationMode.NEGATIVE:
        return (not_a_server_error,)
    load_all_checks()
    return tuple(c for c in CHECKS.get_all() if c.__name__ not in NOT_APPLICABLE)


@pytest.fixture(scope="module")
def fuzz_app(
    default_settings: Settings, default_store: CorpusStore, tmp_path_factory: pytest.TempPathFactory
):
    data = tmp_path_factory.mktemp("zhifa-fuzz")
    copy_database(default_settings, data)
    build_sample_index(data)  # search answers 200, not its 503 "index_missing"
    build_small_case_index(Settings(data_dir=data))  # likewise /api/cases/search
    whisper = default_whisper_dir(Settings())
    settings = Settings(data_dir=data, whisper_model_dir=whisper if is_assembled(whisper) else None)
    return create_app(settings)


@pytest.fixture(scope="module")
def admin_token(fuzz_app) -> str:
    users: UserStore = fuzz_app.state.users
    users.add_user("fuzz-admin", Role.ADMIN)
    return users.issue_token("fuzz-admin").token


@pytest.fixture(scope="module")
def api_schema(fuzz_app):
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


def fuzz_operation(operation, mode: GenerationMode, token: str, counts: Counter) -> None:
    """Run up to MAX_EXAMPLES generated requests against one operation; raise on a failed check."""

    checks = checks_for(mode)

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case) -> None:
        counts[f"{mode.value} {operation.label}"] += 1
        response = case.call(headers={"Authorization": f"Bearer {token}"})
        case.validate_response(response, checks=checks)

    run()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_generated_request_causes_a_server_error(
    api_schema, admin_token: str, mode: GenerationMode, request: pytest.FixtureRequest
) -> None:
    counts: Counter = Counter()
    failures = []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        try:
            fuzz_operation(operation, mode, admin_token, counts)
        except Unsatisfiable:  # e.g. no invalid request exists for GET /health
            continue
        except Exception as exc:  # collect every failing operation, then fail once
            failures.append(f"{operation.label}: {exc}")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(
            f"schemathesis ({mode.value}): {sum(counts.values())} cases over "
            f"{len(counts)} operations, {len(failures)} operations failing"
        )
    assert not failures, "\n".join(failures)


def test_schema_lists_every_capability(api_schema) -> None:
    paths = set(api_schema.raw_schema["paths"])
    assert {"/api/cite", "/api/search", "/api/transcriptions", "/api/discretion/evaluate"} <= paths


# --- issue #20: hostile values injected into generated JSON bodies ---------------------

HOSTILE_EXAMPLES = 15
HOSTILE_TEXT = ["\ud800", "adm1\n", "粤\x00环罚", "\x07", "a" * 300]
HOSTILE_NUMBERS = [1e23, 1e308, 10**23, 10**30, -(10**30), 2**63]
HOSTILE_DATES = ["9999-12-31", "0001-01-01", "2024-13-45", "不是日期"]


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


def _run_hostile(
    operation, token: str, counts: Counter, client: TestClient, statuses: Counter
) -> None:
    """Generated JSON bodies with one leaf replaced by a hostile value: never a 5xx."""

    @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE), data=st.data())
    @settings(
        max_examples=HOSTILE_EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case, data) -> None:
        counts[operation.label] += 1
        if case.media_type == "application/json" and isinstance(case.body, dict | list):
            statuses[_send_hostile(client, case, token, data)] += 1

    run()


def test_hostile_values_are_refused_not_crashed(
    fuzz_app, api_schema, admin_token: str, request: pytest.FixtureRequest
) -> None:
    counts: Counter = Counter()
    statuses: Counter = Counter()
    failures = []
    client = TestClient(fuzz_app)
    for result in api_schema.get_all_operations():
        operation = result.ok()
        try:
            _run_hostile(operation, admin_token, counts, client, statuses)
        except Unsatisfiable:
            continue
        except Exception as exc:
            failures.append(f"{operation.label}: {str(exc)[:800]}")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(
            f"schemathesis (hostile): {sum(counts.values())} cases over {len(counts)} "
            f"operations, {len(failures)} operations failing; "
            f"hostile bodies sent by status: {dict(sorted(statuses.items()))}"
        )
    assert not failures, "\n\n".join(failures)
    # the hostile values were really sent, and refused
    assert sum(statuses.values()) > 100 and statuses[422] > 50

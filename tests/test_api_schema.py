"""schemathesis against the app's own OpenAPI schema: no generated request may cause a 5xx.

Every operation gets up to ``MAX_EXAMPLES`` generated requests with a valid admin
token (admins may call everything). The app runs on a copy of the default-corpus
database, so generated users and imports cannot leak into other tests. The number
of cases run is printed after each run (``pytest -s`` or the terminal summary).
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from api.http.app import create_app
from api.settings import Settings
from api.users import Role, UserStore
from corpus.store import CorpusStore
from models.whisper_assembly import default_whisper_dir, is_assembled
from tests.test_api_publicity_records_cases import build_small_case_index
from tests.test_api_service import build_sample_index, copy_database

MAX_EXAMPLES = 30


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
    """Run up to MAX_EXAMPLES generated requests against one operation; raise on a 5xx."""

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
        case.validate_response(response, checks=(not_a_server_error,))

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
            f"{len(counts)} operations, {len(failures)} operations with server errors"
        )
    assert not failures, "\n".join(failures)


def test_schema_lists_every_capability(api_schema) -> None:
    paths = set(api_schema.raw_schema["paths"])
    assert {"/api/cite", "/api/search", "/api/transcriptions", "/api/discretion/evaluate"} <= paths

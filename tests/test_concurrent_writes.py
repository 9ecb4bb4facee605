"""Concurrent writers on one case record, the user table and draw numbers: every
acknowledged write is stored, none is refused, the chain stays intact.

Runs on SQLite (threads and separate processes) and, when ``ZHIFA_TEST_POSTGRES_URL``
is set, on PostgreSQL in a schema of its own.
"""

from __future__ import annotations

import multiprocessing
import os
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from admin_fixtures import AGENCY, EXAMPLES
from sqlalchemy import create_engine, text

from api.service_db import open_service_db
from api.settings import Settings
from api.users import Role, UserError, UserStore
from assistant.administration.draw_inputs import read_officers, read_targets
from assistant.administration.draw_publication import record_draw
from assistant.administration.random_draw import DrawRequest, draw
from assistant.case_record.event_log import CaseRecordStore, EventType
from assistant.case_record.verification import verify_events

CASE = "粤环罚〔2026〕20号"
CLIENTS = 20
EVENTS_EACH = 10
POSTGRES_URL = os.environ.get("ZHIFA_TEST_POSTGRES_URL")


@pytest.fixture(scope="module")
def pg_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    if not POSTGRES_URL:
        pytest.skip("未设置 ZHIFA_TEST_POSTGRES_URL（make test 会启动本机 PostgreSQL）")
    schema = f"zhifa_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in POSTGRES_URL else "?"
    url = f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    yield Settings(data_dir=tmp_path_factory.mktemp("zhifa-pg-conc"), database_url=url)
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    if request.param == "sqlite":
        return Settings(data_dir=tmp_path)
    return request.getfixturevalue("pg_settings")


def _append_many(settings: Settings, case_no: str, client: int, count: int) -> int:
    """One client with its own store (own connection pool), as a separate request would."""
    store = CaseRecordStore(settings)
    for n in range(count):
        store.append(case_no, EventType.INVESTIGATION, f"执法员{client}", {"n": n})
    store.engine.dispose()
    return count


def _assert_full_chain(settings: Settings, case_no: str, expected: int) -> None:
    store = CaseRecordStore(settings)
    events = store.events(case_no)
    assert len(events) == expected
    assert [e.seq for e in events] == list(range(1, expected + 1))
    assert verify_events(case_no, events, store.head(case_no)).ok


def test_threads_appending_to_one_case_all_land(settings: Settings) -> None:
    case_no = f"{CASE}-{uuid.uuid4().hex[:6]}"
    with ThreadPoolExecutor(CLIENTS) as pool:
        written = list(
            pool.map(lambda c: _append_many(settings, case_no, c, EVENTS_EACH), range(CLIENTS))
        )
    assert sum(written) == CLIENTS * EVENTS_EACH
    _assert_full_chain(settings, case_no, CLIENTS * EVENTS_EACH)


def test_processes_appending_to_one_case_all_land(settings: Settings) -> None:
    case_no = f"{CASE}-{uuid.uuid4().hex[:6]}"
    processes, each = 6, 3
    context = multiprocessing.get_context("fork")  # separate processes, no re-import
    with context.Pool(processes) as pool:
        written = pool.starmap(
            _append_many, [(settings, case_no, c, each) for c in range(processes)]
        )
    assert sum(written) == processes * each
    _assert_full_chain(settings, case_no, processes * each)


def test_concurrent_adds_of_one_user_give_one_user_and_clear_refusals(
    settings: Settings,
) -> None:
    users = UserStore(open_service_db(settings))
    name = f"并发用户{uuid.uuid4().hex[:6]}"

    def add(_: int) -> str:
        try:
            users.add_user(name, Role.OFFICER)
        except UserError as exc:
            return str(exc)
        return "ok"

    with ThreadPoolExecutor(10) as pool:
        outcomes = list(pool.map(add, range(10)))
    assert outcomes.count("ok") == 1
    assert set(outcomes) - {"ok"} == {f"用户已存在：{name}"}


def test_concurrent_draws_take_distinct_numbers(settings: Settings) -> None:
    records = CaseRecordStore(settings)
    request = DrawRequest(
        agency=AGENCY,
        matter="并发抽查",
        on=date(2024, 6, 20),
        count=2,
        seed=uuid.uuid4().hex,
        targets=read_targets(EXAMPLES / "targets.csv"),
        officers=read_officers(EXAMPLES / "officers.csv"),
    )

    def one(_: int) -> str:
        result = draw(request)
        record_draw(records, result, "张科长")
        return str(result.draw_id)

    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(one, range(8)))
    assert sorted(ids) == [f"抽查-2024-{n:03d}" for n in range(1, 9)]
    for draw_id in ids:
        assert len(records.events(draw_id)) == 1

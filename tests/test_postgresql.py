"""The same stores on a real PostgreSQL server (``ZHIFA_TEST_POSTGRES_URL``; make test sets it).

Each run works in a schema of its own (``search_path``), dropped afterwards, so the
database named in the URL is never emptied.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from api.service_db import open_service_db
from api.settings import Settings
from api.users import Role, UserStore
from assistant.case_record.event_log import CaseRecordStore, EventType
from assistant.case_record.verification import verify_events
from corpus.citation_resolver import CitationResolver
from corpus.ingest import ingest_paths
from corpus.store import CorpusStore

POSTGRES_URL = os.environ.get("ZHIFA_TEST_POSTGRES_URL")
pytestmark = pytest.mark.skipif(
    not POSTGRES_URL, reason="未设置 ZHIFA_TEST_POSTGRES_URL（make test 会启动本机 PostgreSQL）"
)
CASE = "粤环罚〔2024〕7号"


@pytest.fixture(scope="module")
def pg_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    schema = f"zhifa_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(str(POSTGRES_URL))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in str(POSTGRES_URL) else "?"
    url = f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    yield Settings(data_dir=tmp_path_factory.mktemp("zhifa-pg"), database_url=url)
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture(scope="module")
def pg_corpus(pg_settings: Settings) -> CorpusStore:
    store = CorpusStore(pg_settings)
    report = ingest_paths(store, [pg_settings.default_corpus_dir])
    assert not report.failures, report.failures
    return store


def test_corpus_on_postgresql_matches_sqlite(
    pg_corpus: CorpusStore, default_store: CorpusStore
) -> None:
    assert pg_corpus.engine.dialect.name == "postgresql"
    assert pg_corpus.stats() == default_store.stats()
    pg_texts = {a.unit_id: a.text for a in pg_corpus.iter_articles()}
    assert pg_texts == {a.unit_id: a.text for a in default_store.iter_articles()}


def test_reimport_on_postgresql_writes_nothing(
    pg_corpus: CorpusStore, pg_settings: Settings
) -> None:
    report = ingest_paths(pg_corpus, [pg_settings.default_corpus_dir])
    assert report.versions_written == 0 and not report.failures


def test_citations_resolve_on_postgresql(pg_corpus: CorpusStore) -> None:
    resolver = CitationResolver(pg_corpus)
    (ref,) = resolver.parse("行政处罚法第三十二条第二项")
    resolved = resolver.resolve(ref, date(2024, 1, 1))
    assert resolved.unit_id == "行政处罚法@2021-07-15#32.1.2"
    assert "胁迫" in resolved.text


def test_record_chain_is_append_only_on_postgresql(pg_settings: Settings, tmp_path: Path) -> None:
    store = CaseRecordStore(pg_settings)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8photo")
    store.append(CASE, EventType.START, "李强", {"摘要": "立案"})
    store.append(CASE, EventType.INVESTIGATION, "李强", {"摘要": "勘验"}, files=[photo])
    for statement in ("UPDATE case_event SET actor = 'x'", "DELETE FROM case_attachment"):
        with pytest.raises(DBAPIError, match="只能追加"), store.engine.begin() as connection:
            connection.execute(text(statement))
    assert verify_events(CASE, store.events(CASE), store.head(CASE)).ok
    with store.engine.begin() as connection:  # an attacker with DDL rights drops the guard
        connection.execute(text("DROP TRIGGER case_event_no_update ON case_event"))
        connection.execute(text("UPDATE case_event SET actor = '张三' WHERE seq = 1"))
    report = verify_events(CASE, store.events(CASE), store.head(CASE))
    assert not report.ok


def test_users_and_tokens_on_postgresql(pg_settings: Settings) -> None:
    users = UserStore(open_service_db(pg_settings))
    users.add_user("审核员甲", Role.REVIEWER)
    issued = users.issue_token("审核员甲")
    principal = users.authenticate(issued.token)
    assert principal is not None and principal.role is Role.REVIEWER
    assert users.revoke("审核员甲") == 1
    assert users.authenticate(issued.token) is None

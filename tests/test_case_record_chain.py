"""Whole-process record: an untampered chain verifies; every kind of tampering is named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from api.cli import app
from api.settings import Settings
from assistant.case_record.event_log import CaseRecordStore, EventType
from assistant.case_record.hashing import EventHeader, canonical_json, sha256_text
from assistant.case_record.verification import verify_events

CASE = "穗天市监罚〔2024〕12号"
STAGES = [
    EventType.START,
    EventType.INVESTIGATION,
    EventType.REVIEW,
    EventType.DECISION,
    EventType.SERVICE,
]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "var")


@pytest.fixture
def store(settings: Settings, tmp_path: Path) -> CaseRecordStore:
    store = CaseRecordStore(settings)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"\xff\xd8photo-bytes")
    for n, stage in enumerate(STAGES, start=1):
        files = [photo] if stage is EventType.INVESTIGATION else []
        store.append(
            CASE, stage, "李强", {"摘要": f"第{n}步"}, f"2024-03-0{n}T09:00:00+08:00", files
        )
    return store


def _verify(store: CaseRecordStore, receipt: str | None = None):
    return verify_events(CASE, store.events(CASE), store.head(CASE), receipt)


def _kinds(store: CaseRecordStore) -> set[str]:
    report = _verify(store)
    assert not report.ok
    return {p.kind.value for p in report.problems}


def _tamper(store: CaseRecordStore, *statements: str, **params: object) -> None:
    """An attacker with database access: drop the append-only guards, then change rows."""
    with store.engine.begin() as connection:
        for table in ("case_event", "case_attachment"):
            for op in ("update", "delete"):
                connection.execute(text(f"DROP TRIGGER IF EXISTS {table}_no_{op}"))
        for statement in statements:
            connection.execute(text(statement), params)


def _forged_row(store: CaseRecordStore, seq: int, prev_hash: str) -> dict[str, object]:
    """A well-formed event an attacker computes with the public algorithm."""
    payload = canonical_json({"摘要": "补记"})
    header = EventHeader(
        CASE,
        seq,
        "调查取证",
        "王五",
        "2024-03-03T10:00:00+08:00",
        "2024-03-03T10:00:00+08:00",
        sha256_text(payload),
        prev_hash,
    )
    return header.__dict__ | {"payload": payload, "event_hash": header.event_hash()}


INSERT = (
    "INSERT INTO case_event (case_no, seq, event_type, actor, occurred_at, recorded_at, payload,"
    " payload_hash, prev_hash, event_hash) VALUES (:case_no, :seq, :event_type, :actor,"
    " :occurred_at, :recorded_at, :payload, :payload_hash, :prev_hash, :event_hash)"
)


def test_untampered_chain_verifies(store: CaseRecordStore) -> None:
    report = _verify(store)
    assert report.ok, report.as_json()
    assert report.event_count == 5
    assert _verify(store, receipt=report.head_hash).ok


def test_append_only_guard_refuses_update_and_delete(store: CaseRecordStore) -> None:
    with pytest.raises(DBAPIError), store.engine.begin() as connection:
        connection.execute(text("UPDATE case_event SET actor = 'x'"))
    with pytest.raises(DBAPIError), store.engine.begin() as connection:
        connection.execute(text("DELETE FROM case_event"))
    assert _verify(store).ok


def test_edited_payload_detected(store: CaseRecordStore) -> None:
    _tamper(store, "UPDATE case_event SET payload = :p WHERE seq = 3", p='{"摘要":"改过"}')
    report = _verify(store)
    assert {(p.seq, p.kind.value) for p in report.problems} >= {(3, "edited")}


def test_edited_actor_detected(store: CaseRecordStore) -> None:
    _tamper(store, "UPDATE case_event SET actor = '张三' WHERE seq = 2")
    assert "edited" in _kinds(store)


def test_deleted_middle_event_detected(store: CaseRecordStore) -> None:
    _tamper(store, "DELETE FROM case_event WHERE seq = 4")
    assert "deleted" in _kinds(store)


def test_deleted_last_event_detected(store: CaseRecordStore) -> None:
    _tamper(store, "DELETE FROM case_event WHERE seq = 5")
    assert "deleted" in _kinds(store)


def test_deleted_and_renumbered_detected(store: CaseRecordStore) -> None:
    _tamper(
        store,
        "DELETE FROM case_event WHERE seq = 2",
        "UPDATE case_event SET seq = seq - 1 WHERE seq > 2",
        "UPDATE case_head SET event_count = 4",
    )
    assert "deleted" in _kinds(store)


def test_reordered_events_detected(store: CaseRecordStore) -> None:
    _tamper(
        store,
        "UPDATE case_event SET seq = 100 WHERE seq = 2",
        "UPDATE case_event SET seq = 2 WHERE seq = 3",
        "UPDATE case_event SET seq = 3 WHERE seq = 100",
    )
    assert "reordered" in _kinds(store)


def test_inserted_event_at_end_detected(store: CaseRecordStore) -> None:
    head = store.head(CASE)
    assert head is not None
    _tamper(store, INSERT, **_forged_row(store, 6, head[1]))
    assert "inserted" in _kinds(store)


def test_inserted_event_in_middle_detected(store: CaseRecordStore) -> None:
    events = store.events(CASE)
    _tamper(
        store,
        "UPDATE case_event SET seq = seq + 100 WHERE seq >= 3",
        "UPDATE case_event SET seq = seq - 99 WHERE seq >= 100",
        INSERT,
        "UPDATE case_head SET event_count = 6",
        **_forged_row(store, 3, events[1].event_hash),
    )
    assert "inserted" in _kinds(store)


def test_receipt_catches_a_rewritten_tail(store: CaseRecordStore) -> None:
    receipt = _verify(store).head_hash
    head = store.head(CASE)
    assert head is not None
    forged = _forged_row(store, 6, head[1])
    _tamper(
        store, INSERT, "UPDATE case_head SET event_count = 6, head_hash = :event_hash", **forged
    )
    assert _verify(store).ok  # a full rewrite of head and chain is only visible against a receipt
    report = _verify(store, receipt=receipt)
    assert {p.kind.value for p in report.problems} == {"inserted"}


def test_swapped_attachment_file_detected(store: CaseRecordStore) -> None:
    attachment = store.events(CASE)[1].attachments[0]
    Path(attachment.stored_path).write_bytes(b"another photo")
    report = _verify(store)
    assert [(p.seq, p.kind.value) for p in report.problems] == [(2, "attachment_changed")]


def test_swapped_attachment_row_detected(store: CaseRecordStore, tmp_path: Path) -> None:
    other = tmp_path / "other.jpg"
    other.write_bytes(b"other")
    import hashlib

    digest = hashlib.sha256(b"other").hexdigest()
    _tamper(
        store,
        "UPDATE case_attachment SET sha256 = :d, stored_path = :p",
        d=digest,
        p=str(other),
    )
    assert _kinds(store) == {"attachment_changed"}


def test_cli_add_verify_and_dispatch(settings: Settings, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ZHIFA_DATA_DIR", str(settings.data_dir))
    runner = CliRunner()
    doc = tmp_path / "决定书.docx"
    doc.write_bytes(b"docx bytes")
    added = runner.invoke(
        app,
        [
            "record",
            "add-event",
            "案-1",
            "--type",
            "启动",
            "--actor",
            "李强",
            "--payload",
            '{"来源":"投诉"}',
        ],
    )
    assert added.exit_code == 0, added.output
    attached = runner.invoke(
        app, ["record", "attach", "案-1", str(doc), "--actor", "李强", "--type", "决定"]
    )
    assert attached.exit_code == 0, attached.output
    ok = runner.invoke(app, ["record", "verify", "案-1", "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout) == json.loads(ok.stdout) | {"ok": True, "problems": []}
    stored = CaseRecordStore(settings).events("案-1")[1].attachments[0]
    Path(stored.stored_path).write_bytes(b"swapped")
    broken = runner.invoke(app, ["record", "verify", "案-1", "--json"])
    assert broken.exit_code == 1
    assert json.loads(broken.stdout)["problems"][0]["kind"] == "attachment_changed"
    log = runner.invoke(app, ["record", "log", "案-1", "--json"])
    assert [e["event_type"] for e in json.loads(log.stdout)] == ["启动", "决定"]
    missing_audio = runner.invoke(app, ["record", "verify", str(tmp_path / "x.audio.json")])
    assert missing_audio.exit_code != 0 and "错误：" in missing_audio.output
    unknown = runner.invoke(app, ["record", "verify", "没有的案件", "--json"])
    assert unknown.exit_code == 1 and json.loads(unknown.stdout)["ok"] is False

"""Append-only event log per case: write one event (with its attachments) per transaction.

Attachments are copied into a content-addressed folder (``sha256[:2]/sha256.ext``)
and their SHA-256 goes into the event payload, so the chain covers them too.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from assistant.case_record.hashing import (
    GENESIS_HASH,
    EventHeader,
    canonical_json,
    sha256_file,
    sha256_text,
)
from assistant.case_record.tables import (
    CaseAttachmentRow,
    CaseEventRow,
    CaseHeadRow,
    create_record_tables,
)
from assistant.settings import AssistantSettings
from corpus.errors import ErrorKind, ZhifaError
from corpus.field_types import check_occurred_at, text_problem
from corpus.serialized_writes import open_engine, serialized_write

CHINA_TIME = timezone(timedelta(hours=8))
MAX_PAYLOAD_BYTES = 64 * 1024
"""Event content is a structured note; recordings and scans go in as attachments."""
MAX_NAME_CHARS = 120


class EventType(StrEnum):
    """Stages named in 全过程记录办法第二条, plus 公示 and 撤回 of the 公示办法."""

    START = "启动"
    INVESTIGATION = "调查取证"
    REVIEW = "审核"
    DECISION = "决定"
    SERVICE = "送达"
    EXECUTION = "执行"
    PUBLICATION = "公示"
    WITHDRAWAL = "撤回"


class AttachmentKind(StrEnum):
    AUDIO = "audio"
    VIDEO = "video"
    PHOTO = "photo"
    DOCUMENT = "document"


SUFFIX_KINDS = {
    AttachmentKind.AUDIO: {".wav", ".mp3", ".m4a", ".amr", ".aac", ".flac", ".ogg"},
    AttachmentKind.VIDEO: {".mp4", ".mov", ".avi", ".mkv"},
    AttachmentKind.PHOTO: {".jpg", ".jpeg", ".png", ".heic", ".bmp", ".gif", ".webp"},
}


class CaseRecordError(ZhifaError, ValueError, kind=ErrorKind.INVALID, code="invalid_record"):
    """A record cannot be written (unknown stage, missing file, empty actor)."""


class CaseRecordExistsError(CaseRecordError, kind=ErrorKind.CONFLICT, code="record_exists"):
    """A new case was asked for but its number already has events (a draw id taken)."""


def attachment_kind(path: Path) -> AttachmentKind:
    suffix = path.suffix.lower()
    return next((k for k, s in SUFFIX_KINDS.items() if suffix in s), AttachmentKind.DOCUMENT)


@dataclass(frozen=True)
class StoredAttachment:
    kind: str
    file_name: str
    sha256: str
    size: int
    stored_path: str

    def as_json(self) -> dict[str, object]:
        return self.__dict__.copy()


@dataclass(frozen=True)
class RecordedEvent:
    case_no: str
    seq: int
    event_type: str
    actor: str
    occurred_at: str
    recorded_at: str
    payload: dict[str, Any]
    payload_hash: str
    prev_hash: str
    event_hash: str
    attachments: tuple[StoredAttachment, ...]

    def as_json(self) -> dict[str, object]:
        data = {k: v for k, v in self.__dict__.items() if k != "attachments"}
        return data | {"attachments": [a.as_json() for a in self.attachments]}


def _check_names(case_no: str, actor: str) -> None:
    """Case numbers and actors become file names, headings and keys: one short line."""
    if not case_no.strip() or not actor.strip():
        raise CaseRecordError("案件编号和记录人不能为空")
    for label, value in (("案件编号", case_no), ("记录人", actor)):
        if len(value) > MAX_NAME_CHARS:
            raise CaseRecordError(f"{label}过长（最多 {MAX_NAME_CHARS} 个字符）")
        problem = text_problem(value, single_line=True)
        if problem:
            raise CaseRecordError(f"{label}{problem}")


def _check_occurred_at(value: str) -> None:
    try:
        check_occurred_at(value)
    except ValueError as exc:
        raise CaseRecordError(f"发生时间无效：{exc}") from exc


def _now() -> str:
    return datetime.now(CHINA_TIME).isoformat(timespec="seconds")


def _event_from_row(row: CaseEventRow, attachments: list[CaseAttachmentRow]) -> RecordedEvent:
    return RecordedEvent(
        case_no=row.case_no,
        seq=row.seq,
        event_type=row.event_type,
        actor=row.actor,
        occurred_at=row.occurred_at,
        recorded_at=row.recorded_at,
        payload=json.loads(row.payload),
        payload_hash=row.payload_hash,
        prev_hash=row.prev_hash,
        event_hash=row.event_hash,
        attachments=tuple(
            StoredAttachment(a.kind, a.file_name, a.sha256, a.size, a.stored_path)
            for a in attachments
        ),
    )


class CaseRecordStore:
    """Whole-process records in the database of ``settings`` (same URL as the corpus)."""

    def __init__(self, settings: AssistantSettings) -> None:
        url = settings.resolved_database_url
        if url.startswith("sqlite:///"):
            settings.ensure_data_dir()
        self.engine: Engine = open_engine(url)
        create_record_tables(self.engine)
        self.attachments_dir = settings.resolved_case_attachments_dir

    # -- writing -------------------------------------------------------------------
    def append(
        self,
        case_no: str,
        event_type: EventType | str,
        actor: str,
        payload: dict[str, Any] | None = None,
        occurred_at: str | None = None,
        files: list[Path] | None = None,
        new_case: bool = False,
    ) -> RecordedEvent:
        """Append one event (and copy its attachments) in one transaction.

        Writers to one case take turns (``serialized_write``), so each gets the next
        sequence number; ``new_case`` refuses a case number that already has events.
        """
        stage = self._stage(event_type)
        _check_names(case_no, actor)
        if occurred_at is not None:
            _check_occurred_at(occurred_at)
        body = dict(payload or {})
        payload_text = canonical_json(body)
        if len(payload_text.encode("utf-8", "surrogatepass")) > MAX_PAYLOAD_BYTES:
            raise CaseRecordError(
                f"事件内容过大（上限 {MAX_PAYLOAD_BYTES // 1024} KB），附件请用文件上传"
            )
        if text_problem(payload_text, single_line=False):
            raise CaseRecordError(f"事件内容{text_problem(payload_text, single_line=False)}")
        stored = [self._store_file(path) for path in files or []]
        if stored:
            body["attachments"] = [{"file_name": a.file_name, "sha256": a.sha256} for a in stored]
            payload_text = canonical_json(body)
        occurred = occurred_at or _now()

        def write(session: Session) -> RecordedEvent:
            head = session.get(CaseHeadRow, case_no)
            if new_case and head is not None:
                raise CaseRecordExistsError(f"编号“{case_no}”已有记录，请换一个编号")
            header = EventHeader(
                case_no=case_no,
                seq=(head.event_count if head else 0) + 1,
                event_type=stage.value,
                actor=actor,
                occurred_at=occurred,
                recorded_at=_now(),
                payload_hash=sha256_text(payload_text),
                prev_hash=head.head_hash if head else GENESIS_HASH,
            )
            row = CaseEventRow(
                **header.__dict__, payload=payload_text, event_hash=header.event_hash()
            )
            session.add(row)
            session.flush()
            for a in stored:
                session.add(CaseAttachmentRow(event_id=row.id, case_no=case_no, **a.__dict__))
            if head is None:
                session.add(CaseHeadRow(case_no=case_no, event_count=1, head_hash=row.event_hash))
            else:
                head.event_count, head.head_hash = header.seq, row.event_hash
            session.flush()
            return replace(_event_from_row(row, []), attachments=tuple(stored))

        return serialized_write(self.engine, f"case_record:{case_no}", write)

    @staticmethod
    def _stage(event_type: EventType | str) -> EventType:
        try:
            return EventType(event_type)
        except ValueError as exc:
            names = "、".join(e.value for e in EventType)
            raise CaseRecordError(f"未知的执法环节“{event_type}”，应为：{names}") from exc

    def _store_file(self, path: Path) -> StoredAttachment:
        if not path.is_file():
            raise CaseRecordError(f"附件不存在：{path}")
        digest = sha256_file(path)
        target = self.attachments_dir / digest[:2] / f"{digest}{path.suffix.lower()}"
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{target.name}.{uuid.uuid4().hex}.part")
            shutil.copyfile(path, partial)
            os.replace(partial, target)  # concurrent writers of one content never see half
        kind = attachment_kind(path).value
        return StoredAttachment(kind, path.name, digest, path.stat().st_size, str(target))

    # -- reading -------------------------------------------------------------------
    def events(self, case_no: str) -> list[RecordedEvent]:
        """Events of a case in sequence order, with their attachments."""
        with Session(self.engine) as session:
            rows = session.scalars(
                select(CaseEventRow)
                .where(CaseEventRow.case_no == case_no)
                .order_by(CaseEventRow.seq)
            ).all()
            files = session.scalars(
                select(CaseAttachmentRow)
                .where(CaseAttachmentRow.case_no == case_no)
                .order_by(CaseAttachmentRow.id)
            ).all()
            by_event: dict[int, list[CaseAttachmentRow]] = {}
            for f in files:
                by_event.setdefault(f.event_id, []).append(f)
            return [_event_from_row(r, by_event.get(r.id, [])) for r in rows]

    def head(self, case_no: str) -> tuple[int, str] | None:
        """(event count, last event hash) as recorded at the last append."""
        with Session(self.engine) as session:
            head = session.get(CaseHeadRow, case_no)
            return (head.event_count, head.head_hash) if head else None

    def cases(self) -> list[tuple[str, int, str]]:
        with Session(self.engine) as session:
            heads = session.scalars(select(CaseHeadRow).order_by(CaseHeadRow.case_no)).all()
            return [(h.case_no, h.event_count, h.head_hash) for h in heads]
